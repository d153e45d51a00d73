# On screen: a health worker with a NIK fills a visit's PTM form; the sender
# sends it with the worker as the practitioner and the vital signs as
# Observations. The data officer sees what failed in the title bar and in
# Laporan > Kirim, with SATUSEHAT's words, and sends it again with F6.
LOGIN_AS="dokter:NAKES K3"
. "$(dirname "$0")/../e2e/lib.sh"
. "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/.config/pkm"
cp "$WORK/pkm.ini" "$WORK/.config/pkm/pkm.ini"	# the desks' configuration (HOME is $WORK)
add_visits
add_user dokter NAKES K3 --nik 3204010505800007
add_user data PELAPORAN
start_app
wait_for "Budi Santoso"
keys Down Enter
wait_for "Formulir untuk pasien dan unit ini"
wait_for "[ ] Skrining penyakit tidak menular (PTM)"
keys Down Down Down Down Down Enter
wait_for "Untuk: 15 tahun ke atas, unit K3. Belum diisi."
fill_ptm 172 23.8 t
keys F2
wait_for "Skrining penyakit tidak menular (PTM) tersimpan"
visit=$(sql "SELECT k.id FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id WHERE p.no_rm = '300002'")
expect "the health worker named on the item" "$(sql "SELECT g.nama FROM kirim o JOIN pengguna g ON g.id = o.nakes
	WHERE o.kunjungan_id = $visit")" dokter
keys Escape
wait_for "Budi Santoso"
keys F9
wait_for "Nama pengguna"
login data

# Budi has no NIK yet; SATUSEHAT refuses Sri's first visit
fault reject 1
pkm kirim satusehat --sekali >/dev/null || true
wait_for "Laporan"
keys F5
wait_for "Laporan: kirim SATUSEHAT"
wait_for "2 menunggu, 1 gagal"
wait_for "ditolak SATUSEHAT (HTTP 400): Encounter.period.start: tanggal di luar"
wait_for "rentang yang diizinkan"
wait_for "pasien belum punya NIK"
screen | grep -q "kirim 3 GAGAL" || fail "no count in the title bar"
keys F6
wait_for "dikirim lagi pada kesempatan berikut"
expect "due again" "$(sql "SELECT count(*) FROM kirim WHERE status = 'gagal'")" 0
keys Escape

# the desk adds Budi's NIK and corrects Citra's; everything goes
sql "UPDATE pasien SET nik = '3204010202800002' WHERE no_rm = '300002'"
sql "UPDATE pasien SET nik = '3204014303700003' WHERE no_rm = '300003'"
expect "sent" "$(pkm kirim satusehat --sekali)" "3 terkirim, 0 gagal, 0 menunggu"
no_violations
enc=$(sql "SELECT s.sumber_id FROM kirim_sumber s JOIN kirim o ON o.id = s.kirim_id WHERE o.kunjungan_id = $visit AND s.jenis = 'Encounter'")
expect "the worker is the practitioner" "$(ask "s['store']['Encounter']['$enc']['participant'][0]['individual']['reference']")" \
	"Practitioner/N3204010505800007"
expect "vital signs" "$(ask "sorted((o['code']['coding'][0]['code'], o['valueQuantity']['value'], o['valueQuantity']['code'])
	for o in s['store']['Observation'].values() if o['encounter']['reference'] == 'Encounter/$enc')")" \
	"[('29463-7', 70.5, 'kg'), ('8302-2', 172.0, 'cm'), ('8462-4', 95.0, 'mm[Hg]'), ('8480-6', 150.0, 'mm[Hg]')]"
keys F4
wait_for "Laporan"
wait_gone "kirim 3"
exit 0
