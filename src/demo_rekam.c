/* The demo's codes for SATUSEHAT (issue 35): KFA codes on its drugs (two left
 * without on purpose, so "waits for a KFA code" shows) and a KFA list to pick
 * from, procedures on the dental, emergency and family-planning visits, a few
 * drug and food allergies, and referrals out to hospital; set-based over the
 * visits already made, in the caller's transaction, each row in the trail. */
#include "demo_priv.h"
#include "pkm/db.h"

/* Plausible product codes for the demo's drugs (Paracetamol's as SATUSEHAT's
 * examples show it; the others made up in its form): a demo, not a mapping. */
static const char kfa_sql[] =
	"CREATE TEMP TABLE demo_kfa (obat TEXT, kode TEXT, nama TEXT, bentuk TEXT);"
	"INSERT INTO demo_kfa VALUES"
	" ('PCT500', '93001019', 'Paracetamol 500 mg Tablet', 'Tablet'),"
	" ('AMX500', '93001113', 'Amoxicillin 500 mg Kaplet', 'Kaplet'),"
	" ('CTM4', '93001254', 'Chlorpheniramine Maleate 4 mg Tablet', 'Tablet'),"
	" ('ANT', '93002116', 'Antasida DOEN Tablet Kunyah', 'Tablet Kunyah'),"
	" ('OMZ20', '93002371', 'Omeprazole 20 mg Kapsul', 'Kapsul'),"
	" ('AML5', '93000544', 'Amlodipine 5 mg Tablet', 'Tablet'),"
	" ('CAP25', '93000987', 'Captopril 25 mg Tablet', 'Tablet'),"
	" ('MET500', '93002045', 'Metformin Hydrochloride 500 mg Tablet', 'Tablet'),"
	" ('GLB5', '93001642', 'Glibenclamide 5 mg Tablet', 'Tablet'),"
	" ('IBU400', '93001731', 'Ibuprofen 400 mg Tablet', 'Tablet'),"
	" ('ORS', '93002298', 'Oralit 200 mL Serbuk', 'Serbuk'),"
	" ('ZNC20', '93003050', 'Zinc Sulfate 20 mg Tablet Dispersibel', 'Tablet Dispersibel'),"
	" ('FE', '93001560', 'Ferrous Fumarate 60 mg / Folic Acid 0,4 mg Tablet', 'Tablet'),"
	" ('CIP500', '93001287', 'Ciprofloxacin 500 mg Tablet', 'Tablet'),"
	" ('ASM500', '93000210', 'Mefenamic Acid 500 mg Tablet', 'Tablet'),"
	" ('ALB400', '93000327', 'Albendazole 400 mg Tablet', 'Tablet'),"
	" ('SIM20', '93002810', 'Simvastatin 20 mg Tablet', 'Tablet'),"
	" ('LIDO', '93001925', 'Lidocaine Hydrochloride 2% Injeksi', 'Injeksi'),"
	" ('DEXI', '93001348', 'Dexamethasone 5 mg/mL Injeksi', 'Injeksi'),"
	" ('SALB', '93002655', 'Salbutamol 2 mg Tablet', 'Tablet');"
	"INSERT INTO kfa (kode, nama, nama_cari, bentuk) SELECT kode, nama, lower(nama), bentuk FROM demo_kfa;"
	"UPDATE obat SET kode_kfa = (SELECT kode FROM demo_kfa WHERE obat = obat.kode)"
	" WHERE kode IN (SELECT obat FROM demo_kfa);"
	"DROP TABLE demo_kfa;";

/* A visit's diagnosis to the procedure done for it (some of the visits). */
static const char procedures_sql[] =
	"INSERT OR IGNORE INTO tindakan (kunjungan_id, icd9, keterangan)"
	" SELECT k.id, CASE d.icd10 WHEN 'K02.1' THEN '23.2' WHEN 'K04.0' THEN '23.09' WHEN 'K05.1' THEN '96.54'"
	"  WHEN 'T14.1' THEN '86.59' WHEN 'J45.9' THEN '93.94' WHEN 'S93.4' THEN '93.54'"
	"  WHEN 'Z30.0' THEN iif(k.id % 3 = 0, '69.7', '99.24') END, ''"
	" FROM kunjungan k JOIN diagnosis d ON d.kunjungan_id = k.id"
	" WHERE k.batal IS NULL AND (d.icd10 IN ('K02.1', 'K04.0', 'K05.1', 'T14.1', 'S93.4', 'Z30.0')"
	"  OR (d.icd10 = 'J45.9' AND k.unit = 'IGD'));"
	"UPDATE tindakan SET keterangan = 'luka robek, dijahit' WHERE icd9 = '86.59';";

/* Three who reacted to amoxicillin (recorded at their last visit with it, so
 * it is not prescribed to them again), two patients allergic to egg, one to
 * cow's milk, one to house dust. */
static const char allergies_sql[] =
	"INSERT INTO alergi (pasien_id, obat, reaksi, keparahan, kunjungan_id, dicatat)"
	" SELECT k.pasien_id, 'AMX500', 'gatal-gatal dan bentol', iif(k.pasien_id % 2, 'moderate', 'severe'),"
	"  max(k.id), max(k.tanggal) || ' 09:30:00'"
	" FROM resep r JOIN kunjungan k ON k.id = r.kunjungan_id WHERE r.obat = 'AMX500'"
	" GROUP BY k.pasien_id ORDER BY k.pasien_id LIMIT 3;"
	"INSERT INTO alergi (pasien_id, alergen, reaksi, keparahan, dicatat)"
	" SELECT id, CASE WHEN n <= 2 THEN '102263004' WHEN n = 3 THEN '3718001' ELSE '128488006' END,"
	"  CASE WHEN n <= 3 THEN 'ruam kulit' ELSE 'bersin, sesak' END, iif(n = 4, 'mild', 'moderate'), '2026-01-05 10:00:00'"
	" FROM (SELECT p.id, row_number() OVER (ORDER BY p.id) AS n FROM pasien p"
	"  WHERE p.id NOT IN (SELECT pasien_id FROM alergi) AND p.id % 7 = 3) WHERE n <= 4;";

/* Referrals out: a third of pneumonias and some diabetics to the hospital. */
static const char referrals_sql[] =
	"INSERT OR IGNORE INTO f_rujukan (kunjungan_id, jenis, tujuan, faskes, ptm, alasan)"
	" SELECT k.id, 'KELUAR', 'FKRTL', iif(k.id % 2, 'RSUD Kabupaten', 'RS Bhayangkara'),"
	"  iif(d.icd10 = 'E11.9', 1, 0), iif(d.icd10 = 'E11.9', 'DM tidak terkontrol', 'Pneumonia, perlu rawat inap')"
	" FROM kunjungan k JOIN diagnosis d ON d.kunjungan_id = k.id"
	" WHERE k.batal IS NULL AND ((d.icd10 = 'J18.9' AND k.id % 3 = 0) OR (d.icd10 = 'E11.9' AND k.id % 11 = 0));";

int demo_rekam(struct demo *d)
{
	const char *const steps[] = { kfa_sql, procedures_sql, allergies_sql, referrals_sql };
	for (size_t i = 0; i < ARRAY_LEN(steps); i++)
		if (db_exec(d->db, steps[i], d->err) != 0)
			return -1;
	return 0;
}
