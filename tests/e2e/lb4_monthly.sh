# The monthly LB4 aggregate screen at 80x24: a bad value is refused under its
# field, the month's row is saved (and updated, not duplicated), and LB4 prints
# it in its rows; the LB3 and Jampersal reports open from the same screen.
. "$(dirname "$0")/lib.sh"
start_app
wait_for "F10 Keluar"
# a complete identity (saved from another desk): no line above the report
$PKM_BIN --db "$DB" puskesmas ubah --nama "PUSKESMAS SUKAMAJU" --kode P3204100101 --alamat "Jl. Raya 12" \
	--kecamatan Cicalengka --kabupaten Bandung --kepala "dr. Rahma Dewi" --nip-kepala 198503122010012003 \
	--petugas "Sari Lestari" --nip-petugas 199001012015032001 >/dev/null

keys F4
wait_for "Lebar kertas"
type_text "2026-10"; keys C-b	# typed over the month proposed, no ^U first
wait_for "Isian bulanan LB4 (kegiatan luar gedung)"
wait_for "Bulan Oktober 2026"
type_text "4"; keys Enter; type_text "x"; keys F2
wait_for "Penyuluhan di luar gedung harus bilangan bulat 0-100000"
expect_sql "SELECT COUNT(*) FROM lb4_agregat" 0
keys BSpace; type_text "2"; keys Enter Enter; type_text "12"; keys F2
wait_for "luar gedung) tersimpan"
expect_sql "SELECT bulan, penyuluhan_dalam, penyuluhan_luar, posyandu_madya FROM lb4_agregat" "202610|4|2|12"

# open it again: the stored values are there; a change updates the same row
keys C-b
wait_for "Sudah pernah disimpan"
keys C-u; type_text "5"; keys F2
wait_for "luar gedung) tersimpan"
expect_sql "SELECT COUNT(*), MAX(penyuluhan_dalam) FROM lb4_agregat" "1|5"

keys Up Space Space Space
wait_for "LB4 - kegiatan puskesmas"
keys Enter
wait_for "LB4 - LAPORAN KEGIATAN PUSKESMAS"
keys NPage NPage NPage
wait_for "Penyuluhan di dalam gedung"
screen | grep "Penyuluhan di dalam gedung" | grep -q -- "- *- *5$" || fail "LB4 row of the monthly entry wrong"
keys NPage
wait_for "Posyandu strata madya"
screen | grep "Posyandu strata madya" | grep -q -- "- *- *12$" || fail "posyandu madya not 12"
keys Escape
wait_for "Lebar kertas"
keys Space
wait_for "Rekap klaim Jampersal"
keys Enter
wait_for "REKAPITULASI KLAIM JAMPERSAL"
wait_for "JUMLAH KLAIM"
