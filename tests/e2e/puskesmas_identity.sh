# The puskesmas identity that reports print: asked at the first start after the
# first administrator (a wrong code and NIP refused beside their fields), kept in
# the database; changed on Admin > Puskesmas (and F7 on the users' screen); a
# field emptied there is said above the report in the viewer. A month typed as
# people type it (08-2026) over the one proposed opens that month's report.
. "$(dirname "$0")/lib.sh"
NO_LOGIN=1 start_app
wait_for "Penyiapan pertama (1/2): administrator"
type_text "kepala"; keys Tab; type_text "dr. Rahma"; keys Tab
type_text "$PASSWORD"; keys Tab; type_text "$PASSWORD"; keys Enter
wait_for "Penyiapan pertama (2/2): identitas puskesmas"
wait_for "Esc: lewati dulu, isi nanti di Admin (F12) > Puskesmas."
field() { type_text "$1"; keys Tab; }
field "PUSKESMAS SUKAMAJU"; field "3204100101"; field "Jl. Raya Cicalengka 12"; field "Cicalengka"
field "Bandung"; field "dr. Rahma Dewi"; field "19850312201001200"; field "Sari Lestari"
type_text "199001012015032001"; keys F2
wait_for "kode puskesmas Kemenkes adalah huruf P dan 10 angka"
wait_for "NIP harus 18 angka tanpa spasi"
expect_sql "SELECT count(*) FROM puskesmas" 0
# the cursor is on the first field refused: the code
keys C-u; type_text "p3204100101"; keys Tab Tab Tab Tab Tab End; type_text "3"; keys F2
wait_for "Identitas puskesmas tersimpan"
expect_sql "SELECT nama, kode, alamat, kecamatan, kabupaten, kepala, nip_kepala, petugas, nip_petugas FROM puskesmas" \
	"PUSKESMAS SUKAMAJU|P3204100101|Jl. Raya Cicalengka 12|Cicalengka|Bandung|dr. Rahma Dewi|198503122010012003|Sari Lestari|199001012015032001"

# Admin > Puskesmas: the reporting officer emptied
keys F12
wait_for "Puskesmas: identitas untuk kop dan tanda tangan laporan"
keys Down Down Down Enter
wait_for "Admin: identitas puskesmas"
screen | grep -q "Kepala puskesmas  *dr. Rahma Dewi" || fail "the saved identity is not shown"
keys Tab Tab Tab Tab Tab Tab Tab C-u F2
wait_for "Identitas puskesmas tersimpan"
expect_sql "SELECT petugas, nip_petugas FROM puskesmas" "|199001012015032001"
# the same dialog from the users' screen, F7 on its key bar
keys Up Up Up Enter
wait_for "Admin: pengguna"
screen | grep -q "F7 Puskesmas" || fail "F7 Puskesmas not on the users' key bar"
keys F7
wait_for "Admin: identitas puskesmas"
keys Escape
wait_for "Admin: pengguna"
keys Escape Escape

# Laporan: the month proposed (10-2026) replaced by what is typed
keys F4
wait_for "Bulan           10-2026"
type_text "12-2026"	# a month not begun: refused, said
wait_for "Bulan           12-2026"
keys Enter
wait_for "bulan 12-2026 belum dimulai"
keys C-u; type_text "08-2026"; keys Enter
wait_for "Laporan LB1 08-2026"
wait_for "Identitas puskesmas belum lengkap: Petugas pelaporan (Admin > Puskesmas)"
screen | grep -q "Bulan: Agustus 2026" || fail "not August 2026"
keys Escape
# YYYY-MM is a month too
wait_for "Bulan           08-2026"
keys C-u; type_text "2026-09"; keys Enter
wait_for "Laporan LB1 09-2026"
keys Escape
keys F10
sleep 0.3
# a complete identity: no line above the report
$PKM_BIN --db "$DB" puskesmas ubah --petugas "Sari Lestari" >/dev/null
LOGIN_AS=kepala:ADMIN
start_app
keys F4
wait_for "Bulan           10-2026"
keys Enter
wait_for "Laporan LB1 10-2026"
screen | grep -q "Identitas puskesmas belum lengkap" && fail "a complete identity said incomplete"
keys Escape
keys F10
