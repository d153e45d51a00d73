# Defects a new user met at the desk, each driven here: the diagnosis just
# added is the one selected (B/L/K and F8 act on it), K2 typed on a unit
# choice reaches Klaster 2, F-keys sent as ESC O P..S under TERM=linux are keys
# (not letters typed into a field), and a forced password change must choose a
# new password; the log-in says Masuk; switching user; the patient search takes a birth year and tells patients apart.
. "$(dirname "$0")/lib.sh"
import_cluster_visits
start_app
wait_for "F10 Keluar"
keys F3
wait_for "Tab: ganti unit"
screen | grep -q "Penjamin      Dx" || fail "the visit list's Dx column is cut at 80 columns"
open_visit 3
wait_for "tanggal 23-11-2026"	# dates on screen are DD-MM-YYYY
# a visit with Z34.9; adding L29.9 selects it, so F8 asks about L29.9
keys F5; wait_for "Cari ICD-10"; type_text "Z34.9"; wait_for "Pengawasan kehamilan normal"; keys Enter
wait_for "Z34.9 ditambahkan"
keys F5; wait_for "Cari ICD-10"; type_text "gatal"; wait_for "Pruritus"; keys Enter
wait_for "L29.9 ditambahkan"
keys l
wait_for "Lama"
expect_sql "SELECT icd10 || kasus FROM diagnosis ORDER BY id" "Z34.9B
L29.9L"
keys F8
wait_for "Hapus diagnosis L29.9?"
keys y
wait_for "Diagnosis L29.9 dihapus"
expect_sql "SELECT group_concat(icd10) FROM diagnosis" "Z34.9"
keys Escape
wait_for "Tab: ganti unit"
keys Escape

# the visit dialog's unit: typing K2 reaches Klaster 2
keys F2
wait_for "Cari:"
type_text "Candra"
wait_for "Candra Wijaya"
keys Enter
wait_for "Kunjungan hari ini"
type_text "K2"
wait_for "Klaster 2 Ibu dan Anak"
keys C-u; type_text "IG"
wait_for "IGD: Gawat Darurat"	# a code typed in part: the only code it starts
keys Escape
wait_for "Buang perubahan?"
keys y
wait_for "Cari:"
keys C-q
sleep 0.3

# TERM=linux: F5 and F2 as tmux sends them (ESC [15~, ESC O Q) are keys
start_app linux NO_COLOR=1
wait_for "F10 Keluar"
keys F5
wait_for "Pasien baru"
type_text "Eko"
keys F2
wait_for "wajib diisi"
screen | grep -q "EkoQ\|Eko Q" && fail "ESC O Q typed Q into the field"
keys Escape
wait_for "Buang perubahan?"
keys y
keys C-q
sleep 0.3

# the log-in says what it does: F2 Masuk, and a wrong password is not "Tidak tersimpan"
NO_LOGIN=1 start_app
wait_for "Nama pengguna"
screen | tail -1 | grep -q "F2 Masuk" || fail "the log-in's key bar does not say Masuk"
type_text "uji"; keys Tab; type_text "salah-sekali"; keys F2
wait_for "nama pengguna atau kata sandi salah"
wait_for "Belum masuk"
screen | grep -q "Tidak tersimpan" && fail "a wrong password is told as 'Tidak tersimpan'"
keys C-q
$T kill-server 2>/dev/null || true
# a password set by the administrator cannot be kept as it is
echo "Rahasia-2026" | $PKM_BIN --db "$DB" pengguna sandi uji >/dev/null
start_app
wait_for "Ganti kata sandi"
type_text "$PASSWORD"; keys Tab; type_text "$PASSWORD"; keys F2
wait_for "sama dengan kata sandi dari administrator"
expect_sql "SELECT ganti_sandi FROM pengguna WHERE nama = 'uji'" 1
keys C-u; type_text "Baru-2026x"; keys Tab C-u; type_text "Baru-2026x"; keys F2
wait_for "F10 Keluar"
expect_sql "SELECT ganti_sandi FROM pengguna WHERE nama = 'uji'" 0

# search: a birth year beside a name; the village in the list, the address of
# the selected patient under it; dates as DD-MM-YYYY
keys F2
wait_for "Cari:"
type_text "bayu 2025"
wait_for "Bayu Pratama"
screen | grep "Bayu Pratama" | grep -q "01-06-2025 Sukamaju" || fail "no DD-MM-YYYY birth date and village in the list"
wait_for "NIK - | No. BPJS - | Jl. Mawar 2, Sukamaju"
keys C-u; type_text "bayu 2024"
wait_for "Tidak ditemukan"
# Esc on the search empties it (the key bar no longer offers "Esc Kembali" there)
screen | tail -1 | grep -q "Esc Kembali" && fail "the key bar offers Esc Kembali on the search"
keys Escape
wait_gone "Tidak ditemukan"

# switch user without quitting: F9 back to the log-in, the next one logs in
add_user rina PENDAFTARAN
keys F9
wait_for "Nama pengguna"
type_text "rina"; keys Tab; type_text "$PASSWORD"; keys Enter
wait_for "Selamat bekerja, rina (PENDAFTARAN)"
screen | tail -1 | grep -q "F4 Laporan" && fail "the next user got the previous user's keys"
expect_sql "SELECT count(*) FROM audit WHERE aksi = 'MASUK' AND pengguna = (SELECT kode FROM audit_nama WHERE nama = 'rina')" 1
echo ok
