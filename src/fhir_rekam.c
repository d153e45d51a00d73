/* The rest of a visit's record as SATUSEHAT's resources (FHIR R4, jansson):
 * MedicationRequest and MedicationDispense with the drug contained as a
 * Medication (KFA code, MedicationType), Procedure (ICD-9-CM),
 * AllergyIntolerance, Immunization (KFA vaccine code) and ServiceRequest (an
 * external referral). A resource taken back keeps its identity and says
 * entered-in-error. */
#include "pkm/fhir.h"
#include "fhir_priv.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SYS_KFA "http://sys-ids.kemkes.go.id/kfa"
#define SYS_SNOMED "http://snomed.info/sct"
#define SYS_TERM "http://terminology.hl7.org/CodeSystem/"

/* Who did it: the person's Practitioner, else the visit's health worker. */
static json_t *person(const struct fhir_visit *v, const struct fhir_res *r)
{
	return fhir_ref("Practitioner", *r->ihs ? r->ihs : v->practitioner_ihs, NULL);
}

static void set_time(json_t *o, const char *name, long t)
{
	char when[26];
	fhir_time(t, when);
	json_object_set_new(o, name, json_string(when));
}

static json_t *start(const struct fhir_visit *v, const struct fhir_res *r, const char *type, const char *status,
		     const char *urn_enc, const char *encounter_key)
{
	json_t *o = json_pack("{s:s, s:s}", "resourceType", type, "status", r->removed ? "entered-in-error" : status);
	json_object_set_new(o, "subject", fhir_ref("Patient", v->patient_ihs, v->patient_name));
	json_object_set_new(o, encounter_key, fhir_local_ref("Encounter", v->encounter_id, urn_enc));
	return o;
}

/* The identifiers a prescription line's resources share besides their own:
 * the visit's prescription, and (a dispensing's) its line. */
static json_t *prescription_ids(const struct fhir_visit *v, const struct fhir_res *r, int with_line)
{
	char sys[96], value[48];
	snprintf(sys, sizeof sys, "http://sys-ids.kemkes.go.id/prescription/%s", v->organisasi);
	snprintf(value, sizeof value, "%ld", v->id);
	json_t *ids = json_pack("[{s:s, s:s}]", "system", sys, "value", value);
	if (with_line) {
		snprintf(sys, sizeof sys, "http://sys-ids.kemkes.go.id/prescription-item/%s", v->organisasi);
		snprintf(value, sizeof value, "%ld-%ld", v->id, r->number);
		json_array_append_new(ids, json_pack("{s:s, s:s}", "system", sys, "value", value));
	}
	return ids;
}

/* The drug, contained as SATUSEHAT wants it: KFA code, MedicationType
 * (NC: a single product, not compounded) and its dosage form. */
static void medication(json_t *o, const struct fhir_res *r)
{
	json_t *type = fhir_coding("http://terminology.kemkes.go.id/CodeSystem/medication-type", "NC", "Non-compound");
	json_t *m = json_pack("{s:s, s:s, s:o, s:s, s:[{s:s, s:o}]}", "resourceType", "Medication", "id", "obat",
			      "code", fhir_coding(SYS_KFA, r->code, r->display), "status", "active", "extension",
			      "url", "https://fhir.kemkes.go.id/r4/StructureDefinition/MedicationType",
			      "valueCodeableConcept", type);
	if (*r->kind)
		json_object_set_new(m, "form", json_pack("{s:s}", "text", r->kind));
	json_object_set_new(o, "contained", json_pack("[o]", m));
	json_object_set_new(o, "medicationReference", json_pack("{s:s, s:s}", "reference", "#obat", "display", r->display));
}

/* The signa as text, with its times a day when it reads "3x1" and the like. */
static json_t *dosage(const struct fhir_res *r)
{
	json_t *d = json_pack("{s:i, s:s}", "sequence", 1, "text", r->text);
	char *end;
	long n = strtol(r->text, &end, 10);
	if (end != r->text && (*end == 'x' || *end == 'X') && n >= 1 && n <= 24)
		json_object_set_new(d, "timing", json_pack("{s:{s:i, s:i, s:s}}", "repeat", "frequency", (int)n, "period", 1,
							   "periodUnit", "d"));
	return json_pack("[o]", d);
}

