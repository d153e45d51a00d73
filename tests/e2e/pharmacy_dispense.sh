# The pharmacy counter at 80x24 as FARMASI: a prescription with one drug short
# dispenses the others and keeps the shortfall, labels go to printer_etiket; a
# drug whose only batch expires before the therapy ends is substituted with a
# reason (the prescriber's line kept beside it) and given; another line is
# closed with a reason; the shortfall is given after a receipt and its label
# reprinted. The database is checked after each step.
. "$(dirname "$0")/lib.sh"
fx=$(cd "$(dirname "$0")/../fixtures" && pwd)
import_cluster_visits
$PKM_BIN --db "$DB" impor obat "$fx/obat.csv" >/dev/null
$PKM_BIN --db "$DB" impor stok "$fx/stok.csv" >/dev/null
mkdir -p "$WORK/.config/pkm"
printf '[puskesmas]\nnama = PUSKESMAS SUKAMAJU\n[farmasi]\nprinter_etiket = "cat > %s/etiket.txt"\n' "$WORK" \
	>"$WORK/.config/pkm/pkm.ini"
# Bayu's prescription, written at the K2 desk: amoxicillin 150 (100 in stock),
# paracetamol, ibuprofen for 30 days (its batch expires on 15-12), oralit (none)
V=$(sql "SELECT k.id FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id WHERE p.no_rm = '200002'")
sql "INSERT INTO resep (kunjungan_id, obat, jumlah, signa, hari, dibuat) VALUES
	($V, 'AMX500', 150, '3x1 pc', NULL, '$PKM_TODAY 08:00:00'), ($V, 'PCT500', 20, '3x1 sesudah makan', NULL, '$PKM_TODAY 08:00:00'),
	($V, 'IBU400', 10, '2x1', 30, '$PKM_TODAY 08:00:00'), ($V, 'ORS', 5, 'tiap mencret', NULL, '$PKM_TODAY 08:00:00')"
state() { sql "SELECT group_concat(obat || ':' || coalesce(obat_beri, '') || ':' || diberi || ':' || coalesce(tutup, '')
	|| ':' || coalesce(diserahkan, ''), ' ') FROM resep WHERE kunjungan_id = $V"; }

LOGIN_AS=budi:FARMASI start_app
wait_for "Antrian resep"	# the pharmacy's first screen: the prescription waits there
screen | grep -q "4 *[0-9]* *menunggu$" || fail "the prescription of 4 lines is not waiting in the queue"
keys Enter
wait_for "Obat diberikan"
# the counter's keys on the bar at 80 columns, nothing of the prescriber's
for k in "F3 Serahkan baris" "F4 Etiket" "F6 Ubah/ganti" "F7 Tutup sisa" "F9 Serahkan semua"; do
	screen | grep -qF "$k" || fail "the pharmacist's bar lacks $k"
done
screen | grep -q "F5 Baru\|F8 Hapus" && fail "the pharmacist is shown the prescriber's keys"
screen | grep "Ibuprofen" | grep -q " 0  menunggu" || fail "ibuprofen's usable stock is not 0"

# all lines: amoxicillin in part, paracetamol whole, the others wait
keys F9
wait_for "2 obat diserahkan, 3 kurang (sisanya tetap menunggu); 2 etiket dicetak"
[ "$(state)" = "AMX500::100:: PCT500::20::2026-11-23 IBU400::0:: ORS::0::" ] || fail "after F9: $(state)"
screen | grep "Amoksisilin" | grep -q "sebagian kurang 50" || fail "shortfall not shown"
screen | grep "Parasetamol" | grep -q "selesai" || fail "paracetamol not done"
grep -q "PUSKESMAS SUKAMAJU" "$WORK/etiket.txt" || fail "no label printed"
grep -q "^3 x sehari 1 kaplet, sesudah makan$" "$WORK/etiket.txt" || fail "signa not written out: $(cat "$WORK/etiket.txt")"
grep -q "^Jumlah 20 tablet  *ED 31-12-2027$" "$WORK/etiket.txt" || fail "label quantity or expiry"
grep -q "No. RM 200002" "$WORK/etiket.txt" || fail "label without No. RM"
[ "$(grep -c "^Bayu Pratama$" "$WORK/etiket.txt")" = 2 ] || fail "not one label per line given"

