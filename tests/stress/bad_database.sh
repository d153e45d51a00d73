# A database file that is not SQLite, truncated, damaged inside or read-only gives a clear
# message and a non-zero exit, never a crash (make asan runs this too); a damaged
# database is not accepted as a backup.
set -eu
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fx="$(dirname "$0")/../golden/fixture2"
pkm() { "$PKM_BIN" --db "$@"; }
expect_fail() {	# expect_fail TEXT CMD...: the command fails and says TEXT
	text=$1; shift
	if "$@" >"$WORK/out" 2>"$WORK/err"; then echo "accepted: $*" >&2; exit 1; fi
	grep -q "$text" "$WORK/err" || { echo "no '$text' from $*:" >&2; cat "$WORK/err" >&2; exit 1; }
}
echo "ini bukan database" >"$WORK/text.db"
expect_fail "bukan berkas database pkm" pkm "$WORK/text.db" report lb1 --month 2026-10
pkm "$WORK/good.db" import pasien "$fx/pasien.csv" >/dev/null
pkm "$WORK/good.db" import kunjungan "$fx/kunjungan.csv" >/dev/null
sqlite3 "$WORK/good.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$WORK/good.db" "$WORK/cut.db"
truncate -s 100000 "$WORK/cut.db"
expect_fail "berkas rusak" pkm "$WORK/cut.db" report lb1 --month 2026-10
# pages of the visits overwritten: whatever reads them says so
cp "$WORK/good.db" "$WORK/damaged.db"
dd if=/dev/zero of="$WORK/damaged.db" bs=4096 seek=30 count=20 conv=notrunc 2>/dev/null
rc=0
for r in lb1 lb2 lb3 lb4 jampersal; do
	pkm "$WORK/damaged.db" report $r --month 2026-10 >/dev/null 2>"$WORK/err" || rc=$?
	[ $rc -le 1 ] || { echo "report $r ended with $rc" >&2; exit 1; }
done
expect_fail "rusak" pkm "$WORK/damaged.db" backup "$WORK/bk"
[ -z "$(ls "$WORK/bk" 2>/dev/null)" ] || { echo "a damaged backup was kept" >&2; exit 1; }
expect_fail "rusak\|malformed" pkm "$WORK/good.db" restore "$WORK/damaged.db" --yes
[ "$(sqlite3 "$WORK/good.db" "SELECT COUNT(*) FROM pasien")" = 8 ]
# a database (and folder) this account may read but not write (root ignores
# file modes, so
# the check then runs as nobody)
mkdir "$WORK/ro"
cp "$WORK/good.db" "$WORK/ro/ro.db"
chmod 755 "$WORK" "$WORK/ro"
chmod 444 "$WORK/ro/ro.db"
if [ "$(id -u)" = 0 ]; then
	expect_fail "hanya dapat dibaca" setpriv --reuid=65534 --regid=65534 --clear-groups "$PKM_BIN" --db "$WORK/ro/ro.db" \
		report lb1 --month 2026-10
else
	expect_fail "hanya dapat dibaca" pkm "$WORK/ro/ro.db" report lb1 --month 2026-10
fi
