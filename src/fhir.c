/* The Bundle of a visit, built with jansson (never JSON by hand). Codings and
 * systems are SATUSEHAT's (FHIR R4 with the Kemenkes identifier systems). */
#include "pkm/fhir.h"
#include "fhir_priv.h"
#include "pkm/digest.h"
#include <stdio.h>
#include <string.h>
#include <time.h>

#define SYS_ACTCODE "http://terminology.hl7.org/CodeSystem/v3-ActCode"

void fhir_time(long t, char out[26])
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(out, 26, "%Y-%m-%dT%H:%M:%S+00:00", &tm);
}

void fhir_urn(const struct fhir_visit *v, const char *kind, const char *key, char out[46])
{
	char text[256], hex[65];
	snprintf(text, sizeof text, "pkm|%s|%ld|%s|%s", v->organisasi, v->id, kind, key);
	struct digest *d = digest_new(NULL);
	digest_add(d, text, strlen(text));
	digest_end(d, hex);
	/* shaped as a version-5 (name-based) UUID */
	hex[12] = '5';
	hex[16] = "89ab"[hex[16] % 4];
	snprintf(out, 46, "urn:uuid:%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
}

json_t *fhir_coding(const char *system, const char *code, const char *display)
{
	return json_pack("{s:[{s:s, s:s, s:s}]}", "coding", "system", system, "code", code, "display", display);
}

json_t *fhir_ref(const char *type, const char *id, const char *display)
{
	char r[128];
	snprintf(r, sizeof r, "%s/%s", type, id);
	json_t *o = json_pack("{s:s}", "reference", r);
	if (display && *display)
		json_object_set_new(o, "display", json_string(display));
	return o;
}

/* A reference to a resource of this bundle: its id once the platform has one. */
json_t *fhir_local_ref(const char *type, const char *id, const char *urn)
{
	return *id ? fhir_ref(type, id, NULL) : json_pack("{s:s}", "reference", urn);
}

json_t *fhir_period(long start, long end)
{
	char a[26], b[26];
	fhir_time(start, a);
	fhir_time(end, b);
	return json_pack("{s:s, s:s}", "start", a, "end", b);
}

static const char *class_code(const char *unit, const char **display)
{
	if (strcmp(unit, "IGD") == 0)
		return *display = "emergency", "EMER";
	if (strcmp(unit, "RANAP") == 0)
		return *display = "inpatient encounter", "IMP";
	return *display = "ambulatory", "AMB";
}

/* Each resource's own identifier in the puskesmas' namespace: the visit id,
 * and for a Condition or Observation its code too. */
static void identifier(const struct fhir_visit *v, const char *kind, const char *key, char *sys, size_t ssize,
		       char *value, size_t vsize)
{
	char lower[24];
	size_t i = 0;
	for (; kind[i] && i < sizeof lower - 1; i++)
		lower[i] = (char)(kind[i] | 0x20);
	lower[i] = 0;
	snprintf(sys, ssize, "http://sys-ids.kemkes.go.id/%s/%s", lower, v->organisasi);
	if (*key)
		snprintf(value, vsize, "%ld-%s", v->id, key);
	else
		snprintf(value, vsize, "%ld", v->id);
}

void fhir_res_identifier(const struct fhir_visit *v, const struct fhir_res *r, char *sys, size_t ssize, char *value,
			 size_t vsize)
{
	static const struct { const char *type, *kind; } names[] = {
		{ "MedicationRequest", "prescription-item" }, { "AllergyIntolerance", "allergy" },
	};
	const char *kind = r->type;
	for (size_t i = 0; i < ARRAY_LEN(names); i++)
		if (strcmp(names[i].type, r->type) == 0)
			kind = names[i].kind;
	char ident[64];
	snprintf(ident, sizeof ident, "%.*s", (int)strcspn(r->key, "|"), r->key);
	identifier(v, kind, ident, sys, ssize, value, vsize);
	if (strcmp(r->type, "AllergyIntolerance") == 0)	/* the patient's, not the visit's */
		snprintf(value, vsize, "%s", ident);
}

/* One entry: a PUT (with its id) of a resource the platform has, else a
 * conditional POST on its first identifier (sys|value): a second POST of the
 * same identifier (a retry after a lost answer) creates nothing. */
static void add_entry(json_t *entries, const struct fhir_visit *v, const char *type, const char *key,
		      const char *id, json_t *res, const char *sys, const char *value)
{
	char url[192], urn[46];
	fhir_urn(v, type, key, urn);
	json_t *ids = json_object_get(res, "identifier");
	if (!ids)
		json_object_set_new(res, "identifier", ids = json_array());
	json_array_insert_new(ids, 0, json_pack("{s:s, s:s}", "system", sys, "value", value));
	json_t *req;
	if (*id) {
		snprintf(url, sizeof url, "%s/%s", type, id);
		json_object_set_new(res, "id", json_string(id));
		req = json_pack("{s:s, s:s}", "method", "PUT", "url", url);
	} else {
		snprintf(url, sizeof url, "identifier=%s|%s", sys, value);
		req = json_pack("{s:s, s:s, s:s}", "method", "POST", "url", type, "ifNoneExist", url);
	}
	json_array_append_new(entries, json_pack("{s:s, s:o, s:o}", "fullUrl", urn, "resource", res, "request", req));
}

/* An entry of the visit's own resources: the identifier is the visit's id and key. */
static void add_visit_entry(json_t *entries, const struct fhir_visit *v, const char *type, const char *key,
			    const char *id, json_t *res)
{
	char sys[96], value[48];
	identifier(v, type, key, sys, sizeof sys, value, sizeof value);
	add_entry(entries, v, type, key, id, res, sys, value);
}

static json_t *encounter(const struct fhir_visit *v)
{
	const char *cdisplay, *ccode = class_code(v->unit, &cdisplay);
	json_t *e = json_pack("{s:s, s:s, s:{s:s, s:s, s:s}}", "resourceType", "Encounter",
			      "status", v->cancelled ? "entered-in-error" : "finished",
			      "class", "system", SYS_ACTCODE, "code", ccode, "display", cdisplay);
	json_object_set_new(e, "subject", fhir_ref("Patient", v->patient_ihs, v->patient_name));
	json_t *who = fhir_coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "ATND", "attender");
	json_object_set_new(e, "participant", json_pack("[{s:[o], s:o}]", "type", who, "individual",
							 fhir_ref("Practitioner", v->practitioner_ihs, v->practitioner_name)));
	json_object_set_new(e, "period", fhir_period(v->arrived, v->finished));
	json_object_set_new(e, "location", json_pack("[{s:o}]", "location",
						      fhir_ref("Location", v->location_id, v->unit_name)));
	json_t *dx = json_array();
	int rank = 0;
	for (int i = 0; i < v->n_cond; i++) {
		const struct fhir_condition *c = &v->cond[i];
		if (c->removed)
			continue;
		char urn[46];
		fhir_urn(v, "Condition", c->code, urn);
		json_t *r = fhir_local_ref("Condition", c->id, urn);
		json_object_set_new(r, "display", json_string(c->display));
		json_t *use = fhir_coding("http://terminology.hl7.org/CodeSystem/diagnosis-role", "DD", "Discharge diagnosis");
		json_array_append_new(dx, json_pack("{s:o, s:o, s:i}", "condition", r, "use", use, "rank", ++rank));
	}
	if (rank)
		json_object_set_new(e, "diagnosis", dx);
	else
		json_decref(dx);
	json_object_set_new(e, "statusHistory",
			    json_pack("[{s:s, s:o}, {s:s, s:o}, {s:s, s:o}]",
				      "status", "arrived", "period", fhir_period(v->arrived, v->started),
				      "status", "in-progress", "period", fhir_period(v->started, v->finished),
				      "status", "finished", "period", fhir_period(v->finished, v->finished)));
	json_object_set_new(e, "serviceProvider", fhir_ref("Organization", v->organisasi, NULL));
	return e;
}

