# One language for the CLI's verbs: each Indonesian verb does what its old
# English spelling did (kept for this release), and the man page names every
# command of --help and renders without a warning.
set -eu
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
FX="$ROOT/tests/fixtures"
DB="$WORK/pkm.db"
pkm() { "$PKM_BIN" --db "$DB" "$@"; }
die() { echo "FAIL: $*" >&2; exit 1; }
pkm impor pasien "$FX/cluster_pasien.csv" >/dev/null
pkm import kunjungan "$FX/cluster_kunjungan.csv" >/dev/null
[ "$(pkm laporan lb4 --month 2026-11 | md5sum)" = "$(pkm report lb4 --month 2026-11 | md5sum)" ] || die "laporan != report"
"$PKM_BIN" periksa-formulir >"$WORK/a"
"$PKM_BIN" check-forms >"$WORK/b"
cmp -s "$WORK/a" "$WORK/b" || die "periksa-formulir != check-forms"
pkm ekspor pasien 200001 | grep -q "Data pasien No. RM 200001" || die "ekspor"
pkm cadangan "$WORK/c" | grep -q "cadangan selesai" || die "cadangan"
# the daily copy for cron: made once a day, then the newest N kept
pkm cadangan "$WORK/h" --harian 2 | grep -q "cadangan harian selesai; integrity_check ok" || die "cadangan --harian"
pkm cadangan "$WORK/h" --harian 2 | grep -q "cadangan hari ini sudah ada" || die "a second daily copy"
[ "$(ls "$WORK/h" | wc -l)" = 1 ] || die "daily copies: $(ls "$WORK/h")"
pkm cadangan "$WORK/h2" --harian 2 --progres | tail -1 | grep -q "^OK $WORK/h2/pkm-" || die "--progres result line"
if pkm cadangan --progres 2>/dev/null; then die "--progres without --harian accepted"; fi
if pkm sinkron 2>"$WORK/err"; then die "an unknown verb was accepted"; fi
grep -q "perintah tidak dikenal" "$WORK/err"
# the man page: every verb of --help, no groff warning, installed by make install
"$PKM_BIN" --help | sed -n 's/^  pkm \(\[[^]]*\] \)*\([a-z][a-z0-9-]*\).*/\2/p' | sort -u >"$WORK/verbs"
[ "$(wc -l <"$WORK/verbs")" -ge 10 ] || die "verbs read from --help: $(cat "$WORK/verbs")"
while read -r v; do
	grep -q "^\.BR $v\|^\.B $v\|^\.BR $(echo "$v" | sed 's/-/\\\\-/g') " "$ROOT/src/pkm.1" || die "man page lacks $v"
done <"$WORK/verbs"
[ -z "$(groff -man -Tutf8 -ww -z "$ROOT/src/pkm.1" 2>&1)" ] || die "groff warns about pkm.1"
make -s -n -C "$ROOT" install DESTDIR="$WORK/dest" | grep -q "share/man/man1/pkm.1" || die "make install does not install pkm.1"
echo ok
