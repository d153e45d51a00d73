# Four desks registering patients and visits at the same moment on one database:
# nothing lost, no No. RM or queue number given twice, and no desk ever sees
# "database is locked" (each save waits its turn).
set -eu
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
REG="$(dirname "$PKM_BIN")/tests/registrar"
DB="$WORK/pkm.db"
"$PKM_BIN" --db "$DB" import pasien "$(dirname "$0")/../fixtures/cluster_pasien.csv" >/dev/null
pids=""
for d in A B C D; do
	"$REG" "$DB" "Desk$d" 150 >"$WORK/$d.out" 2>"$WORK/$d.err" &
	pids="$pids $!"
done
fail=0
for pid in $pids; do wait "$pid" || fail=1; done
cat "$WORK"/*.err >&2
[ $fail = 0 ] || { echo "a desk failed" >&2; exit 1; }
[ ! -s "$WORK/A.err" ] && [ ! -s "$WORK/B.err" ] && [ ! -s "$WORK/C.err" ] && [ ! -s "$WORK/D.err" ]
q() { sqlite3 "$DB" "$1"; }
[ "$(cat "$WORK"/*.out | wc -l)" = 600 ]
[ "$(q "SELECT COUNT(*) FROM pasien WHERE nama LIKE 'Desk%'")" = 600 ]
[ "$(q "SELECT COUNT(DISTINCT no_rm) FROM pasien")" = "$(q "SELECT COUNT(*) FROM pasien")" ]
[ "$(q "SELECT COUNT(*) FROM kunjungan")" = 600 ]
[ "$(q "SELECT COUNT(*) FROM diagnosis")" = 600 ]
# queue numbers of a day and unit run 1..n with no gap and no repeat
[ "$(q "SELECT COUNT(*) FROM (SELECT unit FROM kunjungan GROUP BY tanggal, unit
	HAVING MAX(no_antrian) <> COUNT(*) OR COUNT(DISTINCT no_antrian) <> COUNT(*))")" = 0 ]
[ "$(q "PRAGMA integrity_check")" = ok ]