# ibuprofen: paracetamol instead, with the reason; the prescription stays beside it
keys Down Down F6
wait_for "Resep dokter: Ibuprofen 400 mg 10 tablet, signa 2x1"
keys C-u; type_text "PCT500"; keys Tab C-u; type_text "12"; keys Tab Tab F2
wait_for "wajib diisi"
expect_sql "SELECT count(*) FROM resep WHERE obat_beri IS NOT NULL" 0
type_text "ED ibuprofen terlalu dekat"; keys F2
wait_for "Perubahan disimpan"
wait_for "resep: Ibuprofen 400 mg 10 tablet 2x1; alasan: ED ibuprofen terlalu dekat"
expect_sql "SELECT obat, jumlah, obat_beri, jumlah_beri, alasan_ubah FROM resep WHERE obat = 'IBU400'" \
	"IBU400|10|PCT500|12|ED ibuprofen terlalu dekat"
keys F3
wait_for "1 obat diserahkan; stok sudah dikurangi; 1 etiket dicetak"
expect_sql "SELECT diberi FROM resep WHERE obat = 'IBU400'" 12
expect_sql "SELECT saldo FROM batch WHERE no_batch = 'IB01'" 20
grep -q "^2 x sehari 1 tablet$" "$WORK/etiket.txt" || fail "the substitute's label: $(cat "$WORK/etiket.txt")"
# oralit: closed for want of stock
keys Down F7
wait_for "Oralit 200 ml: diberikan 0 dari 5 sachet"
keys Space
wait_for "Pilih: Alasan ditutup"
keys Enter F2
wait_for "Oralit 200 ml ditutup"
screen | grep "Oralit" | grep -q "ditutup: stok kosong" || fail "closed line not shown"
[ "$(state)" = "AMX500::100:: PCT500::20::2026-11-23 IBU400:PCT500:12::2026-11-23 ORS::0:STOK_KOSONG:" ] ||
	fail "after closing: $(state)"
keys F3
wait_for "sudah ditutup"

# stock arrives at the store; the amoxicillin still owed is given
printf 'kode,sumber,no_batch,kedaluwarsa,jumlah,tanggal\nAMX500,DAK,AX02,2028-01-31,60,2026-11-23\n' >"$WORK/terima.csv"
$PKM_BIN --db "$DB" impor stok "$WORK/terima.csv" >/dev/null
keys Home
wait_for "Amoksisilin"
keys F3
wait_for "1 obat diserahkan; stok sudah dikurangi; 1 etiket dicetak"
screen | grep "Amoksisilin" | grep -q "150 *10  selesai" || fail "amoxicillin not finished"
expect_sql "SELECT diberi || ':' || diserahkan FROM resep WHERE obat = 'AMX500'" "150:2026-11-23"
expect_sql "SELECT b.no_batch || ':' || -m.jumlah FROM mutasi m JOIN batch b ON b.id = m.batch_id
	WHERE m.jenis = 'PAKAI' AND b.obat = 'AMX500' ORDER BY m.id" "AX01:100
AX02:50"
grep -q "^Jumlah 150 kaplet  *ED 30-06-2027$" "$WORK/etiket.txt" || fail "the remainder's label"
# a reprint of the label of the line selected
rm "$WORK/etiket.txt"
keys F4
# the message is the dispensing's own ending too: wait for the label itself
i=0
until grep -q "Amoksisilin 500 mg" "$WORK/etiket.txt" 2>/dev/null; do
	i=$((i + 1)); [ $i -le 50 ] || fail "no label reprinted"; sleep 0.1
done
screen | grep -q "^1 etiket dicetak" || fail "the reprint not said"
[ "$(grep -c "Amoksisilin 500 mg" "$WORK/etiket.txt")" = 1 ] || fail "reprint: $(cat "$WORK/etiket.txt")"
keys Escape
wait_for "Antrian resep"
screen | grep -q "Bayu Pratama .* selesai$" || fail "the queue does not show the prescription finished"