static json_t *condition(const struct fhir_visit *v, const struct fhir_condition *c, const char *urn_enc)
{
	char when[26];
	fhir_time(v->started, when);
	json_t *r = json_pack("{s:s}", "resourceType", "Condition");
	if (c->removed)	/* a diagnosis taken back: FHIR allows no clinicalStatus then */
		json_object_set_new(r, "verificationStatus",
				    fhir_coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", "entered-in-error",
					   "Entered in Error"));
	else
		json_object_set_new(r, "clinicalStatus",
				    fhir_coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active"));
	json_object_set_new(r, "category",
			    json_pack("[o]", fhir_coding("http://terminology.hl7.org/CodeSystem/condition-category",
						    "encounter-diagnosis", "Encounter Diagnosis")));
	json_object_set_new(r, "code", fhir_coding("http://hl7.org/fhir/sid/icd-10", c->code, c->display));
	json_object_set_new(r, "subject", fhir_ref("Patient", v->patient_ihs, v->patient_name));
	json_object_set_new(r, "encounter", fhir_local_ref("Encounter", v->encounter_id, urn_enc));
	json_object_set_new(r, "recordedDate", json_string(when));
	return r;
}

static json_t *observation(const struct fhir_visit *v, const struct fhir_observation *o, const char *urn_enc)
{
	char when[26];
	fhir_time(v->started, when);
	json_t *r = json_pack("{s:s, s:s}", "resourceType", "Observation", "status", "final");
	json_object_set_new(r, "category",
			    json_pack("[o]", fhir_coding("http://terminology.hl7.org/CodeSystem/observation-category",
							 "vital-signs", "Vital Signs")));
	json_object_set_new(r, "code", fhir_coding("http://loinc.org", o->loinc, o->name));
	json_object_set_new(r, "subject", fhir_ref("Patient", v->patient_ihs, v->patient_name));
	json_object_set_new(r, "performer", json_pack("[o]", fhir_ref("Practitioner", v->practitioner_ihs, NULL)));
	json_object_set_new(r, "encounter", fhir_local_ref("Encounter", v->encounter_id, urn_enc));
	json_object_set_new(r, "effectiveDateTime", json_string(when));
	json_object_set_new(r, "issued", json_string(when));
	json_object_set_new(r, "valueQuantity", json_pack("{s:f, s:s, s:s, s:s}", "value", o->value, "unit", o->ucum,
							   "system", "http://unitsofmeasure.org", "code", o->ucum));
	return r;
}

