# A database with SATUSEHAT's outbox (version 18) opens with its queue whole:
# migration 019 makes the outbox tables again for P-Care and keeps every
# item, id, state and platform id.
. "$(dirname "$0")/lib.sh"
old_db 18 _pcare.sql
sql "INSERT INTO pasien (id, no_rm, nama, nama_cari, jenis_kelamin, tanggal_lahir, penjamin)
VALUES (1, '000001', 'Siti', 'SITI', 'P', '1980-02-02', 'UMUM');
INSERT INTO kunjungan (id, pasien_id, tanggal, unit, penjamin, no_antrian, umur_tahun, umur_bulan, umur_hari, umur_total_hari)
VALUES (7, 1, '2026-11-20', 'K3', 'UMUM', 1, 46, 9, 18, 17000);
INSERT INTO kirim_atur VALUES ('satusehat', '2026-11-01');
INSERT INTO kirim (id, kunjungan_id, tujuan, status, versi, versi_kirim, percobaan, galat, ragu)
VALUES (5, 7, 'satusehat', 'gagal', 3, 2, 5, 'ditolak', 1);
INSERT INTO kirim_sumber VALUES (5, 'Encounter', '', 'enc-1'), (5, 'Condition', 'I10', 'cond-1');"
"$PKM_BIN" --db "$DB" kirim status >"$WORK/out" || die "$(cat "$WORK/out")"
[ "$(sql "PRAGMA user_version")" -ge 19 ] || die "not migrated"
[ "$(sql "SELECT id, kunjungan_id, status, versi, versi_kirim, percobaan, galat, ragu, dicoba FROM kirim")" = \
	"5|7|gagal|3|2|5|ditolak|1|0" ] || die "item: $(sql "SELECT * FROM kirim")"
[ "$(sql "SELECT group_concat(jenis || ':' || kunci || ':' || sumber_id, ' ') FROM kirim_sumber")" = \
	"Condition:I10:cond-1 Encounter::enc-1" ] || die "ids: $(sql "SELECT * FROM kirim_sumber")"
[ "$(sql "SELECT * FROM kirim_atur")" = "satusehat|2026-11-01" ] || die "kirim_atur"
[ "$(sql "PRAGMA foreign_key_check")" = "" ] || die "foreign keys"
[ "$(sql "PRAGMA integrity_check")" = ok ] || die "integrity"
grep -q "SATUSEHAT: 0 terkirim, 1 gagal, 0 menunggu" "$WORK/out" || die "status: $(cat "$WORK/out")"
# the queue is live: a change of the visit marks the item changed
sql "PRAGMA foreign_keys = ON; INSERT INTO diagnosis (kunjungan_id, icd10, kasus) VALUES (7, 'E11.9', 'B')"
[ "$(sql "SELECT status || ' ' || versi FROM kirim")" = "menunggu 4" ] || die "trigger: $(sql "SELECT * FROM kirim")"
sql "INSERT INTO kirim_atur VALUES ('pcare', '2026-11-01')" || die "pcare refused"
exit 0
