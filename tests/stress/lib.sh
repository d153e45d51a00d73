# Shared by the stress tests: a scratch directory removed at exit, a database
# as pkm's own migrations made it up to a given version, a command's peak
# memory.
set -eu
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
die() { echo "FAIL: $*" >&2; exit 1; }
sql() { sqlite3 "$DB" "$1"; }
# old_db VERSION NEXT: $DB at VERSION, made by the migrations before the one
# whose file name ends in NEXT
old_db() {
	DB="$WORK/v$1.db"
	for f in "$ROOT"/db/0*.sql; do
		case "$f" in *"$2") break ;; esac
		cat "$f"
	done >"$WORK/v$1.sql"
	sqlite3 "$DB" <"$WORK/v$1.sql"
	chmod 600 "$DB"
	sql "PRAGMA user_version = $1; PRAGMA application_id = 1347112241;"
}
# peak_rss CMD...: run CMD (its output dropped) and print its peak RSS in KB;
# fails when CMD does
peak_rss() {
	python3 -c '
import resource, subprocess, sys
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
if r.returncode: sys.exit("%s failed" % sys.argv[1])
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"
}
