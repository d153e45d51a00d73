/* The demo's working area (issue 33): six villages with their pustu and
 * posyandu, two neighbouring ones, each patient's village drawn from them (a
 * few from outside, a few old free texts left for `pkm desa petakan`), and
 * each year's targets sized to the demo's own people. The draws here use a
 * hash of the patient's index, not the demo's generator: the rest of the demo
 * (and its golden digests) stays as it was. */
#include "demo_priv.h"
#include "pkm/db.h"
#include "pkm/desa.h"
#include <string.h>

static const struct desa area[] = {
	{ "3204102001", "Sukamaju", 1, "Pustu Sukamaju", "Melati 1, Melati 2, Melati 3" },
	{ "3204102002", "Sukarame", 1, "Pustu Sukarame", "Mawar 1, Mawar 2" },
	{ "3204102003", "Cikopo", 1, "", "Anggrek" },
	{ "3204102004", "Mekarsari", 1, "Pustu Mekarsari", "Kenanga 1, Kenanga 2" },
	{ "3204102005", "Margamulya", 1, "", "Dahlia" },
	{ "3204102006", "Cibodas", 1, "", "Flamboyan" },	/* its coverage clearly below target */
	{ "3204112001", "Tanjungsari", 0, "", "" },
	{ "3204112002", "Babakan", 0, "", "" },
};
/* Per thousand patients: the six villages' shares, then the neighbours'. */
static const int share[] = { 250, 200, 175, 155, 110, 90, 12, 8 };
/* Typed at the desk as outside the area, and old texts never mapped. */
static const char *const typed_outside[] = { "Nagrak", "Panenjoan", "Kp. Cipeundeuy" };
static const char *const old_texts[] = { "Suka Maju", "sukamaju ", "Mekar Sari", "Cikopo." };

static unsigned spread(int i) { return ((unsigned)i * 2654435761u >> 8) % 1000; }

/* A patient's village by its index: 1% typed outside, 1% an old text,
 * 2% of the neighbours'. */
static void draw(int i, struct patient *p)
{
	unsigned h = spread(i);
	p->desa_kode[0] = '\0';
	p->desa_luar = 0;
	if (h < 10) {
		str_copy(p->desa, sizeof p->desa, typed_outside[h % ARRAY_LEN(typed_outside)]);
		p->desa_luar = 1;
		return;
	}
	if (h < 20) {
		str_copy(p->desa, sizeof p->desa, old_texts[h % ARRAY_LEN(old_texts)]);
		return;
	}
	unsigned k = 0, sum = share[0], at = (h - 20) * 1000 / 980;
	while (k + 1 < ARRAY_LEN(area) && at >= sum)
		sum += (unsigned)share[++k];
	str_copy(p->desa, sizeof p->desa, area[k].nama);
	str_copy(p->desa_kode, sizeof p->desa_kode, area[k].kode);
}

int demo_desa_master(struct demo *d)
{
	if (db_begin(d->db) != 0)
		return sb_printf(d->err, "%s", db_busy_text(d->db)), -1;
	int rc = 0;
	for (size_t k = 0; rc == 0 && k < ARRAY_LEN(area); k++)
		rc = desa_put(d->db, &area[k], d->err);
	sqlite3_stmt *st = rc ? NULL : db_stmt(d->db, "UPDATE pasien SET desa = ?, desa_kode = ?, desa_luar = ? WHERE id = ?",
					      d->err);
	for (int i = 0; st && rc == 0 && i < d->npat; i++) {
		struct patient *p = &d->pat[i];
		draw(i, p);
		sqlite3_bind_text(st, 1, p->desa, -1, SQLITE_STATIC);
		db_bind_text(st, 2, p->desa_kode, 1);
		sqlite3_bind_int(st, 3, p->desa_luar);
		sqlite3_bind_int64(st, 4, p->id);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(d->err, d->db, "desa pasien demo");
		sqlite3_reset(st);
	}
	if (rc != 0 || !st || db_commit(d->db) != 0) {
		db_rollback(d->db);
		return -1;
	}
	return 0;
}

/* Who each kind counts among a village's patients in year ?1 (its days
 * ?1-01-01 to ?1-12-31), the age at mid-year. */
