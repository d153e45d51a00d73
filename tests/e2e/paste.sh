# Pasted text is text: with bracketed paste (xterm's mode 2004) a paste goes into
# the focused field with its line breaks dropped, never as Enter or an action
# key, so it never saves anything: the log-in, the search, a dialog that Enter
# saves, the patient form.
. "$(dirname "$0")/lib.sh"
printf 'no_rm,nik,no_bpjs,nama,jenis_kelamin,tanggal_lahir,alamat,desa,penjamin\n008103,,,Siti Aminah,P,1990-02-02,Jl. Melati 3,Sukamaju,UMUM\n' >"$WORK/p.csv"
$PKM_BIN --db "$DB" import pasien "$WORK/p.csv" >/dev/null
paste_text() { printf '%b' "$1" | $T load-buffer -b clip -; $T paste-buffer -p -b clip -t app; }
# the log-in: a password pasted with its line break does not log in, Enter does
add_user uji ADMIN
NO_LOGIN=1 start_app
wait_for "Nama pengguna"
type_text "uji"; keys Tab
paste_text "$PASSWORD\n"
sleep 0.3
screen | grep -q "Selamat bekerja" && fail "a pasted line break logged in"
keys Enter
wait_for "Cari:"
# the issue's paste: the No. RM and two line breaks
paste_text '008103\n\n'
wait_for "Cari: 008103"
wait_for "Siti Aminah"
sleep 0.3
screen | grep -q "Kunjungan hari ini" && fail "a pasted line break opened the visit"
expect_sql "SELECT count(*) FROM kunjungan" 0
# in the visit dialog (Enter saves it): the unit pasted over the proposed K3
keys Enter
wait_for "Kunjungan hari ini"
paste_text 'K2\r\n'
wait_for "Klaster 2"
sleep 0.3
expect_sql "SELECT count(*) FROM kunjungan" 0
keys Enter
wait_for "Kunjungan Siti Aminah tersimpan: K2"
expect_sql "SELECT unit FROM kunjungan" "K2"
# the patient form: a name pasted with a line break, then saved with F2
type_text "008103"
wait_for "Siti Aminah"
keys F6
wait_for "Ubah data pasien"
keys C-u
paste_text 'Siti Aminah Putri\n'
wait_for "Siti Aminah Putri"
sleep 0.3
expect_sql "SELECT nama FROM pasien" "Siti Aminah"
keys F2
wait_for "Data pasien Siti Aminah Putri tersimpan"
expect_sql "SELECT nama FROM pasien" "Siti Aminah Putri"
exit 0
