# Klaster 4: TB screening. "Hasil TCM" and the fields after it show only once
# "Terduga TB" is answered ya; the stored row has them.
. "$(dirname "$0")/lib.sh"
import_cluster_visits
start_app
wait_for "Cari:"
open_visit 4
wait_for "Unit K4"
wait_for "[ ] Skrining dan penemuan TB"
keys Down Down Down
keys Enter
wait_for "Untuk: unit K4. Belum diisi."
type_text "y"; keys Tab
type_text "t"; keys Tab
type_text "y"; keys Tab
type_text "t"; keys Tab
type_text "y"; keys Tab
screen | grep -q "Hasil TCM" && fail "Hasil TCM shown before Terduga TB = ya"
type_text "y"
wait_for "Hasil TCM"
keys Tab
keys Space
wait_for "Pilih: Pemeriksaan"
keys Enter
wait_for "Tes cepat molekuler (TCM)"
keys Tab
type_text "sensitif"; keys Tab
wait_for "MTB terdeteksi, Rif sensitif"
type_text "y"; keys Tab
type_text "23-11-2026"; keys Tab
type_text "3"
keys F2
wait_for "Skrining dan penemuan TB tersimpan"
expect_sql "SELECT batuk, demam, keringat_malam, bb_turun, kontak_tb, terduga, pemeriksaan, hasil_tcm, terkonfirmasi,
	mulai_pengobatan, kontak_diinvestigasi FROM f_tb" "1|0|1|0|1|1|TCM|SENSITIF|1|2026-11-23|3"
# answering tidak hides the TB fields again, and they are stored empty
keys Up
keys Enter
wait_for "Sudah pernah disimpan."
keys Down Down Down Down Down
keys C-u
type_text "t"
wait_gone "Hasil TCM"
keys F2
wait_for "Skrining dan penemuan TB tersimpan"
expect_sql "SELECT terduga, pemeriksaan IS NULL, hasil_tcm IS NULL, mulai_pengobatan IS NULL, kontak_diinvestigasi FROM f_tb" \
	"0|1|1|1|3"
exit 0
