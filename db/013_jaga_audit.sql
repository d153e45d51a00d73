-- The trail holds against the shell too (see src/audit.c, which re-makes
-- every guard below at each start and records any it found missing).
-- REPLACE INTO audit with an existing id would rewrite that row: SQLite fires
-- no delete trigger for REPLACE, so the insert itself is refused.
CREATE TRIGGER audit_id_baru BEFORE INSERT ON audit
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'jejak audit tidak dapat ditimpa'); END;
-- Only pkm names the writer: pkm_sesi() exists on pkm's own connections only,
-- so a row put into pelaku from elsewhere is refused.
CREATE TRIGGER pelaku_hanya_pkm BEFORE INSERT ON pelaku
WHEN pkm_sesi() IS NOT 1
BEGIN SELECT RAISE(ABORT, 'pelaku hanya ditulis oleh pkm'); END;
CREATE TRIGGER pelaku_tetap BEFORE UPDATE ON pelaku
WHEN pkm_sesi() IS NOT 1
BEGIN SELECT RAISE(ABORT, 'pelaku hanya ditulis oleh pkm'); END;

-- What the administrator must be told at the next log-in: a guard of the
-- trail found missing, ids missing from the trail.
CREATE TABLE peringatan (
  id      INTEGER PRIMARY KEY,
  waktu   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
  pesan   TEXT NOT NULL CHECK (length(pesan) <= 1000),
  dibaca  INTEGER NOT NULL DEFAULT 0 CHECK (dibaca IN (0, 1))
) STRICT;

-- A bulk import names its file here for the length of its transaction: the
-- per-row triggers stand aside and one trail row tells the file and the rows
-- it made (src/sheet.c).
ALTER TABLE pelaku ADD COLUMN impor TEXT;
-- That one row names the ids the import made, baris to sampai (consecutive in
-- one transaction), so a patient's trail still shows where the record came from.
ALTER TABLE audit ADD COLUMN sampai INTEGER;
CREATE INDEX audit_impor ON audit(baris) WHERE sampai IS NOT NULL;
