-- More identity (issue: the record over time): No. HP, the mother's name (babies
-- and children are registered and found by it), No. KK and RT/RW. The
-- dictionary learns three kinds of value to check them: hp, kk, rtrw.
CREATE TABLE kamus_baru (
  tabel    TEXT NOT NULL CHECK (tabel GLOB '[a-z]*' AND tabel NOT GLOB '*[^a-z0-9_]*'),
  kolom    TEXT NOT NULL CHECK (kolom GLOB '[a-z]*' AND kolom NOT GLOB '*[^a-z0-9_]*'),
  jenis    TEXT NOT NULL CHECK (jenis IN ('teks', 'rm', 'nik', 'bpjs', 'tanggal', 'jam', 'bulat',
                                          'desimal', 'jk', 'unit', 'penjamin', 'icd10', 'kasus',
                                          'pilihan', 'ya_tidak', 'tensi', 'hitung', 'hp', 'kk', 'rtrw')),
  label    TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 60),
  bantuan  TEXT NOT NULL DEFAULT '' CHECK (length(bantuan) <= 190),
  wajib    INTEGER NOT NULL DEFAULT 0 CHECK (wajib IN (0, 1)),
  panjang  INTEGER CHECK (panjang IS NULL OR panjang BETWEEN 1 AND 250),
  min      REAL,
  max      REAL,
  pilihan  TEXT CHECK (pilihan IS NULL OR length(pilihan) <= 1000),
  rumus    TEXT CHECK (rumus IS NULL OR length(rumus) <= 250),
  satuan   TEXT NOT NULL DEFAULT '' CHECK (length(satuan) <= 10),
  PRIMARY KEY (tabel, kolom),
  CHECK (jenis <> 'pilihan' OR pilihan IS NOT NULL),
  CHECK (jenis <> 'hitung' OR rumus IS NOT NULL),
  CHECK (jenis <> 'teks' OR panjang IS NOT NULL)
) STRICT;
INSERT INTO kamus_baru SELECT tabel, kolom, jenis, label, bantuan, wajib, panjang, min, max, pilihan, rumus, satuan
  FROM kamus;
DROP TABLE kamus;
ALTER TABLE kamus_baru RENAME TO kamus;

ALTER TABLE pasien ADD COLUMN no_hp TEXT NOT NULL DEFAULT '' CHECK (no_hp = '' OR no_hp GLOB '08[0-9]*');
ALTER TABLE pasien ADD COLUMN nama_ibu TEXT NOT NULL DEFAULT '';
ALTER TABLE pasien ADD COLUMN no_kk TEXT
  CHECK (no_kk IS NULL OR (length(no_kk) = 16 AND no_kk NOT GLOB '*[^0-9]*'));
ALTER TABLE pasien ADD COLUMN rt_rw TEXT NOT NULL DEFAULT '' CHECK (rt_rw = '' OR rt_rw GLOB '[0-9][0-9][0-9]/[0-9][0-9][0-9]');
-- a family's members by its card
CREATE INDEX pasien_kk ON pasien(no_kk) WHERE no_kk IS NOT NULL;

INSERT INTO kamus (tabel, kolom, jenis, wajib, panjang, label, bantuan) VALUES
 ('pasien', 'rt_rw', 'rtrw', 0, NULL, 'RT/RW', 'Dua angka, mis. 003/005 atau 3/5'),
 ('pasien', 'no_kk', 'kk', 0, NULL, 'No. KK', '16 digit nomor Kartu Keluarga'),
 ('pasien', 'no_hp', 'hp', 0, NULL, 'No. HP', 'Nomor HP pasien atau keluarga, mis. 081234567890'),
 ('pasien', 'nama_ibu', 'teks', 0, 100, 'Nama ibu kandung',
  'Untuk bayi dan anak: dicari dengan "ibu <nama>" di layar pendaftaran');
-- the address line no longer holds RT/RW
UPDATE kamus SET bantuan = 'Jalan, dusun atau blok' WHERE tabel = 'pasien' AND kolom = 'alamat';
