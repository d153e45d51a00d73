# Farmasi at 80x24: receive stock (a bad receipt first: messages, nothing
# saved), prescribe and dispense on a visit, then see the stock card and LB2
# change. The database is checked after each step.
. "$(dirname "$0")/lib.sh"
fx=$(cd "$(dirname "$0")/../fixtures" && pwd)
import_cluster_visits
$PKM_BIN --db "$DB" import obat "$fx/obat.csv" >/dev/null
$PKM_BIN --db "$DB" import stok "$fx/stok.csv" >/dev/null
start_app
wait_for "F10 Keluar"

keys F11
wait_for "Antrian resep"
keys F5
wait_for "Farmasi: stok obat"
screen | grep "IBU400" | grep -q "ED 15-12-2026" || fail "batch expiring within 90 days not flagged"
keys Down F5
wait_for "Penerimaan Ibuprofen 400 mg (tablet), stok sekarang 20"
keys Space
wait_for "Pilih: Sumber dana"
keys Down Enter Tab; type_text "IB02"; keys Tab; type_text "01-01-2020"; keys Tab; type_text "1,5"; keys F2
wait_for "batch ini sudah kedaluwarsa pada tanggal penerimaan"
wait_for "Jumlah harus bilangan bulat"
expect_sql "SELECT COUNT(*) FROM mutasi WHERE jenis = 'TERIMA'" 0
# the cursor is on the first field with a message
keys C-u; type_text "31-01-2028"; keys Tab C-u; type_text "150"; keys F2
wait_for "Penerimaan 150 tablet Ibuprofen 400 mg dicatat"
expect_sql "SELECT b.sumber, b.no_batch, b.kedaluwarsa, m.jumlah FROM mutasi m JOIN batch b ON b.id = m.batch_id
            WHERE m.jenis = 'TERIMA'" "APBD1|IB02|2028-01-31|150"
screen | grep "IBU400" | grep -q " 170 " || fail "stock not 170 after the receipt"

# prescribe on Candra's K3 visit; a line not yet given can still be removed
open_visit 3
keys End Enter
wait_for "Belum ada obat"
keys F5 Space	# on an empty search: every drug
wait_for "Pilih: Obat"
keys Down Enter Tab; type_text "30"; keys Tab; type_text "3x1 sesudah makan"; keys Enter Enter	# past Lama terapi, left empty
wait_for "30 IBU400 ditambahkan ke resep"
keys F5; type_text "AMX500"; keys Tab; type_text "500"; keys F2
wait_for "Jumlah 500 melebihi batas 300 per resep. Tetap simpan?"	# [farmasi] maks_resep
keys y
wait_for "500 AMX500 ditambahkan ke resep"
keys Down F8
wait_for "Hapus Amoksisilin 500 mg dari resep?"
keys y
wait_for "dihapus dari resep"
expect_sql "SELECT COUNT(*) FROM mutasi WHERE jenis = 'PAKAI'" 0
keys F9
wait_for "1 obat diserahkan"
# earliest expiry first: the 20 of IB01 (December), then 10 of IB02
expect_sql "SELECT b.no_batch || ':' || -m.jumlah FROM mutasi m JOIN batch b ON b.id = m.batch_id
            WHERE m.jenis = 'PAKAI' ORDER BY m.id" "IB01:20
IB02:10"
keys Escape
wait_for "Resep obat: 1 obat, 0 belum diserahkan"
keys Escape

keys F11
wait_for "Antrian resep"
keys F5
wait_for "Farmasi: stok obat"
keys Down Enter
wait_for "KARTU STOK: IBU400"
screen | grep "PAKAI" | grep -q "IB01" || fail "dispensing not on the stock card"
screen | grep "PAKAI" | grep "IB02" | grep -q " 10 *140" || fail "running balance not 140"
screen | grep -q "^23-11-2026 PAKAI" || fail "the stock card's dates are not DD-MM-YYYY"
keys Escape

keys F4
wait_for "Lebar kertas"
keys Up Space
wait_for "LB2 - LPLPO"
keys Down C-u; type_text "2026-11"; keys Enter
wait_for "LB2 - LAPORAN PEMAKAIAN DAN LEMBAR PERMINTAAN OBAT (LPLPO)"
# Awal 20, Terima 150, Sedia 170, Pakai 30, Lain 0, Sisa 140, Optimum 1980
screen | grep "IBU400" | grep -q "20 *150 *170 *30 *0 *140 *1980" || fail "LB2 row of IBU400 wrong"

