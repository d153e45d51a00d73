# After LB2 and LB4 of October are signed off, at 80x24: a receipt dated in
# October asks the reason first (none: nothing saved), one dated today asks
# nothing; the LB4 monthly entry of October asks it too. Each reason is in the
# trail.
. "$(dirname "$0")/lib.sh"
fx=$(cd "$(dirname "$0")/../fixtures" && pwd)
$PKM_BIN --db "$DB" import obat "$fx/obat.csv" >/dev/null
$PKM_BIN --db "$DB" import stok "$fx/stok.csv" >/dev/null
$PKM_BIN --db "$DB" laporan final lb2 --month 10-2026 >/dev/null
$PKM_BIN --db "$DB" laporan final lb4 --month 10-2026 >/dev/null
start_app
wait_for "F10 Keluar"
keys F11
wait_for "Antrian resep"
keys F5
wait_for "Farmasi: stok obat"
keys Down F5
wait_for "Penerimaan Ibuprofen 400 mg (tablet)"
keys Space
wait_for "Pilih: Sumber dana"
keys Down Enter Tab; type_text "IB09"; keys Tab; type_text "31-01-2028"; keys Tab; type_text "50"; keys Tab
keys C-u; type_text "15-10-2026"; keys F2
wait_for "Bulan 10-2026 sudah FINAL. Alasan mengubah:"
keys Escape
wait_for "Tanpa alasan bulan 10-2026 yang sudah FINAL tidak diubah"
expect_sql "SELECT COUNT(*) FROM mutasi WHERE jenis = 'TERIMA'" 0
keys F2
wait_for "Alasan mengubah:"
type_text "faktur Oktober terselip"; keys Enter
wait_for "Penerimaan 50 tablet Ibuprofen 400 mg dicatat"
expect_sql "SELECT m.tanggal, m.jumlah FROM mutasi m WHERE m.jenis = 'TERIMA'" "2026-10-15|50"
expect_sql "SELECT COUNT(*) FROM audit WHERE aksi = 'UBAH' AND tabel = 'mutasi'
	AND baru = 'penerimaan obat bulan FINAL (LB2); alasan: faktur Oktober terselip'" 1
# today's receipt: no question
keys F5
wait_for "Penerimaan Ibuprofen 400 mg (tablet)"
keys Space
wait_for "Pilih: Sumber dana"
keys Down Enter Tab; type_text "IB10"; keys Tab; type_text "31-01-2028"; keys Tab; type_text "5"; keys F2
wait_for "Penerimaan 5 tablet Ibuprofen 400 mg dicatat"
expect_sql "SELECT COUNT(*) FROM audit WHERE aksi = 'UBAH' AND tabel = 'mutasi'" 1
keys F11
wait_for "Antrian resep"
# the LB4 monthly entry of the signed month
keys F4
wait_for "Lebar kertas"
keys C-u; type_text "10-2026"; keys C-b
wait_for "Bulan 10-2026 sudah FINAL. Alasan mengubah:"
type_text "posyandu terlambat lapor"; keys Enter
wait_for "Bulan Oktober 2026"
expect_sql "SELECT COUNT(*) FROM audit WHERE aksi = 'UBAH' AND tabel = 'lb4_agregat'
	AND baru = 'isian bulanan LB4 bulan FINAL (LB4); alasan: posyandu terlambat lapor'" 1
echo ok
