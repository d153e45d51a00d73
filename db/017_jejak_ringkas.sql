-- A compact audit trail: one row per save instead of one per changed row, so
-- at five years the trail is a fraction of the database rather than three
-- quarters of it. The content is the same (who, when, which row, old and new
-- values); what changed is how it is written:
--   * an inserted row is named, not copied: its values are the row itself, and
--     every later change or delete records the values it replaced;
--   * the time is seconds of the local clock (datetime(waktu, 'unixepoch')
--     shows it), not 19 characters of text;
--   * a table and its columns are named by a small code (audit_tabel) and
--     the column's place, not their names per change;
--   * a batch's balance that agrees with its movements is told by them.
-- Rows written before this migration keep their layout (aksi TAMBAH, UBAH,
-- HAPUS with tabel, lama, baru); only their time is converted.
--
-- A save (aksi SIMPAN) has in `baru` one line per changed row (src/audit.c):
--   K+R               row R of table K was inserted
--   K~R N=lama>baru   row R changed; each changed column N, values as quote()
--   K-R N=lama        row R was deleted; every non-NULL column
-- (N counts the columns of the code K, from 0: audit_tabel.kolom)
-- The per-table triggers hand each change to the view audit_ubah; its trigger
-- gathers a transaction's changes in audit_kumpul, one patient at a time, and
-- the row is written when pkm removes pelaku before COMMIT (or when the next
-- change is another patient's). A change made outside pkm (no pelaku) is a save
-- of its own.

CREATE TABLE audit_tabel (
  kode   INTEGER PRIMARY KEY,
  nama   TEXT NOT NULL,
  kolom  TEXT NOT NULL,          -- its columns, space-separated: N in a line is the Nth, from 0
  UNIQUE (nama, kolom)
) STRICT;

-- A batch's balance is the sum of its movements; the trail records a balance
-- only when it is not (src/audit.c), and this index adds them up without
-- reading the movements themselves.
DROP INDEX mutasi_batch;
CREATE INDEX mutasi_batch ON mutasi(batch_id, tanggal, jumlah);

-- Renaming first points the old triggers at the old table; pkm re-makes them
-- for the new one right after the migrations (audit_install).
ALTER TABLE audit RENAME TO audit_lama;
CREATE TABLE audit (
  id         INTEGER PRIMARY KEY,
  waktu      INTEGER NOT NULL DEFAULT (unixepoch('now', 'localtime')),
  pengguna   TEXT,
  aksi       TEXT NOT NULL CHECK (aksi IN ('SIMPAN', 'TAMBAH', 'UBAH', 'HAPUS', 'MASUK', 'GAGAL', 'EKSPOR',
                                           'GABUNG')),
  tabel      TEXT,
  baris      INTEGER,
  sampai     INTEGER,
  pasien_id  INTEGER,
  lama       TEXT,
  baru       TEXT
) STRICT;
INSERT INTO audit (id, waktu, pengguna, aksi, tabel, baris, sampai, pasien_id, lama, baru)
SELECT id, unixepoch(waktu), pengguna, aksi, tabel, baris, sampai, pasien_id, lama, baru FROM audit_lama ORDER BY id;
DROP TABLE audit_lama;
CREATE INDEX audit_impor ON audit(baris) WHERE sampai IS NOT NULL;

CREATE TRIGGER audit_tetap BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'jejak audit tidak dapat diubah'); END;
CREATE TRIGGER audit_tidak_dihapus BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'jejak audit tidak dapat dihapus'); END;
CREATE TRIGGER audit_id_baru BEFORE INSERT ON audit
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'jejak audit tidak dapat ditimpa'); END;
-- The lowest and highest id of each day's rows, so a filter by date reads those
-- rows only (an index on waktu would be an eighth of the trail). A range only
-- widens: rows written on a clock set back still fall inside their day's.
CREATE TABLE audit_hari (
  hari   INTEGER PRIMARY KEY,   -- waktu / 86400
  awal   INTEGER NOT NULL,
  akhir  INTEGER NOT NULL
) STRICT;
INSERT INTO audit_hari (hari, awal, akhir) SELECT waktu / 86400, min(id), max(id) FROM audit GROUP BY 1;
-- The days each patient has rows on: a patient's trail is read day by day
-- within those days' ranges (an index on pasien_id, an entry per save, was a
-- fifth of the trail).
CREATE TABLE audit_pasien_hari (
  pasien_id  INTEGER NOT NULL,
  hari       INTEGER NOT NULL,
  PRIMARY KEY (pasien_id, hari)
) STRICT, WITHOUT ROWID;
INSERT OR IGNORE INTO audit_pasien_hari (pasien_id, hari)
SELECT pasien_id, waktu / 86400 FROM audit WHERE pasien_id IS NOT NULL;
CREATE TRIGGER audit_hari_catat AFTER INSERT ON audit
BEGIN
UPDATE audit_hari SET awal = min(awal, NEW.id), akhir = max(akhir, NEW.id) WHERE hari = NEW.waktu / 86400;
INSERT INTO audit_hari (hari, awal, akhir) SELECT NEW.waktu / 86400, NEW.id, NEW.id
WHERE NOT EXISTS (SELECT 1 FROM audit_hari WHERE hari = NEW.waktu / 86400);
INSERT INTO audit_pasien_hari (pasien_id, hari) SELECT NEW.pasien_id, NEW.waktu / 86400
WHERE NEW.pasien_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM audit_pasien_hari
WHERE pasien_id = NEW.pasien_id AND hari = NEW.waktu / 86400);
END;
CREATE TRIGGER audit_pasien_hari_tetap BEFORE UPDATE ON audit_pasien_hari
BEGIN SELECT RAISE(ABORT, 'hari pasien jejak audit tidak dapat diubah'); END;
CREATE TRIGGER audit_pasien_hari_tidak_dihapus BEFORE DELETE ON audit_pasien_hari
BEGIN SELECT RAISE(ABORT, 'hari pasien jejak audit tidak dapat dihapus'); END;
CREATE TRIGGER audit_hari_melebar BEFORE UPDATE ON audit_hari
WHEN NEW.hari IS NOT OLD.hari OR NEW.awal > OLD.awal OR NEW.akhir < OLD.akhir
BEGIN SELECT RAISE(ABORT, 'rentang hari jejak audit hanya dapat melebar'); END;
CREATE TRIGGER audit_hari_tetap BEFORE DELETE ON audit_hari
BEGIN SELECT RAISE(ABORT, 'rentang hari jejak audit tidak dapat dihapus'); END;
-- A code names its table for good: the trail's old rows read through it.
CREATE TRIGGER audit_tabel_tetap BEFORE UPDATE ON audit_tabel
BEGIN SELECT RAISE(ABORT, 'kode tabel jejak audit tidak dapat diubah'); END;
CREATE TRIGGER audit_tabel_tidak_dihapus BEFORE DELETE ON audit_tabel
BEGIN SELECT RAISE(ABORT, 'kode tabel jejak audit tidak dapat dihapus'); END;

