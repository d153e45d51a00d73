# kill -9 of the running P-Care sender at random moments, many times, while
# visits change: every BPJS visit is registered once and reported once,
# each dispensed drug once, and P-Care ends with each visit's last version.
. "$(dirname "$0")/pcare_lib.sh"
n=25
{
	echo "no_rm,nik,no_bpjs,nama,jenis_kelamin,tanggal_lahir,alamat,desa,penjamin"
	i=1; while [ $i -le $n ]; do
		printf '5%05d,3204010101800%03d,0001000000%03d,Pasien %d,L,1980-01-01,Jl. Uji,Sukamaju,BPJS_PBI\n' $i $i $i $i
		i=$((i + 1))
	done
} >"$WORK/pasien.csv"
{
	echo "no_rm,tanggal,unit,penjamin,icd10,kasus"
	i=1; while [ $i -le $n ]; do printf '5%05d,2026-11-23,K3,,J06.9,B\n' $i; i=$((i + 1)); done
} >"$WORK/kunjungan.csv"
printf 'kode,nama,satuan,kode_pcare\nPCT,Parasetamol 500 mg,tablet,101\n' >"$WORK/obat.csv"
pkm import pasien "$WORK/pasien.csv" >/dev/null
pkm import kunjungan "$WORK/kunjungan.csv" >/dev/null
pkm import obat "$WORK/obat.csv" >/dev/null
pfault slow

desk() {	# the desks keep working: a second diagnosis and a dispensed drug on some visits
	sql "INSERT INTO diagnosis (kunjungan_id, icd10, kasus) SELECT id, 'R50.9', 'B' FROM kunjungan
		WHERE id % 15 = $1 AND id NOT IN (SELECT kunjungan_id FROM diagnosis WHERE icd10 = 'R50.9');
	     INSERT INTO resep (kunjungan_id, obat, jumlah, signa, diserahkan, diberi) SELECT id, 'PCT', 10, '3x1', '2026-11-23', 10
		FROM kunjungan WHERE id % 7 = $1 % 7 AND id NOT IN (SELECT kunjungan_id FROM resep)"
}
kill_senders pcare 70 desk
send_settled pcare
p_no_violations
expect "registrations" "$(pask 'len(s["pendaftaran"])')" $n
expect "visits" "$(pask 'len(s["kunjungan"])')" $n
expect "drugs" "$(pask 'len(s["obat"])')" "$(sql "SELECT count(*) FROM resep")"
expect "each visit's last diagnoses" "$(pask 'sum(1 for k in s["kunjungan"].values() if k["kdDiag2"] == "R50.9")')" \
	"$(sql "SELECT count(*) FROM diagnosis WHERE icd10 = 'R50.9'")"
expect "all sent" "$(sql "SELECT count(*) FROM kirim WHERE tujuan = 'pcare' AND status = 'terkirim' AND versi = versi_kirim")" $n
exit 0
