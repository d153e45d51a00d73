# ICD-10 from the command line: `icd10 cari` for terms that must and must not
# match (compared with tests/golden/icd10/cari.txt), and a full list of 18,000
# codes imported (time, all or nothing on one bad line, ';' lists, shipped names
# kept unless --timpa), after which LB1 prints names for codes that had none.
set -eu
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/pkm.db"
EXP="$(dirname "$0")/icd10/cari.txt"
pkm() { "$PKM_BIN" --db "$DB" "$@"; }
sql() { sqlite3 "$DB" "$1"; }
die() { echo "FAIL: $*" >&2; exit 1; }
out="$WORK/cari.txt"
for q in ispa flu maag gatal "darah tinggi" dbd tbc dm ht pilek j06 "J45.9" "demam dengue" epispadia "zzz"; do
	echo "== $q" >>"$out"
	pkm icd10 cari $q >>"$out"
done
[ -z "${UPDATE_GOLDEN:-}" ] || cp "$out" "$EXP"
diff -u "$EXP" "$out"

# a list of 18,000 codes, as SIMRS lists come (';', English and Indonesian names)
awk 'BEGIN { print "icd10_code;icd10_en;icd10_id";
	for (l = 0; l < 26; l++) for (c = 0; c < 100; c++) for (s = 0; s < 7; s++)
		printf "%c%02d.%d;Condition %d %d %d;Penyakit %c%02d nomor %d\n", 65 + l, c, s, l, c, s, 65 + l, c, s }' \
	>"$WORK/list.csv"
n=$(($(wc -l <"$WORK/list.csv") - 1))
[ "$n" -ge 18000 ] || die "the list has $n codes"
# one bad line: nothing is stored
cp "$WORK/list.csv" "$WORK/bad.csv"
echo "X1;Broken;Rusak" >>"$WORK/bad.csv"
before=$(sql "SELECT count(*) FROM icd10")
if pkm icd10 impor "$WORK/bad.csv" 2>"$WORK/err"; then die "a bad line was accepted"; fi
grep -q "bad.csv:$((n + 2)): icd10_code: kode ICD-10 tidak sah: 'X1'" "$WORK/err" || die "$(cat "$WORK/err")"
[ "$(sql "SELECT count(*) FROM icd10")" = "$before" ] || die "part of a bad list was stored"
# a visit with a code the shipped list does not name
printf 'no_rm,nama,jenis_kelamin,tanggal_lahir\n100001,Ani,P,1990-01-01\n' >"$WORK/p.csv"
printf 'no_rm,tanggal,unit,icd10,kasus\n100001,2026-11-02,K3,W55.3,B\n' >"$WORK/k.csv"
pkm import pasien "$WORK/p.csv" >/dev/null
pkm import kunjungan "$WORK/k.csv" >/dev/null
pkm report lb1 --month 2026-11 --layout klasik | grep "W55.3" | grep -q "tidak ada di daftar" || die "W55.3 named before"
start=$(date +%s)
pkm icd10 impor "$WORK/list.csv" >"$WORK/done"
took=$(($(date +%s) - start))
[ "$took" -le 10 ] || die "18,000 codes took $took s"
grep -q "list.csv: $n kode ICD-10" "$WORK/done" || die "$(cat "$WORK/done")"
grep -q "nama bawaan pkm dipertahankan; --timpa" "$WORK/done" || die "shipped names not kept: $(cat "$WORK/done")"
[ "$(sql "SELECT nama || '|' || nama_en FROM icd10 WHERE kode = 'A09.0'")" = "Penyakit A09 nomor 0|Condition 0 9 0" ]
# a shipped name stays, its English name is added; --timpa replaces it
[ "$(sql "SELECT nama || '|' || nama_en FROM icd10 WHERE kode = 'J45.9'")" = "Asma tidak spesifik|Condition 9 45 9" ] ||
	[ "$(sql "SELECT nama FROM icd10 WHERE kode = 'J45.9'")" = "Asma tidak spesifik" ] || die "shipped name replaced"
printf 'kode,nama\nJ45.9,Asma (nama dinas)\n' >"$WORK/one.csv"
pkm icd10 impor "$WORK/one.csv" >/dev/null
[ "$(sql "SELECT nama FROM icd10 WHERE kode = 'J45.9'")" = "Asma tidak spesifik" ] || die "replaced without --timpa"
pkm icd10 impor "$WORK/one.csv" --timpa >/dev/null
[ "$(sql "SELECT nama FROM icd10 WHERE kode = 'J45.9'")" = "Asma (nama dinas)" ] || die "--timpa did not replace"
# a Windows-1252 list with --encoding cp1252 (Excel on Indonesian Windows)
/usr/bin/printf 'kode;nama\nW98.1;Luka di Cibod\xe9\n' >"$WORK/latin.csv"
if pkm icd10 impor "$WORK/latin.csv" 2>/dev/null; then die "a Windows-1252 list was read as UTF-8"; fi
pkm icd10 impor "$WORK/latin.csv" --encoding cp1252 >/dev/null
[ "$(sql "SELECT nama FROM icd10 WHERE kode = 'W98.1'")" = "Luka di Cibodé" ] || die "cp1252 list not converted"
# the English name is searched too
pkm icd10 cari condition | grep -q "Penyakit A00 nomor 0" || die "English name not searched"
# LB1 now names the code
pkm report lb1 --month 2026-11 --layout klasik | grep -q "W55.3 *Penyakit W55 nomor 3" ||
	{ pkm report lb1 --month 2026-11 --layout klasik | grep W55 >&2; die "LB1 without the imported name"; }
# the import is in the trail, one row
[ "$(sql "SELECT count(*) FROM audit WHERE tabel = 'icd10' AND baru LIKE 'impor berkas %list.csv%'")" = 1 ]
echo ok
