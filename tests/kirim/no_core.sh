# pkm-kirim holds the client secret in memory: it runs with no core file
# (RLIMIT_CORE 0, soft and hard) and non-dumpable, so its /proc files belong
# to root and no other process of its user can read its memory. Run as root,
# the sender runs as nobody, so that root-owned means non-dumpable.
. "$(dirname "$0")/lib.sh"
add_visits
as=""
if [ "$(id -u)" = 0 ]; then
	chown -R 65534:65534 "$WORK"
	as="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
$as "$PKM_BIN" --db "$DB" --config "$WORK/pkm.ini" kirim satusehat 2>"$WORK/log" &
PID=$!
i=0
until grep -q terkirim "$WORK/log"; do
	i=$((i + 1)); [ $i -lt 100 ] || { cat "$WORK/log"; echo "the sender did not start" >&2; exit 1; }
	sleep 0.05
done
expect "core file size (soft, hard)" "$(awk '/Max core file size/ { print $5, $6 }' /proc/$PID/limits)" "0 0"
expect "owner of /proc/PID/mem (root: not dumpable)" "$(stat -c %u /proc/$PID/mem)" 0
kill $PID
wait $PID
