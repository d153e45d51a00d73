# A migration from another SIMPUS: a 1,000,000-line visit file (50,000
# patients, 20 visits each) imports in bounded memory (peak RSS < 48 MB, the
# checked rows wait in a temporary table on disk), and a kill -9 in the middle
# of its write leaves nothing of it. Sanitized builds take 100,000 lines and
# skip the memory figure (the sanitizers' shadow memory is not pkm's).
. "$(dirname "$0")/lib.sh"
DB="$WORK/pkm.db"
days=1000
[ -z "${PKM_SANITIZED:-}" ] || days=100
lines=$((days * 1000))
awk 'BEGIN { print "no_rm,nama,jenis_kelamin,tanggal_lahir"
	for (i = 0; i < 50000; i++) printf "%06d,Pasien %d,%s,1950-01-01\n", 500000 + i, i, i % 2 ? "L" : "P" }' \
	>"$WORK/p.csv"
"$PKM_BIN" --db "$DB" import pasien "$WORK/p.csv" >/dev/null
awk -v days="$days" 'BEGIN { print "no_rm,tanggal,unit,icd10,kasus"; split("J06.9 A09 I10 E11.9 K30", c, " ")
	t = mktime("2023-01-01 12 00 00")
	for (d = 0; d < days; d++) { day = strftime("%Y-%m-%d", t + d * 86400)
		for (i = 0; i < 1000; i++) printf "%06d,%s,K3,%s,\n", 500000 + (d * 1000 + i) % 50000, day, c[1 + (i + d) % 5] } }' \
	>"$WORK/k.csv"
[ "$(wc -l <"$WORK/k.csv")" -eq $((lines + 1)) ] || die "file not made"

# killed a second into its write: the write lock it holds tells when that began
"$PKM_BIN" --db "$DB" import kunjungan "$WORK/k.csv" >/dev/null 2>&1 &
pid=$!
i=0
while sqlite3 -cmd ".timeout 0" "$DB" "BEGIN IMMEDIATE; ROLLBACK" 2>/dev/null; do
	kill -0 $pid 2>/dev/null || die "the import ended before its write was seen"
	sleep 0.05
	i=$((i + 1))
	[ $i -lt 6000 ] || die "the import never wrote"
done
sleep 1
kill -9 $pid 2>/dev/null || die "the import ended before it could be killed"
wait $pid 2>/dev/null || true
n="$(sql "SELECT count(*) FROM kunjungan") $(sql "SELECT count(*) FROM diagnosis")"
[ "$n" = "0 0" ] || die "an import killed mid-write left $n"
[ "$(sql "PRAGMA integrity_check")" = ok ] || die "integrity after kill -9"

# whole, with the peak memory of the process
rss=$(peak_rss "$PKM_BIN" --db "$DB" import kunjungan "$WORK/k.csv")
[ "$(sql "SELECT count(*) FROM kunjungan") $(sql "SELECT count(*) FROM diagnosis")" = "$lines $lines" ] ||
	die "not every line stored"
[ "$(sql "SELECT count(*) FROM diagnosis WHERE kasus = 'B'")" -ge 50000 ] || die "case flags not filled from history"
echo "peak RSS ${rss} KB for $lines lines"
[ -n "${PKM_SANITIZED:-}" ] || [ "$rss" -lt 49152 ] || die "peak RSS $rss KB (limit 48 MB)"
