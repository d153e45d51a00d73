# pkm impor formulir: kohort registers (ANC, imunisasi, penimbangan) from CSV
# files in fixture impor_formulir/. The good files are stored and LB3 counts
# them (the cells that change were worked out by hand from the rows: two K1,
# one KEK at LiLA 22, one anemia at Hb 10.5, Td1 and Td2, DPT-HB-Hib 4, MR1
# and MR2, vitamin A red for a child of 12-59 months, SKDN D 1 L + 1 P, N 1
# (11.0 -> 11.4 kg), a baby under the red line, gizi kurang, stunting). Each
# bad file has one bad cell: nothing is stored and the line, column and
# reason are told. --contoh is golden and its example line imports.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/pkm.db"
cd "$HERE/impor_formulir"
pkm() { "$PKM_BIN" --config pkm.ini --db "$DB" "$@"; }
die() { echo "$*" >&2; exit 1; }
. "$HERE/lib.sh"
counts() { sqlite3 "$DB" "SELECT (SELECT count(*) FROM kunjungan), (SELECT count(*) FROM f_anc),
	(SELECT count(*) FROM f_imunisasi), (SELECT count(*) FROM f_penimbangan), (SELECT count(*) FROM audit)"; }

pkm impor pasien pasien.csv >/dev/null
pkm impor kunjungan kunjungan.csv >/dev/null
pkm laporan lb3 --month 2026-10 --format data >"$WORK/before.data"

# the good rows, one trail row per file; the imunisasi file's MR1 at 8 months is
# warned about as the screen asks, and stored
for f in anc imunisasi penimbangan; do
	pkm impor formulir k2_$f $f.csv
done >"$WORK/impor-formulir.out"
check impor-formulir.out
[ "$(counts)" = "6|3|2|3|5" ] || die "good rows not stored as expected: $(counts)"
pkm laporan lb3 --month 2026-10 --format data >"$WORK/after.data"
diff "$WORK/before.data" "$WORK/after.data" | grep '^>' >"$WORK/impor-formulir-lb3.diff" || true
check impor-formulir-lb3.diff
# computed as on the screen: the K2 of a pregnancy (16 weeks, trimester 2),
# IMT left empty without a height, the later weighing's gain from the earlier
[ "$(sqlite3 "$DB" "SELECT usia_kehamilan, trimester, hpl, imt IS NULL, risiko_ket IS NULL FROM f_anc WHERE kontak = 2")" = \
	"16|2|2027-04-07|1|1" ] || die "ANC formulas"
[ "$(sqlite3 "$DB" "SELECT group_concat(coalesce(selisih_bb, '-') || '/' || coalesce(naik, '-'), ' ') FROM
	(SELECT f.* FROM f_penimbangan f JOIN kunjungan k ON k.id = f.kunjungan_id JOIN pasien p ON p.id = k.pasien_id
	 WHERE p.no_rm = '600005' ORDER BY k.tanggal)")" = "-/- 0.4/1" ] || die "weighing gain"
# the visit of 06-10-2026 registered before is found, not made twice
[ "$(sqlite3 "$DB" "SELECT count(*) FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id WHERE p.no_rm = '600005'
	AND k.tanggal = '2026-10-06'")" = 1 ] || die "visit made twice"
pkm audit | grep -q "impor berkas anc.csv (.*3 baris): 3 formulir k2_anc, 3 kunjungan baru (id 2-4)" ||
	die "no trail row for the file"

# one bad cell per file: nothing stored, told as FILE:LINE: column: why
stored=$(counts)
: >"$WORK/impor-formulir-bad.err"
bad() {	# bad FORM NAME CSV-LINES: a file of the header and lines, refused
	form=$1 name=$2
	shift 2
	printf '%s\n' "$@" >"$WORK/$name.csv"
	if pkm impor formulir "$form" "$WORK/$name.csv" >/dev/null 2>"$WORK/err"; then die "$name imported"; fi
	sed "s|$WORK/||" "$WORK/err" >>"$WORK/impor-formulir-bad.err"
	[ "$(counts)" = "$stored" ] || die "$name stored something"
}
ANC=no_rm,tanggal,unit,kontak,hpht,bb,td,lila,hb,hiv,faktor_risiko,risiko_ket,oleh_dokter
bad k2_anc pilihan $ANC 600002,2026-11-02,K2,2,2026-08-01,49,120/80,25,11,Positif,T,,Y
bad k2_anc rentang $ANC 600002,2026-11-02,K2,2,2026-08-01,249,120/80,25,11,NR,T,,Y
bad k2_anc wajib $ANC 600002,2026-11-02,K2,2,2026-08-01,49,,25,11,NR,T,,Y
bad k2_anc no-rm $ANC 600002,2026-11-02,K2,2,2026-08-01,49,120/80,25,11,NR,T,,Y \
	699999,2026-11-02,K2,1,2026-08-01,49,120/80,25,11,NR,T,,Y
bad k2_anc tanggal $ANC 600002,02-11-2026,K2,2,2026-08-01,49,120/80,25,11,NR,T,,Y
bad k2_anc k1-lagi $ANC 600001,2026-11-02,K2,1,2026-07-01,54,110/70,23,11,NR,T,,Y
bad k2_anc k1-dua-kali $ANC 600002,2026-11-02,K2,2,2026-08-01,49,120/80,25,11,NR,T,,Y \
	600001,2026-11-03,K2,1,2026-09-20,54,110/70,23,11,NR,T,,Y 600001,2026-11-16,K2,1,2026-09-20,55,110/70,23,11,NR,T,,Y
bad k2_anc tersembunyi $ANC "600002,2026-11-02,K2,2,2026-08-01,49,120/80,25,11,NR,T,Jarak dekat,Y"
bad k2_anc bukan-sasaran $ANC 600006,2026-11-02,K2,1,2026-08-01,70,120/80,25,11,NR,T,,Y
bad k2_anc sudah-diisi $ANC 600001,2026-10-05,K2,1,2026-07-01,52,110/70,22,11.5,NR,T,,Y
bad k2_anc kolom-asing no_rm,tanggal,unit,kontak,berat,td,oleh_dokter 600002,2026-11-02,K2,2,49,120/80,Y
bad k2_anc dihitung no_rm,tanggal,unit,kontak,bb,td,oleh_dokter,imt 600002,2026-11-02,K2,2,49,120/80,Y,20
bad k2_imunisasi dosis no_rm,tanggal,unit,polio 600004,2026-11-02,K2,OPV5
bad k2_penimbangan unit no_rm,tanggal,unit,bb 600004,2026-11-02,K3,8
bad k2_penimbangan berat no_rm,tanggal,unit,bb 600004,2026-11-02,K2,45
bad k2_penimbangan masa-depan no_rm,tanggal,unit,bb 600004,2026-11-24,K2,8
check impor-formulir-bad.err

# cp1252 (Excel on Indonesian Windows): refused as UTF-8, read with --encoding
printf 'no_rm,tanggal,unit,kontak,bb,td,faktor_risiko,risiko_ket,oleh_dokter\n600002,2026-11-02,K2,2,49,120/80,Y,Rujukan dr. Jos\351 (pre-eklamsia),Y\n' \
	>"$WORK/cp1252.csv"
if pkm impor formulir k2_anc "$WORK/cp1252.csv" >/dev/null 2>&1; then die "cp1252 taken as UTF-8"; fi
pkm impor formulir k2_anc "$WORK/cp1252.csv" --encoding cp1252 >/dev/null
[ "$(sqlite3 "$DB" "SELECT risiko_ket FROM f_anc WHERE kontak = 2 AND hpht IS NULL")" = "Rujukan dr. José (pre-eklamsia)" ] ||
	die "cp1252 text not stored as UTF-8"

# a signed month takes rows only with --alasan, kept in the trail
pkm laporan final lb3 --month 10-2026 --nama Bidan >/dev/null
printf '%s\n' no_rm,tanggal,unit,bb 600004,2026-10-28,K2,7.9 >"$WORK/telat.csv"
if pkm impor formulir k2_penimbangan "$WORK/telat.csv" 2>"$WORK/err" >/dev/null; then die "signed month without --alasan"; fi
grep -q "telat.csv:2: tanggal: laporan bulan 10-2026 (LB3) sudah FINAL: impor ke bulan itu perlu --alasan" "$WORK/err" ||
	die "signed month not told"
pkm impor formulir k2_penimbangan "$WORK/telat.csv" --alasan "buku KIA posyandu datang terlambat" >/dev/null
pkm audit | grep -q "ke bulan FINAL 10-2026 (LB3), alasan: buku KIA posyandu datang terlambat" || die "reason not in the trail"

# the template: golden for the three forms, and its example line imports
for f in anc imunisasi penimbangan; do
	pkm impor formulir k2_$f --contoh >"$WORK/contoh-$f.csv"
	pkm impor formulir k2_$f "$WORK/contoh-$f.csv" >/dev/null || die "the example of k2_$f does not import"
	cat "$WORK/contoh-$f.csv"
done >"$WORK/impor-formulir-contoh.csv"
check impor-formulir-contoh.csv
if pkm impor formulir lb4_agregat --contoh 2>"$WORK/err"; then die "a monthly form imported"; fi
grep -q "diisi per bulan" "$WORK/err" || die "monthly form not told"
if pkm impor formulir ../pkm "$WORK/x.csv" 2>"$WORK/err"; then die "a path taken as a form"; fi
grep -q "formulir '../pkm' tidak ada" "$WORK/err" || die "unknown form not told"
echo "impor formulir: ok"
