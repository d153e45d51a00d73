# Shared by the hostile-input tests: a fresh database per test, pkm and sqlite3
# on it, and checks that say what failed.
set -eu
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/pkm.db"
FX=$(cd "$(dirname "$0")/../fixtures" && pwd)
pkm() { "$PKM_BIN" --db "$DB" "$@"; }
sql() { sqlite3 "$DB" "$1"; }
. "$(dirname "$0")/../e2e/trail.sh"
die() { echo "FAIL: $*" >&2; exit 1; }
# refused CMD...: must exit non-zero; its stderr is kept in $WORK/err
refused() { if "$@" >"$WORK/out" 2>"$WORK/err"; then die "accepted: $*"; fi; }
# said TEXT: the last refusal's message contains TEXT
said() { grep -qF -- "$1" "$WORK/err" || { cat "$WORK/err" >&2; die "message lacks '$1'"; }; }
# no_raw FILE: no ESC, BEL or other C0 control except newline and form feed
no_raw() { if LC_ALL=C grep -q "$(printf '[\001-\011\013\016-\037\177]')" "$1"; then die "raw control characters in $1"; fi; }
