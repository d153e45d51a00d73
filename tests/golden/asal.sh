# Where a number comes from: for every report and every non-zero cell of the
# golden fixtures (fixture: LB1; fixture2: LB1-LB4 and Jampersal), the rows that
# `--asal` lists count (or sum) to the cell; the cells that are no rows' count
# (a formula, a tariff, a configured target, a ratio) say so with exit 2; one
# listing in text and CSV against golden files; an unknown cell is exit 2.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
. "$HERE/lib.sh"
sum_csv() {	# the nilai column of an --asal CSV, summed; the header checked
	python3 -c '
import csv, sys
r = csv.reader(sys.stdin)
head = next(r)
assert head[:4] == ["tanggal", "no_rm", "nama", "unit"], head
print(sum(int(row[head.index("nilai")]) for row in r))'
}

cells=0
# every_cell DIR DB REPORT [OPTIONS...]: each non-zero data cell traced to its rows
every_cell() {
	dir=$1 db=$2 rep=$3
	shift 3
	(cd "$HERE/$dir" && "$PKM_BIN" --config pkm.ini --db "$db" laporan "$rep" --month 10-2026 --format data "$@") \
		>"$WORK/cells"
	tail -n +2 "$WORK/cells" | while IFS=, read -r baris kolom nilai; do
		[ -n "$nilai" ] && [ "$nilai" != 0 ] || continue
		rc=0
		(cd "$HERE/$dir" && "$PKM_BIN" --config pkm.ini --db "$db" laporan "$rep" --month 10-2026 "$@" \
			--asal "$baris,$kolom" --format csv) >"$WORK/rows.csv" 2>"$WORK/rows.err" || rc=$?
		if [ $rc -eq 0 ]; then
			got=$(sum_csv <"$WORK/rows.csv")
			[ "$got" = "$nilai" ] || { echo "$rep $* $baris,$kolom: cell $nilai, rows sum to $got" >&2; exit 1; }
			echo x >>"$WORK/traced"
			continue
		fi
		# only the cells that are not counted from rows may refuse, each with its reason
		case "$rc:$kolom" in
		2:stok_optimum | 2:permintaan) grep -q "dihitung dengan rumus" "$WORK/rows.err" ;;
		2:tarif) grep -q "tarif dari definisi laporan" "$WORK/rows.err" ;;
		2:rasio) grep -q "dihitung dari dua baris laporan" "$WORK/rows.err" ;;
		2:*) grep -q "sasaran dari konfigurasi" "$WORK/rows.err" ;;
		*) false ;;
		esac || { echo "$rep $baris,$kolom refused (exit $rc): $(cat "$WORK/rows.err")" >&2; exit 1; }
	done
}

DB1="$WORK/fixture.db"
(cd "$HERE/fixture" && "$PKM_BIN" --config pkm.ini --db "$DB1" import pasien pasien.csv >/dev/null &&
	"$PKM_BIN" --config pkm.ini --db "$DB1" import kunjungan kunjungan.csv >/dev/null)
DB2="$WORK/fixture2.db"
(cd "$HERE/fixture2" && for f in pasien kunjungan obat stok; do
	"$PKM_BIN" --config pkm.ini --db "$DB2" import $f $f.csv >/dev/null; done && sqlite3 "$DB2" <forms.sql)

for layout in klasik formulir11; do
	every_cell fixture "$DB1" lb1 --layout $layout
	every_cell fixture2 "$DB2" lb1 --layout $layout
done
for rep in lb2 lb3 lb4 jampersal; do
	every_cell fixture2 "$DB2" $rep
done
# every report had cells to trace (a loop over nothing proves nothing)
[ "$(wc -l <"$WORK/traced")" -ge 100 ] || { echo "only $(wc -l <"$WORK/traced") cells traced" >&2; exit 1; }

cd "$HERE/fixture2"
pkm() { "$PKM_BIN" --config pkm.ini --db "$DB2" "$@"; }
pkm laporan lb3 --month 10-2026 --asal bumil_ttd,P >"$WORK/asal-lb3.txt"
check asal-lb3.txt
pkm laporan lb2 --month 2026-10 --asal IBU400,sisa --format csv >"$WORK/asal-lb2.csv"
check asal-lb2.csv

# an unknown row, column or cell spelling: a clear message, exit 2, nothing written
for cell in X99.9,1-4t.baru.L A09,1-4t.baru.Q A09 ; do
	rc=0
	pkm laporan lb1 --month 10-2026 --asal "$cell" >"$WORK/out" 2>"$WORK/err" || rc=$?
	[ $rc -eq 2 ] && [ ! -s "$WORK/out" ] || { echo "--asal $cell: exit $rc" >&2; exit 1; }
	grep -q "tidak dikenal\|sel tidak sah" "$WORK/err"
done
rc=0
pkm laporan lb4 --month 10-2026 --asal tidak_ada,jumlah 2>"$WORK/err" || rc=$?
[ $rc -eq 2 ] && grep -q "baris lb4 tidak dikenal: 'tidak_ada'" "$WORK/err"