#define AGE "CAST((julianday(?1 || '-07-01') - julianday(p.tanggal_lahir)) / 365.25 AS INTEGER)"
#define IN_YEAR "k.tanggal BETWEEN ?1 || '-01-01' AND ?1 || '-12-31' AND k.batal IS NULL"
/* share: the target as a multiple of those counted. Women with an ANC contact
 * in a year include those whose K1 was the year before, and a district counts
 * more people with hypertension or diabetes than come, so those differ. */
static const struct {
	const char *jenis, *who;
	double share;
} kinds[] = {
	{ "bumil", "p.id IN (SELECT k.pasien_id FROM kunjungan k JOIN f_anc a ON a.kunjungan_id = k.id WHERE " IN_YEAR ")",
	  0.7 },
	{ "bulin", "p.id IN (SELECT k.pasien_id FROM kunjungan k JOIN f_persalinan b ON b.kunjungan_id = k.id WHERE "
		   IN_YEAR ")", 1.0 },
	{ "bayi", AGE " = 0", 1.15 },
	{ "baduta", AGE " < 2", 1.15 },
	{ "balita", AGE " < 5", 1.15 },
	{ "remaja_putri", "p.jenis_kelamin = 'P' AND " AGE " BETWEEN 10 AND 18", 1.15 },
	{ "usia_produktif", AGE " BETWEEN 15 AND 59", 1.15 },
	{ "lansia", AGE " >= 60", 1.15 },
	{ "pus", "p.jenis_kelamin = 'P' AND " AGE " BETWEEN 15 AND 49", 1.15 },
	{ "hipertensi", "p.id IN (SELECT k.pasien_id FROM kunjungan k JOIN diagnosis g ON g.kunjungan_id = k.id WHERE "
			IN_YEAR " AND g.icd10 LIKE 'I10%')", 1.8 },
	{ "dm", "p.id IN (SELECT k.pasien_id FROM kunjungan k JOIN diagnosis g ON g.kunjungan_id = k.id WHERE "
		IN_YEAR " AND g.icd10 LIKE 'E11%')", 1.8 },
};

/* Each year's targets: a village's demo count times its kind's share (Cibodas:
 * half as much again, its coverage clearly low). */
int demo_desa_targets(struct demo *d, struct date first, struct date end, struct sbuf *done)
{
	if (db_begin(d->db) != 0)
		return sb_printf(d->err, "%s", db_busy_text(d->db)), -1;
	int rc = 0;
	for (int y = first.y; rc == 0 && y <= end.y; y++)
		for (size_t k = 0; rc == 0 && k < ARRAY_LEN(kinds); k++) {
			struct sbuf sql = { 0 };
			sb_printf(&sql, "INSERT INTO sasaran (tahun, desa_kode, jenis, jumlah) SELECT ?1, v.kode, ?2, "
				  "1 + CAST(count(p.id) * ?3 * iif(v.kode = '3204102006', 1.5, 1.0) AS INTEGER) FROM desa v "
				  "LEFT JOIN pasien p ON p.desa_kode = v.kode AND %s WHERE v.wilayah = 1 GROUP BY v.kode",
				  kinds[k].who);
			sqlite3_stmt *st = db_prepare(d->db, sb_str(&sql), d->err);
			sb_free(&sql);
			if (st) {
				sqlite3_bind_int(st, 1, y);
				sqlite3_bind_text(st, 2, kinds[k].jenis, -1, SQLITE_STATIC);
				sqlite3_bind_double(st, 3, kinds[k].share);
			}
			rc = st && sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(d->err, d->db, "sasaran demo");
			sqlite3_finalize(st);
		}
	if (rc != 0 || db_commit(d->db) != 0) {
		db_rollback(d->db);
		return -1;
	}
	sb_printf(done, "demo: %d desa wilayah kerja dengan sasaran %d-%d, %ld pasien luar wilayah, %ld dengan teks "
		  "desa lama (pkm desa petakan)\n", 6, first.y, end.y,
		  db_query_long(d->db, "SELECT count(*) FROM pasien p LEFT JOIN desa v ON v.kode = p.desa_kode "
				"WHERE p.desa_luar = 1 OR v.wilayah = 0", 0),
		  db_query_long(d->db, "SELECT count(*) FROM pasien WHERE desa_kode IS NULL AND desa_luar = 0", 0));
	return 0;
}
