# make bench: a backlog drained to SATUSEHAT's test server with 100 ms added to
# every answer, as over a slow line: visits/s one at a time (200 visits of 20
# patients), with [satusehat] paralel = 4 and 8 (2,000 visits of 200 others
# each), and the ratios; beside each, the CPU a visit cost pkm (pkm-kirim and
# its workers) and the test server (Python: one interpreter lock, each bundle
# checked under one lock), to tell whose work keeps the ratio from 4.
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
tick=$(getconf CLK_TCK)
server_cpu() { awk -v t="$tick" '{ print ($14 + $15) / t }' "/proc/$SERVER/stat"; }
drain() {	# drain PARALEL N WHICH: the N visits WHICH picks sent; prints visits/s, and ms of CPU a visit (pkm, server)
	sql "UPDATE kirim SET coba_lagi = 1e12 WHERE status = 'menunggu'"
	sql "UPDATE kirim SET coba_lagi = 0 WHERE status = 'menunggu' AND kunjungan_id IN (SELECT k.id FROM kunjungan k
	     JOIN pasien p ON p.id = k.pasien_id WHERE p.no_rm $3)"
	write_config "paralel = $1"
	s0=$(server_cpu)
	python3 - "$2" "$PKM_BIN" --db "$DB" --config "$WORK/pkm.ini" kirim satusehat --sekali >"$WORK/run" <<'PY'
import resource, subprocess, sys, time
t0 = time.monotonic()
subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL)
t1 = time.monotonic()
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(int(sys.argv[1]) / (t1 - t0), r.ru_utime + r.ru_stime)
PY
	s1=$(server_cpu)
	sent=$(sql "SELECT count(*) FROM kirim WHERE status = 'terkirim'")
	python3 -c "import sys; n, rate, cpu, s0, s1 = map(float, sys.argv[1:]); print('%.1f %.2f %.2f' %
		(rate, cpu * 1000 / n, (s1 - s0) * 1000 / n))" "$2" $(cat "$WORK/run") "$s0" "$s1"
	expect "all sent" "$sent" "$4"
}
# the same mix in both: ten visits a patient, the first needing a Patient search
one=$(drain 1 200 "< '700020'" 200)
four=$(drain 4 2000 "BETWEEN '700020' AND '700219'" 2200)
eight=$(drain 8 2000 "BETWEEN '700220' AND '700419'" 4200)
no_violations
expect "each Encounter once" "$(ask 'len(s["store"]["Encounter"])')" 4200
python3 -c "
import sys
runs = [list(map(float, a.split())) for a in sys.argv[1:]]
one = runs[0][0]
for n, (r, pkm, server) in zip((1, 4, 8), runs):
    print('%-40s %8.1f visits/s' % ('backlog, one at a time (100 ms)' if n == 1 else 'backlog, paralel %d (100 ms)' % n, r))
    if n > 1:
        print('%-40s %8.2f x   target >= 4' % ('  ratio to one at a time', r / one))
    print('%-40s %8.2f ms' % ('  pkm CPU a visit', pkm))
    print('%-40s %8.2f ms' % ('  test server CPU a visit', server))" "$one" "$four" "$eight"