-- The save being gathered: rows only inside a pkm transaction (pelaku is
-- there), removed when the save is written. (No OR IGNORE or upsert in these
-- triggers: the conflict clause of the statement that fires them would win.)
CREATE TABLE audit_kumpul (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  pasien  INTEGER,
  isi     TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_kumpul_pkm BEFORE INSERT ON audit_kumpul
WHEN NOT EXISTS (SELECT 1 FROM pelaku)
BEGIN SELECT RAISE(ABORT, 'jejak audit dikumpulkan oleh pkm saja'); END;

CREATE VIEW audit_ubah (pasien, isi) AS SELECT NULL, NULL WHERE 0;
CREATE TRIGGER audit_ubah_catat INSTEAD OF INSERT ON audit_ubah
BEGIN
INSERT INTO audit (aksi, pasien_id, baru) SELECT 'SIMPAN', NEW.pasien, NEW.isi WHERE NOT EXISTS (SELECT 1 FROM pelaku);
INSERT INTO audit (pengguna, aksi, pasien_id, baru) SELECT (SELECT pengguna FROM pelaku), 'SIMPAN', pasien, isi
FROM audit_kumpul WHERE NEW.pasien IS NOT NULL AND pasien IS NOT NEW.pasien;
UPDATE audit_kumpul SET isi = iif(NEW.pasien IS NOT NULL AND pasien IS NOT NEW.pasien, NEW.isi,
isi || char(10) || NEW.isi), pasien = coalesce(NEW.pasien, pasien);
INSERT INTO audit_kumpul (id, pasien, isi) SELECT 1, NEW.pasien, NEW.isi
WHERE EXISTS (SELECT 1 FROM pelaku) AND NOT EXISTS (SELECT 1 FROM audit_kumpul);
END;
CREATE TRIGGER audit_simpan BEFORE DELETE ON pelaku
BEGIN
INSERT INTO audit (pengguna, aksi, pasien_id, baru) SELECT OLD.pengguna, 'SIMPAN', pasien, isi FROM audit_kumpul;
DELETE FROM audit_kumpul;
END;

-- The schema version pkm last found the trail's triggers current at: an open
-- with the same version skips making every table's triggers again to compare
-- (most of an open's time); the guards are compared at every open. Only pkm
-- writes it.
CREATE TABLE audit_skema (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  versi  INTEGER NOT NULL
) STRICT;
CREATE TRIGGER audit_skema_pkm BEFORE INSERT ON audit_skema
WHEN pkm_sesi() IS NOT 1
BEGIN SELECT RAISE(ABORT, 'versi skema jejak audit hanya ditulis oleh pkm'); END;
CREATE TRIGGER audit_skema_tetap BEFORE UPDATE ON audit_skema
WHEN pkm_sesi() IS NOT 1
BEGIN SELECT RAISE(ABORT, 'versi skema jejak audit hanya ditulis oleh pkm'); END;
-- The statistics table exists from here on: PRAGMA optimize making it later
-- would change the schema version once more and the next open would write.
ANALYZE audit_skema;
