# Invalid UTF-8 bytes typed (a Latin-1 terminal's é is 0xe9) are dropped with a
# beep; typing goes on at once and the idle lock never mistakes them for idle.
. "$(dirname "$0")/../e2e/lib.sh"
NO_LOGIN=1
add_user uji ADMIN
start_app tmux-256color PKM_KUNCI_DETIK=30
wait_for "Nama pengguna"
type_text "u"
$T send-keys -t app -H ff
type_text "j"
$T send-keys -t app -H e9
type_text "i"
$T send-keys -t app -H c3 28
type_text "x"
wait_for "uji(x" || fail "typing stalled after an invalid byte"
keys BSpace BSpace
keys Tab; type_text "$PASSWORD"; keys Enter
wait_for "F1" || fail "log-in did not go on"
screen | grep -q "terkunci" && fail "idle lock after invalid bytes"
# on a form field: a bad byte between letters, then the name is saved whole
keys F2
wait_for "Nama"
echo ok
