# The stock card and the stock report at 80x24 as FARMASI, on three months of
# history (tests/fixtures/stock_history.sh): the card opens on the newest
# movement, a dispensing names its visit (date, No. RM, patient), each month's
# LPLPO totals under the page, one month alone (F5, ^B), a month refused; F8
# (^Y) on the queue lists a batch near expiry and the drugs below optimum and saves the report.
# Reading changes nothing: the database is checked afterwards.
LOGIN_AS=farmasi:FARMASI
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../fixtures/stock_history.sh"
stock_history "$DB"
moves=$(sql "SELECT count(*) FROM mutasi")
rm_siti=$(sql "SELECT no_rm FROM pasien WHERE nama = 'Siti Aminah'")
start_app
keys F11
wait_for "Antrian resep"
keys F5
wait_for "Farmasi: stok obat"

keys Enter
wait_for "KARTU STOK: AMX500 - Amoksisilin 500 mg (kaplet)"
# the newest movement is the last line of the page, and the cursor's: its visit under the page
last=$(screen | grep -n "^[0-9][0-9]-[0-9][0-9]-2026 " | tail -1)
echo "$last" | grep -q "20-11-2026 PAKAI .*AX01 .* 30 *530" || fail "the card does not end on the newest movement: $last"
wait_for "PAKAI 20-11-2026 batch AX01: 20-11-2026 $rm_siti Siti Aminah"
wait_for "Jumlah 11-2026: awal 560, terima 0, pakai 30, lain 0, sisa 530"
# Up: the receipt before it, and its month
keys Up
wait_for "TERIMA 15-10-2026 batch AX02: -"
wait_for "Jumlah 10-2026: awal 350, terima 300, pakai 90, lain 0, sisa 560"
keys Up
wait_for "PAKAI 07-10-2026 batch AX01: 07-10-2026 $rm_siti Siti Aminah"

# one month: F5 offers the cursor's month, typed over as people type it
keys F5
wait_for "Bulan (MM-YYYY, kosong: semua): 10-2026"
type_text "09-2026"; keys Enter	# no ^U first: the month proposed goes at the first character
wait_for "Kartu stok Amoksisilin 500 mg, bulan 09-2026"
wait_for "PAKAI 05-09-2026 batch AX01: 05-09-2026 $rm_siti Siti Aminah"
wait_for "Jumlah 09-2026: awal 500, terima 0, pakai 150, lain 0, sisa 350"
[ "$(screen | grep -c "^[0-9][0-9]-[0-9][0-9]-2026 ")" -eq 1 ] || fail "movements of other months in 09-2026"
screen | grep -q "^05-09-2026 PAKAI .* 150 *350" || fail "September's balance wrong"
# F7 saves the month shown
keys F7
wait_for "Simpan ke berkas: kartu-stok-AMX500-09-2026.txt"
keys Enter
wait_for "Laporan disimpan ke"
month_file="$WORK/pkm-keluaran/kartu-stok-AMX500-09-2026.txt"
[ "$(grep -c "^[0-9][0-9]-" "$month_file")" -eq 1 ] || fail "the saved month is not September alone"
tail -1 "$month_file" | grep -q "^Jumlah 09-2026: awal 500, terima 0, pakai 150, lain 0, sisa 350$" ||
	fail "the saved month lacks its totals"
keys F5
wait_for "Bulan (MM-YYYY, kosong: semua): 09-2026"
keys C-u; type_text "13-2026"; keys Enter
wait_for "bulan tidak sah: '13-2026'"
screen | grep -q "bulan 09-2026" || fail "a refused month changed the card"
# Ctrl-B, emptied: the whole card again, from the newest
keys C-b
wait_for "Bulan (MM-YYYY, kosong: semua):"
keys C-u Enter
wait_for "PAKAI 20-11-2026 batch AX01"
screen | grep -q "bulan 09-2026" && fail "still the month after emptying it"
keys Escape
wait_for "Farmasi: stok obat"

# the stock report, from the queue: a batch near expiry by funding source, the drugs below optimum
keys F11
wait_for "Antrian resep"
screen | grep -q "F8 Lap. stok" || fail "F8 Lap. stok not on the key bar at 80 columns"
keys F8
wait_for "LAPORAN STOK OBAT: KEDALUWARSA DAN DI BAWAH STOK OPTIMUM"
wait_for "A. BATCH KEDALUWARSA DALAM 90 HARI (SAMPAI 21-02-2027), PER SUMBER DANA"
screen | grep -q "AMX500   Amoksisilin 500 mg     AX01         31-12-2026    38       30     10" ||
	fail "AX01 (31-12-2026) not listed as near expiry"
screen | grep -q "^APBD II" || fail "no funding source heading"
keys PgDn
wait_for "B. OBAT DI BAWAH STOK OPTIMUM"
wait_for "PCT500   Parasetamol 500 mg   tablet      440    5000    4560       187    72"
wait_for "APBN program 400, APBD II 40"
screen | grep -q "^ORS .* 0 *100 *100 *10 *0$" || fail "ORS, out of stock, not below optimum"
keys F7
wait_for "Simpan ke berkas: stok-2026-11-23.txt"
keys Enter
wait_for "Laporan disimpan ke"
saved=$(find "$WORK" -name 'stok-2026-11-23.txt')
grep -q "PC01         31-01-2027    69       40      6" "$saved" || fail "saved report lacks PC01"
keys Escape
wait_for "Antrian resep"
# its Ctrl twin
keys C-y
wait_for "LAPORAN STOK OBAT: KEDALUWARSA DAN DI BAWAH STOK OPTIMUM"
keys Escape
wait_for "Antrian resep"
keys F5
wait_for "Farmasi: stok obat"

# stored control characters are shown, never obeyed: the visit under the card,
# the report on screen, and what the commands print
sql "UPDATE pasien SET nama = 'Siti' || char(27) || ']0;pwned' || char(7) || char(8238) WHERE no_rm = '$rm_siti'"
sql "UPDATE obat SET nama = 'Oralit' || char(27) || '[2J' WHERE kode = 'ORS'"
keys Enter
wait_for "KARTU STOK: AMX500"
wait_for "20-11-2026 $rm_siti Siti^[]0;pwned^G<U+202E>"	# a bidi override too
keys Escape
wait_for "Farmasi: stok obat"
keys F11
wait_for "Antrian resep"
keys F8
wait_for "LAPORAN STOK OBAT"
keys PgDn
wait_for "ORS      Oralit^[[2J"
keys Escape
wait_for "Antrian resep"
raw="$(printf '[\001-\011\013\016-\037\177]')"
for cmd in "laporan stok" "laporan stok --format csv" "laporan kartu AMX500" "laporan kartu ORS --bulan 09-2026"; do
	# shellcheck disable=SC2086
	$PKM_BIN --db "$DB" $cmd >"$WORK/out.txt"
	LC_ALL=C grep -q "$raw" "$WORK/out.txt" && fail "raw control characters from pkm $cmd"
	grep -qF -e 'Oralit^[[2J' -e 'Siti^[]0;pwned^G' "$WORK/out.txt" || fail "no visible escape from pkm $cmd"
done

expect_sql "SELECT count(*) FROM mutasi" "$moves"
expect_sql "SELECT sum(saldo) FROM batch" 1210
