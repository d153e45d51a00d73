# Visits of another day: < and > step through the days (never past today), F7
# takes a typed date; yesterday's form is completed; a visit older than
# [kunjungan] ubah_hari days is changed only with a reason, which is audited.
. "$(dirname "$0")/lib.sh"
import_cluster_visits
printf 'no_rm,tanggal,unit,icd10,kasus\n200003,2026-11-22,K3,I10,B\n200003,2026-11-02,K3,E11.9,B\n' >"$WORK/old.csv"
$PKM_BIN --db "$DB" import kunjungan "$WORK/old.csv" >/dev/null
start_app
wait_for "F10 Keluar"
keys F3
wait_for "Kunjungan hari ini"
keys '>'
wait_for "Tanggal 23-11-2026"	# not past today
keys '<'
wait_for "Kunjungan hari lain"
wait_for "Tanggal 22-11-2026"
wait_for "Candra Wijaya"
# yesterday's visit: within ubah_hari, a diagnosis added without a question
keys Enter
wait_for "Formulir untuk pasien dan unit ini"
keys F5; wait_for "Cari ICD-10"; type_text "R51"; wait_for "Sakit kepala"; keys Enter
wait_for "R51 ditambahkan"
expect_sql "SELECT count(*) FROM diagnosis d JOIN kunjungan k ON k.id = d.kunjungan_id WHERE k.tanggal = '2026-11-22'" 2
keys Escape
wait_for "Tanggal 22-11-2026"
# three weeks back: a reason first
keys F7
wait_for "Tanggal kunjungan (DD-MM-YYYY):"
keys C-u; type_text "02-11-2026"; keys Enter
wait_for "Tanggal 02-11-2026"
keys Enter
wait_for "Kunjungan 21 hari lalu. Alasan mengubah:"
keys Escape
wait_for "Tanpa alasan kunjungan lama tidak diubah"
keys Enter
wait_for "Alasan mengubah:"
type_text "hasil lab menyusul"; keys Enter
wait_for "Formulir untuk pasien dan unit ini"
expect_sql "SELECT count(*) FROM audit WHERE aksi = 'UBAH' AND tabel = 'kunjungan' AND baru LIKE '%alasan: hasil lab menyusul'" 1
keys Escape
# a typed date after today is refused
keys F7
wait_for "Tanggal kunjungan"
keys C-u; type_text "24-11-2026"; keys Enter
wait_for "Tanggal tidak sah atau setelah hari ini"
echo ok
