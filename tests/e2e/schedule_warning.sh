# The immunisation schedule at 80x24: MR2 for a child of 17 months is asked
# about before saving ("Perhatian: ... Simpan juga?", whole at 80 columns);
# t keeps the form unsaved with everything typed, y saves it. sqlite3 checks.
. "$(dirname "$0")/lib.sh"
import_cluster_visits
start_app
wait_for "F10 Keluar"
open_visit 2
wait_for "Bayu Pratama"
wait_for "Imunisasi rutin bayi dan baduta"
# the first form not yet filled is selected: the immunisation form
wait_for "[ ] Imunisasi rutin bayi dan baduta"
keys Enter
wait_for "MR (campak-rubela)"
keys Down Down Down Down Down Down; type_text "2"; keys F2
wait_for "Perhatian: MR (campak-rubela) MR2 (lanjutan 18-23 bl): umur 17 bulan, jadwal"
wait_for "paling cepat 18 bulan. Simpan juga? (y = ya, t = tidak)"
keys t
wait_for "Belum disimpan: periksa isian"
expect_sql "SELECT count(*) FROM f_imunisasi" 0
keys F2
wait_for "Simpan juga?"
keys y
wait_for "Imunisasi rutin bayi dan baduta tersimpan"
expect_sql "SELECT mr FROM f_imunisasi" 2
echo ok
