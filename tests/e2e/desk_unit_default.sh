# Issue 30 item 6 at 80x24: Enter, Enter sends a returning patient to the unit
# of the last visit, but never to IGD, LAB or RANAP by default: after those the
# unit is the one by age, as for a new patient (K2 under 18, else K3).
. "$(dirname "$0")/lib.sh"
fx=$(cd "$(dirname "$0")/../fixtures" && pwd)
$PKM_BIN --db "$DB" impor pasien "$fx/cluster_pasien.csv" >/dev/null
# last visits: Ani K4, Bayu (a baby) LAB, Candra RANAP, Dewi IGD
printf 'no_rm,tanggal,unit\n200001,2026-11-20,K4\n200002,2026-11-20,LAB\n200003,2026-11-19,RANAP\n200004,2026-11-20,IGD\n' \
	>"$WORK/k.csv"
$PKM_BIN --db "$DB" impor kunjungan "$WORK/k.csv" >/dev/null
start_app
wait_for "F10 Keluar"
keys F2
wait_for "Cari:"
visit() {	# visit NAME UNIT: search, Enter, Enter; the visit saved in UNIT
	keys Escape; type_text "$1"
	wait_for "1 pasien cocok"
	keys Enter
	wait_for "Kunjungan hari ini"
	keys Enter
	wait_for "Kunjungan $1 tersimpan: $2"
	expect_sql "SELECT k.unit FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id
	            WHERE p.nama = '$1' AND k.tanggal = '2026-11-23'" "$2"
}
visit "Ani Lestari" K4
visit "Bayu Pratama" K2
visit "Candra Wijaya" K3
visit "Dewi Sartika" K3
echo ok
