# pkm laporan stok (and laporan kartu) on a small pharmacy with three months of history
# (tests/fixtures/stock_history.sh), today 23-11-2026: batches expiring within
# 90 days by funding source (one already expired, one that will not be used up
# in time), drugs below optimum (one with nothing left) with the days their
# stock lasts at the mean use since 23-08-2026 (92 days), as text and CSV.
# Worked by hand: PCT500 440 left, 560 used: 440 x 92 / 560 = 72 days; its
# batch PC01 (40) is used up in 40 x 92 / 560 = 6 days; AMX500 530 x 92 / 270 =
# 180; CT02 (200, hibah) lasts 200 x 92 / 10 = 1840 days, past its expiry in 53,
# and so does CTM4: its expired 40 are not counted.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/pkm.db"
export PKM_TODAY=2026-11-23 TZ=UTC
. "$HERE/../fixtures/stock_history.sh"
stock_history "$DB"
pkm() { "$PKM_BIN" --config "$HERE/fixture/pkm.ini" --db "$DB" "$@"; }
. "$HERE/lib.sh"
pkm laporan stok >"$WORK/laporan-stok.txt"
check laporan-stok.txt
pkm laporan stok --format csv --out "$WORK/laporan-stok.csv"
check laporan-stok.csv
# the stock card, whole and of a month, as the screen's F7 saves it: each PAKAI
# names its visit, each month ends with its LPLPO totals (a month without
# movements too)
{
	pkm laporan kartu AMX500
	pkm laporan kartu AMX500 --bulan 10-2026
	pkm laporan kartu PCT500 --bulan 2026-07
} >"$WORK/kartu-stok.txt"
check kartu-stok.txt
if pkm laporan kartu XXX 2>"$WORK/err"; then echo "an unknown drug's card printed" >&2; exit 1; fi
grep -q "kode obat XXX tidak ada" "$WORK/err"
# the window follows --kedaluwarsa: in 30 days only the expired batch
pkm laporan stok --kedaluwarsa 30 >"$WORK/30.txt"
grep -q "CT01 *01-11-2026 *-22" "$WORK/30.txt"
if grep -q "AX01\|PC01\|CT02" "$WORK/30.txt"; then echo "a batch beyond 30 days listed" >&2; exit 1; fi
# the configured window is the default
printf '[farmasi]\nperingatan_kedaluwarsa = 40\n' >"$WORK/40.ini"
"$PKM_BIN" --config "$WORK/40.ini" --db "$DB" laporan stok --format csv | cut -d, -f4 >"$WORK/40.batches"
grep -qx AX01 "$WORK/40.batches"
if grep -qx CT02 "$WORK/40.batches"; then echo "peringatan_kedaluwarsa not the default window" >&2; exit 1; fi
# wrong use: a clear message, exit 2, nothing on stdout
for bad in "--kedaluwarsa abc" "--kedaluwarsa -5" "--format xml" "--kedaluwarsa"; do
	set +e
	# shellcheck disable=SC2086
	pkm laporan stok $bad >"$WORK/bad.out" 2>"$WORK/bad.err"
	rc=$?
	set -e
	[ $rc -eq 2 ] || { echo "laporan stok $bad: exit $rc" >&2; exit 1; }
	[ ! -s "$WORK/bad.out" ] || { echo "laporan stok $bad printed a report" >&2; exit 1; }
	grep -q "pkm: " "$WORK/bad.err"
done
