# A backlog drains with [satusehat] paralel requests in flight at once, each
# visit claimed by one worker: 12 visits over a line 0.3 s slow go with up
# to 4 Bundles at the platform at once, each Encounter made once; with
# paralel = 1 never more than one.
. "$(dirname "$0")/lib.sh"
{
	echo "no_rm,nik,no_bpjs,nama,jenis_kelamin,tanggal_lahir,alamat,desa,penjamin"
	for i in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24; do
		echo "5000$i,32040141019000$i,,Pasien $i,P,1990-01-01,Jl. Melati $i,Sukamaju,UMUM"
	done
} >"$WORK/pasien.csv"
{
	echo "no_rm,tanggal,unit,penjamin,icd10,kasus"
	for i in 01 02 03 04 05 06 07 08 09 10 11 12; do echo "5000$i,2026-11-23,K3,,I10,B"; done
} >"$WORK/k1.csv"
{
	echo "no_rm,tanggal,unit,penjamin,icd10,kasus"
	for i in 13 14 15 16 17 18 19 20 21 22 23 24; do echo "5000$i,2026-11-23,K3,,I10,B"; done
} >"$WORK/k2.csv"
pkm import pasien "$WORK/pasien.csv" >/dev/null
pkm import kunjungan "$WORK/k1.csv" >/dev/null
fault latency 300
expect "sent" "$(pkm kirim satusehat --sekali)" "12 terkirim, 0 gagal, 0 menunggu"
most=$(ask 's["most_in_flight"]')
[ "$most" -ge 2 ] && [ "$most" -le 4 ] || { echo "requests in flight at once: $most (want 2-4)" >&2; exit 1; }
expect "one Encounter a visit" "$(ask 'len(s["store"]["Encounter"])')" 12
expect "each Bundle posted once" "$(ask 's["bundle_posts"]')" 12
no_violations

write_config "paralel = 1"
pkm import kunjungan "$WORK/k2.csv" >/dev/null
fault latency 100
expect "sent one at a time" "$(pkm kirim satusehat --sekali)" "12 terkirim, 0 gagal, 0 menunggu"
expect "never two at once" "$(ask 's["most_in_flight"]')" 1
expect "one Encounter a visit" "$(ask 'len(s["store"]["Encounter"])')" 24
no_violations
exit 0
