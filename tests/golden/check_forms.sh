# pkm check-forms: the shipped forms pass; every deliberately broken fixture in
# forms_bad/ and report definition in forms_bad/laporan/ (one kind of mistake
# per file) fails on its own, with file:line.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
. "$HERE/lib.sh"

cd "$ROOT"
"$PKM_BIN" check-forms forms >"$WORK/check-forms-good.out"
check check-forms-good.out

cd "$HERE"
if "$PKM_BIN" check-forms forms_bad >"$WORK/check-forms-bad.out"; then
	echo "check-forms passed the broken forms" >&2; exit 1
fi
check check-forms-bad.out

for f in forms_bad/*.ini; do
	rm -rf "$WORK/one" && mkdir "$WORK/one" && cp "$f" "$WORK/one/"
	if "$PKM_BIN" check-forms "$WORK/one" >"$WORK/one.out"; then
		echo "check-forms accepted $f" >&2; exit 1
	fi
	grep -q "^$WORK/one/$(basename "$f"):[0-9][0-9]*: " "$WORK/one.out" || { echo "no file:line for $f" >&2; exit 1; }
done
for f in forms_bad/laporan/*.ini; do
	rm -rf "$WORK/one" && mkdir -p "$WORK/one/laporan" && cp "$f" "$WORK/one/laporan/"
	if "$PKM_BIN" check-forms "$WORK/one" >"$WORK/one.out"; then
		echo "check-forms accepted $f" >&2; exit 1
	fi
	grep -q "^$WORK/one/laporan/$(basename "$f"):[0-9][0-9]*: " "$WORK/one.out" || { echo "no file:line for $f" >&2; exit 1; }
done
exit 0
