# The trail holds against a shell on the database file: no REPLACE over a
# row, no writer named from outside, and a guard dropped to delete rows is put
# back at the next start, recorded, and shown to the administrator.
. "$(dirname "$0")/../e2e/lib.sh"
FX=$(cd "$(dirname "$0")/../fixtures" && pwd)
die() { echo "FAIL: $*" >&2; exit 1; }
$PKM_BIN --db "$DB" import pasien "$FX/cluster_pasien.csv" >/dev/null
sql "UPDATE pasien SET desa = desa || ' Barat'"	# a trail row each, ids 2-5
row2=$(sql "SELECT * FROM audit WHERE id = 2")
if sql "REPLACE INTO audit (id, waktu, aksi, tabel) VALUES (2, '2020-01-01 00:00:00', 'TAMBAH', 'x')" 2>/dev/null; then
	die "REPLACE rewrote a trail row"
fi
[ "$(sql "SELECT * FROM audit WHERE id = 2")" = "$row2" ] || die "row 2 changed"
if sql "INSERT INTO pelaku (id, pengguna, waktu) VALUES (1, 'admin', '2020-01-01 00:00:00')" 2>/dev/null; then
	die "a writer was named from the shell"
fi
# even a row that got there does not set the trail's time, and the save it
# gathers is written by pkm alone (pkm_ringkas is pkm's): at pkm's next write
sqlite3 "$DB" "DROP TRIGGER pelaku_hanya_pkm; INSERT INTO pelaku (id, pengguna, waktu) VALUES (1, 'admin', '2020-01-01 00:00:00');
	UPDATE pasien SET alamat = 'x' WHERE no_rm = '200001';"
if sql "DELETE FROM pelaku" 2>/dev/null; then die "a save was written from the shell"; fi
[ "$(sql "SELECT count(*) FROM audit_kumpul")" = 1 ] || die "the change was not kept for pkm"
[ "$(sql "SELECT count(*) FROM audit WHERE waktu < unixepoch('2021-01-01')")" = 0 ] || die "back-dated trail row"
# the schema version the trail was last checked at is pkm's to write: a shell
# that could set it would have a dropped trigger go unchecked
if sql "UPDATE audit_skema SET versi = versi + 1" 2>/dev/null; then die "the checked version was written from a shell"; fi
# deleting rows after dropping the guard
sqlite3 "$DB" "DROP TRIGGER audit_tidak_dihapus; DELETE FROM audit WHERE id IN (2, 3); DROP TRIGGER audit_t_pasien"
$PKM_BIN --db "$DB" report lb1 --month 2026-11 >/dev/null
# the change the shell's writer gathered is written now, at the clock's time
[ "$(sql "SELECT count(*) FROM audit_kumpul") $(sql "SELECT count(*) FROM pelaku")" = "0 0" ] || die "the gathered save was not written"
[ "$(sql "SELECT count(*) FROM audit WHERE aksi IS NULL AND waktu > unixepoch('2021-01-01') AND pengguna = (SELECT kode FROM audit_nama WHERE nama = 'admin')")" = 1 ] ||
	die "the gathered save"
for t in audit_tidak_dihapus pelaku_hanya_pkm audit_t_pasien; do
	[ "$(sql "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = '$t'")" = 1 ] || die "$t not restored"
done
if sql "DELETE FROM audit WHERE id = 4" 2>/dev/null; then die "the guard is still missing"; fi
note=$(sql "SELECT baru FROM audit WHERE aksi = 'HAPUS' AND tabel = 'audit'")
echo "$note" | grep -q "audit_tidak_dihapus" || die "not recorded: $note"
echo "$note" | grep -q "audit_t_pasien" || die "dropped table trigger not recorded: $note"
echo "$note" | grep -q "2 catatan hilang dari jejak audit (mulai id 2)" || die "gap not told: $note"
[ "$(sql "SELECT count(*) FROM peringatan WHERE dibaca = 0")" = 1 ] || die "no warning for the administrator"
# nothing to tell at the next start
$PKM_BIN --db "$DB" report lb1 --month 2026-11 >/dev/null
[ "$(sql "SELECT count(*) FROM peringatan")" = 1 ] || die "warned twice"
start_app
wait_for "PERINGATAN: "
screen | grep -q "audit_tidak_dihapus" || fail "the administrator is not told which guard"
expect_sql "SELECT count(*) FROM peringatan WHERE dibaca = 0" 0
echo ok
