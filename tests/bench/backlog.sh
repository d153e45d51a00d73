# make bench: a backlog drained to SATUSEHAT's test server with 100 ms added to
# every answer, as over a slow line: visits/s one at a time (200 visits of 20
# patients), with [satusehat] paralel = 4 and 8 (2,000 visits of 200 others
# each), and the ratios.
# Run as `sh tests/bench/backlog.sh BUILD`.
BUILD=${1:-build/default}
export PKM_BIN="$PWD/$BUILD/pkm" PKM_TODAY=2026-11-23 TZ=UTC
. "$(dirname "$0")/../kirim/lib.sh"
# 500 patients SATUSEHAT knows, ten visits each in November
python3 - "$WORK" <<'PY'
import sys
w = sys.argv[1]
with open(w + "/p.csv", "w") as f:
    f.write("no_rm,nik,no_bpjs,nama,jenis_kelamin,tanggal_lahir,alamat,desa,penjamin\n")
    for i in range(500):
        f.write("7%05d,320401410190%04d,,Pasien %d,P,1990-01-01,Jl. Melati,Sukamaju,UMUM\n" % (i, i, i))
with open(w + "/k.csv", "w") as f:
    f.write("no_rm,tanggal,unit,penjamin,icd10,kasus\n")
    for d in range(4, 23, 2):
        for i in range(500):
            f.write("7%05d,2026-11-%02d,K3,,I10,B\n" % (i, d))
PY
pkm import pasien "$WORK/p.csv" >/dev/null
pkm import kunjungan "$WORK/k.csv" >/dev/null
fault latency 100
drain() {	# drain PARALEL N WHICH: the N visits WHICH picks sent; prints visits/s
	sql "UPDATE kirim SET coba_lagi = 1e12 WHERE status = 'menunggu'"
	sql "UPDATE kirim SET coba_lagi = 0 WHERE status = 'menunggu' AND kunjungan_id IN (SELECT k.id FROM kunjungan k
	     JOIN pasien p ON p.id = k.pasien_id WHERE p.no_rm $3)"
	write_config "paralel = $1"
	t0=$(date +%s.%N)
	pkm kirim satusehat --sekali >/dev/null || true
	t1=$(date +%s.%N)
	sent=$(sql "SELECT count(*) FROM kirim WHERE status = 'terkirim'")
	python3 -c "import sys; print('%.1f' % (int(sys.argv[1]) / (float(sys.argv[3]) - float(sys.argv[2]))))" "$2" "$t0" "$t1"
	expect "all sent" "$sent" "$4"
}
# the same mix in both: five visits a patient, the first needing a Patient search
one=$(drain 1 200 "< '700020'" 200)
four=$(drain 4 2000 "BETWEEN '700020' AND '700219'" 2200)
eight=$(drain 8 2000 "BETWEEN '700220' AND '700419'" 4200)
no_violations
expect "each Encounter once" "$(ask 'len(s["store"]["Encounter"])')" 4200
python3 -c "
import sys
one, four, eight = map(float, sys.argv[1:])
print('%-40s %8.1f visits/s' % ('backlog, one at a time (100 ms)', one))
for n, r in ((4, four), (8, eight)):
    print('%-40s %8.1f visits/s' % ('backlog, paralel %d (100 ms)' % n, r))
    print('%-40s %8.2f x   target >= 4' % ('  ratio to one at a time', r / one))" "$one" "$four" "$eight"
