# The SATUSEHAT test server (server.py) on 127.0.0.1 and a free port, a
# configuration that sends to it, and a database. Source it; the server stops
# when the test ends.
set -eu
HERE=$(cd "$(dirname "$0")/../kirim" && pwd)
if [ -z "${WORK:-}" ]; then	# a screen test has made them (tests/e2e/lib.sh)
	WORK=$(mktemp -d)
	DB="$WORK/pkm.db"
fi
SECRET="rahasia-uji-$$-7f3c9a"
ORG=10000004
printf '%s\n' "$SECRET" >"$WORK/satusehat.rahasia"
chmod 600 "$WORK/satusehat.rahasia"
python3 "$HERE/server.py" "$WORK" "$ORG" pkm-uji "$SECRET" &
SERVER=$!
stop_all() {
	kill "$SERVER" ${PSERVER:-} 2>/dev/null || true; wait "$SERVER" ${PSERVER:-} 2>/dev/null || true
	if [ -n "${T:-}" ]; then $T kill-server 2>/dev/null || true; fi
	rm -rf "$WORK"
}
trap stop_all EXIT
server_port() {	# server_port FILE NAME: the port a test server wrote, once it has
	i=0
	while [ ! -s "$1" ]; do
		i=$((i + 1)); [ $i -lt 100 ] || { echo "$2 did not start" >&2; exit 1; }
		sleep 0.05
	done
	cat "$1"
}
PORT=$(server_port "$WORK/port" "test server")
write_config() {	# write_config [extra [satusehat] lines]
	cat >"$WORK/pkm.ini" <<INI
[puskesmas]
nama = Puskesmas Uji
zona = Asia/Jakarta
[satusehat]
aktif = ${SS_AKTIF:-ya}
mulai = 2026-11-01
url_auth = http://127.0.0.1:$PORT/oauth2/v1
url_fhir = http://127.0.0.1:$PORT/fhir-r4/v1
organisasi = $ORG
client_id = pkm-uji
rahasia = $WORK/satusehat.rahasia
dokter = 3204010101800001
batas_waktu = 1
jeda = 0
lokasi_K3 = LOK-K3
$*
${PCARE_INI:-}
INI
}
write_config
pkm() { "$PKM_BIN" --db "$DB" --config "$WORK/pkm.ini" "$@"; }
ask() { python3 "$HERE/ask.py" "$PORT" "$1"; }
fault() { python3 "$HERE/ask.py" "$PORT" --fault "$@"; }
sql() { sqlite3 "$DB" "$1"; }
expect() {	# expect WHAT GOT WANTED
	[ "$2" = "$3" ] || { echo "$1: expected '$3', got '$2'" >&2; exit 1; }
}
no_violations() { expect "rules broken" "$(ask 's["violations"]')" "[]"; }
# Patients: one with a NIK SATUSEHAT knows, one without, one it does not know;
# visits on 2026-11-23 with diagnoses, one before [satusehat] mulai.
add_visits() {
	cat >"$WORK/pasien.csv" <<CSV
no_rm,nik,no_bpjs,nama,jenis_kelamin,tanggal_lahir,alamat,desa,penjamin
300001,3204014101900001,,Sri Wahyuni,P,1990-01-01,Jl. Melati 1,Sukamaju,UMUM
300002,,,Budi Santoso,L,1980-02-02,Jl. Melati 2,Sukamaju,UMUM
300003,9999010101700003,,Citra Dewi,P,1970-03-03,Jl. Melati 3,Sukasari,UMUM
CSV
	cat >"$WORK/kunjungan.csv" <<CSV
no_rm,tanggal,unit,penjamin,icd10,kasus
300001,2026-11-23,K3,,I10,B
300001,2026-11-23,IGD,,T14.0,B
300002,2026-11-23,K3,,J06.9,B
300003,2026-11-23,K3,,K29.7,B
300001,2026-10-20,K3,,I10,B
CSV
	pkm import pasien "$WORK/pasien.csv" >/dev/null
	pkm import kunjungan "$WORK/kunjungan.csv" >/dev/null
}
# many_visits N PREFIX: patients PREFIX00001.. with NIKs SATUSEHAT knows, a visit
# each on 2026-11-23 at K3 with J06.9
many_visits() {
	{
		echo "no_rm,nik,no_bpjs,nama,jenis_kelamin,tanggal_lahir,alamat,desa,penjamin"
		i=1; while [ $i -le $1 ]; do printf '%s%05d,32040101018%s0%03d,,Pasien %d,L,1980-01-01,Jl. Uji,Sukamaju,UMUM\n' \
			"$2" $i "$2" $i $i; i=$((i + 1)); done
	} >"$WORK/pasien.csv"
	{
		echo "no_rm,tanggal,unit,penjamin,icd10,kasus"
		i=1; while [ $i -le $1 ]; do printf '%s%05d,2026-11-23,K3,,J06.9,B\n' "$2" $i; i=$((i + 1)); done
	} >"$WORK/kunjungan.csv"
	pkm import pasien "$WORK/pasien.csv" >/dev/null
	pkm import kunjungan "$WORK/kunjungan.csv" >/dev/null
}
# kill_senders PLATFORM MAX ROUND: the sender started and killed -9 after
# 0.10-0.MAX s, 15 times, with `ROUND n` (the desks' work) after each kill
kill_senders() {
	round=1
	while [ $round -le 15 ]; do
		"$PKM_BIN" --db "$DB" --config "$WORK/pkm.ini" kirim "$1" 2>/dev/null &
		pid=$!
		sleep "0.$(shuf -i 10-"$2" -n 1)"
		kill -9 $pid 2>/dev/null || true
		wait $pid 2>/dev/null || true
		"$3" $round
		round=$((round + 1))
	done
}
# send_settled PLATFORM: passes until one ends clean (items a kill cut off
# wait 2 x batas_waktu to settle first)
send_settled() {
	tries=0
	until pkm kirim "$1" --sekali >"$WORK/out"; do
		tries=$((tries + 1)); [ $tries -lt 8 ] || { cat "$WORK/out"; pkm kirim status; exit 1; }
		sleep 0.5
	done
}
