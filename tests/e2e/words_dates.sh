# No internal codes, dates DD-MM-YYYY and messages that are true, at 80x24
# (issue 30, items 7-9): the visit list shows payer labels and ages in days,
# months or years; a read-only form is named by its title with Ya/Tidak; a
# month is typed MM-YYYY or YYYY-MM; the outbox says sending is off; a
# locked account is "terkunci"; a cancelled visit's message goes when the
# next visit opens; a long dialog intro wraps rather than being cut.
. "$(dirname "$0")/lib.sh"
import_cluster_visits
printf 'no_rm,nik,no_bpjs,nama,jenis_kelamin,tanggal_lahir,alamat,desa,penjamin\n%s\n%s\n' \
	"200010,,0001234567890,Bayi Ny. Ani,P,2026-11-21,Jl. Mawar 1,Sukamaju,BPJS_NON_PBI" \
	"200011,,,Cici Lestari,P,2026-06-10,Jl. Mawar 1,Sukamaju,UMUM" >"$WORK/p.csv"
printf 'no_rm,tanggal,unit,penjamin,icd10,kasus\n200010,2026-11-23,K2,BPJS_NON_PBI,,\n200011,2026-11-23,K2,,,\n' >"$WORK/k.csv"
$PKM_BIN --db "$DB" impor pasien "$WORK/p.csv" >/dev/null
$PKM_BIN --db "$DB" impor kunjungan "$WORK/k.csv" >/dev/null
# Ani's K2 visit cancelled; Bayu's is the next on the list
sql "UPDATE kunjungan SET batal = 'salah daftar' WHERE pasien_id = (SELECT id FROM pasien WHERE no_rm = '200001')"
# a weighing of Bayu's visit, read back from the history
sql "INSERT INTO f_penimbangan (kunjungan_id, bb, naik) SELECT k.id, 9.5, 1 FROM kunjungan k JOIN pasien p
	ON p.id = k.pasien_id WHERE p.no_rm = '200002'"
add_user rina PENDAFTARAN
add_user uji ADMIN
sql "UPDATE pengguna SET gagal = 5, kunci_sampai = datetime('now', '+10 minutes') WHERE nama = 'rina'"
mkdir -p "$WORK/.config/pkm"
printf '[puskesmas]\nnama = UPTD PUSKESMAS SUKAMAJU KECAMATAN CICALENGKA\n' >"$WORK/.config/pkm/pkm.ini"

NO_LOGIN=1 start_app
# the log-in's intro is longer than a line: it wraps at a space, whole
wait_for "Selamat datang di pkm UPTD PUSKESMAS SUKAMAJU KECAMATAN CICALENGKA. Masuk"
wait_for "  dengan nama pengguna dan kata sandi."
login uji
wait_for "F10 Keluar"

keys F3
wait_for "Tab: ganti unit"
s=$(screen)
echo "$s" | grep -q "Bayi Ny. Ani  *P  *2 hr BPJS Non PBI" || fail "a two-day-old's age and payer label"
echo "$s" | grep -q "Cici Lestari  *P  *5 bl Umum" || fail "a five-month-old's age in months"
echo "$s" | grep -q "Candra Wijaya  *L  *56 th Umum" || fail "an adult's age in years"
echo "$s" | grep -q "BPJS_NON_PBI\|UMUM\| 0 th" && fail "codes or 0 th on the visit list"
# the cancelled visit says so; the next visit opened no longer does
keys Enter
wait_for "Kunjungan ini dibatalkan (salah daftar)"
keys Down Enter
wait_for "Formulir untuk pasien dan unit ini"
screen | grep -q "dibatalkan" && fail "the cancelled visit's message stayed on the next visit"
wait_for "Bayu Pratama  (No. RM 200002)  Laki-laki, 1 th"
wait_for "penjamin Umum, tanggal 23-11-2026"
keys Escape
wait_for "Tab: ganti unit"

# the history shows a filled form by its title, a computed yes/no as Ya
keys F2
wait_for "Cari:"
type_text "200002"
wait_for "Bayu Pratama"
keys F7
wait_for "Riwayat Bayu Pratama"
keys Enter
wait_for "Penimbangan dan pemantauan pertumbuhan, 23-11-2026 K2 (hanya dibaca)"
wait_for "BB naik (N)                    Ya"
screen | grep -q "k2_penimbangan" && fail "the form's id shown"
keys Escape Escape
wait_for "Cari:"
# Pendaftaran: the payer's label in the list, a baby's age in days in the visit dialog
keys C-u; type_text "200010"
wait_for "Bayi Ny. Ani"
screen | grep "Bayi Ny. Ani" | grep -q "BPJS Non PBI *$" || fail "the payer's code in the search list"
keys Enter
wait_for "Perempuan, 2 hr, lahir 21-11-2026"
keys Escape
wait_for "Cari:"

# reports: the month is shown MM-YYYY and typed either way
keys F4
wait_for "Bulan ditulis MM-YYYY"
wait_for "10-2026"
keys C-u; type_text "13-2026"; keys Enter
wait_for "Bulan tidak sah '13-2026': tulis MM-YYYY, mis. 11-2026"
keys C-u; type_text "2026-10"; keys Enter
wait_for "Laporan LB1 10-2026"
keys Escape
wait_for "Bulan ditulis MM-YYYY"
keys C-u; type_text "11-2026"; keys Enter
wait_for "Laporan LB1 11-2026"
keys Escape
wait_for "Bulan ditulis MM-YYYY"
# the outbox with sending off does not claim everything was sent
keys F5
wait_for "Pengiriman ke SATUSEHAT mati: kunjungan tidak diantrekan dan tidak dikirim."
screen | grep -q "sudah terkirim" && fail "the outbox claims all was sent while sending is off"
keys Escape
wait_for "Bulan ditulis MM-YYYY"

# Admin: a locked account is not "aktif"
keys F12
wait_for "Gabung pasien dobel"
keys Enter
wait_for "Admin: pengguna"
wait_for "rina             PENDAFTARAN  terkunci"
wait_for "uji              ADMIN        aktif"
