# report lb1 in every format and layout from the hand-written fixture, compared
# with golden files. The .data files were worked out by hand from the fixture
# (see README "Report rules"); the text and CSV files were checked against them.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/pkm.db"
cd "$HERE/fixture"
pkm() { "$PKM_BIN" --config pkm.ini --db "$DB" "$@"; }
. "$HERE/lib.sh"

pkm import pasien pasien.csv >"$WORK/import.out"
pkm import kunjungan kunjungan.csv >>"$WORK/import.out"
check import.out

for layout in klasik formulir11; do
	pkm report lb1 --month 2026-10 --layout $layout --format data >"$WORK/lb1-$layout.data"
	check lb1-$layout.data
	pkm report lb1 --month 2026-10 --layout $layout --format csv --out "$WORK/lb1-$layout.csv"
	check lb1-$layout.csv
	for width in 136 80; do
		pkm report lb1 --month 2026-10 --layout $layout --width $width >"$WORK/lb1-$layout-$width.txt"
		check lb1-$layout-$width.txt
	done
done

# no line of a text report is wider than its paper
for f in "$WORK"/lb1-*-80.txt; do
	! awk '{ sub(/\f/, "") } length($0) > 80' "$f" | grep -q . || { echo "$f: line over 80 columns"; exit 1; }
done
for f in "$WORK"/lb1-*-136.txt; do
	! awk '{ sub(/\f/, "") } length($0) > 136' "$f" | grep -q . || { echo "$f: line over 136 columns"; exit 1; }
done

# a bad file: every problem named, nothing stored, non-zero exit
before=$(sqlite3 "$DB" "SELECT count(*) FROM kunjungan")
if pkm import kunjungan kunjungan_bad.csv >"$WORK/bad.out" 2>"$WORK/import-bad.err"; then
	echo "bad import succeeded"; exit 1
fi
check import-bad.err
[ "$(sqlite3 "$DB" "SELECT count(*) FROM kunjungan")" = "$before" ] || { echo "bad import stored rows"; exit 1; }

# a bad month and a newer database are refused clearly
if pkm report lb1 --month 2026-13 2>"$WORK/badmonth.err"; then echo "bad month accepted"; exit 1; fi
grep -q "bulan tidak sah" "$WORK/badmonth.err"
sqlite3 "$DB" "PRAGMA user_version = 99"
if pkm report lb1 --month 2026-10 2>"$WORK/newer.err"; then echo "newer database accepted"; exit 1; fi
grep -q "lebih baru dari program ini" "$WORK/newer.err"
