# Signing a monthly report off (pkm laporan final, status) on the LB1 fixture:
# the FINAL line under the title, its SHA-256 over the sorted data cells, the
# cells kept; a diagnosis changed afterwards heads the next print with
# KOREKSI SETELAH FINAL and its cells; signing again is version 2 and version 1
# stays; an import into the signed month needs --alasan (in the trail); a month
# to come is refused (exit 2) and the month not ended says BULAN BERJALAN.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/pkm.db"
cd "$HERE/fixture"
pkm() { "$PKM_BIN" --config pkm.ini --db "$DB" "$@"; }
die() { echo "$*" >&2; exit 1; }
check() {	# check NAME: compare $WORK/NAME (the clock's time masked) with expected/NAME
	sed -i 's/[0-9][0-9]:[0-9][0-9]:[0-9][0-9]/hh:mm:ss/g' "$WORK/$1"
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$WORK/$1" "$HERE/expected/$1"; fi
	diff -u "$HERE/expected/$1" "$WORK/$1"
}
sidik() {	# the SHA-256 of the data cells as anyone can compute it
	pkm laporan lb1 --month 2026-10 --format data | tail -n +2 | LC_ALL=C sort | sha256sum | cut -c1-64
}

pkm impor pasien pasien.csv >/dev/null
pkm impor kunjungan kunjungan.csv >/dev/null
pkm laporan status --month 10-2026 >"$WORK/final-status0.txt"
check final-status0.txt

# sign: who, when, the digest of the cells, the cells themselves
pkm laporan final lb1 --month 10-2026 --nama "Asep Saepudin" >"$WORK/final-sign1.txt"
check final-sign1.txt
v1=$(sidik)
grep -q "^sidik $v1\$" "$WORK/final-sign1.txt" || die "sidik is not the SHA-256 of the sorted cells"
cells=$(pkm laporan lb1 --month 2026-10 --format data | tail -n +2 | wc -l)
[ "$(sqlite3 "$DB" "SELECT count(*) FROM laporan_final_sel")" = "$cells" ] || die "cells not kept"
[ "$(sqlite3 "$DB" "SELECT sidik FROM laporan_final WHERE versi = 1")" = "$v1" ] || die "digest not stored"
# the trail has the signing with its digest, not each cell
pkm audit >"$WORK/trail.txt"
grep -q "TAMBAH laporan_final #1" "$WORK/trail.txt" || die "the signing is not in the trail"
grep -q "sidik='$v1'" "$WORK/trail.txt" || die "the digest is not in the trail"
! grep -q "laporan_final_sel" "$WORK/trail.txt" || die "every cell in the trail"
# the same data, the same digest: another run, another database
pkm laporan lb1 --month 2026-10 --width 80 >"$WORK/lb1-final.txt"
sed -n 4p "$WORK/lb1-final.txt" | grep -qx "FINAL 23-11-2026, Asep Saepudin, sidik $(echo "$v1" | cut -c1-8)" ||
	die "no FINAL line under the title: $(sed -n 4p "$WORK/lb1-final.txt")"
[ "$(grep -c "^FINAL 23-11-2026" "$WORK/lb1-final.txt")" = "$(grep -c Halaman "$WORK/lb1-final.txt")" ] ||
	die "the FINAL line is not on every page"
! grep -q KOREKSI "$WORK/lb1-final.txt" || die "KOREKSI without a change"
! awk '{ sub(/\f/, "") } length($0) > 80' "$WORK/lb1-final.txt" | grep -q . || die "line over 80 columns"
# csv and data stay as they were (machines read them)
pkm laporan lb1 --month 2026-10 --format data | diff -q - "$HERE/expected/lb1-klasik.data" >/dev/null ||
	die "the data output changed"
# signing again with nothing changed is refused
if pkm laporan final lb1 --month 10-2026 2>"$WORK/err"; then die "unchanged report signed twice"; fi
grep -q "LB1 10-2026 sudah FINAL v1 dan tidak berubah" "$WORK/err" || die "$(cat "$WORK/err")"
# a name is stored text: one with a control character is refused
if pkm laporan final lb1 --month 09-2026 --nama "$(printf 'A\033[2JB')" 2>"$WORK/err"; then die "ESC in a name"; fi
grep -q "nama penanda tangan berisi karakter kendali" "$WORK/err" || die "$(cat "$WORK/err")"
# what is signed stays as signed, even from the sqlite3 shell
if sqlite3 "$DB" "UPDATE laporan_final SET nama = 'X'" 2>/dev/null; then die "signature changed"; fi
if sqlite3 "$DB" "DELETE FROM laporan_final_sel" 2>/dev/null; then die "signed cells deleted"; fi

# a diagnosis corrected after the sign-off: Bima's J06.9 of 03-10-2026 was A09
sqlite3 "$DB" "UPDATE diagnosis SET icd10 = 'A09' WHERE icd10 = 'J06.9' AND kunjungan_id =
	(SELECT k.id FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id WHERE p.no_rm = '200002'
	 AND k.tanggal = '2026-10-03')"
