-- Patient search by the words of a name without reading every patient: one row
-- per (word of nama_cari, patient), written by patient_insert. The search counts
-- how many patients a typed word prefix matches and drives from here when few do,
-- from the name-ordered index (stopping at one screenful) when many do.
CREATE TABLE pasien_kata (
  kata       TEXT NOT NULL,
  pasien_id  INTEGER NOT NULL REFERENCES pasien(id) ON DELETE CASCADE,
  PRIMARY KEY (kata, pasien_id)
) STRICT, WITHOUT ROWID;
-- (no index by pasien_id: patients are never deleted in daily work, and every
-- index more slows each registration and import)

WITH RECURSIVE w(id, rest, word) AS (
  SELECT id, nama_cari || ' ', '' FROM pasien
  UNION ALL
  SELECT id, substr(rest, instr(rest, ' ') + 1), substr(rest, 1, instr(rest, ' ') - 1) FROM w WHERE rest <> ''
)
INSERT OR IGNORE INTO pasien_kata (kata, pasien_id) SELECT word, id FROM w WHERE word <> '';

-- results are listed by name then birth date: the index gives that order
DROP INDEX pasien_nama;
CREATE INDEX pasien_nama ON pasien(nama_cari, tanggal_lahir);
