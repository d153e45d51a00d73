#include "pkm/ident.h"
#include "pkm/util.h"
#include <string.h>

static int two(const char *s) { return (s[0] - '0') * 10 + (s[1] - '0'); }

const char *nik_error(const char *nik)
{
	if (!str_is_digits(nik))
		return "NIK hanya boleh berisi angka";
	if (strlen(nik) != 16)
		return "NIK harus 16 digit";
	int day = two(nik + 6), month = two(nik + 8);
	if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71)))
		return "NIK tidak sah: tanggal lahir (digit 7-8) harus 01-31 atau 41-71";
	if (month < 1 || month > 12)
		return "NIK tidak sah: bulan lahir (digit 9-10) harus 01-12";
	return NULL;
}

const char *nik_mismatch(const char *nik, struct date birth, char sex)
{
	if (nik_error(nik))
		return NULL;
	int day = two(nik + 6), month = two(nik + 8), yy = two(nik + 10);
	char nik_sex = day > 40 ? 'P' : 'L';
	if (day > 40)
		day -= 40;
	if (nik_sex != sex)
		return nik_sex == 'P' ? "Perhatian: NIK menunjukkan perempuan" : "Perhatian: NIK menunjukkan laki-laki";
	if (day != birth.d || month != birth.m || yy != birth.y % 100)
		return "Perhatian: tanggal lahir berbeda dengan NIK";
	return NULL;
}

const char *bpjs_error(const char *no)
{
	if (!str_is_digits(no))
		return "No. BPJS hanya boleh berisi angka";
	if (strlen(no) != 13)
		return "No. BPJS harus 13 digit";
	return NULL;
}