[ "$(sidik)" != "$v1" ] || die "a changed cell left the digest as it was"
pkm laporan lb1 --month 2026-10 --width 80 >"$WORK/lb1-koreksi.txt"
awk '/\f/ { exit } { print }' "$WORK/lb1-koreksi.txt" >"$WORK/final-koreksi.txt"	# the page before the report
check final-koreksi.txt
grep -q "^FINAL 23-11-2026, Asep Saepudin, sidik $(echo "$v1" | cut -c1-8); BERUBAH\$" \
	"$WORK/lb1-koreksi.txt" || die "the FINAL line does not say it changed"
pkm laporan status --month 2026-10 >"$WORK/final-status1.txt"
check final-status1.txt

# signed again: version 2, version 1 and its cells kept
pkm laporan final lb1 --month 2026-10 --nama "Asep Saepudin" >"$WORK/final-sign2.txt"
check final-sign2.txt
[ "$(sqlite3 "$DB" "SELECT group_concat(versi) FROM laporan_final ORDER BY versi")" = "1,2" ] || die "versions"
[ "$(sqlite3 "$DB" "SELECT count(DISTINCT final_id) FROM laporan_final_sel")" = 2 ] || die "v1 cells lost"
pkm laporan lb1 --month 2026-10 --width 80 >"$WORK/lb1-v2.txt"
! grep -q KOREKSI "$WORK/lb1-v2.txt" || die "KOREKSI after signing again"
pkm laporan status >"$WORK/final-status2.txt"
check final-status2.txt

# an import into the signed month: refused without a reason, nothing stored
printf 'no_rm,tanggal,unit,penjamin,icd10,kasus\n200002,2026-10-29,K2,,J06.9,\n' >"$WORK/late.csv"
visits=$(sqlite3 "$DB" "SELECT count(*) FROM kunjungan")
if pkm impor kunjungan "$WORK/late.csv" 2>"$WORK/import.err"; then die "import into a signed month without --alasan"; fi
sed "s|$WORK/||" "$WORK/import.err" >"$WORK/final-import.err"
check final-import.err
[ "$(sqlite3 "$DB" "SELECT count(*) FROM kunjungan")" = "$visits" ] || die "refused import stored rows"
pkm impor kunjungan "$WORK/late.csv" --alasan "register kertas datang terlambat" >/dev/null
[ "$(sqlite3 "$DB" "SELECT count(*) FROM kunjungan")" = "$((visits + 1))" ] || die "import with --alasan not stored"
pkm audit | grep -q "ke bulan FINAL 10-2026 (LB1), alasan: register kertas datang terlambat" || die "reason not in the trail"
pkm laporan status --month 10-2026 | grep -q "^10-2026  LB1        berubah setelah final (1 sel" || die "import not seen"
# opening stock: LB1 signed is no matter to it, LB2 signed is
printf 'kode,nama,satuan\nPCT500,Parasetamol 500 mg,tablet\n' >"$WORK/obat.csv"
pkm impor obat "$WORK/obat.csv" >/dev/null
printf 'kode,sumber,no_batch,kedaluwarsa,jumlah,tanggal\nPCT500,PROGRAM,B1,2028-01-31,100,2026-10-02\n' >"$WORK/stok.csv"
pkm impor stok "$WORK/stok.csv" >/dev/null
pkm laporan final lb2 --month 10-2026 >/dev/null
sed -i 's/B1,/B2,/' "$WORK/stok.csv"
if pkm impor stok "$WORK/stok.csv" 2>"$WORK/err"; then die "opening stock into a signed month without --alasan"; fi
grep -q "stok.csv:2: tanggal: laporan bulan 10-2026 sudah FINAL (LB2): impor ke bulan itu perlu --alasan TEKS" \
	"$WORK/err" || die "$(cat "$WORK/err")"
pkm impor stok "$WORK/stok.csv" --alasan "stok awal tercecer" >/dev/null
pkm audit | grep -q "ke bulan FINAL, alasan: stok awal tercecer" || die "the stock import's reason not in the trail"
pkm laporan status --month 10-2026 | grep -q "^10-2026  LB2        berubah setelah final" || die "LB2 change not seen"

# a month to come: refused, exit 2, for every report and the sign-off
for cmd in "laporan lb1 --month 12-2026" "laporan lb3 --month 2027-01" "laporan final lb1 --month 12-2026" \
	"laporan status --month 12-2026"; do
	set +e
	# shellcheck disable=SC2086
	pkm $cmd >/dev/null 2>"$WORK/err"
	rc=$?
	set -e
	[ $rc = 2 ] || die "$cmd: exit $rc, not 2"
	grep -q "belum dimulai (hari ini 23-11-2026)" "$WORK/err" || die "$cmd: $(cat "$WORK/err")"
done
# the month not ended: BULAN BERJALAN under the title, and no sign-off yet
pkm laporan lb1 --month 11-2026 --width 80 | sed -n 4p | grep -qx "BULAN BERJALAN: data sampai 23-11-2026, belum lengkap" ||
	die "no BULAN BERJALAN"
pkm laporan lb2 --month 2026-11 --width 80 | grep -q "^BULAN BERJALAN" || die "no BULAN BERJALAN on LB2"
if pkm laporan final lb1 --month 11-2026 2>"$WORK/err"; then die "a running month signed"; fi
grep -q "bulan 11-2026 belum berakhir" "$WORK/err" || die "$(cat "$WORK/err")"
echo ok
