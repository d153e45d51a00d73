# Bad values on a form: each refused with its message under the field, nothing
# saved, what was typed kept; Esc asks before throwing changes away.
. "$(dirname "$0")/lib.sh"
import_cluster_visits
start_app
wait_for "Cari:"
open_visit 3
keys Down Down Down Down
keys Enter
wait_for "Skrining penyakit tidak menular (PTM)"
type_text "80/120"; keys Tab
wait_for "Tekanan darah tidak masuk akal"
type_text "manis"; keys Tab
wait_for "Gula darah sewaktu harus bilangan bulat 20-600 mg/dL"
type_text "70,555"; keys Tab
wait_for "Berat badan harus angka (boleh desimal, mis. 12,5) 20-250 kg"
keys F2
wait_for "Tidak tersimpan: 5 isian belum benar"
wait_for "Tinggi badan wajib diisi"
expect_sql "SELECT count(*) FROM f_ptm" "0"
screen | grep -q "80/120" || fail "typed blood pressure lost after a failed save"
screen | grep -q "70,555" || fail "typed weight lost after a failed save"
# Esc on a changed form asks; "t" keeps the form
keys Escape
wait_for "Buang perubahan? (y = ya, t = tidak)"
keys t
wait_for "80/120"
# mend the values and save
keys Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up Up
keys C-u; type_text "130/85"; keys Tab
keys C-u; type_text "110"; keys Tab
keys C-u; type_text "70,5"; keys Tab
type_text "165"; keys Tab
wait_for "25.9 kg/m2"
keys Tab Tab Tab Tab Tab Tab Tab
type_text "normal"
keys F2
wait_for "Skrining penyakit tidak menular (PTM) tersimpan"
expect_sql "SELECT td_sistol, gds, bb, tb, imt, hasil FROM f_ptm" "130|110|70.5|165.0|25.9|NORMAL"
# a changed form thrown away with Esc, y leaves the stored row alone
keys Up Enter
wait_for "Sudah pernah disimpan."
keys C-u; type_text "140/90"
keys Escape
wait_for "Buang perubahan?"
keys y
wait_for "[x] Skrining penyakit tidak menular (PTM)"
expect_sql "SELECT td_sistol FROM f_ptm" "130"
exit 0
