# Lintas klaster: an emergency visit (triage, KLL, referred) and then the referral
# form, reached from the visit screen, which moves on to the next empty form.
. "$(dirname "$0")/lib.sh"
import_cluster_visits
start_app
wait_for "Cari:"
open_visit 5
wait_for "Unit IGD"
wait_for "[ ] Gawat darurat"
keys Down
keys Enter
wait_for "Untuk: unit IGD. Belum diisi."
type_text "10.15"; keys Tab
type_text "merah"; keys Tab
wait_for "Merah (gawat darurat)"
type_text "kll"; keys Tab
wait_for "Korban KLL"
type_text "berat"; keys Tab
type_text "90/60"; keys Tab
type_text "120"; keys Tab
type_text "28"; keys Tab
type_text "36,8"; keys Tab
type_text "94"; keys Tab
type_text "pasang bidai, infus RL"; keys Tab
screen | grep -q "Dirujuk ke" && fail "referral target shown before Keadaan akhir = RUJUK"
type_text "rujuk"; keys Tab
wait_for "Dirujuk ke"
type_text "RSUD Kota"
keys F2
wait_for "Gawat darurat tersimpan"
expect_sql "SELECT jam_datang, triase, kategori, kll_luka, td_sistol, nadi, napas, suhu, spo2, tindakan, keadaan,
	rujukan_tujuan FROM f_igd" "10:15|MERAH|KLL|BERAT|90|120|28|36.8|94|pasang bidai, infus RL|RUJUK|RSUD Kota"
# the next empty form (Rujukan) is selected
keys Enter
wait_for "Untuk: unit semua. Belum diisi."
type_text "keluar"; keys Tab
wait_for "Nama fasilitas"
screen | grep -q "Unit tujuan" && fail "internal unit shown for an outside referral"
type_text "fkrtl"; keys Tab
type_text "RSUD Kota"; keys Tab
type_text "t"; keys Tab
type_text "cedera kepala, fraktur femur"
keys F2
wait_for "Rujukan tersimpan"
wait_for "[x] Gawat darurat"
wait_for "[x] Rujukan"
expect_sql "SELECT jenis, tujuan, faskes, unit_tujuan IS NULL, ptm, alasan FROM f_rujukan" \
	"KELUAR|FKRTL|RSUD Kota|1|0|cedera kepala, fraktur femur"
exit 0
