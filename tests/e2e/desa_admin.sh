# Admin > Desa at 80x24: a village added with its dotted Kemendagri code (kept
# as 10 digits), a bad code refused beside the field, a village changed (its
# code kept), a neighbouring one marked outside the area; F6 lists a patient's
# old village text with the nearest village. Checked with sqlite3.
. "$(dirname "$0")/lib.sh"
printf 'nama,jenis_kelamin,tanggal_lahir,desa\nAni Lestari,P,1990-01-01,Suka Maju\n' >"$WORK/p.csv"
$PKM_BIN --db "$DB" impor pasien "$WORK/p.csv" >/dev/null
start_app
wait_for "Selamat bekerja"
keys F12
wait_for "Desa: wilayah kerja"
keys Down Down Down Down Enter
wait_for "Admin: desa wilayah kerja"
wait_for "Belum ada desa"
screen | grep -q "F5 Baru" || fail "F5 Baru not on the key bar"
keys F5
wait_for "Desa baru"
type_text "32.04.10.200"; keys Tab; type_text "Sukamaju"; keys Tab Tab; type_text "Pustu Sukamaju"
keys Tab; type_text "Melati 1, Melati 2"; keys F2
wait_for "kode desa harus 10 angka"
expect_sql "SELECT count(*) FROM desa" 0
keys Up Up Up Up; keys End; type_text "1"; keys F2
wait_for "Desa Sukamaju tersimpan"
wait_for "3204102001  Sukamaju"
expect_sql "SELECT kode, nama, nama_cari, wilayah, pustu, posyandu FROM desa" \
	"3204102001|Sukamaju|sukamaju|1|Pustu Sukamaju|Melati 1, Melati 2"
# a neighbouring village, outside the area
keys C-n
wait_for "Desa baru"
type_text "3204112001"; keys Tab; type_text "Margahayu"; keys Tab C-u; type_text "T"; keys F2
wait_for "Desa Margahayu tersimpan"
expect_sql "SELECT wilayah FROM desa WHERE kode = '3204112001'" 0
# changed: the pustu; the code stays the village's
keys Home Enter
wait_for "Ubah desa"
keys C-u; type_text "3204102009"; keys F2
wait_for "kode desa tidak dapat diubah"
keys C-u; type_text "3204102001"; keys Tab Tab Tab C-u; type_text "Pustu Sukamaju Baru"; keys F2
wait_for "Desa Sukamaju tersimpan"
expect_sql "SELECT count(*), group_concat(pustu) FROM desa WHERE kode LIKE '320410%'" "1|Pustu Sukamaju Baru"
keys F6
wait_for "Teks desa lama pasien"
wait_for '"Suka Maju"                   1  3204102001 Sukamaju (sama)'
keys Escape
wait_for "Admin: desa wilayah kerja"
keys Escape
wait_for "Desa: wilayah kerja"
echo ok
