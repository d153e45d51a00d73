# A command that only reads writes nothing to the database: after every
# report, the dashboards, the trail, the outbox's status, a search and the user list, the
# database file and its WAL are byte for byte as before (no statistics made
# at a process's close). Statistics are made on purpose: after migrations and
# a bulk import the planner has them.
. "$(dirname "$0")/lib.sh"
DB="$WORK/pkm.db"
fx="$ROOT/tests/golden/fixture2"
pkm() { "$PKM_BIN" --db "$DB" "$@"; }
pkm import pasien "$fx/pasien.csv" >/dev/null
pkm import kunjungan "$fx/kunjungan.csv" >/dev/null
[ "$(sql "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'kunjungan'")" -gt 0 ] || die "no statistics after the import"
sql "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
state() { for f in "$DB" "$DB-wal"; do [ -s "$f" ] && sha1sum <"$f" || echo "$f: none"; done; }
for cmd in "laporan lb1 --month 2026-10" "laporan lb1 --month 2026-10 --format csv" "laporan lb2 --month 2026-10" \
	"laporan lb3 --month 2026-10" "laporan lb4 --month 2026-10 --format data" "laporan jampersal --month 2026-10" \
	"audit" "icd10 cari demam berdarah" "kirim status" "pengguna daftar" \
	"dasbor --sampai 10-2026" "dasbor --sampai 10-2026 --sasaran-belum --format csv"; do
	before=$(state)
	# shellcheck disable=SC2086
	pkm $cmd >/dev/null 2>&1 || die "pkm $cmd failed"
	[ "$(state)" = "$before" ] || die "pkm $cmd wrote to the database"
done
exit 0
