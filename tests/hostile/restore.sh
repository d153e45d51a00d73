# A restore refuses a copy the program could not open (a newer schema), and
# meets the lock of a running pkm through a link to the database.
. "$(dirname "$0")/../e2e/lib.sh"
FX=$(cd "$(dirname "$0")/../fixtures" && pwd)
die() { echo "FAIL: $*" >&2; exit 1; }
$PKM_BIN --db "$DB" import pasien "$FX/cluster_pasien.csv" >/dev/null
$PKM_BIN --db "$DB" backup "$WORK/copies" >/dev/null
copy=$(ls "$WORK"/copies/*.db | head -1)
cp "$copy" "$WORK/newer.db"
sqlite3 "$WORK/newer.db" "PRAGMA user_version = 99"
before=$(sha256sum "$DB")
if $PKM_BIN --db "$DB" restore "$WORK/newer.db" --yes 2>"$WORK/err"; then die "a version-99 copy was restored"; fi
grep -q "versi 99" "$WORK/err" || die "message: $(cat "$WORK/err")"
[ "$(sha256sum "$DB")" = "$before" ] || die "database changed"
$PKM_BIN --db "$DB" report lb1 --month 2026-11 >/dev/null || die "database no longer opens"
# a running pkm holds the lock; a restore named through a link must see it
ln -s "$DB" "$WORK/link.db"
start_app
wait_for "F1"
if $PKM_BIN --db "$WORK/link.db" restore "$copy" --yes 2>"$WORK/err"; then die "restore ran under a running pkm"; fi
grep -q "sedang dibuka" "$WORK/err" || die "message: $(cat "$WORK/err")"
keys C-q
echo ok
