# Riwayat pasien: from the search (F7) and from a visit, every visit newest
# first with its diagnoses and prescriptions; Enter shows a filled form read
# only; the registration desk sees dates and units only.
. "$(dirname "$0")/lib.sh"
import_cluster_visits
printf 'no_rm,tanggal,unit,icd10,kasus\n200003,2026-10-05,K3,I10,B\n200003,2026-10-05,K3,E11.9,B\n200003,2026-11-02,K4,A15.0,B\n' \
	>"$WORK/old.csv"
$PKM_BIN --db "$DB" import kunjungan "$WORK/old.csv" >/dev/null
# a PTM form on the October visit
vid=$(sql "SELECT id FROM kunjungan WHERE tanggal = '2026-10-05'")
sql "INSERT INTO f_ptm (kunjungan_id, td_sistol, td_diastol) VALUES ($vid, 150, 95)"
start_app
wait_for "F10 Keluar"
keys F2
wait_for "Cari:"
type_text "candra"
wait_for "Candra Wijaya"
keys F7
wait_for "Riwayat Candra Wijaya (No. RM 200003): 4 kunjungan"
screen | sed -n 3p | grep -q "23-11-2026" || fail "newest first"
screen | grep -q "02-11-2026 K4 *A15.0 B" || fail "November K4 visit with its diagnosis"
screen | grep -q "05-10-2026 K3 *I10 B, E11.9 B" || fail "October visit with both diagnoses in order"
keys End Enter
wait_for "(hanya dibaca)"
wait_for "150"
keys Escape
wait_for "Riwayat Candra Wijaya"
keys Escape
wait_for "Cari:"
# the same from a visit
open_visit 3
keys F7
wait_for "Riwayat Candra Wijaya (No. RM 200003): 4 kunjungan"
keys Escape
wait_for "Formulir untuk pasien dan unit ini"
keys Escape Escape
keys C-q
sleep 0.3

# the registration desk: dates and units, no diagnoses
LOGIN_AS=rina:PENDAFTARAN start_app
wait_for "Cari:"
type_text "candra"
wait_for "Candra Wijaya"
keys F7
wait_for "Riwayat Candra Wijaya"
screen | grep -q "05-10-2026 K3" || fail "the desk does not see the visit dates and units"
screen | grep -q "I10\|A15.0" && fail "the registration desk sees diagnoses"
keys End Enter
wait_for "Formulir unit K3 hanya untuk tenaga kesehatan unit itu"
echo ok
