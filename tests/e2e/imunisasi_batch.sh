# The vaccine's batch number at 80x24: the fields below the doses (the form
# scrolls to them), one per vaccine, saved with the dose; a batch longer than
# 30 characters is refused under its field. sqlite3 checks the row.
. "$(dirname "$0")/lib.sh"
import_cluster_visits
start_app
wait_for "F10 Keluar"
open_visit 2
wait_for "[ ] Imunisasi rutin bayi dan baduta"
keys Enter
wait_for "MR (campak-rubela)"
keys Down Down Down Down Down Down; type_text "2"
keys Down Down Down Down Down Down Down Down Down
wait_for "No. batch MR"
wait_for "Nomor batch pada vial MR hari ini"	# its help, from kamus
type_text "MR2611B-0123456789012345678901234"
keys F2
wait_for "No. batch MR terlalu panjang (maksimal 30 karakter)"
expect_sql "SELECT count(*) FROM f_imunisasi" 0
keys C-u; type_text "MR2611B"; keys F2
wait_for "Simpan juga?"	# MR2 at 17 months (tests/e2e/schedule_warning.sh)
keys y
wait_for "Imunisasi rutin bayi dan baduta tersimpan"
expect_sql "SELECT mr, no_batch_mr, no_batch_polio IS NULL FROM f_imunisasi" "2|MR2611B|1"
echo ok
