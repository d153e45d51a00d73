# Shared by the upgrade tests: a database as pkm's own migrations made it up
# to a given version, in a scratch directory removed at exit.
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
