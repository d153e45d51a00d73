# Power cuts, as kill -9 at random moments: during a large import (it is stored
# whole or not at all) and during a stream of saves (every save reported done is
# there, with its visit and diagnosis). The database stays consistent.
set -eu
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
REG="$(dirname "$PKM_BIN")/tests/registrar"
awk 'BEGIN { print "nama,jenis_kelamin,tanggal_lahir"; for (i = 0; i < 40000; i++) printf "Pasien Impor %d,%s,1980-01-01\n", i, i % 2 ? "L" : "P" }' >"$WORK/big.csv"
q() { sqlite3 "$1" "$2"; }
random_ms() { awk -v s="$1" 'BEGIN { srand(s); printf "%.3f", 0.05 + rand() * 0.6 }'; }

for i in 1 2 3 4 5 6; do
	db="$WORK/import$i.db"
	"$PKM_BIN" --db "$db" import pasien "$WORK/big.csv" >/dev/null 2>&1 &
	pid=$!
	sleep "$(random_ms $i)"
	kill -9 $pid 2>/dev/null || true
	wait $pid 2>/dev/null || true
	n=$(q "$db" "SELECT COUNT(*) FROM pasien" 2>/dev/null || echo none)
	case "$n" in 0|40000|none) ;; *) echo "import $i half stored: $n rows" >&2; exit 1 ;; esac
	[ "$n" = none ] || [ "$(q "$db" "PRAGMA integrity_check")" = ok ]
done

db="$WORK/desk.db"
for i in 1 2 3 4 5 6; do
	"$REG" "$db" "Run$i" 3000 >"$WORK/run$i.out" 2>/dev/null &
	pid=$!
	# killed a random moment after its first save is reported, whatever the
	# machine: the first run makes the database first, slow under the sanitizers
	t=0
	until [ -s "$WORK/run$i.out" ]; do
		kill -0 $pid 2>/dev/null || { echo "run $i: the registrar stopped before a save" >&2; exit 1; }
		t=$((t + 1))
		[ $t -lt 1200 ] || { echo "run $i: no save in 60 s" >&2; exit 1; }
		sleep 0.05
	done
	sleep "$(random_ms $((i + 10)))"
	kill -9 $pid 2>/dev/null || true
	wait $pid 2>/dev/null || true
	[ "$(q "$db" "PRAGMA integrity_check")" = ok ] || { echo "integrity after kill $i" >&2; exit 1; }
	# every save reported done is stored whole
	saved=$(wc -l <"$WORK/run$i.out")
	list=$(awk '{ print $2 }' "$WORK/run$i.out" | sed "s/.*/'&'/" | paste -sd, -)
	stored=$(q "$db" "SELECT COUNT(*) FROM pasien p JOIN kunjungan k ON k.pasien_id = p.id
		JOIN diagnosis d ON d.kunjungan_id = k.id WHERE p.no_rm IN (${list:-''})")
	[ "$stored" = "$saved" ] || { echo "run $i: $saved saves reported, $stored stored" >&2; exit 1; }
done
# no patient without its visit: a save is one whole step or none
[ "$(q "$db" "SELECT COUNT(*) FROM pasien p WHERE NOT EXISTS (SELECT 1 FROM kunjungan k WHERE k.pasien_id = p.id)")" -le 6 ]
