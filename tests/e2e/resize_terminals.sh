# Live resize to 100x30, below 80x24 and back; the Linux console without colour
# driven with Ctrl keys only (F-keys may be taken by the terminal).
. "$(dirname "$0")/lib.sh"
start_app
wait_for "F10 Keluar"
$T resize-window -t app -x 100 -y 30
wait_for "F10 Keluar"
[ "$(screen | wc -l)" -eq 30 ] || fail "screen is not 30 lines after resize"
# the administrator's keys take two lines: the screen's own above the main screens'
screen | sed -n 29p | grep -q "F1 Bantuan" || fail "hint bar not on the last two lines at 100x30"
screen | sed -n 30p | grep -q "F10 Keluar" || fail "hint bar not on the last line at 100x30"
$T resize-window -t app -x 60 -y 20
wait_for "Terminal terlalu kecil"
$T resize-window -t app -x 80 -y 24
wait_for "F10 Keluar"
screen | sed -n 23p | grep -q "F1 Bantuan" || fail "hint bar not on the last two lines at 80x24"
screen | sed -n 24p | grep -q "F10 Keluar" || fail "hint bar not on the last line at 80x24"
keys C-q
sleep 0.3
$T has-session -t app 2>/dev/null && fail "^Q did not quit"

for term in linux vt100; do
	start_app $term NO_COLOR=1
	wait_for "F10 Keluar"
	keys C-g
	wait_for "tombol lain: kembali"
	wait_for "F2/^D"
	keys x
	wait_for "Cari:"
	keys C-n
	wait_for "Pasien baru"
	keys C-c
	wait_for "Cari:"
	keys C-k
	wait_for "Belum ada kunjungan"
	keys C-q
	sleep 0.3
	$T has-session -t app 2>/dev/null && fail "^Q did not quit on $term"
done
exit 0
