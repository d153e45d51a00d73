# pkm periksa on a fixture with one planted case of each check in October 2026
# (tests/golden/periksa/: a visit without diagnosis, a chronic B, an ANC, an
# imunisasi and a lansia form outside their patients, a man given an IUD, an
# ANC contact out of order, no
# LB4 entry, an estimated birth date, a second registration, J06.9 doubling
# against July-September), a clean July, a November not yet ended, and the exit
# codes: 1 with a kesalahan, 0 without, 2 for wrong use.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/pkm.db"
cd "$HERE/periksa"
pkm() { "$PKM_BIN" --config pkm.ini --db "$DB" "$@"; }
. "$HERE/lib.sh"
status() {	# status WANT ARGS...: run pkm periksa, its exit status must be WANT
	want=$1
	shift
	set +e
	pkm periksa "$@" >"$WORK/out" 2>"$WORK/err"
	got=$?
	set -e
	[ "$got" = "$want" ] || { echo "periksa $*: exit $got, want $want" >&2; cat "$WORK/err" >&2; exit 1; }
}
pkm impor pasien pasien.csv >/dev/null
pkm impor kunjungan kunjungan.csv >/dev/null
sqlite3 "$DB" <forms.sql
before=$(sqlite3 "$DB" .dump | md5sum)

status 1 --month 10-2026
cp "$WORK/out" "$WORK/periksa-10.txt"
check periksa-10.txt
status 1 --month 2026-10 --format csv
cp "$WORK/out" "$WORK/periksa-10.csv"
check periksa-10.csv
# each check found its planted case, and nothing else in October is a kesalahan
for c in tanpa_diagnosis kasus_kronis kb_metode anc_urutan lb4_agregat lahir_perkiraan pasien_ganda lonjakan; do
	grep -q "^[a-z]*,$c," "$WORK/periksa-10.csv" || { echo "check $c found nothing" >&2; exit 1; }
done
[ "$(grep -c '^kesalahan,formulir,' "$WORK/periksa-10.csv")" = 3 ]
grep -q '^kesalahan,formulir,.*Pemeriksaan kehamilan.*,Bambang Lelaki,K2,"\?laki-laki, 36 th' "$WORK/periksa-10.csv"

# a clean month: nothing found, exit 0
status 0 --month 07-2026
[ "$(cat "$WORK/out")" = "Periksa data bulan 07-2026: 0 kesalahan, 0 perhatian
Tidak ada temuan." ] || { cat "$WORK/out" >&2; exit 1; }
# this month: said, not an error; half counted, so no row "jumps"
status 0 --month 11-2026
grep -q "^PERHATIAN: Bulan 11-2026 belum berakhir" "$WORK/out"
[ "$(grep -c "^PERHATIAN\|^KESALAHAN" "$WORK/out")" = 1 ] || { cat "$WORK/out" >&2; exit 1; }
# a higher threshold leaves the small jumps out
sed 's/^; .*//' pkm.ini >"$WORK/tinggi.ini"
printf '[periksa]\nlonjakan = 150\n' >>"$WORK/tinggi.ini"
"$PKM_BIN" --config "$WORK/tinggi.ini" --db "$DB" periksa --month 10-2026 --format csv >"$WORK/tinggi.csv" || true
[ "$(grep -c ",lonjakan," "$WORK/tinggi.csv")" = 5 ] || { grep lonjakan "$WORK/tinggi.csv" >&2; exit 1; }
printf '[periksa]\nlonjakan = 0\n' >"$WORK/salah.ini"
if "$PKM_BIN" --config "$WORK/salah.ini" --db "$DB" periksa --month 10-2026 2>"$WORK/salah.err"; then exit 1; fi
grep -q "lonjakan harus bilangan bulat 1-1000" "$WORK/salah.err"

# wrong use: exit 2
status 2 --month 12-2026
grep -q "bulan itu belum dimulai" "$WORK/err"
status 2 --month 13-2026
status 2
status 2 --month 10-2026 --format data
# the checks only read
[ "$(sqlite3 "$DB" .dump | md5sum)" = "$before" ] || { echo "periksa changed the database" >&2; exit 1; }
