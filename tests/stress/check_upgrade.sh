# Migration 032 writes the CHECK constraints without IN lists (a list in a
# CHECK was built into a temporary table for every row written): a database
# of version 31 opens with its rows whole, the constraints refuse what they
# refused and let a NULL pass as before, and neither it nor a new database
# has a table whose CHECK holds a list.
. "$(dirname "$0")/lib.sh"
# the sqlite3 shell lacks pkm's SQL functions that two migrations' row copies
# call (020, 028); on empty tables those copies have nothing to do
old_db 31 _periksa_tanpa_daftar.sql 2>/dev/null || true
[ "$(sql "SELECT count(*) FROM sqlite_schema WHERE name = 'desa'")" = 1 ] || die "version 31 not made"
sql "INSERT INTO pasien (id, no_rm, nama, nama_cari, jenis_kelamin, tanggal_lahir, penjamin)
VALUES (1, '000001', 'Siti', 'SITI', 'P', '1980-02-02', 'UMUM');
INSERT INTO kunjungan (id, pasien_id, tanggal, unit, penjamin, no_antrian, umur_tahun, umur_bulan, umur_hari, umur_total_hari)
VALUES (7, 1, '2026-11-20', 'K3', 'UMUM', 1, 46, 9, 18, 17000);
INSERT INTO diagnosis (kunjungan_id, icd10, kasus) VALUES (7, 'I10', 'K');"
"$PKM_BIN" --db "$DB" kirim status >"$WORK/out" 2>&1 || die "$(cat "$WORK/out")"
[ "$(sql "PRAGMA user_version")" -ge 32 ] || die "not migrated"
[ "$(sql "PRAGMA integrity_check")" = ok ] || die "integrity"
[ "$(sql "SELECT p.jenis_kelamin || d.kasus FROM pasien p, diagnosis d")" = PK ] || die "rows changed"
refused() {
	sql "$1" 2>"$WORK/err" && die "accepted: $1"
	grep -q "CHECK constraint failed" "$WORK/err" || die "$1: $(cat "$WORK/err")"
}
refused "UPDATE diagnosis SET kasus = 'X'"
refused "UPDATE pasien SET jenis_kelamin = 'p'"
refused "UPDATE pasien SET lahir_perkiraan = 2"
refused "INSERT INTO f_anc (kunjungan_id, usg) VALUES (7, -1)"
sql "INSERT INTO f_anc (kunjungan_id, usg) VALUES (7, NULL)" || die "a NULL flag refused"
sql "UPDATE diagnosis SET kasus = 'L'" || die "a listed value refused"
# no temporary table for a row any more (the triggers' programs follow the statement's)
sql "EXPLAIN INSERT INTO diagnosis (kunjungan_id, icd10, kasus) VALUES (7, 'A09', 'B')" | sed '/-- TRIGGER/q' |
	grep -q OpenEphemeral &&
	die "a diagnosis still builds its list"
lists() { sqlite3 "$1" "SELECT group_concat(name) FROM sqlite_schema WHERE type = 'table' AND sql LIKE '% IN (%'"; }
[ -z "$(lists "$DB")" ] || die "lists left: $(lists "$DB")"
"$PKM_BIN" --db "$WORK/new.db" kirim status >"$WORK/out" 2>&1 || die "$(cat "$WORK/out")"
[ -z "$(lists "$WORK/new.db")" ] || die "lists in a new database: $(lists "$WORK/new.db")"
exit 0
