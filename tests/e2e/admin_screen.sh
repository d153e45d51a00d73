# The Admin screen: a new unit-bound user (must change the password at first
# log-in), a password reset, closing an account, the audit trail filtered by
# patient, and merging a duplicate patient, with the database checked.
. "$(dirname "$0")/lib.sh"
import_cluster_visits
printf 'no_rm,nik,no_bpjs,nama,jenis_kelamin,tanggal_lahir,alamat,desa,penjamin\n200009,,,Ani Lestari,P,1996-03-10,,Sukamaju,UMUM\n' >"$WORK/dobel.csv"
$PKM_BIN --db "$DB" import pasien "$WORK/dobel.csv" >/dev/null
# a "printer" that keeps what it was sent
mkdir -p "$WORK/.config/pkm"
printf '[laporan]\nprinter = cat > %s/cetak.txt\n' "$WORK" >"$WORK/.config/pkm/pkm.ini"
start_app
wait_for "Selamat bekerja"
keys F12
wait_for "Gabung pasien dobel"
keys Enter
wait_for "Admin: pengguna"
keys F5
wait_for "Pengguna baru"
type_text "dewi.k3"; keys Tab; type_text "Dewi Anggraini"; keys Tab; type_text "NAKES"; keys Tab
wait_for "contoh: K2 K3"	# the unit help whole at 80 columns (wrapped)
type_text "K9"; keys Tab; type_text "3204"; keys Tab; type_text "$PASSWORD"; keys Tab; type_text "$PASSWORD"
keys Enter
wait_for "unit K9 tidak dikenal"
wait_for "NIK harus 16 digit"	# her NIK, for SATUSEHAT: checked as a patient's is
keys C-u; type_text "K3"; keys Tab C-u; type_text "3204010505800007"; keys F2
wait_for "Pengguna dewi.k3 tersimpan"
wait_for "dewi.k3          NAKES        aktif    K3 Dewi Anggraini"
expect_sql "SELECT p.peran, u.unit, p.ganti_sandi, p.nik FROM pengguna p JOIN pengguna_unit u ON u.pengguna_id = p.id
	WHERE p.nama = 'dewi.k3'" "NAKES|K3|1|3204010505800007"
# change her role: units belong to health workers only
keys Enter
wait_for "Ubah pengguna"
keys Tab Tab C-u; type_text "PENDAFTARAN"; keys F2
wait_for "unit hanya untuk peran tenaga kesehatan"
keys C-u; keys F2
wait_for "Pengguna dewi.k3 tersimpan"
expect_sql "SELECT peran, (SELECT count(*) FROM pengguna_unit WHERE pengguna_id = p.id) FROM pengguna p
	WHERE nama = 'dewi.k3'" "PENDAFTARAN|0"
# an administrator keeps its own role
keys Down Enter
wait_for "Ubah pengguna"
keys Tab Tab C-u; type_text "PELAPORAN"; keys F2
wait_for "administrator tidak dapat mencabut perannya sendiri"
keys Escape
wait_for "Buang perubahan?"
keys y
expect_sql "SELECT peran FROM pengguna WHERE nama = 'uji'" "ADMIN"
keys Up
# the list is by name: dewi.k3 first, then uji
keys F8
wait_for "Tutup akun dewi.k3?"
keys y
wait_for "dewi.k3          PENDAFTARAN  ditutup"
expect_sql "SELECT aktif FROM pengguna WHERE nama = 'dewi.k3'" "0"
keys Down F8
wait_for "Akun sendiri tidak dapat ditutup"
keys Up F6
wait_for "Atur ulang kata sandi"
type_text "Lain-2026x"; keys Tab; type_text "Lain-2026x"; keys Enter
wait_for "Kata sandi dewi.k3 diatur ulang"
keys Escape
wait_for "Jejak audit"

# merge the duplicate
keys Down Down Enter
wait_for "Admin: gabung pasien dobel"
type_text "200001"; keys Tab; type_text "200009"; keys Enter
wait_for "Gabung 200009 Ani Lestari"
keys y
wait_for "Pasien 200009 digabung ke 200001"
expect_sql "SELECT count(*) FROM pasien WHERE nama = 'Ani Lestari'" "1"

# the trail of that patient, on screen (a bad date is told under its field)
keys Up Enter
wait_for "Admin: jejak audit"
type_text "200001"; keys Tab Tab C-u; type_text "31-02-2026"; keys F2
wait_for "tanggal tidak sah '31-02-2026' (DD-MM-YYYY)"
keys C-u; keys Tab Enter
wait_for "Jejak audit (terbaru dulu)"
wait_for "TAMBAH pasien #1-"	# the import that made the record
wait_for "GABUNG pasien #1  RM 200001"
# newest first, the selected row's values under the list
screen | sed -n 3p | grep -q "GABUNG" || fail "the newest row is not first"
wait_for "lama:"
# F7: the whole filtered trail to a file, oldest first
keys F7
wait_for "Simpan ke berkas:"
keys Enter	# the proposed jejak-audit.txt, in ~/pkm-keluaran
wait_for "catatan jejak audit disimpan ke"; wait_for "pkm-keluaran/jejak-audit.txt"
head -1 "$WORK/pkm-keluaran/jejak-audit.txt" | grep -q "TAMBAH pasien #1-" || fail "the trail file does not start with the oldest row"
grep -q "GABUNG pasien #1  RM 200001" "$WORK/pkm-keluaran/jejak-audit.txt" || fail "the trail file lacks the merge"
# F9: the same to the printer
keys F9
wait_for "catatan jejak audit dikirim ke printer"
cmp -s "$WORK/pkm-keluaran/jejak-audit.txt" "$WORK/cetak.txt" || fail "the printed trail differs from the saved one"
keys Escape Escape Escape
wait_for "Cari:"
# the new user's first password, her role change, closing the account, the reset: each in the trail
[ "$(trail | grep -c "  uji  *UBAH   pengguna #")" = 4 ] || fail "user changes not in the trail"
