# Issue 30 item 4 at 80x24: names are found with apostrophes, hyphens and dots
# ignored (nuraini, syafii and aini all find Nur'aini Syafi'i, stored as typed);
# the list says how many matched, "lebih dari 200" past the list's 200; the
# patient found opens today's visit (Enter, Enter), checked with sqlite3.
. "$(dirname "$0")/lib.sh"
{
	echo "no_rm,nama,jenis_kelamin,tanggal_lahir,alamat,desa,penjamin"
	echo "300001,Nur'aini Syafi'i,P,1992-04-04,Jl. Mawar 3,Sukamaju,UMUM"
	echo "300002,Nuraini,P,1988-12-30,Jl. Mawar 7,Cibiru,UMUM"
	echo "300003,Siti Aini,P,2001-06-09,Jl. Kenanga 2,Sukamaju,UMUM"
	for i in $(seq 1 205); do printf '4%05d,Ujang Nomor %d,L,1980-01-01,,Nagrak,UMUM\n' "$i" "$i"; done
} >"$WORK/p.csv"
$PKM_BIN --db "$DB" impor pasien "$WORK/p.csv" >/dev/null
start_app
wait_for "F10 Keluar"
keys F2
wait_for "Cari:"
type_text "aini"
wait_for "Siti Aini"
wait_for "2 pasien cocok"
screen | grep -q "Nur'aini Syafi'i" || fail "aini does not find Nur'aini"
keys Escape; type_text "syafii"
wait_for "1 pasien cocok"
screen | grep -q "300001  Nur'aini Syafi'i" || fail "syafii does not find Nur'aini Syafi'i"
keys Escape; type_text "nuraini"
wait_for "2 pasien cocok"
screen | grep -q "Nuraini " || fail "nuraini lost the plain Nuraini"
keys Escape; type_text "ujang"
wait_for "lebih dari 200 pasien cocok: tambah kata atau tahun lahir"
keys Escape; type_text "nur-aini syafi"
wait_for "1 pasien cocok"
keys Enter
wait_for "Kunjungan hari ini"
keys Enter
wait_for "Kunjungan Nur'aini Syafi'i tersimpan"
expect_sql "SELECT p.nama, k.unit, k.tanggal FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id" \
	"Nur'aini Syafi'i|K3|2026-11-23"
echo ok
