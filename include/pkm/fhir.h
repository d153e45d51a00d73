/* A visit as SATUSEHAT's FHIR R4 transaction Bundle: one Encounter, a
 * Condition per diagnosis, an Observation per vital sign a form recorded.
 * fhir_load reads the visit from the database; fhir_bundle builds the JSON
 * (jansson) from that alone, so a unit test can check it against a file. */
#ifndef PKM_FHIR_H
#define PKM_FHIR_H
#include <jansson.h>
#include <sqlite3.h>
#include "pkm/util.h"

struct fhir_condition {
	char code[16], display[200];
	char id[64];		/* the platform's, "" until sent */
	int removed;		/* sent before, no longer a diagnosis of the visit */
};
struct fhir_observation {
	char loinc[16], name[48], ucum[16];
	double value;
	char id[64];
};
#define FHIR_VITALS 7
/* One more resource of the visit: a prescription line (MedicationRequest), a
 * dispensing of one (MedicationDispense), a procedure, an allergy, a vaccine
 * dose (Immunization) or the external referral (ServiceRequest). key is its
 * kirim_sumber.kunci, "<ident>|<code>": its identifier's value is the visit
 * id and ident (an allergy's: ident alone, it is the patient's), and a
 * resource taken back is sent as entered-in-error from the code alone. */
struct fhir_res {
	const char *type;	/* a FHIR resource type (static text) */
	char key[64], id[64];	/* id: the platform's, "" until sent */
	int removed;
	char code[32], display[200];
	char status[24];	/* MedicationRequest, AllergyIntolerance: the status to send */
	char kind[32];		/* Medication form; allergy category; immunization reason; referral destination */
	char text[160];		/* signa; reaction; procedure note; referral reason; vaccine batch */
	char unit[24];		/* a drug's unit */
	long qty, number;	/* quantity; dose number; a dispensing's line */
	long when;		/* Unix time (UTC) of the act */
	char nik[17], ihs[64];	/* who did it: nik "" for the visit's health worker */
};
struct fhir_visit {
	long id, kirim_id;
	char organisasi[32], tanggal[11], unit[16], unit_name[64];
	int cancelled;
	char patient_nik[17], patient_name[128], practitioner_nik[17], practitioner_name[128];
	char patient_ihs[64], practitioner_ihs[64], location_id[64];
	long arrived, started, finished;	/* Unix times (UTC) */
	char encounter_id[64];
	struct fhir_condition *cond;
	int n_cond;
	struct fhir_observation obs[FHIR_VITALS];
	int n_obs;
	struct fhir_res *res;
	int n_res;
	char pharmacy_name[64], pharmacy_id[64];	/* the FARMASI unit's Location, when a drug was given */
	char wait[256];		/* why some resources wait (a drug without its KFA code), "" when none */
};

/* Read visit `kunjungan_id` of outbox item `kirim_id` with the ids the platform
 * already gave (kirim_sumber). zone: minutes east of UTC of the local clock;
 * dokter: the NIK used when no NAKES user recorded the visit. 0 on success. */
int fhir_load(sqlite3 *db, long kirim_id, const char *organisasi, int zone, const char *dokter,
	      struct fhir_visit *v, struct sbuf *err);
void fhir_visit_free(struct fhir_visit *v);
/* The fhir_res of a visit (fhir_load calls it inside its snapshot); a drug
 * without its KFA code leaves its resources out and says so in v->wait. */
int fhir_load_res(sqlite3 *db, struct fhir_visit *v, struct sbuf *err);
/* A fhir_res as its resource (new reference); urn_enc names the Encounter. */
json_t *fhir_res_json(const struct fhir_visit *v, const struct fhir_res *r, const char *urn_enc);

/* The transaction Bundle (new reference). Its entries: the Encounter, then
 * each Condition, then each Observation, then each fhir_res, in the arrays' order; each with its
 * identifier (sys-ids.kemkes.go.id/<type>/<organisasi>: the visit id, with
 * the code for a Condition or Observation), a PUT when the platform has it,
 * else a POST that is conditional on that identifier. */
json_t *fhir_bundle(const struct fhir_visit *v);
/* urn:uuid:... naming a resource of a visit inside its bundles: the same on
 * every attempt, different for every visit, kind and key. */
void fhir_urn(const struct fhir_visit *v, const char *kind, const char *key, char out[46]);
/* A resource's identifier that its create is conditional on: system and value. */
void fhir_res_identifier(const struct fhir_visit *v, const struct fhir_res *r, char *sys, size_t ssize, char *value,
			 size_t vsize);
/* "2026-12-01T01:02:03+00:00" */
void fhir_time(long t, char out[26]);
/* The resource id of a transaction-response entry (its location
 * "Type/id/_history/n", or resourceID); "" when it has none. Returns 1 when
 * the entry found the resource already there (200, not 201): a conditional
 * POST that changed nothing, so what was sent must go again as an update. */
int fhir_entry_id(json_t *entry, char *out, size_t size);
/* The words of an OperationOutcome (its issues' diagnostics or details),
 * or "" when the body is not one. */
void fhir_outcome_text(const char *body, char *out, size_t size);

#endif
