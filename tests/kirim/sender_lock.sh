# One sender a database and platform, by whatever name the database is
# given: a second through a symlink or a hard link is refused before it
# opens the database; the other platform's sender runs beside the first.
. "$(dirname "$0")/pcare_lib.sh"
SS_AKTIF=ya write_pcare_config
add_bpjs_visits
ln -s "$DB" "$WORK/symlink.db"
ln "$DB" "$WORK/hardlink.db"
sender() {	# sender NAME ARGS...: pkm-kirim on the database by that name (exec: $! is its pid)
	name=$1; shift
	exec "$PKM_BIN" --db "$name" --config "$WORK/pkm.ini" kirim "$@"
}
running() {	# running LOG: the sender writing LOG has made its first pass
	i=0
	until grep -q terkirim "$1"; do
		i=$((i + 1)); [ $i -lt 100 ] || { cat "$1"; echo "the sender did not start" >&2; exit 1; }
		sleep 0.05
	done
}
sender "$DB" satusehat 2>"$WORK/first.log" &
FIRST=$!
running "$WORK/first.log"
for name in "$DB" "$WORK/symlink.db" "$WORK/hardlink.db"; do
	set +e; out=$( sender "$name" satusehat --sekali 2>&1); rc=$?; set -e
	expect "second sender by $name" "$rc" 1
	expect "refused by $name" "$out" "pkm kirim: pengirim lain sedang berjalan untuk $name"
done
[ ! -e "$WORK/hardlink.db-wal" ] || { echo "the refused sender opened the database" >&2; exit 1; }

# P-Care beside it, through the symlink; then a second P-Care refused
sender "$WORK/symlink.db" pcare 2>"$WORK/pcare.log" &
PCARE=$!
running "$WORK/pcare.log"
set +e; out=$( sender "$WORK/hardlink.db" pcare --sekali 2>&1); rc=$?; set -e
expect "second P-Care sender" "$out" "pkm kirim: pengirim lain sedang berjalan untuk $WORK/hardlink.db"
kill "$FIRST" "$PCARE"
wait "$FIRST" "$PCARE" || true

# once they stopped, a sender starts by any name
(sender "$WORK/symlink.db" satusehat --sekali) >"$WORK/out" 2>&1 || true
grep -q "terkirim" "$WORK/out" || { cat "$WORK/out"; exit 1; }
exit 0
