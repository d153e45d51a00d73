# The sender's workers share nothing unguarded: the parallel, fault and P-Care
# tests run again with pkm and pkm-kirim built under ThreadSanitizer (make test
# builds build/tsan), and any race it reports fails. A race on libcrypto's
# loading once crashed a pass that hashed two Bundles at the same moment.
set -eu
TS="$PWD/build/tsan"
[ -x "$TS/pkm-kirim" ] || { echo "$TS/pkm-kirim missing (make test builds it)" >&2; exit 1; }
LOGS=$(mktemp -d)
trap 'rm -rf "$LOGS"' EXIT
for t in send_parallel faults pcare_visits; do
	PKM_BIN="$TS/pkm" TSAN_OPTIONS="log_path=$LOGS/race halt_on_error=1" sh "tests/kirim/$t.sh" ||
		{ echo "$t failed under ThreadSanitizer" >&2; cat "$LOGS"/race* 2>/dev/null | head -60 >&2; exit 1; }
done
if ls "$LOGS"/race* >/dev/null 2>&1; then
	echo "ThreadSanitizer found races:" >&2
	head -60 "$LOGS"/race* >&2
	exit 1
fi
