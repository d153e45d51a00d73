# Periksa data at 80x24 (Laporan, F7) on the golden fixture of pkm periksa: the
# planted man with an ANC form is listed as a kesalahan; Enter lists his visit,
# Enter opens it (an old visit: the reason is asked, as from the visit list);
# the data officer sees the same list but opens no visit; nothing of the
# records changes (only the trail gains the reason); a finding corrected from
# the list is gone when the list comes back.
. "$(dirname "$0")/lib.sh"
fx=$(cd "$(dirname "$0")/../golden/periksa" && pwd)
$PKM_BIN --db "$DB" impor pasien "$fx/pasien.csv" >/dev/null
$PKM_BIN --db "$DB" impor kunjungan "$fx/kunjungan.csv" >/dev/null
sqlite3 "$DB" <"$fx/forms.sql"
records() { sql "SELECT * FROM pasien; SELECT * FROM kunjungan; SELECT * FROM diagnosis; SELECT * FROM f_anc;
	SELECT * FROM f_kb; SELECT * FROM lb4_agregat" | md5sum; }
before=$(records)
add_user data PELAPORAN
start_app
wait_for "F10 Keluar"

keys F4
wait_for "Lebar kertas"
wait_for "F7 Periksa"
keys C-u; type_text "10-2026"; keys F7
wait_for "Periksa data sebelum tanda tangan"
wait_for "Bulan 10-2026: 8 kesalahan, 11 perhatian"
screen | grep -q "KESALAHAN    1  Formulir Pemeriksaan kehamilan (ANC terpadu) tidak sesuai" ||
	fail "the man with an ANC form is not listed"
# the third finding; its whole text under the list
keys Down Down
wait_for "perempuan, 10 tahun s.d. 55 tahun, unit K2)"
keys Enter
wait_for "Periksa data: kunjungan"
wait_for "07-10-2026 400012   Bambang Lelaki         K2    laki-laki, 36 th"
keys Enter
wait_for "Alasan mengubah:"
type_text "periksa data"; keys Enter
wait_for "Kunjungan pasien"
wait_for "Bambang Lelaki  (No. RM 400012)"
wait_for "Z34.9"
keys Escape
wait_for "Periksa data: kunjungan"
keys Escape
wait_for "Periksa data sebelum tanda tangan"
# a month-wide finding has no visit to open
keys End
wait_for "ispa_np_kasus"
keys Enter
wait_for "Temuan untuk sebulan penuh"
keys Escape
wait_for "Lebar kertas"
expect_sql "SELECT count(*) FROM audit WHERE aksi = 'UBAH' AND tabel = 'kunjungan' AND baru LIKE '%alasan: periksa data'" 1

# the data officer: F7 on the bar, the same list, no visit opened
keys F9
login data
wait_for "F7 Periksa"
keys C-u; type_text "10-2026"; keys C-t
wait_for "Bulan 10-2026: 8 kesalahan, 11 perhatian"
keys Down Down Enter
wait_for "Bambang Lelaki"
keys Enter
wait_for "Kunjungan dibuka oleh admin, pendaftaran atau tenaga kesehatan"
screen | grep -q "Kunjungan pasien" && fail "the data officer opened a visit"
keys Escape Escape
wait_for "Lebar kertas"
# a month still to come is refused with its reason
keys C-u; type_text "12-2026"; keys F7
wait_for "Tidak dapat diperiksa: bulan 12-2026 belum dimulai"

[ "$(records)" = "$before" ] || fail "the checks changed the records"

# the administrator corrects a finding from the list: back on it, checked again
keys F9
login uji
keys F4
wait_for "Lebar kertas"
keys C-u; type_text "10-2026"; keys F7
wait_for "Bulan 10-2026: 8 kesalahan, 11 perhatian"
keys Enter
wait_for "Tono Tanpa Dx"
keys Enter
wait_for "Alasan mengubah:"
type_text "diagnosis tertinggal"; keys Enter
wait_for "Belum ada diagnosis"
keys F5
wait_for "Cari ICD-10"
type_text "r51"
wait_for "R51"
keys Enter
wait_for "R51 ditambahkan"
keys Escape Escape
wait_for "Bulan 10-2026: 7 kesalahan, 11 perhatian"
screen | grep -q "Kunjungan tanpa diagnosis" && fail "the corrected finding is still listed"
expect_sql "SELECT d.icd10 FROM diagnosis d JOIN kunjungan k ON k.id = d.kunjungan_id JOIN pasien p ON p.id = k.pasien_id
	WHERE p.no_rm = '400010'" "R51"
