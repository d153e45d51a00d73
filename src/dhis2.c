/* DHIS2's JSON both ways, by jansson: the dataValueSet out, the import
 * summary in (include/pkm/dhis2_kirim.h). */
#include "pkm/dhis2_kirim.h"
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

char *dhis2_json(const struct dhis2_set *s, int indent)
{
	json_t *o = json_object(), *values = json_array();
	json_object_set_new(o, "dataSet", json_string(s->map->data_set));
	if (*s->complete)
		json_object_set_new(o, "completeDate", json_string(s->complete));
	json_object_set_new(o, "period", json_string(s->period));
	json_object_set_new(o, "orgUnit", json_string(s->map->org_unit));
	for (int i = 0; i < s->n; i++) {
		json_t *v = json_object();
		json_object_set_new(v, "dataElement", json_string(s->v[i].de));
		json_object_set_new(v, "categoryOptionCombo", json_string(s->v[i].coc));
		json_object_set_new(v, "value", json_string(s->v[i].value));
		json_array_append_new(values, v);
	}
	json_object_set_new(o, "dataValues", values);
	char *text = json_dumps(o, JSON_PRESERVE_ORDER | (indent ? JSON_INDENT(2) : JSON_COMPACT));
	json_decref(o);
	return text;
}

static long count_of(const json_t *counts, const char *key)
{
	const json_t *v = json_object_get(counts, key);
	return json_is_integer(v) ? (long)json_integer_value(v) : 0;
}

/* A JSON string or number as text; "" for anything else. */
static void text_of(const json_t *v, char *out, size_t size)
{
	if (json_is_string(v))
		str_copy(out, size, json_string_value(v));
	else if (json_is_integer(v))
		snprintf(out, size, "%lld", (long long)json_integer_value(v));
	else
		out[0] = '\0';
}

int dhis2_summary_parse(const char *body, struct dhis2_summary *s, struct sbuf *err)
{
	memset(s, 0, sizeof *s);
	json_error_t je;
	json_t *root = json_loads(body, JSON_REJECT_DUPLICATES, &je);
	/* 2.38+ wraps the summary in `response` (with httpStatus beside it) */
	const json_t *sum = root ? json_object_get(root, "response") : NULL;
	if (!json_is_object(sum) || !json_object_get(sum, "importCount"))
		sum = root;
	const json_t *counts = json_object_get(sum, "importCount");
	if (!json_is_object(counts)) {
		sb_add(err, "jawaban DHIS2 bukan ringkasan impor (importCount tidak ada)");
		json_decref(root);
		return -1;
	}
	text_of(json_object_get(sum, "status"), s->status, sizeof s->status);
	text_of(json_object_get(sum, "description"), s->description, sizeof s->description);
	if (!*s->description)	/* 2.38+ says it in the wrapper's message */
		text_of(json_object_get(root, "message"), s->description, sizeof s->description);
	s->imported = count_of(counts, "imported");
	s->updated = count_of(counts, "updated");
	s->ignored = count_of(counts, "ignored");
	s->deleted = count_of(counts, "deleted");
	const json_t *list = json_object_get(sum, "conflicts");
	size_t i;
	const json_t *c;
	json_array_foreach(list, i, c) {
		char object[128], value[512];
		text_of(json_object_get(c, "object"), object, sizeof object);
		text_of(json_object_get(c, "value"), value, sizeof value);
		sb_printf(&s->conflicts, "%s: %s\n", object, value);
		s->nconflicts++;
	}
	json_decref(root);
	return 0;
}
