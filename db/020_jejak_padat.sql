-- The audit trail packed further, so that at five years it is at most a
-- quarter of the database with the same content (who, when, which row, old
-- and new values):
--   * a save's lines (db/017) are packed by pkm_ringkas (src/audit_pack.c):
--     codes, rows and numbers as varints, texts with their length instead of
--     quotes, no separators; what would not unpack to the same bytes stays
--     text. pkm_jejak gives them back as text (pkm audit, the viewer);
--   * the writer is a code in audit_nama, given when a name first writes,
--     not the name again on every row;
--   * a save has no aksi (NULL): the other rows name their event.
-- pkm_ringkas exists only in pkm's connections, and only the save pkm writes
-- calls it: a change made in the sqlite3 shell is still recorded, as text.
-- A transaction's changes are gathered one patient at a time in audit_kumpul
-- and all written when pkm removes pelaku before COMMIT, in order.
CREATE TABLE audit_nama (
  kode  INTEGER PRIMARY KEY,
  nama  TEXT NOT NULL UNIQUE
) STRICT;
-- in the order of first writing, read in id order (no sort of every row: the
-- names are few, the rows millions at five years)
INSERT OR IGNORE INTO audit_nama (nama) SELECT pengguna FROM audit WHERE pengguna IS NOT NULL ORDER BY id;

-- The triggers that name the trail's tables go first; they come back below as
-- src/audit.c has them (pkm compares them at every open).
DROP TRIGGER audit_ubah_catat;
DROP TRIGGER audit_simpan;
DROP TABLE audit_kumpul;
CREATE TABLE audit_kumpul (
  id      INTEGER PRIMARY KEY,   -- one per patient, in order
  pasien  INTEGER,
  isi     TEXT NOT NULL
) STRICT;

-- legacy renaming: the triggers of a database upgraded from before 017 name
-- tables that are gone, and are made again only after the migrations
PRAGMA legacy_alter_table = ON;
CREATE TABLE audit_baru (
  id         INTEGER PRIMARY KEY,
  waktu      INTEGER NOT NULL DEFAULT (unixepoch('now', 'localtime')),
  pengguna   INTEGER,           -- audit_nama.kode; NULL: written outside pkm
  aksi       TEXT CHECK (aksi IN ('TAMBAH', 'UBAH', 'HAPUS', 'MASUK', 'GAGAL', 'EKSPOR', 'GABUNG')),  -- NULL: a save
  tabel      TEXT,
  baris      INTEGER,
  sampai     INTEGER,
  pasien_id  INTEGER,
  lama       TEXT,
  baru       ANY                -- a save's lines, packed (a blob) or as text
) STRICT;
INSERT INTO audit_baru (id, waktu, pengguna, aksi, tabel, baris, sampai, pasien_id, lama, baru)
SELECT a.id, a.waktu, n.kode, nullif(a.aksi, 'SIMPAN'), a.tabel, a.baris, a.sampai, a.pasien_id, a.lama,
       iif(a.aksi = 'SIMPAN', pkm_ringkas(a.baru), a.baru)
FROM audit a LEFT JOIN audit_nama n ON n.nama = a.pengguna ORDER BY a.id;
DROP TABLE audit;
ALTER TABLE audit_baru RENAME TO audit;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX audit_impor ON audit(baris) WHERE sampai IS NOT NULL;

CREATE TRIGGER audit_tetap BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'jejak audit tidak dapat diubah'); END;
CREATE TRIGGER audit_tidak_dihapus BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'jejak audit tidak dapat dihapus'); END;
CREATE TRIGGER audit_id_baru BEFORE INSERT ON audit
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'jejak audit tidak dapat ditimpa'); END;
CREATE TRIGGER audit_hari_catat AFTER INSERT ON audit
BEGIN
UPDATE audit_hari SET awal = min(awal, NEW.id), akhir = max(akhir, NEW.id) WHERE hari = NEW.waktu / 86400;
INSERT INTO audit_hari (hari, awal, akhir) SELECT NEW.waktu / 86400, NEW.id, NEW.id
WHERE NOT EXISTS (SELECT 1 FROM audit_hari WHERE hari = NEW.waktu / 86400);
INSERT INTO audit_pasien_hari (pasien_id, hari) SELECT NEW.pasien_id, NEW.waktu / 86400
WHERE NEW.pasien_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM audit_pasien_hari
WHERE pasien_id = NEW.pasien_id AND hari = NEW.waktu / 86400);
END;
CREATE TRIGGER audit_nama_catat AFTER INSERT ON pelaku
BEGIN INSERT INTO audit_nama (nama) SELECT NEW.pengguna
WHERE NOT EXISTS (SELECT 1 FROM audit_nama WHERE nama = NEW.pengguna); END;
CREATE TRIGGER audit_nama_tetap BEFORE UPDATE ON audit_nama
BEGIN SELECT RAISE(ABORT, 'nama pelaku jejak audit tidak dapat diubah'); END;
CREATE TRIGGER audit_nama_tidak_dihapus BEFORE DELETE ON audit_nama
BEGIN SELECT RAISE(ABORT, 'nama pelaku jejak audit tidak dapat dihapus'); END;
CREATE TRIGGER audit_kumpul_pkm BEFORE INSERT ON audit_kumpul
WHEN NOT EXISTS (SELECT 1 FROM pelaku)
BEGIN SELECT RAISE(ABORT, 'jejak audit dikumpulkan oleh pkm saja'); END;
CREATE TRIGGER audit_ubah_catat INSTEAD OF INSERT ON audit_ubah
BEGIN
INSERT INTO audit (pasien_id, baru) SELECT NEW.pasien, NEW.isi WHERE NOT EXISTS (SELECT 1 FROM pelaku);
UPDATE audit_kumpul SET isi = isi || char(10) || NEW.isi
WHERE id = (SELECT max(id) FROM audit_kumpul) AND (NEW.pasien IS NULL OR pasien IS NEW.pasien);
INSERT INTO audit_kumpul (pasien, isi) SELECT NEW.pasien, NEW.isi WHERE EXISTS (SELECT 1 FROM pelaku)
AND NOT EXISTS (SELECT 1 FROM audit_kumpul WHERE id = (SELECT max(id) FROM audit_kumpul)
AND (NEW.pasien IS NULL OR pasien IS NEW.pasien));
END;
CREATE TRIGGER audit_simpan BEFORE DELETE ON pelaku
BEGIN
INSERT INTO audit (pengguna, pasien_id, baru) SELECT (SELECT kode FROM audit_nama WHERE nama = OLD.pengguna),
pasien, pkm_ringkas(isi) FROM audit_kumpul ORDER BY id;
DELETE FROM audit_kumpul;
END;
