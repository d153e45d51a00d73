#include "pkm/ident.h"
#include "pkm/util.h"
#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
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

const char *kk_error(const char *no)
{
	if (!str_is_digits(no))
		return "No. KK hanya boleh berisi angka";
	if (strlen(no) != 16)
		return "No. KK harus 16 digit";
	int day = two(no + 6), month = two(no + 8);
	if (day < 1 || day > 31 || month < 1 || month > 12)
		return "No. KK tidak sah: tanggal terbit (digit 7-10) harus hari 01-31 dan bulan 01-12";
	return NULL;
}

const char *phone_normalize(const char *in, char *out, size_t size)
{
	char d[32];
	size_t n = 0;
	const char *p = in;
	if (*p == '+')
		p++;
	for (; *p; p++) {
		if (*p == ' ' || *p == '-' || *p == '.')
			continue;	/* the way people group a number */
		if (!isdigit((unsigned char)*p))
			return "No. HP hanya boleh angka (boleh diawali +62, dengan spasi atau '-')";
		if (n + 1 >= sizeof d)
			return "No. HP terlalu panjang (10-13 digit, mis. 081234567890)";
		d[n++] = *p;
	}
	d[n] = '\0';
	const char *rest = strncmp(d, "62", 2) == 0 ? d + 2 : d[0] == '0' ? d + 1 : NULL;
	if (!rest || rest[0] != '8')
		return "No. HP diawali 08 atau +628 (mis. 081234567890)";
	size_t len = strlen(rest) + 1;
	if (len < 10 || len > 13)
		return "No. HP harus 10-13 digit (mis. 081234567890)";
	snprintf(out, size, "0%s", rest);
	return NULL;
}

const char *rtrw_normalize(const char *in, char *out, size_t size)
{
	long num[2];
	int k = 0;
	for (const char *p = in; *p;) {
		if (isdigit((unsigned char)*p)) {
			if (k == 2)
				return "RT/RW ditulis dua angka, mis. 003/005";
			char *end;
			num[k++] = strtol(p, &end, 10);
			p = end;
		} else if (strchr(" /-.", *p) || strchr("RTWrtw", *p)) {
			p++;
		} else {
			return "RT/RW ditulis dua angka, mis. 003/005";
		}
	}
	if (k != 2)
		return "RT/RW ditulis dua angka, mis. 003/005";
	if (num[0] < 1 || num[0] > 999 || num[1] < 1 || num[1] > 999)
		return "RT dan RW harus 1-999";
	snprintf(out, size, "%03ld/%03ld", num[0], num[1]);
	return NULL;
}

size_t name_mark(const char *p)
{
	if (*p && strchr("'`-.", *p))
		return 1;
	/* U+2018 and U+2019, the typographic apostrophes */
	return (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
	       ((unsigned char)p[2] == 0x98 || (unsigned char)p[2] == 0x99) ? 3 : 0;
}

/* Append word (n bytes, marks dropped, upper-case) and a space when it fits whole. */
static void add_word(const char *w, size_t n, char *out, size_t size, size_t *len)
{
	char buf[256];
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < sizeof buf;) {
		size_t m = name_mark(w + i);
		if (m) {
			i += m;
			continue;
		}
		buf[k++] = (char)toupper((unsigned char)w[i++]);
	}
	if (!k || *len + k + 2 > size)
		return;
	if (*len)
		out[(*len)++] = ' ';
	memcpy(out + *len, buf, k);
	*len += k;
	out[*len] = '\0';
}

void name_search_words(const char *name, char *out, size_t size)
{
	size_t len = 0;
	if (size)
		out[0] = '\0';
	for (const char *w = name; *w;) {
		if (isspace((unsigned char)*w)) {
			w++;
			continue;
		}
		size_t n = 0;
		while (w[n] && !isspace((unsigned char)w[n]))
			n++;
		add_word(w, n, out, size, &len);
		/* the parts a mark splits the word into, when there are two or more */
		const char *part[32];
		size_t plen[32];
		int np = 0;
		for (size_t i = 0, start = 0; i <= n && np < 32;) {
			size_t m = i < n ? name_mark(w + i) : 1;
			if (!m) {
				i++;
				continue;
			}
			if (i > start) {
				part[np] = w + start;
				plen[np++] = i - start;
			}
			i += m;
			start = i;
		}
		for (int k = 0; np > 1 && k < np; k++)
			add_word(part[k], plen[k], out, size, &len);
		w += n;
	}
}
