# Roles: a K2 health worker sees only K2's visits and their clinical data; the
# registration desk sees visits but no diagnoses or forms; pharmacy sees the
# prescription only; reporting has no patient screens. The idle lock hides the
# screen until the same user's password is given.
. "$(dirname "$0")/lib.sh"
import_cluster_visits
add_user rina PENDAFTARAN
add_user budi FARMASI
add_user laras PELAPORAN

LOGIN_AS="siti:NAKES K2" start_app
wait_for "Selamat bekerja, siti (NAKES)"
wait_for "Kunjungan hari ini"
wait_for "Unit: Klaster 2"
wait_for "Ani Lestari"
screen | grep -q "Candra Wijaya" && fail "a K2 worker sees a K3 visit"
screen | grep -q "F2 Daftar" && fail "registration offered to a health worker"
keys Tab
wait_for "Unit: Klaster 2"
keys Enter
wait_for "Formulir untuk pasien dan unit ini"
wait_for "Resep obat: 0 obat"
keys Escape F10
sleep 0.3

LOGIN_AS=rina:PENDAFTARAN start_app
wait_for "Selamat bekerja, rina (PENDAFTARAN)"
wait_for "Cari:"
keys F3
wait_for "Unit: semua"
wait_for "Candra Wijaya"
keys Enter
wait_for "Diagnosis dan formulir hanya untuk tenaga kesehatan unit K2."
wait_for "Resep hanya untuk farmasi dan tenaga kesehatan unit K2."
# keys that would do nothing are not offered, not in help either
screen | tail -1 | grep -q "F5 Baru\|F8 Hapus" && fail "registration desk offered F5/F8 on a visit"
keys F5
sleep 0.2
screen | grep -q "Cari ICD-10" && fail "registration desk may add a diagnosis"
keys F1
wait_for "Bantuan"
screen | grep -q "Diagnosis baru\|Hapus diagnosis" && fail "help lists diagnosis keys for the registration desk"
keys Escape
keys Escape
keys F4
sleep 0.2
screen | grep -q "| Laporan" && fail "registration desk opened the reports"
keys F10
sleep 0.3

LOGIN_AS=budi:FARMASI start_app
wait_for "Selamat bekerja, budi (FARMASI)"
wait_for "Antrian resep"	# the pharmacy starts at its queue
keys F3
wait_for "Kunjungan hari ini"
keys Enter
wait_for "Diagnosis dan formulir hanya untuk tenaga kesehatan unit K2."
wait_for "Resep obat: 0 obat"
keys Down Down Down Enter
wait_for "Belum ada obat"
screen | tail -1 | grep -q "F5 Baru" && fail "farmasi offered F5 on a prescription"
keys F5
sleep 0.2
expect_sql "SELECT count(*) FROM resep" 0
keys Escape Escape F11
wait_for "Antrian resep"
keys F10
sleep 0.3

# reporting: straight to the reports, nothing about patients; then the idle lock
LOGIN_AS=laras:PELAPORAN start_app tmux-256color PKM_KUNCI_DETIK=2
wait_for "Selamat bekerja, laras (PELAPORAN)"
wait_for "LB1"
keys F2 F3
sleep 0.2
screen | grep -q "Cari:\|Kunjungan hari ini" && fail "reporting opened a patient screen"
wait_for "Layar terkunci"
screen | grep -q "LB1" && fail "the locked screen still shows the reports"
type_text "salah-salah"; keys Enter
wait_for "nama pengguna atau kata sandi salah"
type_text "$PASSWORD"; keys Enter
wait_for "LB1"
expect_sql "SELECT group_concat(aksi, ' ') FROM audit WHERE pengguna = (SELECT kode FROM audit_nama WHERE nama = 'laras') AND tabel = 'pengguna' AND aksi IN ('MASUK', 'GAGAL')" \
	"MASUK GAGAL MASUK"
