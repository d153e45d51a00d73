# An internal referral at 80x24: the Rujukan form of a K3 visit with jenis
# INTERNAL and unit LAB puts the patient in the laboratory's queue of the same
# day with its own number, in the same save; saving the form again opens no
# second visit. Checked with sqlite3.
. "$(dirname "$0")/lib.sh"
import_cluster_visits
start_app
wait_for "F10 Keluar"
open_visit 3
wait_for "Candra Wijaya"
keys End Up
wait_for "Rujukan"
keys Enter
wait_for "Jenis rujukan"
type_text "INTERNAL"; keys Tab
wait_for "Unit tujuan"
type_text "LAB"; keys Tab; type_text "t"; keys Tab; type_text "cek gula darah"; keys F2
wait_for "Rujukan tersimpan; kunjungan LAB dibuka, antrian 1"
expect_sql "SELECT k.unit, k.no_antrian, k.penjamin FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id
            WHERE p.no_rm = '200003' AND k.unit = 'LAB'" "LAB|1|UMUM"
expect_sql "SELECT jenis, unit_tujuan FROM f_rujukan" "INTERNAL|LAB"
# the same form saved again: the LAB visit is found, not doubled (after a save
# the next form not filled is selected; the referral is the last form)
keys End Up Enter
wait_for "Sudah pernah disimpan."
keys F2
wait_for "sudah ada kunjungan di LAB, antrian 1"
expect_sql "SELECT count(*) FROM kunjungan WHERE unit = 'LAB'" 1
# the laboratory's queue shows the referred patient
keys Escape
wait_for "Tab: ganti unit"
screen | grep "LAB" | grep -q "Candra Wijaya" || fail "the referred patient is not in the LAB queue"
echo ok
