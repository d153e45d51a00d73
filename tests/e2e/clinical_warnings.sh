# Issue 30 item 11 at 80x24: A91 added to a visit that has A90 is asked about
# before saving (t keeps it off, y adds it), and a KN1 recorded past 48 hours
# of life is asked about like the schedule's warnings. sqlite3 checks each.
. "$(dirname "$0")/lib.sh"
import_cluster_visits
printf 'no_rm,nama,jenis_kelamin,tanggal_lahir,alamat,desa,penjamin\n200005,Bayi Fani,L,2026-11-20,Jl. Mawar 9,Sukamaju,UMUM\n' \
	>"$WORK/bayi.csv"
printf 'no_rm,tanggal,unit\n200005,2026-11-23,K2\n' >"$WORK/bayi_k.csv"
$PKM_BIN --db "$DB" impor pasien "$WORK/bayi.csv" >/dev/null
$PKM_BIN --db "$DB" impor kunjungan "$WORK/bayi_k.csv" >/dev/null
start_app
wait_for "F10 Keluar"
# KN1 for a baby of three days (born 20-11-2026, today 23-11-2026)
open_visit 3	# the K2 list: Ani, Bayu, Bayi Fani
wait_for "Bayi Fani"
wait_for "[ ] Kunjungan neonatal (KN1-KN3)"
keys Down Enter	# the first form not filled (immunisation) is selected; the next
wait_for "Kunjungan neonatal"
type_text "KN1"; keys F2
wait_for "Perhatian: Kunjungan neonatal KN1 (6-48 jam): umur 3 hari, jadwal paling lambat"
wait_for "2 hari. Simpan juga? (y = ya, t = tidak)"
keys t
wait_for "Belum disimpan: periksa isian"
expect_sql "SELECT count(*) FROM f_neonatal" 0
keys F2
wait_for "Simpan juga?"
keys y
wait_for "Kunjungan neonatal (KN1-KN3) tersimpan"
expect_sql "SELECT kunjungan_neonatal FROM f_neonatal" KN1
keys Escape
wait_for "[x] Kunjungan neonatal (KN1-KN3)"
keys Escape
wait_for "Tab: ganti unit"

# Candra Wijaya in K3, the next line of the list
keys Down Enter
wait_for "Candra Wijaya  (No. RM 200003)"
wait_for "Unit K3"
keys F5; wait_for "Cari ICD-10"; type_text "A90"; wait_for "Demam dengue"; keys Enter
wait_for "A90 ditambahkan"
keys F5; wait_for "Cari ICD-10"; type_text "A91"; wait_for "Demam berdarah dengue"; keys Enter
wait_for "Perhatian: A90 (demam dengue) dan A91 (DBD) pada satu kunjungan: pilih salah"
wait_for "Simpan juga? (y = ya, t = tidak)"
keys t
wait_for "Belum disimpan"
expect_sql "SELECT group_concat(icd10) FROM diagnosis" "A90"
keys F5; wait_for "Cari ICD-10"; type_text "A91"; wait_for "Demam berdarah dengue"; keys Enter
wait_for "Simpan juga?"
keys y
wait_for "A91 ditambahkan"
expect_sql "SELECT group_concat(icd10) FROM (SELECT icd10 FROM diagnosis ORDER BY id)" "A90,A91"
echo ok