json_t *fhir_bundle(const struct fhir_visit *v)
{
	char urn_enc[46];
	fhir_urn(v, "Encounter", "", urn_enc);
	json_t *entries = json_array();
	add_visit_entry(entries, v, "Encounter", "", v->encounter_id, encounter(v));
	for (int i = 0; i < v->n_cond; i++)
		add_visit_entry(entries, v, "Condition", v->cond[i].code, v->cond[i].id, condition(v, &v->cond[i], urn_enc));
	for (int i = 0; i < v->n_obs; i++)
		add_visit_entry(entries, v, "Observation", v->obs[i].loinc, v->obs[i].id,
				observation(v, &v->obs[i], urn_enc));
	for (int i = 0; i < v->n_res; i++) {
		const struct fhir_res *r = &v->res[i];
		char sys[96], value[96];
		fhir_res_identifier(v, r, sys, sizeof sys, value, sizeof value);
		add_entry(entries, v, r->type, r->key, r->id, fhir_res_json(v, r, urn_enc), sys, value);
	}
	return json_pack("{s:s, s:s, s:o}", "resourceType", "Bundle", "type", "transaction", "entry", entries);
}

int fhir_entry_id(json_t *entry, char *out, size_t size)
{
	*out = 0;
	const char *status = json_string_value(json_object_get(json_object_get(entry, "response"), "status"));
	int existed = status && strncmp(status, "200", 3) == 0;
	json_t *resp = json_object_get(entry, "response");
	const char *loc = json_string_value(json_object_get(resp, "location"));
	const char *rid = json_string_value(json_object_get(resp, "resourceID"));
	if (loc) {	/* "Encounter/<id>/_history/1", or a full URL ending so */
		const char *hist = strstr(loc, "/_history");
		size_t end = hist ? (size_t)(hist - loc) : strlen(loc);
		size_t start = end;
		while (start > 0 && loc[start - 1] != '/')
			start--;
		if (end > start && end - start < size)
			snprintf(out, size, "%.*s", (int)(end - start), loc + start);
	} else if (rid && strlen(rid) < size)
		snprintf(out, size, "%s", rid);
	return existed;
}

void fhir_outcome_text(const char *body, char *out, size_t size)
{
	*out = 0;
	json_t *j = json_loads(body, 0, NULL);
	const char *type = json_string_value(json_object_get(j, "resourceType"));
	if (!type || strcmp(type, "OperationOutcome") != 0) {
		json_decref(j);
		return;
	}
	struct sbuf b = { 0 };
	size_t i;
	json_t *issue;
	json_array_foreach(json_object_get(j, "issue"), i, issue) {
		const char *d = json_string_value(json_object_get(issue, "diagnostics"));
		if (!d)
			d = json_string_value(json_object_get(json_object_get(issue, "details"), "text"));
		if (d)
			sb_printf(&b, "%s%s", b.len ? "; " : "", d);
	}
	str_copy(out, size, sb_str(&b));
	sb_free(&b);
	json_decref(j);
}
