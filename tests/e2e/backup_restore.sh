# Backups: the daily copy on the first start of the day (once), a copy from the
# Laporan screen, each checked and owner-only; restore refused while a pkm has
# the database open and for a damaged copy; a restore keeps the replaced
# database; old daily copies beyond [cadangan] simpan are removed.
. "$(dirname "$0")/lib.sh"
fx=$(cd "$(dirname "$0")/../fixtures" && pwd)
import_cluster_visits
count() { ls "$WORK/cadangan" | grep -c '^pkm-.*\.db$' || true; }
start_app
wait_for "F10 Keluar"
# the daily copy runs beside the session: the screen is there first, its end
# is in the title bar (a failure would also take the message line)
wait_for "cadangan ok |"
[ "$(count)" = 1 ] || fail "no daily backup at the first start"
first=$(ls "$WORK"/cadangan/pkm-*.db)
[ "$(stat -c %a "$first")" = 600 ] || fail "backup readable by others"
[ "$(sqlite3 "$first" "SELECT COUNT(*) FROM pasien")" = 4 ] || fail "backup incomplete"

# no restore under a running pkm
if $PKM_BIN --db "$DB" restore "$first" --yes 2>"$WORK/busy.err"; then fail "restore while pkm runs"; fi
grep -q "sedang dibuka pkm lain" "$WORK/busy.err" || fail "no clear message: $(cat "$WORK/busy.err")"

keys F4
wait_for "Lebar kertas"
sleep 1	# a new file name each second
keys F7
wait_for "Cadangan dibuat dan diperiksa"
[ "$(count)" = 2 ] || fail "menu backup not made"
keys F10
sleep 0.3
start_app
wait_for "F10 Keluar"
[ "$(count)" = 2 ] || fail "a second daily backup on the same day"
keys F10
sleep 0.3

# asked at a terminal, "t" changes nothing
$T new-session -d -s ask -x 80 -y 24 "env HOME=$WORK PKM_TODAY=$PKM_TODAY $PKM_BIN --db $DB restore $first; sleep 5"
i=0; until $T capture-pane -p -t ask | grep -q "Lanjutkan? (y/t)"; do sleep 0.05; i=$((i + 1)); [ $i -lt 100 ] || fail "no question"; done
$T send-keys -t ask t Enter
i=0; until $T capture-pane -p -t ask | grep -q "Dibatalkan; tidak ada yang diubah."; do sleep 0.05; i=$((i + 1)); [ $i -lt 100 ] || fail "not cancelled"; done
$T kill-session -t ask
[ -z "$(ls "$WORK" | grep sebelum-pulih)" ] || fail "a cancelled restore kept a file"

# a restore brings the copy back and keeps what it replaced
$PKM_BIN --db "$DB" import pasien "$fx/returning_pasien.csv" >/dev/null
before=$(sql "SELECT COUNT(*) FROM pasien")
$PKM_BIN --db "$DB" restore "$first" --yes >"$WORK/restore.out"
expect_sql "SELECT COUNT(*) FROM pasien" 4
kept=$(ls "$WORK"/pkm.db-sebelum-pulih-*.db)
[ "$(sqlite3 "$kept" "SELECT COUNT(*) FROM pasien")" = "$before" ] || fail "replaced database not kept"
# a damaged copy is refused and changes nothing
head -c 20000 "$first" >"$WORK/rusak.db"
if $PKM_BIN --db "$DB" restore "$WORK/rusak.db" --yes 2>"$WORK/bad.err"; then fail "damaged copy restored"; fi
grep -q "rusak\|bukan database pkm\|tidak dapat dibuka" "$WORK/bad.err" || fail "no reason: $(cat "$WORK/bad.err")"
expect_sql "SELECT COUNT(*) FROM pasien" 4

# next day, keeping 2: the new daily copy and the newest old one remain
mkdir -p "$WORK/.config/pkm"
printf '[cadangan]\nsimpan = 2\n' >"$WORK/.config/pkm/pkm.ini"
$T kill-server 2>/dev/null || true
PKM_TODAY=2026-11-24
start_app
wait_for "F10 Keluar"
wait_for "cadangan ok |"
[ "$(count)" = 2 ] || fail "old backups not pruned to 2: $(ls "$WORK/cadangan")"
ls "$WORK/cadangan" | grep -q "^pkm-20261124-" || fail "no backup of the new day"
keys F10
sleep 0.3

# a daily copy that cannot be made: the desk works on, the failure is told
printf '[cadangan]\nfolder = /proc/tidak-bisa\n' >"$WORK/.config/pkm/pkm.ini"
$T kill-server 2>/dev/null || true
PKM_TODAY=2026-11-25
start_app
wait_for "F10 Keluar"
wait_for "CADANGAN GAGAL |"
wait_for "Cadangan harian GAGAL:"
type_text "ani"
wait_for "Ani Lestari"
