# Issue 30 item 10 at 80x24: a user added with `pkm pengguna tambah` changes the
# password at the first log-in, as after a reset; the demo database opens
# straight at the log-in (no first-administrator question) and its printed
# users log in.
NO_LOGIN=1
. "$(dirname "$0")/lib.sh"
echo "$PASSWORD" | $PKM_BIN --db "$DB" pengguna tambah rina PENDAFTARAN | grep -q "diganti saat masuk pertama"
expect_sql "SELECT ganti_sandi FROM pengguna WHERE nama = 'rina'" 1
start_app
login rina
wait_for "Ganti kata sandi"
type_text "$PASSWORD"; keys Tab; type_text "$PASSWORD"; keys F2
wait_for "sama dengan kata sandi dari administrator"
keys C-u; type_text "Loket-2026x"; keys Tab C-u; type_text "Loket-2026x"; keys F2
wait_for "F10 Keluar"
expect_sql "SELECT ganti_sandi FROM pengguna WHERE nama = 'rina'" 0
keys F10
sleep 0.3
$T kill-server 2>/dev/null || true

# the demo: its users printed last, the database opening at the log-in
rm -f "$DB"*
$PKM_BIN demo --db "$DB" --years 1 --patients 150 --per-day 3 >"$WORK/demo.out"
grep -q "^  nakes    Periksa-K3x   NAKES$" "$WORK/demo.out" || { cat "$WORK/demo.out" >&2; exit 1; }
[ "$(tail -1 "$WORK/demo.out")" = "  data     Lapor-Bulan4  PELAPORAN" ] || { cat "$WORK/demo.out" >&2; exit 1; }
expect_sql "SELECT count(*) FROM pengguna WHERE ganti_sandi = 0" 5
start_app
wait_for "Nama pengguna"
screen | grep -q "Penyiapan pertama" && fail "the demo asks for a first administrator"
type_text "nakes"; keys Tab; type_text "Periksa-K3x"; keys Enter
wait_for "F10 Keluar"
screen | grep -q "Ganti kata sandi" && fail "a demo user is asked to change the password"
echo ok
