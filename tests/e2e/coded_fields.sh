# A code is replaced, never appended to: back in a field of a list (Shift-Tab),
# the first key typed replaces its code, in a cluster form, the patient form and
# a dialog alike (one field editor). On the Linux console's TERM, where there
# is no bracketed paste.
. "$(dirname "$0")/lib.sh"
import_cluster_visits
start_app linux
wait_for "Cari:"
# the ANC form: status Td T2 then T3, Tes HIV R then NR
open_visit 1
wait_for "[ ] Pemeriksaan kehamilan (ANC terpadu)"
keys Enter
wait_for "Untuk: perempuan, 10 tahun s.d. 55 tahun, unit K2. Belum diisi."
type_text "1"; keys Tab
type_text "01-09-2026"; keys Tab
type_text "60,5"; keys Tab
type_text "155"; keys Tab
type_text "22"; keys Tab
type_text "110/70"; keys Tab
type_text "10,5"; keys Tab
type_text "T2"; keys Tab BTab
wait_for "Status imunisasi Td"
type_text "T3"; keys Tab
wait_for "(Spasi: pilih)"	# on the next field
screen | grep -q "Status imunisasi Td  *T3 " || fail "T3 not typed over T2"
keys Tab
type_text "30"; keys Tab
type_text "R"; keys Tab BTab
type_text "NR"; keys Tab
wait_for "Non-reaktif"
keys F2
wait_for "Diperiksa dokter wajib diisi"	# the cursor is there: the last field of the form
type_text "y"; keys F2
wait_for "Pemeriksaan kehamilan (ANC terpadu) tersimpan"
expect_sql "SELECT status_td, hiv FROM f_anc" "T3|NR"
keys Escape
wait_for "Tab: ganti unit"
keys F2
wait_for "Cari:"
# the patient form: L then P; the visit dialog: K3 proposed, K4 typed over it
keys F5
wait_for "Pasien baru"
type_text "Sri Wahyuni"; keys Tab
type_text "L"; keys Tab BTab
type_text "P"; keys Tab
type_text "05-08-1980"; keys F2
wait_for "Kunjungan hari ini"
wait_for "Klaster 3"
keys Tab BTab
type_text "K4"
wait_for "Klaster 4"
keys Enter
wait_for "Kunjungan Sri Wahyuni tersimpan: K4"
expect_sql "SELECT p.jenis_kelamin, k.unit FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id
	WHERE p.nama = 'Sri Wahyuni'" "P|K4"
exit 0
