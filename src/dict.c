#include "pkm/dict.h"
#include "pkm/date.h"
#include "pkm/icd.h"
#include "pkm/ident.h"
#include "pkm/util.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const struct column_def columns[] = {
	{ "pasien", "no_rm", T_RM, 0, 20, 0, 0, "No. RM",
	  "Nomor rekam medis; kosongkan agar dibuat otomatis" },
	{ "pasien", "nama", T_TEXT, 1, 100, 0, 0, "Nama lengkap", "Nama sesuai KTP/KK" },
	{ "pasien", "jenis_kelamin", T_SEX, 1, 0, 0, 0, "Jenis kelamin", "L = laki-laki, P = perempuan" },
	{ "pasien", "tanggal_lahir", T_DATE, 0, 0, 0, 0, "Tanggal lahir",
	  "DD-MM-YYYY; kosongkan dan isi umur bila tidak diketahui" },
	{ "pasien", "umur", T_INT, 0, 0, 0, 130, "Umur (tahun)",
	  "Hanya bila tanggal lahir tidak diketahui: tanggal lahir diperkirakan 1 Juli" },
	{ "pasien", "nik", T_NIK, 0, 0, 0, 0, "NIK", "16 digit Nomor Induk Kependudukan" },
	{ "pasien", "no_bpjs", T_BPJS, 0, 0, 0, 0, "No. BPJS", "13 digit nomor kartu JKN-KIS" },
	{ "pasien", "penjamin", T_PAYER, 1, 0, 0, 0, "Penjamin", "Cara bayar: Spasi untuk memilih" },
	{ "pasien", "alamat", T_TEXT, 0, 190, 0, 0, "Alamat", "Jalan, RT/RW" },
	{ "pasien", "desa", T_TEXT, 0, 60, 0, 0, "Desa/kelurahan", "Desa atau kelurahan" },
	{ "kunjungan", "tanggal", T_DATE, 1, 0, 0, 0, "Tanggal", "Tanggal pelayanan" },
	{ "kunjungan", "unit", T_UNIT, 1, 0, 0, 0, "Unit", "Klaster atau unit tujuan: Spasi untuk memilih" },
	{ "kunjungan", "penjamin", T_PAYER, 1, 0, 0, 0, "Penjamin", "Cara bayar kunjungan ini" },
	{ "diagnosis", "icd10", T_ICD, 1, 0, 0, 0, "ICD-10", "Kode ICD-10, mis. J06.9" },
	{ "diagnosis", "kasus", T_KASUS, 0, 0, 0, 0, "Kasus",
	  "B = baru, L = lama, K = kunjungan kasus lama" },
};

const struct column_def *dict_find(const char *table, const char *column)
{
	for (size_t i = 0; i < ARRAY_LEN(columns); i++)
		if (strcmp(columns[i].table, table) == 0 && strcmp(columns[i].column, column) == 0)
			return &columns[i];
	return NULL;
}

/* Is `code` a row of the reference table? */
static int ref_exists(sqlite3 *db, enum col_type t, const char *code)
{
	const char *sql = t == T_UNIT ? "SELECT 1 FROM unit WHERE kode = ?"
				      : "SELECT 1 FROM penjamin WHERE kode = ?";
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

int dict_payer_needs_bpjs(sqlite3 *db, const char *payer)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT perlu_bpjs FROM penjamin WHERE kode = ?", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, payer, -1, SQLITE_STATIC);
	int needs = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return needs;
}

static const char *check_code(sqlite3 *db, enum col_type t, char *v)
{
	for (char *p = v; *p; p++)
		*p = *p == ' ' ? '_' : (char)toupper((unsigned char)*p);
	if (ref_exists(db, t, v))
		return NULL;
	return t == T_UNIT ? "Kode unit tidak dikenal (K1 K2 K3 K4 IGD FARMASI LAB RANAP GIGI)"
			   : "Kode penjamin tidak dikenal (UMUM BPJS_PBI BPJS_NON_PBI JAMPERSAL ...)";
}

const char *dict_check(sqlite3 *db, const struct column_def *c, const char *in, char *out, size_t size)
{
	static char msg[160];
	char v[256];
	str_copy(v, sizeof v, in);
	str_trim(v);
	if (!*v) {
		out[0] = '\0';
		if (!c->required)
			return NULL;
		snprintf(msg, sizeof msg, "%s wajib diisi", c->label);
		return msg;
	}
	const char *err = NULL;
	struct date d;
	char icd[ICD_LEN];
	long n;
	switch (c->type) {
	case T_TEXT:
		if ((int)strlen(v) > c->maxlen) {
			snprintf(msg, sizeof msg, "%s terlalu panjang (maksimal %d karakter)", c->label, c->maxlen);
			err = msg;
		}
		break;
	case T_RM:
		for (const char *p = v; *p && !err; p++)
			if (!isalnum((unsigned char)*p) && *p != '-' && *p != '/')
				err = "No. RM hanya boleh huruf, angka, '-' dan '/'";
		if (!err && (int)strlen(v) > c->maxlen)
			err = "No. RM terlalu panjang (maksimal 20 karakter)";
		break;
	case T_NIK:
		err = nik_error(v);
		break;
	case T_BPJS:
		err = bpjs_error(v);
		break;
	case T_DATE:
		if (date_parse_user(v, &d) != 0)
			err = "Tanggal tidak sah (contoh: 17-08-1980)";
		else
			date_format(d, v);
		break;
	case T_INT:
		if (parse_long(v, c->min, c->max, &n) != 0) {
			snprintf(msg, sizeof msg, "%s harus angka %ld-%ld", c->label, c->min, c->max);
			err = msg;
		}
		break;
	case T_SEX:
		v[0] = (char)toupper((unsigned char)v[0]);
		if (strlen(v) != 1 || (v[0] != 'L' && v[0] != 'P'))
			err = "Jenis kelamin harus L atau P";
		break;
	case T_UNIT:
	case T_PAYER:
		err = check_code(db, c->type, v);
		break;
	case T_ICD:
		if (icd_normalize(v, icd) != 0)
			err = "Kode ICD-10 tidak sah (contoh: A09, J06.9)";
		else
			str_copy(v, sizeof v, icd);
		break;
	case T_KASUS:
		v[0] = (char)toupper((unsigned char)v[0]);
		if (strlen(v) != 1 || !strchr("BLK", v[0]))
			err = "Kasus harus B (baru), L (lama) atau K (KKL)";
		break;
	}
	if (!err)
		str_copy(out, size, v);
	return err;
}
