# The desk picks a patient's village from the master at 80x24 (issue 33): a
# word start and Tab takes the only match, several open a pick list, a village
# not in the master is saved as "luar wilayah" once confirmed; the code and the
# master's name are stored beside each other. Checked with sqlite3.
. "$(dirname "$0")/lib.sh"
cat >"$WORK/desa.csv" <<'CSV'
kode,nama,wilayah,pustu,posyandu
32.04.10.2001,Sukamaju,Y,Pustu Sukamaju,Melati
3204102002,Cibodas,Y,,Mawar
3204102003,Sukamaju Baru,Y,,
3204112001,Margahayu,T,,
CSV
$PKM_BIN --db "$DB" impor desa "$WORK/desa.csv" >/dev/null
new_patient() {	# new_patient NAME SEX BIRTH DESA: the form filled up to the village field
	keys C-u; keys F5
	wait_for "Pasien baru"
	type_text "$1"; keys Tab; type_text "$2"; keys Tab; type_text "$3"
	keys Tab Tab Tab Tab Tab Tab Tab; type_text "$4"
}
start_app
wait_for "F10 Keluar"
# one match: Tab takes it, its name beside the code
new_patient "Ani Lestari" p 01-02-1990 "cibo"
keys Tab
wait_for "Cibodas"
screen | grep -q "3204102002" || fail "the village code not in the field"
keys F2
wait_for "Kunjungan hari ini"
expect_sql "SELECT desa, desa_kode, desa_luar FROM pasien WHERE nama = 'Ani Lestari'" "Cibodas|3204102002|0"
keys Escape
wait_for "Cari:"
# two villages start with "suka": the list, the second chosen
new_patient "Budi Santoso" l 02-03-1985 "suka"
keys Tab
wait_for "2 cocok dengan 'suka'"
keys Down Enter
wait_for "3204102003"
keys F2
wait_for "Kunjungan hari ini"
expect_sql "SELECT desa, desa_kode, desa_luar FROM pasien WHERE nama = 'Budi Santoso'" "Sukamaju Baru|3204102003|0"
keys Escape
wait_for "Cari:"
# a village outside the master: asked, then kept as typed and counted outside
new_patient "Cici Rahayu" p 03-04-1995 "Kampung Jauh"
keys F2
wait_for "Simpan sebagai luar wilayah?"
keys y
wait_for "Kunjungan hari ini"
expect_sql "SELECT desa, coalesce(desa_kode, '-'), desa_luar FROM pasien WHERE nama = 'Cici Rahayu'" "Kampung Jauh|-|1"
# the village's name typed whole is that village, without a question
keys Escape
wait_for "Cari:"
new_patient "Dedi Kurnia" l 04-05-1970 "sukamaju"
keys F2
wait_for "Kunjungan hari ini"
expect_sql "SELECT desa, desa_kode FROM pasien WHERE nama = 'Dedi Kurnia'" "Sukamaju|3204102001"
echo ok