# the filter, taking damaged stock out of a batch (never more than it holds) and a stock-take
keys Escape
wait_for "Lebar kertas"
keys F11
wait_for "Antrian resep"
keys F5
wait_for "Farmasi: stok obat"
type_text "amok"
wait_for "AMX500"
screen | grep -q "IBU400" && fail "filter shows other drugs"
keys Escape	# Esc empties the filter
wait_for "IBU400"
type_text "amok"
wait_for "AMX500"
keys F6
wait_for "Pilih batch Amoksisilin 500 mg"
keys Enter
wait_for "batch AX01 (APBD2), sisa 100 kaplet"
type_text "rusak"; keys Tab; type_text "101"; keys F2
wait_for "stok batch ini hanya 100"
expect_sql "SELECT COUNT(*) FROM mutasi WHERE jenis = 'RUSAK'" 0
keys BSpace BSpace BSpace; type_text "5"; keys Tab Tab; type_text "kemasan basah"; keys F2
wait_for "Pengeluaran 5 kaplet Amoksisilin 500 mg (rusak) dicatat"
keys F7
wait_for "Pilih batch Amoksisilin 500 mg"
keys Enter
wait_for "tercatat 95 kaplet"
type_text "90"; keys F2
wait_for "selisih -5"
expect_sql "SELECT jenis || ':' || jumlah FROM mutasi m JOIN batch b ON b.id = m.batch_id WHERE b.obat = 'AMX500'
            AND jenis IN ('RUSAK', 'OPNAME') ORDER BY m.id" "RUSAK:-5
OPNAME:-5"
screen | grep "AMX500" | grep -q " 90 " || fail "stock not 90 after issue and stock-take"
keys C-u; type_text "zzz"
wait_for "Tidak ada obat yang cocok dengan 'zzz'"

# a long history is read a page at a time (13 movements at 80x24): the newest
# page first with today's balance, Page Up back in time to the opening stock
sqlite3 "$DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
	INSERT INTO mutasi (batch_id, tanggal, jenis, jumlah, keterangan)
	SELECT b.id, '2026-11-10', 'OPNAME', 0, 'hitung ' || i FROM n, batch b WHERE b.no_batch = 'IB01'"
keys C-u Escape
wait_for "IBU400"
type_text "ibu"
keys Enter
wait_for "KARTU STOK: IBU400"
wait_for "mutasi terbaru"
screen | grep "PAKAI" | grep "IB02" | grep -q " 10 *140" || fail "the newest page lacks today's dispensing"
screen | grep -q "hitung 4" || fail "the newest page lacks the latest count"
keys Right
wait_for "hitung 40"	# the note's end, scrolled into view
screen | grep -q "AWAL" && fail "the whole history on one page"
keys PPage
wait_for "1 halaman ke belakang"
screen | grep -q "hitung 25" || fail "page 2 lacks the counts before"
screen | grep -q "hitung 40" && fail "page 2 repeats the newest page"
keys PPage
wait_for "2 halaman ke belakang"
keys PPage
wait_for "3 halaman ke belakang"
screen | grep "AWAL" | grep -q "IB01" || fail "the opening stock not on the oldest page"
keys PPage
wait_for "Tidak ada mutasi yang lebih lama"
keys Home
wait_for "mutasi terbaru"
# F7: the whole card to a file, oldest first, the running balance to today's
keys F7
wait_for "Simpan ke berkas:"
keys C-u; type_text kartu.txt; keys Enter
wait_for "disimpan ke"
moves=$(sql "SELECT count(*) FROM mutasi m JOIN batch b ON b.id = m.batch_id WHERE b.obat = 'IBU400'")
# (heading 4 lines, then the movements and November's totals)
[ "$(wc -l <"$WORK/pkm-keluaran/kartu.txt")" -eq $((moves + 5)) ] || fail "the saved card is not every movement"
sed -n 5p "$WORK/pkm-keluaran/kartu.txt" | grep -q "AWAL" || fail "the saved card does not start with the opening stock"
grep -q "hitung 40" "$WORK/pkm-keluaran/kartu.txt" || fail "the saved card lacks a note"
# the last dispensing names its visit: date, No. RM, patient
tail -2 "$WORK/pkm-keluaran/kartu.txt" | head -1 | grep "PAKAI" | grep -q " 140  23-11-2026 200003 Candra Wijaya$" ||
	fail "the saved card does not end at 140 with the visit"
tail -1 "$WORK/pkm-keluaran/kartu.txt" | grep -q "^Jumlah 11-2026: awal 20, terima 150, pakai 30, lain 0, sisa 140$" ||
	fail "the saved card lacks November's totals"
keys Escape
wait_for "Farmasi: stok obat"

# a drug in 40 batches: every one of them can be picked (the list scrolls)
sqlite3 "$DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
	INSERT INTO batch (obat, sumber, no_batch, kedaluwarsa) SELECT 'IBU400', 'DAK', 'ZB' || printf('%02d', i),
	date('2028-01-01', '+' || i || ' days') FROM n;
	INSERT INTO mutasi (batch_id, tanggal, jenis, jumlah) SELECT id, '2026-11-20', 'TERIMA', 1 FROM batch
	WHERE no_batch LIKE 'ZB%'"
keys F6
wait_for "Pilih batch Ibuprofen 400 mg"
keys End
wait_for "ZB40"
keys Enter
wait_for "Pengeluaran"
keys Escape
