# LB2 (LPLPO), LB3, LB4 and the Jampersal recap from a hand-written fixture
# (fixture2: CSV imports plus forms.sql). The .data files were worked out by hand,
# cell by cell, before the program was run; the text and CSV files were then
# checked against them. LB2 holds the worked examples of petunjuk teknis LPLPO:
# ibuprofen (awal 350 + terima 150 = 500, pakai 321, sisa 179, optimum 1980,
# permintaan 1801) and paracetamol (SK 15000 + SWT 1800 + SP 1500 = 18300,
# sisa 300, permintaan 18000); ORS adds 17 days out of stock (SWK 34).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/pkm.db"
cd "$HERE/fixture2"
pkm() { "$PKM_BIN" --config pkm.ini --db "$DB" "$@"; }
check() {	# check NAME: compare $WORK/NAME with expected/NAME
	if [ "${UPDATE_GOLDEN:-}" = 1 ] && [ "${2:-}" != data ]; then cp "$WORK/$1" "$HERE/expected/$1"; fi
	diff -u "$HERE/expected/$1" "$WORK/$1"
}

pkm import pasien pasien.csv >"$WORK/import.out"
pkm import kunjungan kunjungan.csv >>"$WORK/import.out"
pkm import obat obat.csv >>"$WORK/import.out"
pkm import stok stok.csv >>"$WORK/import.out"
sqlite3 "$DB" <forms.sql

for r in lb2 lb3 lb4 jampersal; do
	pkm report $r --month 2026-10 --format data >"$WORK/$r.data"
	check $r.data data
	for width in 80 136; do
		pkm report $r --month 2026-10 --width $width >"$WORK/$r-$width.txt"
		check $r-$width.txt
	done
done
pkm report lb4 --month 2026-10 --format csv --out "$WORK/lb4.csv"
check lb4.csv
# a month is typed as shown (MM-YYYY) or as stored (YYYY-MM); --bulan is --month
pkm laporan lb4 --bulan 10-2026 --width 80 | cmp -s - "$WORK/lb4-80.txt" || { echo "10-2026 is not 2026-10" >&2; exit 1; }
pkm laporan lb2 --month 10/2026 --format data | cmp -s - "$WORK/lb2.data" || { echo "10/2026 is not 2026-10" >&2; exit 1; }
if pkm laporan lb4 --month 13-2026 2>"$WORK/badmonth.err"; then echo "month 13 accepted" >&2; exit 1; fi
grep -q "bulan tidak sah: '13-2026' (tulis MM-YYYY" "$WORK/badmonth.err"
"$PKM_BIN" --config pkm-faktor.ini --db "$DB" report lb2 --month 2026-10 --format data >"$WORK/lb2-faktor.data"
check lb2-faktor.data data

# a month with nothing recorded still prints every row, all zero but the
# configured sasaran
pkm report lb3 --month 2025-01 --format data >"$WORK/empty.data"
if grep -v '^baris\|^skdn_s,' "$WORK/empty.data" | grep -qv ',0$'; then echo "non-zero cell in an empty month" >&2; exit 1; fi
[ "$(grep -c ',jumlah,' "$WORK/empty.data")" -eq "$(grep -c ',jumlah,' "$HERE/expected/lb3.data")" ]

# the Pemberian columns are the configured funding sources ([farmasi] sumber_dana)
sed 's/^pengaman = 10$/&\nsumber_dana = JKN=JKN kapitasi, BLUD=BLUD Puskesmas/' pkm.ini >"$WORK/sumber.ini"
"$PKM_BIN" --config "$WORK/sumber.ini" --db "$DB" laporan lb2 --month 2026-10 --width 136 >"$WORK/sumber.txt"
grep -q "Optimum Minta JKN BLUD  *Jml$" "$WORK/sumber.txt" || { echo "LB2 not by the configured sources" >&2; exit 1; }
grep -q "Pemberian menurut sumber dana: JKN = JKN kapitasi, BLUD = BLUD Puskesmas.$" "$WORK/sumber.txt" ||
	{ echo "LB2 does not name the configured sources" >&2; exit 1; }
