# Koreksi kunjungan at 80x24 (F5 on the visit list): a cancelled visit stays on
# the list marked BATAL and leaves LB1 and LB4; a visit moved to the right
# patient takes that patient's age and carries its diagnosis along (LB1 moves
# the case); a visit moved to another unit gets a number there and its old
# number stays taken. Cancelling and moving to another No. RM ask first (the
# receiving patient named; no leaves everything as it was), then say what was
# done. The database is checked after each step.
. "$(dirname "$0")/lib.sh"
fx=$(cd "$(dirname "$0")/../fixtures" && pwd)
$PKM_BIN --db "$DB" impor pasien "$fx/cluster_pasien.csv" >/dev/null
printf 'no_rm,tanggal,unit,penjamin,icd10,kasus\n200001,2026-11-23,K2,,J06,B\n200003,2026-11-23,K3,,J06,B\n200004,2026-11-23,K3,,,\n' \
	>"$WORK/k.csv"
$PKM_BIN --db "$DB" impor kunjungan "$WORK/k.csv" >/dev/null
lb1() { $PKM_BIN --db "$DB" laporan lb1 --month 2026-11 --format data | grep '^J06' | tr '\n' ' '; }
lb4() { $PKM_BIN --db "$DB" laporan lb4 --month 2026-11 --format data | grep '^kunj_baru,jumlah'; }
[ "$(lb1)" = "J06,20-44t.baru.P,1 J06,55-59t.baru.L,1 " ] || { lb1; exit 1; }
[ "$(lb4)" = "kunj_baru,jumlah,3" ]

start_app
wait_for "F10 Keluar"
keys F3
wait_for "Tab: ganti unit"
screen | grep -q "F5 Koreksi" || fail "F5 Koreksi not on the key bar"
# cancel Candra's visit (the second line) with a reason
keys Down F5
wait_for "Koreksi kunjungan"
wait_for "Candra Wijaya (No. RM 200003), 23-11-2026, K3 antrian 1"
keys Tab Tab Tab; type_text "x"; keys F2
wait_for "tulis alasannya"
expect_sql "SELECT count(*) FROM kunjungan WHERE batal IS NOT NULL" 0
keys C-u; type_text "salah daftar, pasien pulang"; keys F2
wait_for "Batalkan kunjungan Candra Wijaya (No. RM 200003), K3 antrian 1? (y = ya"
keys t
wait_for "Belum disimpan: kunjungan tidak diubah."
expect_sql "SELECT count(*) FROM kunjungan WHERE batal IS NOT NULL" 0
keys F2
wait_for "Batalkan kunjungan Candra Wijaya"
keys y
wait_for "dibatalkan: salah daftar, pasien pulang"
wait_for "BATAL: salah daftar"
expect_sql "SELECT batal FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id WHERE p.no_rm = '200003'" \
	"salah daftar, pasien pulang"
[ "$(lb1)" = "J06,20-44t.baru.P,1 " ] || fail "LB1 still counts the cancelled visit: $(lb1)"
[ "$(lb4)" = "kunj_baru,jumlah,2" ] || fail "LB4 still counts the cancelled visit: $(lb4)"
# the diagnosis stays with the cancelled visit (the trail keeps it), opening it says why it is closed
expect_sql "SELECT count(*) FROM diagnosis" 2
keys Enter
wait_for "Kunjungan ini dibatalkan (salah daftar, pasien pulang)"

# Ani's visit was Bayu's: moved by No. RM, the diagnosis goes with it
keys Up F5
wait_for "Ani Lestari (No. RM 200001)"
keys Tab Tab
wait_for "No. RM pasien yang benar: kunjungan dipindah ke pasien itu"
screen | grep -q "otomatis" && fail "the move form says the No. RM is made automatically"
keys C-u; type_text "999999"; keys F2
wait_for "tidak ada pasien dengan No. RM 999999"
keys C-u; type_text "200002"; keys F2
wait_for "Pindahkan kunjungan Ani Lestari ke Bayu Pratama (No. RM 200002, lahir"
keys t
wait_for "Belum disimpan"
expect_sql "SELECT p.no_rm FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id WHERE k.unit = 'K2'" "200001"
keys F2
wait_for "Pindahkan kunjungan Ani Lestari"
keys y
wait_for "dipindah ke Bayu Pratama (No. RM 200002)"
expect_sql "SELECT p.no_rm, k.umur_tahun, (SELECT icd10 FROM diagnosis d WHERE d.kunjungan_id = k.id)
            FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id WHERE k.unit = 'K2'" "200002|1|J06"
[ "$(lb1)" = "J06,1-4t.baru.L,1 " ] || fail "LB1 did not follow the patient: $(lb1)"

# Dewi to Klaster 4: number 1 there; her K3 number 2 stays taken
keys Down Down F5
wait_for "Dewi Sartika (No. RM 200004)"
type_text "K4"; keys F2
wait_for "unit K4, antrian 1"
expect_sql "SELECT unit, no_antrian FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id WHERE p.no_rm = '200004'" "K4|1"
printf 'no_rm,tanggal,unit\n200002,2026-11-23,K3\n' >"$WORK/k2.csv"
$PKM_BIN --db "$DB" impor kunjungan "$WORK/k2.csv" >/dev/null
expect_sql "SELECT no_antrian FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id WHERE p.no_rm = '200002'
            AND k.unit = 'K3'" 3
# every correction is in the trail
[ "$(trail | grep -c " UBAH   kunjungan #")" -ge 3 ] || fail "corrections not audited"
echo ok
