# No output file may replace the database, its companion files or a backup; a
# failed write leaves no half file and exits non-zero; a report over an
# existing file leaves it owner-only.
. "$(dirname "$0")/lib.sh"
pkm import pasien "$FX/cluster_pasien.csv" >/dev/null
before=$(sha256sum "$DB" | cut -d' ' -f1)
for target in "$DB" "$DB-pkm.kunci" "$WORK/link"; do
	ln -sf "$DB" "$WORK/link"
	refused pkm report lb1 --month 2026-11 --out "$target"
	said "database pkm"
	refused pkm export pasien 200001 --out "$target"
	said "database pkm"
done
[ "$(sha256sum "$DB" | cut -d' ' -f1)" = "$before" ] || die "database changed"
[ "$(sql 'PRAGMA integrity_check')" = ok ]
[ "$(sql 'SELECT count(*) FROM pasien')" -gt 0 ]
# a backup and its folder are protected too
pkm backup >/dev/null
copy=$(ls "$WORK"/cadangan/*.db | head -1)
refused pkm report lb1 --month 2026-11 --out "$copy"
refused pkm report lb1 --month 2026-11 --out "$WORK/cadangan/laporan.txt"
refused pkm --db "" report lb1 --month 2026-11
said "--db"
# write errors are told, never silent
refused pkm report lb1 --month 2026-11 --out /dev/full
said "gagal ditulis"
if pkm report lb1 --month 2026-11 >/dev/full 2>"$WORK/err"; then die "full stdout accepted"; fi
if pkm audit >/dev/full 2>/dev/null; then die "audit to a full stdout accepted"; fi
n=$(sql "SELECT count(*) FROM audit WHERE aksi = 'EKSPOR'")
if pkm export pasien 200001 >/dev/full 2>/dev/null; then die "export to a full stdout accepted"; fi
[ "$(sql "SELECT count(*) FROM audit WHERE aksi = 'EKSPOR' AND baru LIKE '%gagal ditulis%'")" = 1 ] ||
	die "the failed export is not in the trail"
[ "$(sql "SELECT count(*) FROM audit WHERE aksi = 'EKSPOR'")" = $((n + 2)) ]
# no half file, no temporary left behind, an existing file tightened to 0600
refused pkm report lb9 --month 2026-11 --out "$WORK/r.txt"
[ ! -e "$WORK/r.txt" ] || die "a failed report left a file"
echo old >"$WORK/r.txt"; chmod 644 "$WORK/r.txt"
pkm report lb1 --month 2026-11 --out "$WORK/r.txt"
grep -q "LB1" "$WORK/r.txt" || grep -q "LAPORAN" "$WORK/r.txt" || die "report not written"
[ "$(stat -c %a "$WORK/r.txt")" = 600 ] || die "report mode $(stat -c %a "$WORK/r.txt")"
[ "$(ls "$WORK" | grep -c 'r.txt.')" = 0 ] || die "temporary file left"
# a database copied in readable by others is made owner-only and the administrator told
chmod 644 "$DB"
pkm report lb1 --month 2026-11 >/dev/null
[ "$(stat -c %a "$DB")" = 600 ] || die "database left at $(stat -c %a "$DB")"
[ "$(sql "SELECT count(*) FROM peringatan WHERE pesan LIKE '%mode 644%'")" = 1 ] || die "no warning"
echo ok
