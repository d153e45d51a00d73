# An interrupted daily backup never counts as today's: kill -9 in the middle of
# `pkm cadangan DIR --harian N`, a copy cut short by `ulimit -f`, and copies an
# older pkm left cut short. The next run removes them, makes a real copy, and
# `simpan` counts whole copies only. A copy still being made (its process
# alive) is left alone.
. "$(dirname "$0")/../hostile/lib.sh"
DIR="$WORK/cadangan"
pkm import pasien "$FX/cluster_pasien.csv" >/dev/null
# 80 MB, so a copy takes long enough to be cut
sql "CREATE TABLE isi (x BLOB); WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 20000)
	INSERT INTO isi SELECT randomblob(4000) FROM c"
whole() { ls "$DIR" | grep -c '^pkm-.*\.db$' || true; }
temps() { ls "$DIR" | grep -c 'sementara' || true; }
daily() { pkm cadangan "$DIR" --harian 3; }
today_copy() {	# the run made a new checked copy
	daily >"$WORK/out" || die "the daily copy failed: $(cat "$WORK/out")"
	grep -q "cadangan harian selesai; integrity_check ok" "$WORK/out" || die "no new copy: $(cat "$WORK/out")"
}

# kill -9 once a fifth is copied (again if the copy won the race)
mkfifo "$WORK/fifo"
for try in 1 2 3 4 5; do
	rm -rf "$DIR"
	"$PKM_BIN" --db "$DB" cadangan "$DIR" --harian 3 --progres >"$WORK/fifo" &
	pid=$!
	while read -r p done total; do
		[ "$p" = P ] && [ $((done * 5)) -ge "$total" ] && break
	done <"$WORK/fifo"
	kill -9 $pid 2>/dev/null || true
	wait $pid 2>/dev/null || true
	[ "$(temps)" -gt 0 ] && break
done
[ "$(temps)" -gt 0 ] || die "never killed mid-copy"
[ "$(whole)" = 0 ] || die "a killed copy has a backup's name"
today_copy
[ "$(temps)" = 0 ] || die "the killed copy's temporary was left: $(ls -la "$DIR")"
[ "$(whole)" = 1 ] || die "expected one copy"
good="$WORK/good.db"
cp "$DIR"/pkm-*.db "$good"
sqlite3 "$good" "PRAGMA integrity_check" | grep -qx ok || die "the new copy is broken"

# a file size limit: the copy dies of SIGXFSZ part-way
rm -rf "$DIR"
if (ulimit -f 200; exec "$PKM_BIN" --db "$DB" cadangan "$DIR" --harian 3) >/dev/null 2>&1; then
	die "a copy over the file size limit succeeded"
fi
[ "$(whole)" = 0 ] || die "a cut copy has a backup's name"
today_copy
[ "$(temps)" = 0 ] && [ "$(whole)" = 1 ] || die "after ulimit -f: $(ls "$DIR")"

# what an older pkm left: today's copies cut short (empty, 100 KB) beside whole
# ones of earlier days; simpan = 3 keeps today's and the two newest whole ones
rm -rf "$DIR"; mkdir -m 700 "$DIR"
for d in 20 21 22; do cp "$good" "$DIR/pkm-202611$d-080000.db"; done
: >"$DIR/pkm-20261123-070000.db"
head -c 102400 "$good" >"$DIR/pkm-20261123-070001.db"
sleep 30 & alive=$!
: >"$DIR/pkm-20261123-070002.db.$alive.sementara"
today_copy
kill $alive
[ "$(whole)" = 3 ] || die "simpan 3 kept: $(ls "$DIR")"
[ -e "$DIR/pkm-20261123-070000.db" ] || [ -e "$DIR/pkm-20261123-070001.db" ] && die "a cut copy was kept"
[ -e "$DIR/pkm-20261120-080000.db" ] && die "the oldest whole copy was kept over simpan"
[ -e "$DIR/pkm-20261122-080000.db" ] || die "a whole copy was removed"
[ "$(temps)" = 1 ] || die "a copy still being made was removed"
daily | grep -q "cadangan hari ini sudah ada" || die "today's whole copy is not counted"
echo ok
