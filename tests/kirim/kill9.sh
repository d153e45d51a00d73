# kill -9 of the running sender at random moments, many times, while visits
# change: every visit reaches SATUSEHAT exactly once as one Encounter, with
# each diagnosis once, and the last version of each.
. "$(dirname "$0")/lib.sh"
n=40
{
	echo "no_rm,nik,no_bpjs,nama,jenis_kelamin,tanggal_lahir,alamat,desa,penjamin"
	i=1; while [ $i -le $n ]; do printf '4%05d,3204010101800%03d,,Pasien %d,L,1980-01-01,Jl. Uji,Sukamaju,UMUM\n' $i $i $i; i=$((i + 1)); done
} >"$WORK/pasien.csv"
{
	echo "no_rm,tanggal,unit,penjamin,icd10,kasus"
	i=1; while [ $i -le $n ]; do printf '4%05d,2026-11-23,K3,,J06.9,B\n' $i; i=$((i + 1)); done
} >"$WORK/kunjungan.csv"
pkm import pasien "$WORK/pasien.csv" >/dev/null
pkm import kunjungan "$WORK/kunjungan.csv" >/dev/null
fault slow

desk() {	# a desk keeps working meanwhile: a second diagnosis on some visits
	sql "INSERT INTO diagnosis (kunjungan_id, icd10, kasus) SELECT id, 'I10', 'B' FROM kunjungan
		WHERE id % 15 = $1 AND id NOT IN (SELECT kunjungan_id FROM diagnosis WHERE icd10 = 'I10')"
}
kill_senders satusehat 60 desk
send_settled satusehat
no_violations
expect "encounters" "$(ask 'len(s["store"]["Encounter"])')" $n
expect "encounters created" "$(ask 's["posted"]["Encounter"]')" $n
expect "conditions" "$(ask 'len(s["store"]["Condition"])')" "$(sql "SELECT count(*) FROM diagnosis")"
expect "each visit's last version" "$(ask 'sum(len(e.get("diagnosis", [])) for e in s["store"]["Encounter"].values())')" \
	"$(sql "SELECT count(*) FROM diagnosis")"
expect "all sent" "$(sql "SELECT count(*) FROM kirim WHERE status = 'terkirim' AND versi = versi_kirim")" $n
exit 0