static json_t *quantity(const struct fhir_res *r)
{
	return json_pack("{s:I, s:s}", "value", (json_int_t)r->qty, "unit", r->unit);
}

static json_t *medication_request(const struct fhir_visit *v, const struct fhir_res *r, const char *urn_enc)
{
	json_t *o = start(v, r, "MedicationRequest", r->status, urn_enc, "encounter");
	json_object_set_new(o, "identifier", prescription_ids(v, r, 0));
	json_object_set_new(o, "intent", json_string("order"));
	json_object_set_new(o, "category", json_pack("[o]", fhir_coding(SYS_TERM "medicationrequest-category", "outpatient",
									 "Outpatient")));
	medication(o, r);
	set_time(o, "authoredOn", r->when);
	json_object_set_new(o, "requester", person(v, r));
	if (!r->removed && *r->text)
		json_object_set_new(o, "dosageInstruction", dosage(r));
	if (!r->removed)
		json_object_set_new(o, "dispenseRequest", json_pack("{s:o}", "quantity", quantity(r)));
	return o;
}

/* The prescription line's MedicationRequest: its id, or its urn in this bundle. */
static json_t *line_ref(const struct fhir_visit *v, const struct fhir_res *r)
{
	for (int i = 0; i < v->n_res; i++) {
		const struct fhir_res *l = &v->res[i];
		if (strcmp(l->type, "MedicationRequest") == 0 && l->number == r->number) {
			char urn[46];
			fhir_urn(v, l->type, l->key, urn);
			return fhir_local_ref("MedicationRequest", l->id, urn);
		}
	}
	return NULL;
}

static json_t *medication_dispense(const struct fhir_visit *v, const struct fhir_res *r, const char *urn_enc)
{
	json_t *o = start(v, r, "MedicationDispense", "completed", urn_enc, "context");
	json_object_set_new(o, "identifier", prescription_ids(v, r, 1));
	json_object_set_new(o, "category", fhir_coding(SYS_TERM "medicationdispense-category", "outpatient", "Outpatient"));
	medication(o, r);
	json_object_set_new(o, "performer", json_pack("[{s:o}]", "actor", person(v, r)));
	json_object_set_new(o, "location", fhir_ref("Location", v->pharmacy_id, v->pharmacy_name));
	json_t *line = line_ref(v, r);
	if (line)
		json_object_set_new(o, "authorizingPrescription", json_pack("[o]", line));
	if (!r->removed) {
		json_object_set_new(o, "quantity", quantity(r));
		if (*r->text)
			json_object_set_new(o, "dosageInstruction", dosage(r));
	}
	set_time(o, "whenPrepared", r->when);
	set_time(o, "whenHandedOver", r->when);
	return o;
}

static json_t *procedure(const struct fhir_visit *v, const struct fhir_res *r, const char *urn_enc)
{
	json_t *o = start(v, r, "Procedure", "completed", urn_enc, "encounter");
	json_object_set_new(o, "code", fhir_coding("http://hl7.org/fhir/sid/icd-9-cm", r->code, r->display));
	json_object_set_new(o, "performedPeriod", fhir_period(v->started, v->finished));
	json_object_set_new(o, "performer", json_pack("[{s:o}]", "actor", person(v, r)));
	if (*r->text)
		json_object_set_new(o, "note", json_pack("[{s:s}]", "text", r->text));
	return o;
}

static json_t *allergy(const struct fhir_visit *v, const struct fhir_res *r, const char *urn_enc)
{
	int wrong = r->removed || strcmp(r->status, "entered-in-error") == 0;
	json_t *o = json_pack("{s:s}", "resourceType", "AllergyIntolerance");
	if (!wrong)
		json_object_set_new(o, "clinicalStatus", fhir_coding(SYS_TERM "allergyintolerance-clinical", r->status,
								      strcmp(r->status, "active") == 0 ? "Active" : "Resolved"));
	json_object_set_new(o, "verificationStatus",
			    fhir_coding(SYS_TERM "allergyintolerance-verification", wrong ? "entered-in-error" : "confirmed",
					wrong ? "Entered in Error" : "Confirmed"));
	/* a drug is named by its KFA code (93...), anything else by SNOMED CT */
	int drug = r->removed ? strncmp(r->code, "93", 2) == 0 : strcmp(r->kind, "medication") == 0;
	if (!r->removed)
		json_object_set_new(o, "category", json_pack("[s]", r->kind));
	json_object_set_new(o, "code", fhir_coding(drug ? SYS_KFA : SYS_SNOMED, r->code, r->display));
	json_object_set_new(o, "patient", fhir_ref("Patient", v->patient_ihs, v->patient_name));
	json_object_set_new(o, "encounter", fhir_local_ref("Encounter", v->encounter_id, urn_enc));
	set_time(o, "recordedDate", r->when);
	json_object_set_new(o, "recorder", person(v, r));
	if (!r->removed && *r->text)
		json_object_set_new(o, "reaction", json_pack("[{s:[{s:s}]}]", "manifestation", "text", r->text));
	return o;
}

