# On screen, at the registration desk: opening a BPJS patient's visit, or
# typing a BPJS card into a patient's data, checks the card at P-Care and
# shows the answer on the message line (active, not active, another FKTP);
# when P-Care does not answer within [pcare] cek_waktu the visit is
# saved all the same and says so; the last answer shows beside the payer the
# next time. The data officer sees the P-Care queue with F7.
LOGIN_AS=rina:PENDAFTARAN
. "$(dirname "$0")/../e2e/lib.sh"
. "$(dirname "$0")/pcare_lib.sh"
write_pcare_config "cek_waktu = 1"
mkdir -p "$WORK/.config/pkm"
cp "$WORK/pkm.ini" "$WORK/.config/pkm/pkm.ini"	# the desks' configuration (HOME is $WORK)
add_bpjs_visits
sql "PRAGMA foreign_keys = ON; DELETE FROM kunjungan"	# the patients only: the desk opens today's visits
add_user data PELAPORAN
start_app
wait_for "Cari:"
wait_said() {	# wait_said TEXT: the message line says TEXT (wrapped over its two lines)
	i=0
	while [ $i -lt 100 ]; do
		screen | tr -s '\n' ' ' | grep -qF -- "$1" && return 0
		sleep 0.05; i=$((i + 1))
	done
	fail "timeout waiting for: $1"
}
visit_at_desk() {	# visit_at_desk NO_RM
	type_text "$1"
	wait_for "$1 "
	keys Enter
	wait_for "Kunjungan hari ini"
	keys Enter
}
visit_at_desk 400001
wait_said "antrian 1. BPJS aktif, KELAS III, PBI (APBN)"
expect "the check kept" "$(sql "SELECT aktif || ' ' || kd_provider FROM pcare_peserta WHERE no_kartu = '0001234567890'")" \
	"1 0114A026"
keys Escape
visit_at_desk 400003
wait_said "BPJS TIDAK AKTIF: KARTU TIDAK AKTIF: PREMI BELUM DIBAYAR"
expect "saved all the same" "$(sql "SELECT count(*) FROM kunjungan WHERE id = $(visit_of 400003)")" 1
keys Escape
visit_at_desk 400004
wait_said "TERDAFTAR DI FKTP LAIN: 0999B001 Klinik Lain"
keys Escape
# P-Care hangs: the desk goes on after a second, the visit saved
pfault hang 1 "GET peserta"
visit_at_desk 400002
wait_said "Kartu BPJS belum diperiksa: P-Care tidak menjawab dalam 1 detik"
expect "saved" "$(sql "SELECT count(*) FROM kunjungan WHERE id = $(visit_of 400002)")" 1
expect "queued for P-Care" "$(sql "SELECT status FROM kirim WHERE tujuan = 'pcare' AND kunjungan_id = $(visit_of 400002)")" \
	menunggu
keys Escape
# a patient who paid themselves brings a BPJS card: the correction asks P-Care at once
type_text "400005"
wait_for "400005 "
keys F6
wait_for "Ubah data pasien"
keys Tab Tab Tab Tab Tab; type_text "0001000000005"
keys Tab C-u; type_text "BPJS_PBI"
keys F2
wait_for "Simpan juga?"	# the fixture's NIK says male; the clerk keeps it
type_text y
wait_said "Data pasien Eka Putri tersimpan"
wait_said "BPJS aktif, KELAS III, PBI (APBN)"
expect "the card kept" "$(sql "SELECT aktif FROM pcare_peserta WHERE no_kartu = '0001000000005'")" 1
keys C-u
# the answer kept shows beside the payer when the visit is opened again
type_text "400003"
wait_for "400003 "
keys Enter
wait_for "P-Care: BPJS TIDAK AKTIF"
keys Escape Escape

# the sender goes; the data officer sees the P-Care queue: the inactive card
sleep 2
pkm kirim pcare --sekali >/dev/null || true
keys F9
wait_for "Nama pengguna"
login data
wait_for "Laporan"
keys F5
wait_for "Laporan: kirim"
screen | grep -q "Laporan: kirim P-Care" || fail "P-Care's queue first when SATUSEHAT is off"
wait_for "0 menunggu, 1 gagal"
wait_for "kartu BPJS 0009000000003 tidak aktif"
keys F7
wait_for "Laporan: kirim SATUSEHAT"
wait_for "SATUSEHAT tidak aktif di konfigurasi"
keys F7
wait_for "Laporan: kirim P-Care"
exit 0
