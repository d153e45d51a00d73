# The drug master at 80x24: the pharmacist adds a drug on screen (F8 Data obat)
# and a nurse prescribes it at once, found by a word start and Tab; a quantity
# over its maks_resep is asked once; prescribing it again changes the line
# ("diubah"). A drug with history is closed, never deleted; one without is
# deleted. The database is checked after each step.
. "$(dirname "$0")/lib.sh"
fx=$(cd "$(dirname "$0")/../fixtures" && pwd)
import_cluster_visits
$PKM_BIN --db "$DB" impor obat "$fx/obat.csv" >/dev/null
$PKM_BIN --db "$DB" impor stok "$fx/stok.csv" >/dev/null
add_user budi FARMASI
add_user siti NAKES K3

LOGIN_AS=budi:FARMASI start_app
wait_for "Selamat bekerja, budi (FARMASI)"
keys F11
wait_for "Antrian resep"
keys F5
wait_for "Farmasi: stok obat"
wait_for "F8 Data obat"
keys F8
wait_for "Obat baru"
keys Enter
wait_for "Obat baru: dapat diresepkan dan diterima begitu disimpan"
type_text "ALB400"; keys Tab
type_text "Albendazol 400 mg"; keys Tab
type_text "tablet"; keys Tab Tab Tab
wait_for "Fornas"
keys Tab Tab
wait_for "Kode KFA"
type_text "93001234"; keys Tab
wait_for "Maks. per resep"
type_text "0"; keys F2
wait_for "harus bilangan bulat 1-100000"
expect_sql "SELECT count(*) FROM obat WHERE kode = 'ALB400'" 0
keys BSpace; type_text "6"; keys F2
wait_for "Obat baru disimpan: dapat diresepkan sekarang"
expect_sql "SELECT kode, nama, satuan, kategori, fornas, kode_kfa, maks_resep, ditutup IS NULL FROM obat
            WHERE kode = 'ALB400'" "ALB400|Albendazol 400 mg|tablet|OBAT|1|93001234|6|1"
wait_for "ALB400"
# the code is taken: a second drug with it is refused under the field
keys F8
wait_for "Obat baru"
keys Enter
type_text "ALB400"; keys Tab; type_text "Lain"; keys Tab; type_text "botol"; keys F2
wait_for "kode ALB400 sudah dipakai Albendazol 400 mg"
keys Escape
wait_for "Buang perubahan?"
keys y
keys F10
sleep 0.3

# the nurse prescribes it at once: "alb" and Tab take the only match
LOGIN_AS="siti:NAKES K3" start_app
wait_for "Candra Wijaya"
keys Enter
wait_for "Resep obat: 0 obat"
keys End Enter
wait_for "Belum ada obat"
keys F5
wait_for "Tambah obat ke resep"
# several found: Tab lists them (code or a word of the name starting "a")
type_text "a"; keys Tab
wait_for "Pilih: Obat (2 cocok dengan 'a')"
screen | grep -q "ALB400 *Albendazol" && screen | grep -q "AMX500 *Amoksisilin" || fail "not the drugs starting 'a'"
keys Escape
wait_for "2 cocok, belum dipilih: tambah kata lalu Tab"
keys BTab C-u; type_text "alb"; keys Tab
wait_for "ALB400                Albendazol 400 mg  (stok 0"
screen | grep -q "Obat  *\*  *ALB400" || fail "Tab did not take the only drug matching 'alb'"
type_text "10"; keys Tab; type_text "2x1"; keys Tab; type_text "3"; keys F2	# 3 days of therapy
wait_for "Jumlah 10 melebihi batas 6 per resep. Tetap simpan?"
keys n
wait_for "di atas batas 6 tablet per resep"
expect_sql "SELECT count(*) FROM resep WHERE obat = 'ALB400'" 0
keys F2
wait_for "Jumlah 10 melebihi batas 6 per resep. Tetap simpan?"
keys y
wait_for "10 ALB400 ditambahkan ke resep"
expect_sql "SELECT jumlah, signa, hari FROM resep WHERE obat = 'ALB400'" "10|2x1|3"
# word starts: "para 500" is Parasetamol 500 mg, prescribed again it is changed
keys F5
type_text "para 500"; keys Tab
wait_for "Parasetamol 500 mg"
type_text "10"; keys F2
wait_for "10 PCT500 ditambahkan ke resep"
keys F5
type_text "alb"; keys Tab; type_text "4"; keys F2
wait_for "ALB400 di resep diubah menjadi 4"
expect_sql "SELECT obat || ':' || jumlah FROM resep ORDER BY id" "ALB400:4
PCT500:10"
keys Escape Escape F10
sleep 0.3

# closing: ALB400 has a prescription (history), so it is closed, not deleted;
# ORS has nothing and is deleted
LOGIN_AS=budi:FARMASI start_app
keys F11
wait_for "Antrian resep"
keys F5
wait_for "Farmasi: stok obat"
type_text "albe"
wait_for "ALB400"
keys F8
wait_for "Tutup (ada batch atau resep: riwayatnya tetap)"
keys Down Down Enter
wait_for "Tutup Albendazol 400 mg mulai hari ini?"
keys y
wait_for "Albendazol 400 mg ditutup; riwayatnya tetap"
expect_sql "SELECT ditutup FROM obat WHERE kode = 'ALB400'" "2026-11-23"
expect_sql "SELECT count(*) FROM resep WHERE obat = 'ALB400'" 1
# still on the stock list, marked, and on its card; no longer offered for prescribing
wait_for "tutup 23-11-2026"
screen | grep "ALB400" | grep -q "tutup 23-11-2026" || fail "the closed drug not marked on the stock list"
[ "$($PKM_BIN --db "$DB" obat cari alb | tail -1)" = "0 obat" ] || fail "a closed drug is still found"
keys F5
wait_for "Albendazol 400 mg sudah ditutup: F8 untuk membukanya lagi"
keys C-u; type_text "oralit"
wait_for "ORS"
keys F8
wait_for "Hapus (belum ada batch atau resep)"
keys Down Down Enter
wait_for "Hapus Oralit 200 ml dari daftar obat?"
keys y
wait_for "Oralit 200 ml dihapus dari daftar obat"
expect_sql "SELECT count(*) FROM obat WHERE kode = 'ORS'" 0
keys F10