static json_t *immunization(const struct fhir_visit *v, const struct fhir_res *r, const char *urn_enc)
{
	json_t *o = json_pack("{s:s, s:s}", "resourceType", "Immunization", "status",
			      r->removed ? "entered-in-error" : "completed");
	json_object_set_new(o, "vaccineCode", fhir_coding(SYS_KFA, r->code, r->display));
	json_object_set_new(o, "patient", fhir_ref("Patient", v->patient_ihs, v->patient_name));
	json_object_set_new(o, "encounter", fhir_local_ref("Encounter", v->encounter_id, urn_enc));
	set_time(o, "occurrenceDateTime", r->when);
	json_object_set_new(o, "primarySource", json_true());
	if (r->text[0])
		json_object_set_new(o, "lotNumber", json_string(r->text));
	json_object_set_new(o, "performer", json_pack("[{s:o, s:o}]", "function",
						       fhir_coding(SYS_TERM "v2-0443", "AP", "Administering Provider"),
						       "actor", person(v, r)));
	if (!r->removed) {
		json_object_set_new(o, "reasonCode", json_pack("[o]", fhir_coding(
			"http://terminology.kemkes.go.id/CodeSystem/immunization-reason", r->kind, r->kind)));
		json_object_set_new(o, "protocolApplied", json_pack("[{s:I}]", "doseNumberPositiveInt", (json_int_t)r->number));
	}
	return o;
}

static json_t *referral(const struct fhir_visit *v, const struct fhir_res *r, const char *urn_enc)
{
	json_t *o = start(v, r, "ServiceRequest", "active", urn_enc, "encounter");
	json_object_set_new(o, "intent", json_string("original-order"));
	json_object_set_new(o, "category", json_pack("[o]", fhir_coding(SYS_SNOMED, "3457005", "Patient referral")));
	json_object_set_new(o, "code", fhir_coding(SYS_SNOMED, "3457005", "Patient referral"));
	set_time(o, "authoredOn", r->when);
	json_object_set_new(o, "requester", person(v, r));
	if (*r->kind)
		json_object_set_new(o, "performer", json_pack("[{s:s}]", "display", r->kind));
	/* why: the visit's main diagnosis (ICD-10) and the words of the form */
	json_t *why = NULL;
	for (int i = 0; i < v->n_cond && !why; i++)
		if (!v->cond[i].removed)
			why = fhir_coding("http://hl7.org/fhir/sid/icd-10", v->cond[i].code, v->cond[i].display);
	if (*r->text)
		json_object_set_new(why ? why : (why = json_object()), "text", json_string(r->text));
	if (why)
		json_object_set_new(o, "reasonCode", json_pack("[o]", why));
	return o;
}

json_t *fhir_res_json(const struct fhir_visit *v, const struct fhir_res *r, const char *urn_enc)
{
	static const struct {
		const char *type;
		json_t *(*build)(const struct fhir_visit *, const struct fhir_res *, const char *);
	} kinds[] = {
		{ "MedicationRequest", medication_request }, { "MedicationDispense", medication_dispense },
		{ "Procedure", procedure }, { "AllergyIntolerance", allergy }, { "Immunization", immunization },
		{ "ServiceRequest", referral },
	};
	for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
		if (strcmp(kinds[i].type, r->type) == 0)
			return kinds[i].build(v, r, urn_enc);
	return json_pack("{s:s}", "resourceType", r->type);	/* never: the loader makes only these */
}
