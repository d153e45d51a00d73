-- A monthly report signed off (issue 32): who signed it and when, the SHA-256
-- over its data cells (the --format data lines "baris,kolom,nilai" sorted
-- bytewise, each ending in a newline, the header left out), and the cells as
-- signed, so a later print can say which changed. Signing again adds the next
-- version; every version stays.
CREATE TABLE laporan_final (
  id      INTEGER PRIMARY KEY,
  laporan TEXT NOT NULL CHECK (laporan NOT GLOB '*[^a-z0-9_]*' AND length(laporan) BETWEEN 1 AND 32),
  bulan   TEXT NOT NULL CHECK (bulan GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  versi   INTEGER NOT NULL CHECK (versi >= 1),
  oleh    TEXT NOT NULL,             -- the pkm user (as the trail names writers)
  nama    TEXT NOT NULL CHECK (length(nama) BETWEEN 1 AND 60),  -- the name printed
  waktu   TEXT NOT NULL,             -- YYYY-MM-DD HH:MM:SS, local clock
  sidik   TEXT NOT NULL CHECK (length(sidik) = 64 AND sidik NOT GLOB '*[^0-9a-f]*'),
  UNIQUE (laporan, bulan, versi)
) STRICT;

CREATE TABLE laporan_final_sel (
  id       INTEGER PRIMARY KEY,
  final_id INTEGER NOT NULL REFERENCES laporan_final(id),
  baris    TEXT NOT NULL,
  kolom    TEXT NOT NULL,
  nilai    TEXT NOT NULL,
  UNIQUE (final_id, baris, kolom)
) STRICT;

-- What was signed stays as signed: a correction is a new version.
CREATE TRIGGER laporan_final_tetap BEFORE UPDATE ON laporan_final
BEGIN SELECT RAISE(ABORT, 'laporan final tidak dapat diubah; tandatangani ulang sebagai versi baru'); END;
CREATE TRIGGER laporan_final_tetap_hapus BEFORE DELETE ON laporan_final
BEGIN SELECT RAISE(ABORT, 'laporan final tidak dapat dihapus'); END;
CREATE TRIGGER laporan_final_sel_tetap BEFORE UPDATE ON laporan_final_sel
BEGIN SELECT RAISE(ABORT, 'sel laporan final tidak dapat diubah'); END;
CREATE TRIGGER laporan_final_sel_tetap_hapus BEFORE DELETE ON laporan_final_sel
BEGIN SELECT RAISE(ABORT, 'sel laporan final tidak dapat dihapus'); END;
