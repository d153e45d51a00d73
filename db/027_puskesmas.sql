-- The puskesmas' identity that reports print (kop and signature block), one row
-- shared by every desk. [puskesmas] in pkm.ini stays the default for a field
-- left empty here (src/puskesmas.c).
CREATE TABLE puskesmas (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  nama        TEXT NOT NULL DEFAULT '' CHECK (length(nama) <= 60),
  kode        TEXT NOT NULL DEFAULT '' CHECK (kode = '' OR (kode GLOB 'P[0-9]*' AND length(kode) = 11
                                                           AND substr(kode, 2) NOT GLOB '*[^0-9]*')),
  alamat      TEXT NOT NULL DEFAULT '' CHECK (length(alamat) <= 100),
  kecamatan   TEXT NOT NULL DEFAULT '' CHECK (length(kecamatan) <= 60),
  kabupaten   TEXT NOT NULL DEFAULT '' CHECK (length(kabupaten) <= 60),
  kepala      TEXT NOT NULL DEFAULT '' CHECK (length(kepala) <= 60),
  nip_kepala  TEXT NOT NULL DEFAULT '' CHECK (nip_kepala = '' OR (length(nip_kepala) = 18
                                                               AND nip_kepala NOT GLOB '*[^0-9]*')),
  petugas     TEXT NOT NULL DEFAULT '' CHECK (length(petugas) <= 60),
  nip_petugas TEXT NOT NULL DEFAULT '' CHECK (nip_petugas = '' OR (length(nip_petugas) = 18
                                                                 AND nip_petugas NOT GLOB '*[^0-9]*'))
) STRICT;

INSERT INTO kamus (tabel, kolom, jenis, wajib, panjang, label, bantuan) VALUES
 ('puskesmas', 'nama', 'teks', 1, 60, 'Nama puskesmas', 'Seperti di kop laporan, mis. PUSKESMAS SUKAMAJU'),
 ('puskesmas', 'kode', 'teks', 0, 11, 'Kode puskesmas', 'Kode Kemenkes: P dan 10 angka, mis. P3204100101'),
 ('puskesmas', 'alamat', 'teks', 0, 100, 'Alamat', 'Jalan dan nomor, desa/kelurahan'),
 ('puskesmas', 'kecamatan', 'teks', 0, 60, 'Kecamatan', 'Juga tempat pada tanda tangan laporan'),
 ('puskesmas', 'kabupaten', 'teks', 0, 60, 'Kabupaten/kota', 'Mis. Bandung'),
 ('puskesmas', 'kepala', 'teks', 0, 60, 'Kepala puskesmas', 'Nama lengkap dengan gelar, untuk tanda tangan'),
 ('puskesmas', 'nip_kepala', 'teks', 0, 18, 'NIP kepala', '18 angka tanpa spasi; kosong bila bukan ASN'),
 ('puskesmas', 'petugas', 'teks', 0, 60, 'Petugas pelaporan', 'Nama lengkap, untuk tanda tangan'),
 ('puskesmas', 'nip_petugas', 'teks', 0, 18, 'NIP petugas', '18 angka tanpa spasi; kosong bila bukan ASN');
