# A database from before the compact trail (version 16) opens with its trail
# whole: the old rows keep their content and time, the guards stay quiet (no
# false alarm of tampering), and new changes are written as saves.
. "$(dirname "$0")/lib.sh"
old_db 16 _jejak_ringkas.sql
. "$ROOT/tests/e2e/trail.sh"
sql "CREATE TRIGGER \"audit_t_pasien\" AFTER INSERT ON \"pasien\" WHEN (SELECT impor FROM pelaku) IS NULL BEGIN
INSERT INTO audit (waktu, pengguna, aksi, tabel, baris, pasien_id, baru)
SELECT strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime'), (SELECT pengguna FROM pelaku), 'TAMBAH', 'pasien', NEW.rowid,
NEW.id, 'nama=' || quote(NEW.nama);
END;
INSERT INTO pasien (no_rm, nama, nama_cari, jenis_kelamin, tanggal_lahir, penjamin)
VALUES ('000001', 'Siti Lama', 'SITI LAMA', 'P', '1980-02-02', 'UMUM');
INSERT INTO audit (waktu, pengguna, aksi, tabel, baris, pasien_id, lama, baru)
VALUES ('2025-06-01 08:00:00', 'rina', 'UBAH', 'pasien', 1, 1, 'desa=''A''', 'desa=''B''');"
[ "$(sql "SELECT count(*) FROM audit")" = 2 ] || die "the old trail was not made"
"$PKM_BIN" --db "$DB" report lb1 --month 2026-11 >/dev/null
[ "$(sql "PRAGMA user_version")" -ge 17 ] || die "not migrated"
[ "$(sql "SELECT count(*) FROM peringatan")" = 0 ] || die "false alarm: $(sql "SELECT pesan FROM peringatan")"
[ "$(sql "PRAGMA integrity_check")" = ok ] || die "integrity"
# the old rows, read back as they were
trail >"$WORK/all"
grep -q "TAMBAH pasien #1  RM 000001 |  | nama='Siti Lama'" "$WORK/all" || die "old insert: $(cat "$WORK/all")"
grep -q "^01-06-2025 08:00:00  rina         UBAH   pasien #1  RM 000001 | desa='A' | desa='B'" "$WORK/all" ||
	die "old change: $(cat "$WORK/all")"
[ "$("$PKM_BIN" --db "$DB" audit --from 2025-06-01 --to 2025-06-01 | grep -c "^01-06-2025")" = 1 ] ||
	die "the old row's day does not find it"
# new changes are saves, read back per row; the old trigger was replaced
sql "UPDATE pasien SET desa = 'C' WHERE id = 1"
[ "$(sql "SELECT count(*) FROM audit WHERE aksi IS NULL")" = 1 ] || die "not a save"
trail | grep -q "(di luar pkm) UBAH   pasien #1  RM 000001 | desa='' | desa='C'" || die "new change: $(trail)"
[ "$(sql "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%audit_lama%'")" = 0 ] || die "a trigger still names audit_lama"
# the patient's trail: the old rows and the new save, found by the days the patient has rows on
[ "$("$PKM_BIN" --db "$DB" audit --patient 000001 | grep -c "  RM 000001")" = 3 ] ||
	die "the patient's trail: $("$PKM_BIN" --db "$DB" audit --patient 000001)"
echo ok
