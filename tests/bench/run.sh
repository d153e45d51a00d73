#!/bin/sh
# make bench: figures for 1 and 5 years of demo data, never part of make test.
# The demo databases are kept in build/bench and rebuilt when pkm is newer.
set -eu
BUILD=${1:-build/default}
PKM="$PWD/$BUILD/pkm"
BENCH="$PWD/$BUILD/tests/bench"
DIR="$PWD/build/bench"
mkdir -p "$DIR/.config/pkm"
export PKM_TODAY=2026-11-23 TZ=UTC
# no daily backup of every fresh copy the session runs on
printf '[cadangan]\notomatis = tidak\n' >"$DIR/.config/pkm/pkm.ini"
T="tmux -S $DIR/tmux.sock -f /dev/null"
trap '$T kill-server 2>/dev/null || true' EXIT

ms() { echo $(($(date +%s%N) / 1000000)); }
med() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Start-up to the first screen (the log-in), then a scripted session (log in
# as the demo's administrator: a user added by `pkm pengguna tambah` must change
# the password at the first log-in, which the script does not type; search,
# open a visit, the visit list, LB1 on screen); RSS and peaks read from /proc
# before quitting. The peak is read once the main screen shows (yescrypt
# took 16 MiB checking the password), then reset (clear_refs 5) so the second
# is the highest RSS of the rest of the session.
tui() {	# tui DB -> "startup_ms rss_kb login_peak_kb peak_after_login_kb"
	$T kill-server 2>/dev/null || true
	t0=$(ms)
	$T new-session -d -s app -x 80 -y 24 "exec env TERM=tmux-256color LANG=C.UTF-8 HOME=$DIR $PKM --db $1"
	until $T capture-pane -p -t app 2>/dev/null | grep -q "Nama pengguna"; do :; done
	t1=$(ms)
	pid=$($T display -p -t app '#{pane_pid}')
	$T send-keys -t app -l "admin"; $T send-keys -t app Tab; $T send-keys -t app -l "Kepala-Pkm1"
	$T send-keys -t app Enter
	until $T capture-pane -p -t app 2>/dev/null | grep -q "F10 Keluar"; do :; done
	login=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status")
	echo 5 >"/proc/$pid/clear_refs" 2>/dev/null || echo "bench: peak after the log-in not measured (clear_refs)" >&2
	$T send-keys -t app -l "siti"; sleep 0.3
	$T send-keys -t app Enter; sleep 0.3; $T send-keys -t app Enter; sleep 0.3
	$T send-keys -t app F3; sleep 0.3; $T send-keys -t app F4; sleep 0.2; $T send-keys -t app Enter; sleep 1
	rss=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")
	peak=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status")
	$T send-keys -t app Escape F10; sleep 0.2
	$T kill-server 2>/dev/null || true
	echo "$((t1 - t0)) $rss $login $peak"
}

# The harness itself (tmux starting, a screen polled) measured the same way with
# a program that prints the same text at once: subtracted from pkm's start-up.
harness() {
	$T kill-server 2>/dev/null || true
	t0=$(ms)
	$T new-session -d -s app -x 80 -y 24 "exec sh -c 'echo Nama pengguna; sleep 9'"
	until $T capture-pane -p -t app 2>/dev/null | grep -q "Nama pengguna"; do :; done
	echo $(($(ms) - t0))
	$T kill-server 2>/dev/null || true
}
base=$(for r in 1 2 3 4 5; do harness; done | med)

for y in 1 5; do
	db="$DIR/demo-$y.db"
	if [ ! -f "$db" ] || [ "$PKM" -nt "$db" ]; then
		rm -f "$db" "$db-wal" "$db-shm"
		echo "building $y-year demo database..." >&2
		"$PKM" demo --db "$db" --years $y --seed 1 >&2
	fi
	: >"$DIR/tui-$y.txt"
done

# The two databases are measured in turns (1 year, 5 years, 1 year, ...) so a
# machine slower for a while slows both alike: the 5y/1y ratios compare runs
# taken side by side. Each figure is the median of its runs.
for r in 1 2 3 4 5; do
	for y in 1 5; do
		rm -f "$DIR/work.db"*; cp "$DIR/demo-$y.db" "$DIR/work.db"
		tui "$DIR/work.db" >>"$DIR/tui-$y.txt"
	done
done
for r in 1 2 3; do
	for y in 1 5; do
		rm -f "$DIR/work.db"*; cp "$DIR/demo-$y.db" "$DIR/work.db"
		HOME="$DIR" "$BENCH" "$DIR/work.db" $y "$DIR" "$PKM" >"$DIR/run-$y-$r.txt"
	done
done
rm -f "$DIR/work.db"*
for y in 1 5; do
	out="$DIR/figures-$y.txt"
	t="$DIR/tui-$y.txt"
	printf '%-34s %10s ms\n' "start-up to first screen" "$(($(cut -d' ' -f1 "$t" | med) - base))" >"$out"
	printf '%-34s %10s ms\n' "  (tmux harness, subtracted)" "$base" >>"$out"
	printf '%-34s %10s KB\n' "RSS at the end of the session" "$(cut -d' ' -f2 "$t" | med)" >>"$out"
	printf '%-34s %10s KB\n' "  (peak after the log-in)" "$(cut -d' ' -f4 "$t" | med)" >>"$out"
	printf '%-34s %10s KB\n' "  (peak at the log-in, yescrypt)" "$(cut -d' ' -f3 "$t" | med)" >>"$out"
	# the runs print the same figures in the same order: the median of each line
	paste "$DIR/run-$y-1.txt" "$DIR/run-$y-2.txt" "$DIR/run-$y-3.txt" | awk -F'\t' '
		function med3(a, b, c) { return a > b ? (b > c ? b : (a > c ? c : a)) : (a > c ? a : (b > c ? c : b)) }
		{ for (i = 3; i >= 1; i--) { n = split($i, f, " "); v[i] = f[n - 1] }
		name = ""; for (i = 1; i < n - 1; i++) name = name (i > 1 ? " " : "") f[i]
		printf "%-34s %10s %s\n", name, med3(v[1], v[2], v[3]), f[n] }' >>"$out"
done

echo "pkm bench, $(date -u +%Y-%m-%d), $(nproc) CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
printf '%-38s %12s %12s\n' "figure" "1 year" "5 years"
paste "$DIR/figures-1.txt" "$DIR/figures-5.txt" | awk -F'\t' '{
	n = split($1, a, " "); split($2, b, " ");
	name = ""; for (i = 1; i < n - 1; i++) name = name (i > 1 ? " " : "") a[i];
	printf "%-38s %12s %12s %s\n", name, a[n - 1], b[n - 1], a[n]
	if (name ~ /^(report|process) /)
		ratio[++r] = sprintf("%-38s %12s %12.2f x", "5 years / 1 year " (name ~ /^report / ? substr(name, 8) : name), "", b[n - 1] / a[n - 1]) }
	END { for (i = 1; i <= r; i++) print ratio[i] }'

# the SATUSEHAT backlog over a slow line (tests/bench/backlog.sh)
sh tests/bench/backlog.sh "$BUILD"
