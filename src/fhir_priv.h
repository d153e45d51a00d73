/* The pieces of FHIR JSON the Bundle's builders share (src/fhir*.c only). */
#ifndef PKM_FHIR_PRIV_H
#define PKM_FHIR_PRIV_H
#include <jansson.h>

/* {"coding": [{system, code, display}]} */
json_t *fhir_coding(const char *system, const char *code, const char *display);
/* {"reference": "Type/id", "display"} (display omitted when "" or NULL) */
json_t *fhir_ref(const char *type, const char *id, const char *display);
/* A resource of the bundle: its id once the platform has one, else its urn. */
json_t *fhir_local_ref(const char *type, const char *id, const char *urn);
/* {"start", "end"} in UTC */
json_t *fhir_period(long start, long end);

#endif
