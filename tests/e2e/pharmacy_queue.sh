# Antrian resep at 80x24: the pharmacist's first screen lists today's
# prescriptions in arrival order, the partly given marked, the finished greyed
# below; a prescription saved at another desk (another process) shows within a
# second with no key pressed; Enter opens it; an idle queue takes next to no
# CPU; the administrator reaches it with F11 and Ctrl-F, the stock one key
# further (F5) and back with F11.
. "$(dirname "$0")/lib.sh"
fx=$(cd "$(dirname "$0")/../fixtures" && pwd)
import_cluster_visits
$PKM_BIN --db "$DB" import obat "$fx/obat.csv" >/dev/null
$PKM_BIN --db "$DB" import stok "$fx/stok.csv" >/dev/null
visit() { echo "(SELECT k.id FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id WHERE p.no_rm = '$1' AND k.unit = '$2')"; }
# arrivals: Candra 08:00 (partly given), Ani 08:10, Bayu 07:45 (given whole)
sql "INSERT INTO resep (kunjungan_id, obat, jumlah, signa, dibuat, diberi) VALUES
     ($(visit 200003 K3), 'PCT500', 10, '3x1', '$PKM_TODAY 08:00:00', 4),
     ($(visit 200003 K3), 'AMX500', 15, '3x1', '$PKM_TODAY 08:00:30', 0),
     ($(visit 200001 K2), 'IBU400', 10, '3x1', '$PKM_TODAY 08:10:00', 0),
     ($(visit 200002 K2), 'ORS', 3, '', '$PKM_TODAY 07:45:00', 3)"
LOGIN_AS=farmasi:FARMASI
start_app
wait_for "pkm | Antrian resep"
wait_for "1 menunggu, 1 sebagian, 1 selesai"
order=$(screen | grep -E "^ +[0-9]+ " | awk '{print $1 "-" $2}' | tr '\n' ' ')
[ "$order" = "2-Candra 3-Ani 1-Bayu " ] || fail "queue order: $order"
screen | grep "Candra Wijaya" | grep -q "sebagian$" || fail "partly given not marked"
screen | grep "Ani Lestari" | grep -q "menunggu$" || fail "waiting one not said"
screen | grep "Bayu Pratama" | grep -q "  selesai$" || fail "finished one not below"
# the finished row is greyed (SGR 2), the partly given one bold (SGR 1)
$T capture-pane -p -e -t app | grep "Bayu Pratama" | grep -qE "\[([0-9]+;)*2(;[0-9]+)*m" || fail "finished row not greyed"
$T capture-pane -p -e -t app | grep "Candra Wijaya" | grep -qE "\[([0-9]+;)*1(;[0-9]+)*m" || fail "partly given row not marked"
# the pharmacist's keys at 80 columns: the queue, the stock, nothing of the desk
bar=$(screen | tail -2)
for k in "F5 Stok obat" "F8 Lap. stok" "F11 Farmasi" "F3 Kunjungan" "F10 Keluar"; do
	echo "$bar" | grep -qF "$k" || fail "$k not on the key bar"
done
echo "$bar" | grep -q "F2 Daftar" && fail "the desk's F2 offered to the pharmacy"

# another desk writes a prescription: on the screen within a second, no key
pid=$($T display -p -t app '#{pane_pid}')
[ "$(cat /proc/"$pid"/comm)" = pkm ] || pid=$(pgrep -P "$pid" -x pkm)
# it arrives now, after the ones above even when the clock says before 08:10
# (a wait not yet begun shows 0 minutes)
now=$(date +%H:%M:%S | awk '{ print ($1 < "08:20:00") ? "08:20:00" : $1 }')
sql "INSERT INTO resep (kunjungan_id, obat, jumlah, signa, dibuat)
     VALUES ($(visit 200004 IGD), 'PCT500', 6, '3x1', '$PKM_TODAY $now')"
i=0
until screen | grep -q "Dewi Sartika"; do
	i=$((i + 1))
	[ $i -le 20 ] || fail "the new prescription not shown within a second"
	sleep 0.05
done
screen | grep "Dewi Sartika" | grep -qE "^ +4 .* 0 menunggu$" || fail "new prescription: number 4, waiting 0 minutes"
wait_for "2 menunggu, 1 sebagian, 1 selesai"

# idle: no busy loop (under 5 % of a CPU over 5 s; the program's own figure is far below)
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
t0=$(ticks); sleep 5; t1=$(ticks)
[ $((t1 - t0)) -lt $((hz * 5 / 20)) ] || fail "idle queue used $((t1 - t0)) ticks of $((hz * 5)) in 5 s"

# Enter opens the prescription; back on the queue afterwards
keys Down
keys Enter
wait_for "pkm | Resep obat"
wait_for "Ani Lestari (No. RM 200001)"
screen | grep -q "Ibuprofen 400 mg" || fail "the prescription's line not shown"
keys Escape
wait_for "pkm | Antrian resep"
screen | grep "Ani Lestari" | grep -q "menunggu$" || fail "back on the queue: Ani not listed"
# the command line prints the same list
expect_sql "SELECT count(*) FROM resep" 5
$PKM_BIN --db "$DB" resep antrian --format csv | cut -d, -f1,3,10 | tail -n +2 | tr '\n' ' ' |
	grep -qx "2,200003,sebagian 3,200001,menunggu 4,200004,menunggu 1,200002,selesai " ||
	fail "pkm resep antrian differs from the screen"

# the administrator: F11 (and Ctrl-F) from the desk's first screen; the stock
# one key further, and back
add_user uji ADMIN
keys F9
login uji
wait_for "pkm | Pendaftaran"
keys C-f
wait_for "pkm | Antrian resep"
keys F2
wait_for "pkm | Pendaftaran"
keys F11
wait_for "pkm | Antrian resep"
keys F5
wait_for "pkm | Farmasi: stok obat"
keys F11
wait_for "pkm | Antrian resep"

# the queue's ticks are no key: nobody at the desk still locks the screen
$T kill-session -t app
LOGIN_AS=farmasi:FARMASI start_app tmux-256color PKM_KUNCI_DETIK=2
wait_for "pkm | Antrian resep"
wait_for "Layar terkunci"
type_text "$PASSWORD"; keys Enter
wait_for "pkm | Antrian resep"
