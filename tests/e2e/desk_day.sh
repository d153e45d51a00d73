# A registration desk's morning at 80x24: a new patient, a returning one found
# by NIK, two diagnoses on a visit, and LB1 showing them counted.
. "$(dirname "$0")/lib.sh"
F=$(cd "$(dirname "$0")/../fixtures" && pwd)
$PKM_BIN --db "$DB" import pasien "$F/returning_pasien.csv" >/dev/null
$PKM_BIN --db "$DB" import kunjungan "$F/returning_kunjungan.csv" >/dev/null

start_app
wait_for "Cari:"
wait_for "F5 Baru"

# new patient
keys F5
wait_for "Pasien baru"
type_text "Siti Aminah"
keys Tab; type_text "p"
keys Tab; type_text "05-08-1980"
keys Tab Tab; type_text "3204104508800001"
keys F2
wait_for "Kunjungan hari ini"
wait_for "Klaster 3 Usia Dewasa dan Lansia"
keys Enter
wait_for "Kunjungan Siti Aminah tersimpan: K3, antrian 1"
expect_sql "SELECT no_rm, nik, jenis_kelamin, tanggal_lahir, penjamin FROM pasien WHERE nama = 'Siti Aminah'" \
	"000001|3204104508800001|P|1980-08-05|UMUM"
expect_sql "SELECT unit, k.penjamin, no_antrian, umur_tahun FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id
	WHERE p.nama = 'Siti Aminah' AND tanggal = '2026-11-23'" "K3|UMUM|1|46"

# returning patient by NIK: unit and payer come from the last visit
type_text "3204101203750002"
wait_for "Budi Santoso"
keys Enter
wait_for "Klaster 4 Penanggulangan Penyakit Menular"
wait_for "BPJS Non PBI"
keys Enter
wait_for "Kunjungan Budi Santoso tersimpan: K4, antrian 1"
expect_sql "SELECT unit, penjamin, no_antrian FROM kunjungan WHERE tanggal = '2026-11-23' AND unit = 'K4'" \
	"K4|BPJS_NON_PBI|1"

# two diagnoses on Siti's visit
keys F3
wait_for "2 kunjungan"
wait_for "Siti Aminah"
keys Enter
wait_for "Belum ada diagnosis"
keys F5
wait_for "Cari ICD-10"
type_text "j06.9"
wait_for "ISPA, tidak spesifik"
keys Enter
wait_for "J06.9 ditambahkan"
keys C-n
wait_for "Cari ICD-10"
type_text "diare"
wait_for "Diare dan gastroenteritis"
keys Enter
wait_for "A09 ditambahkan"
wait_for "Baru"
expect_sql "SELECT group_concat(icd10 || ':' || kasus, ' ') FROM (SELECT icd10, kasus FROM diagnosis ORDER BY id)" \
	"A15:B J06.9:B A09:B"
# change the case flag of the selected diagnosis (the one just added) with L
keys l
wait_for "Lama"
expect_sql "SELECT kasus FROM diagnosis WHERE icd10 = 'A09'" "L"
keys B
wait_gone "Lama"

# LB1 for this month shows both
keys Escape
wait_for "Tab: ganti unit"
keys F4
wait_for "Lebar kertas"
keys C-u; type_text "2026-11"
keys Enter
wait_for "LAPORAN BULANAN DATA KESAKITAN (LB1)"
wait_for "A09    Diare dan gastroenteritis"
wait_for "J06.9  ISPA, tidak spesifik"
keys End
wait_for "pasangan kunjungan-diagnosis bulan ini (2)"
screen | grep -q "TIDAK COCOK" && fail "foot checks failed"
keys Escape
wait_for "Lebar kertas"
keys F10
i=0
while $T has-session -t app 2>/dev/null && [ $i -lt 40 ]; do sleep 0.05; i=$((i + 1)); done
$T has-session -t app 2>/dev/null && fail "pkm did not quit on F10"
exit 0
