#!/bin/sh
# Runs every test: cmocka unit tests, a short fuzz run, the CLI against golden files,
# stress tests (concurrent desks, kill -9) and tmux screen tests. Prints
# "N passed, N failed" last; non-zero exit on failure.
BUILD=${1:-build/default}
export PKM_BIN="$PWD/$BUILD/pkm" PKM_TODAY=2026-11-23 TZ=UTC
case "$BUILD" in *asan*) export PKM_SANITIZED=1 ;; esac	# timing targets belong to the real build
pass=0 fail=0
log=$(mktemp)

count() {	# count NAME STATUS: one test result
	if [ "$2" -eq 0 ]; then pass=$((pass + 1)); echo "ok   $1"
	else fail=$((fail + 1)); echo "FAIL $1"; fi
}

echo "== unit tests (cmocka)"
for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	CMOCKA_MESSAGE_OUTPUT=TAP "$t" >"$log" 2>&1
	rc=$?
	ok=$(grep -c '^ok ' "$log")
	bad=$(grep -c '^not ok ' "$log")
	if [ $rc -ne 0 ] && [ "$bad" -eq 0 ]; then bad=1; fi	# crashed before reporting
	pass=$((pass + ok)); fail=$((fail + bad))
	echo "$(basename "$t"): $ok passed, $bad failed"
	[ "$bad" -eq 0 ] || sed -n '/^not ok/,+3p;/ERROR\|runtime error\|Sanitizer/p' "$log"
done

echo "== layers (includes point one way)"
sh tests/layers.sh >"$log" 2>&1
rc=$?
count tests/layers.sh $rc
[ $rc -eq 0 ] || sed 's/^/    /' "$log"

echo "== fuzz (short; make fuzz runs longer)"
sh tests/fuzz/run.sh build/fuzz 8 >"$log" 2>&1
rc=$?
count tests/fuzz/run.sh $rc
sed 's/^/    /' "$log" | tail -20

for kind in golden hostile stress kirim e2e; do
	echo "== $kind tests"
	for t in tests/$kind/*.sh; do
		case "$t" in */lib.sh | */pcare_lib.sh | */trail.sh) continue ;; esac
		sh "$t" >"$log" 2>&1
		rc=$?
		count "$t" $rc
		[ $rc -eq 0 ] || sed 's/^/    /' "$log" | tail -40
	done
done
rm -f "$log"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
