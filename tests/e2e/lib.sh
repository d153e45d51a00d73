# tmux harness for screen tests: a private tmux server per test, fixed size,
# terminal and "today". Source it, then start_app and drive the screens.
set -eu
WORK=$(mktemp -d)
T="tmux -S $WORK/tmux.sock -f /dev/null"
DB="$WORK/pkm.db"
# a pkm told to quit may still be writing its files (slow under the sanitizers)
cleanup() {
	$T kill-server 2>/dev/null || true
	for i in 1 2 3 4 5 6 7 8 9 10; do rm -rf "$WORK" 2>/dev/null && return; sleep 0.5; done
	rm -rf "$WORK"
}
trap cleanup EXIT

# Every session starts with a log-in: unless the test set LOGIN_AS (user:role
# [units]) or NO_LOGIN=1 (it drives the first-start set-up itself), an
# administrator "uji" is made and logged in.
LOGIN_AS=${LOGIN_AS:-uji:ADMIN}
PASSWORD=Rahasia-2026
add_user() {	# add_user NAME ROLE [UNIT...]: its password taken as its own (pengguna
	# tambah asks for a new one at the first log-in; first_start_login.sh drives that)
	echo "$PASSWORD" | $PKM_BIN --db "$DB" pengguna tambah "$@" >/dev/null
	sqlite3 "$DB" "UPDATE pengguna SET ganti_sandi = 0 WHERE nama = '$1'"
}
login() {	# login NAME: on the log-in screen
	wait_for "Nama pengguna"
	type_text "$1"; keys Tab; type_text "$PASSWORD"; keys Enter
}
start_app() {	# start_app [TERM] [extra env...]
	term=${1:-tmux-256color}
	if [ $# -gt 0 ]; then shift; fi
	user=${LOGIN_AS%%:*}
	# (sqlite3 is not asked before pkm made the file: it would make it 0644)
	if [ "${NO_LOGIN:-}" != 1 ] && { [ ! -e "$DB" ] ||
		[ "$(sqlite3 "$DB" "SELECT count(*) FROM pengguna WHERE nama = '$user'" 2>/dev/null)" != 1 ]; }; then
		# shellcheck disable=SC2086
		add_user "$user" ${LOGIN_AS#*:}
	fi
	$T new-session -d -s app -x 80 -y 24 \
		"env TERM=$term LANG=C.UTF-8 TZ=UTC PKM_TODAY=$PKM_TODAY HOME=$WORK $* $PKM_BIN --db $DB"
	[ "${NO_LOGIN:-}" = 1 ] || login "$user"
}
screen() { $T capture-pane -p -t app; }
wait_for() {	# wait_for TEXT: poll the screen until TEXT shows (5 s)
	i=0
	while [ $i -lt 100 ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.05; i=$((i + 1))
	done
	echo "timeout waiting for: $1" >&2; screen >&2; return 1
}
wait_gone() {
	i=0
	while [ $i -lt 100 ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.05; i=$((i + 1))
	done
	echo "still on screen: $1" >&2; screen >&2; return 1
}
keys() { $T send-keys -t app "$@"; }
type_text() { $T send-keys -t app -l "$1"; }
sql() { sqlite3 -cmd ".timeout 5000" "$DB" "$1"; }	# a desk may be mid-save: wait, as pkm does
. "$(dirname "$0")/../e2e/trail.sh"
expect_sql() {	# expect_sql SQL EXPECTED
	got=$(sql "$1")
	[ "$got" = "$2" ] || { echo "query: $1" >&2; echo "expected: $2" >&2; echo "got: $got" >&2; return 1; }
}
fail() { echo "$*" >&2; screen >&2; exit 1; }
# Four patients with today's visits in K2, K3, K4 and IGD (tests/fixtures/cluster_*.csv).
import_cluster_visits() {
	fx=$(cd "$(dirname "$0")/../fixtures" && pwd)
	$PKM_BIN --db "$DB" import pasien "$fx/cluster_pasien.csv" >/dev/null
	$PKM_BIN --db "$DB" import kunjungan "$fx/cluster_kunjungan.csv" >/dev/null
}
# fill_ptm TB IMT DIRUJUK: in an open PTM form, what a nurse types: 150/95,
# GDS 210, 70.5 kg, the height TB (IMT shows), the risk answers, Hipertensi.
fill_ptm() {
	type_text "150/95"; keys Tab
	type_text "210"; keys Tab
	type_text "70.5"; keys Tab
	type_text "$1"; keys Tab
	wait_for "$2 kg/m2"
	type_text "96"; keys Tab
	keys Tab
	for answer in y y t t y; do type_text $answer; keys Tab; done
	keys Space
	wait_for "Pilih: Kesimpulan"
	keys Down Down Enter
	wait_for "Hipertensi"
	keys Tab
	type_text "$3"
}
# open_visit N: from the start screen, open the N-th visit (1-based) of today's list
open_visit() {
	keys F3
	wait_for "Tab: ganti unit"
	n=1; while [ $n -lt "$1" ]; do keys Down; n=$((n + 1)); done
	keys Enter
	wait_for "Formulir untuk pasien dan unit ini"
}
