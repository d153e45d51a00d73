# Migration 020 on a large trail (600,000 saves of version 19) packs it in
# bounded memory: its scratch (the journal of the old trail's pages as it is
# dropped) is on disk, not in memory (peak RSS < 20 MB; 53 MB with it in memory).
# Sanitized builds skip the memory figure (their shadow memory is not pkm's).
. "$(dirname "$0")/lib.sh"
old_db 19 _jejak_padat.sql
n=600000
sql "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < $n)
INSERT INTO audit (waktu, pengguna, aksi, pasien_id, baru)
SELECT unixepoch('2026-01-01') + i, 'petugas' || (i % 7), 'SIMPAN', i % 5000,
       '27+' || i || char(10) || '34~' || i || ' 5=NULL>''2026-11-21''' FROM c"
rss=$(peak_rss "$PKM_BIN" --db "$DB" report lb1 --month 2026-11)
[ "$(sql "PRAGMA user_version")" -ge 20 ] || die "not migrated"
[ "$(sql "SELECT count(*) FROM audit WHERE aksi IS NULL AND typeof(baru) = 'blob'")" = $n ] || die "not every save packed"
[ "$(sql "SELECT count(*) FROM audit_nama")" = 7 ] || die "names"
[ "$(sql "PRAGMA integrity_check")" = ok ] || die "integrity"
echo "peak RSS ${rss} KB migrating $n saves"
[ -n "${PKM_SANITIZED:-}" ] || [ "$rss" -lt 20480 ] || die "peak RSS $rss KB (limit 20 MB)"
echo ok
