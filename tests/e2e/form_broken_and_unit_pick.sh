# A broken form file does not stop the desk: pkm starts, says so, and offers the
# good forms. An internal referral picks its target unit from the unit list.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$WORK/forms" "$WORK/.config/pkm"
cp "$ROOT"/forms/*.ini "$WORK/forms/"
cp "$ROOT/tests/golden/forms_bad/unknown_column.ini" "$WORK/forms/"
printf '[database]\nformulir = %s\n' "$WORK/forms" >"$WORK/.config/pkm/pkm.ini"
import_cluster_visits
start_app
wait_for "1 masalah pada formulir (tidak dipakai). Rincian: pkm periksa-formulir"
open_visit 5
wait_for "[ ] Rujukan"
screen | grep -q "Kolom tidak ada di kamus" && fail "the broken form is offered"
keys Down Down
keys Enter
wait_for "Untuk: unit semua. Belum diisi."
type_text "internal"; keys Tab
wait_for "Unit tujuan"
screen | grep -q "Nama fasilitas" && fail "outside facility shown for an internal referral"
keys Space
wait_for "Pilih: Unit tujuan"
wait_for "LAB        Laboratorium"
keys Down Down Down Down Down Down
keys Enter
wait_for "Laboratorium"
keys F2
wait_for "Rujukan tersimpan"
expect_sql "SELECT jenis, tujuan IS NULL, faskes IS NULL, unit_tujuan FROM f_rujukan" "INTERNAL|1|1|LAB"
exit 0
