-- The data dictionary (kamus data): one row per column that a screen, an import
-- or a report reads. Type, limits, choices and help text live here once; a new
-- programme adds its table and its rows in one migration, no C change.
--   jenis    how the value is typed and checked (see README, "Kamus data")
--   panjang  teks: most characters
--   min/max  bulat, desimal: the allowed range
--   pilihan  pilihan: 'KODE=Label;KODE=Label' in display order
--   rumus    hitung: formula name and the fields it reads, e.g. 'imt bb tb'
CREATE TABLE kamus (
  tabel    TEXT NOT NULL CHECK (tabel GLOB '[a-z]*' AND tabel NOT GLOB '*[^a-z0-9_]*'),
  kolom    TEXT NOT NULL CHECK (kolom GLOB '[a-z]*' AND kolom NOT GLOB '*[^a-z0-9_]*'),
  jenis    TEXT NOT NULL CHECK (jenis IN ('teks', 'rm', 'nik', 'bpjs', 'tanggal', 'jam', 'bulat',
                                          'desimal', 'jk', 'unit', 'penjamin', 'icd10', 'kasus',
                                          'pilihan', 'ya_tidak', 'tensi', 'hitung')),
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

INSERT INTO kamus (tabel, kolom, jenis, wajib, panjang, min, max, label, bantuan) VALUES
 ('pasien', 'no_rm', 'rm', 0, 20, NULL, NULL, 'No. RM', 'Nomor rekam medis; kosongkan agar dibuat otomatis'),
 ('pasien', 'nama', 'teks', 1, 100, NULL, NULL, 'Nama lengkap', 'Nama sesuai KTP/KK'),
 ('pasien', 'jenis_kelamin', 'jk', 1, NULL, NULL, NULL, 'Jenis kelamin', 'L = laki-laki, P = perempuan'),
 ('pasien', 'tanggal_lahir', 'tanggal', 0, NULL, NULL, NULL, 'Tanggal lahir',
  'DD-MM-YYYY; kosongkan dan isi umur bila tidak diketahui'),
 ('pasien', 'umur', 'bulat', 0, NULL, 0, 130, 'Umur (tahun)',
  'Hanya bila tanggal lahir tidak diketahui: tanggal lahir diperkirakan 1 Juli'),
 ('pasien', 'nik', 'nik', 0, NULL, NULL, NULL, 'NIK', '16 digit Nomor Induk Kependudukan'),
 ('pasien', 'no_bpjs', 'bpjs', 0, NULL, NULL, NULL, 'No. BPJS', '13 digit nomor kartu JKN-KIS'),
 ('pasien', 'penjamin', 'penjamin', 1, NULL, NULL, NULL, 'Penjamin', 'Cara bayar: Spasi untuk memilih'),
 ('pasien', 'alamat', 'teks', 0, 190, NULL, NULL, 'Alamat', 'Jalan, RT/RW'),
 ('pasien', 'desa', 'teks', 0, 60, NULL, NULL, 'Desa/kelurahan', 'Desa atau kelurahan'),
 ('kunjungan', 'tanggal', 'tanggal', 1, NULL, NULL, NULL, 'Tanggal', 'Tanggal pelayanan'),
 ('kunjungan', 'unit', 'unit', 1, NULL, NULL, NULL, 'Unit', 'Klaster atau unit tujuan: Spasi untuk memilih'),
 ('kunjungan', 'penjamin', 'penjamin', 1, NULL, NULL, NULL, 'Penjamin', 'Cara bayar kunjungan ini'),
 ('diagnosis', 'icd10', 'icd10', 1, NULL, NULL, NULL, 'ICD-10', 'Kode ICD-10, mis. J06.9'),
 ('diagnosis', 'kasus', 'kasus', 0, NULL, NULL, NULL, 'Kasus', 'B = baru, L = lama, K = kunjungan kasus lama');
