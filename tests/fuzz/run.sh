#!/bin/sh
# Run every fuzz target for SECONDS from its corpus (tests/fuzz/corpus/TARGET,
# copied so the kept corpus only changes by hand), after replaying the crashes
# kept in tests/fuzz/crashes/TARGET. Exit non-zero on any crash.
# Usage: run.sh FUZZ_BUILD SECONDS
B=${1:-build/fuzz}
SECONDS_EACH=${2:-10}
HERE=$(cd "$(dirname "$0")" && pwd)
rc=0
for t in csv form config ident trail peta; do
	bin="$B/tests/fuzz_$t"
	[ -x "$bin" ] || { echo "missing $bin" >&2; exit 1; }
	work="$B/corpus/$t"
	mkdir -p "$work" "$B/found"
	cp "$HERE/corpus/$t"/* "$work"/ 2>/dev/null
	if ls "$HERE/crashes/$t"/* >/dev/null 2>&1; then
		"$bin" -runs=0 "$HERE/crashes/$t"/* >"$B/found/$t.replay.log" 2>&1 ||
			{ echo "fuzz_$t: a kept crash is back" >&2; tail -20 "$B/found/$t.replay.log" >&2; rc=1; }
	fi
	"$bin" -max_total_time="$SECONDS_EACH" -timeout=5 -rss_limit_mb=1024 -max_len=4096 -print_final_stats=1 \
		-artifact_prefix="$B/found/$t-" "$work" >"$B/found/$t.log" 2>&1 ||
		{ echo "fuzz_$t: crash, see $B/found/$t.log" >&2; grep -A15 "ERROR\|runtime error" "$B/found/$t.log" | head -30 >&2; rc=1; }
	echo "fuzz_$t: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$B/found/$t.log" | grep -o '[0-9]*$') inputs"
done
exit $rc
