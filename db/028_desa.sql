-- The working area (issue 33): the villages of the puskesmas' area by their
-- Kemendagri code, their yearly target populations, and each patient's village
-- as a code beside the free text typed before there was a master.
--   kode           Kemendagri village code, 10 digits without dots (32.04.10.2001
--                  is written 3204102001; imports accept either)
--   wilayah        1 = in the working area, 0 = a neighbouring village people
--                  come from (counted as "luar wilayah")
-- A patient's village:
--   desa_kode set                       that village (in the area or not)
--   desa_kode NULL, desa_luar = 1       typed at the desk as outside the area
--   desa_kode NULL, desa_luar = 0       free text not mapped yet (pasien.desa
--                                       keeps the text either way)
CREATE TABLE desa (
  kode      TEXT PRIMARY KEY CHECK (length(kode) = 10 AND kode NOT GLOB '*[^0-9]*'),
  nama      TEXT NOT NULL CHECK (length(nama) BETWEEN 1 AND 60),
  nama_cari TEXT NOT NULL,
  wilayah   INTEGER NOT NULL DEFAULT 1 CHECK (wilayah IN (0, 1)),
  pustu     TEXT NOT NULL DEFAULT '' CHECK (length(pustu) <= 60),
  posyandu  TEXT NOT NULL DEFAULT '' CHECK (length(posyandu) <= 200)
) STRICT;

ALTER TABLE pasien ADD COLUMN desa_kode TEXT REFERENCES desa(kode);
ALTER TABLE pasien ADD COLUMN desa_luar INTEGER NOT NULL DEFAULT 0 CHECK (desa_luar IN (0, 1));
CREATE INDEX pasien_desa ON pasien(desa_kode);

-- The district's yearly estimates per village (pkm impor sasaran TAHUN FILE);
-- [sasaran] in pkm.ini stays the whole puskesmas' fallback.
CREATE TABLE sasaran (
  tahun     INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
  desa_kode TEXT NOT NULL REFERENCES desa(kode),
  jenis     TEXT NOT NULL CHECK (jenis IN ('bumil', 'bulin', 'bayi', 'baduta', 'balita', 'remaja_putri',
                                           'usia_produktif', 'lansia', 'pus', 'hipertensi', 'dm', 'odgj',
                                           'tb')),
  jumlah    INTEGER NOT NULL CHECK (jumlah >= 0),
  PRIMARY KEY (tahun, desa_kode, jenis)
) STRICT, WITHOUT ROWID;

CREATE INDEX desa_nama ON desa(nama_cari);

INSERT INTO kamus (tabel, kolom, jenis, wajib, panjang, label, bantuan) VALUES
 ('desa', 'kode', 'teks', 1, 13, 'Kode desa', 'Kode Kemendagri 10 angka, boleh bertitik: 32.04.10.2001'),
 ('desa', 'nama', 'teks', 1, 60, 'Nama desa', 'Desa atau kelurahan, mis. Sukamaju'),
 ('desa', 'wilayah', 'ya_tidak', 1, NULL, 'Wilayah kerja', 'Y = di wilayah kerja, T = desa tetangga (luar wilayah)'),
 ('desa', 'pustu', 'teks', 0, 60, 'Pustu', 'Puskesmas pembantu desa ini, boleh kosong'),
 ('desa', 'posyandu', 'teks', 0, 200, 'Posyandu', 'Nama posyandu, dipisah koma, boleh kosong'),
 ('pasien', 'desa_kode', 'teks', 0, 10, 'Kode desa', 'Kode Kemendagri desa pasien dari daftar desa; kosong bila belum dipetakan'),
 ('pasien', 'desa_luar', 'ya_tidak', 0, NULL, 'Luar wilayah', 'Y = desa yang diketik tidak ada di daftar desa wilayah kerja');

UPDATE kamus SET bantuan = 'Desa/kelurahan; bila ada daftar desa: ketik awal nama lalu Tab untuk memilih'
 WHERE tabel = 'pasien' AND kolom = 'desa';
