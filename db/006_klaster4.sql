-- Form tables and their dictionary rows: Klaster 4 (penanggulangan penyakit menular). One row per visit per form;
-- each form in forms/ names its table and columns; types, limits and choices
-- are the kamus rows below.

-- Skrining dan penemuan TB (forms/k4_tb.ini)
CREATE TABLE f_tb (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  batuk INTEGER CHECK (batuk IN (0, 1)),
  demam INTEGER CHECK (demam IN (0, 1)),
  keringat_malam INTEGER CHECK (keringat_malam IN (0, 1)),
  bb_turun INTEGER CHECK (bb_turun IN (0, 1)),
  kontak_tb INTEGER CHECK (kontak_tb IN (0, 1)),
  terduga INTEGER CHECK (terduga IN (0, 1)),
  pemeriksaan TEXT,
  hasil_tcm TEXT,
  terkonfirmasi INTEGER CHECK (terkonfirmasi IN (0, 1)),
  mulai_pengobatan TEXT,
  kontak_diinvestigasi INTEGER
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_tb', 'batuk', 'ya_tidak', 1, 'Batuk 2 minggu atau lebih', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_tb', 'demam', 'ya_tidak', 0, 'Demam lama', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_tb', 'keringat_malam', 'ya_tidak', 0, 'Berkeringat malam', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_tb', 'bb_turun', 'ya_tidak', 0, 'Berat badan turun', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_tb', 'kontak_tb', 'ya_tidak', 0, 'Kontak serumah pasien TB', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_tb', 'terduga', 'ya_tidak', 1, 'Terduga TB', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_tb', 'pemeriksaan', 'pilihan', 0, 'Pemeriksaan', '', NULL, NULL, NULL, 'TCM=Tes cepat molekuler (TCM);BTA=Mikroskopis BTA;RONTGEN=Foto toraks', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_tb', 'hasil_tcm', 'pilihan', 0, 'Hasil TCM', '', NULL, NULL, NULL, 'NEG=MTB tidak terdeteksi;SENSITIF=MTB terdeteksi, Rif sensitif;RESISTEN=MTB terdeteksi, Rif resisten;GAGAL=Tidak valid/gagal;BELUM=Belum ada hasil', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_tb', 'terkonfirmasi', 'ya_tidak', 0, 'TB terkonfirmasi', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_tb', 'mulai_pengobatan', 'tanggal', 0, 'Mulai pengobatan OAT', '', NULL, NULL, NULL, NULL, NULL, 'DD-MM-YYYY'),
 ('f_tb', 'kontak_diinvestigasi', 'bulat', 0, 'Kontak diinvestigasi', 'orang', 0, 50, NULL, NULL, NULL, 'Jumlah kontak serumah yang diinvestigasi, 0-50');

-- Malaria (forms/k4_malaria.ini)
CREATE TABLE f_malaria (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  demam INTEGER CHECK (demam IN (0, 1)),
  pemeriksaan TEXT,
  hasil TEXT,
  berat INTEGER CHECK (berat IN (0, 1)),
  pengobatan TEXT
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_malaria', 'demam', 'ya_tidak', 1, 'Demam', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_malaria', 'pemeriksaan', 'pilihan', 1, 'Pemeriksaan', '', NULL, NULL, NULL, 'RDT=RDT;MIKROSKOPIS=Mikroskopis;KLINIS=Klinis tanpa pemeriksaan', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_malaria', 'hasil', 'pilihan', 0, 'Hasil', '', NULL, NULL, NULL, 'NEG=Negatif;PF=P. falciparum;PV=P. vivax;MIX=Campuran;LAIN=Spesies lain', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_malaria', 'berat', 'ya_tidak', 0, 'Malaria berat/komplikasi', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_malaria', 'pengobatan', 'pilihan', 0, 'Pengobatan', '', NULL, NULL, NULL, 'DHP_PQ=DHP + primakuin;DHP=DHP saja;ARTESUNAT=Artesunat injeksi;TIDAK=Tidak diobati', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya');

-- Diare (forms/k4_diare.ini)
CREATE TABLE f_diare (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  lama INTEGER,
  berdarah INTEGER CHECK (berdarah IN (0, 1)),
  dehidrasi TEXT,
  oralit INTEGER,
  zinc INTEGER,
  infus INTEGER CHECK (infus IN (0, 1)),
  antibiotik INTEGER CHECK (antibiotik IN (0, 1))
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_diare', 'lama', 'bulat', 1, 'Lama diare', 'hari', 1, 60, NULL, NULL, NULL, '1-60 hari'),
 ('f_diare', 'berdarah', 'ya_tidak', 0, 'Tinja berdarah', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_diare', 'dehidrasi', 'pilihan', 1, 'Derajat dehidrasi', '', NULL, NULL, NULL, 'TANPA=Tanpa dehidrasi;RINGAN=Ringan/sedang;BERAT=Berat', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_diare', 'oralit', 'bulat', 0, 'Oralit diberikan', 'bungkus', 0, 30, NULL, NULL, NULL, '0-30 bungkus'),
 ('f_diare', 'zinc', 'bulat', 0, 'Zinc diberikan', 'tablet', 0, 30, NULL, NULL, NULL, '0-30 tablet'),
 ('f_diare', 'infus', 'ya_tidak', 0, 'Diberi infus', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_diare', 'antibiotik', 'ya_tidak', 0, 'Diberi antibiotik', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak');

-- ISPA dan pneumonia balita (forms/k4_ispa.ini)
CREATE TABLE f_ispa (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  napas INTEGER,
  tarikan_dada INTEGER CHECK (tarikan_dada IN (0, 1)),
  klasifikasi TEXT,
  antibiotik INTEGER CHECK (antibiotik IN (0, 1)),
  dirujuk INTEGER CHECK (dirujuk IN (0, 1))
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_ispa', 'napas', 'bulat', 1, 'Frekuensi napas', 'x/menit', 10, 120, NULL, NULL, NULL, '10-120 x/menit'),
 ('f_ispa', 'tarikan_dada', 'ya_tidak', 1, 'Tarikan dinding dada', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_ispa', 'klasifikasi', 'pilihan', 1, 'Klasifikasi', '', NULL, NULL, NULL, 'BUKAN=Batuk bukan pneumonia;PNEUMONIA=Pneumonia;BERAT=Pneumonia berat', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_ispa', 'antibiotik', 'ya_tidak', 0, 'Diberi antibiotik', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_ispa', 'dirujuk', 'ya_tidak', 0, 'Dirujuk', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak');

-- Laporan kasus penyakit berpotensi KLB (SKDR) (forms/k4_klb.ini)
CREATE TABLE f_klb (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  penyakit TEXT,
  penyakit_lain TEXT,
  tanggal_onset TEXT,
  lokasi TEXT,
  sampel INTEGER CHECK (sampel IN (0, 1)),
  laporan_24jam INTEGER CHECK (laporan_24jam IN (0, 1))
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_klb', 'penyakit', 'pilihan', 1, 'Penyakit', '', NULL, NULL, NULL, 'DIARE_AKUT=Diare akut (A09);DENGUE=Suspek dengue (A90/A91);PNEUMONIA=Pneumonia (J13-J18);CAMPAK=Suspek campak (B05);AFP=Lumpuh layuh akut (AFP);DIFTERI=Suspek difteri (A36);PERTUSIS=Suspek pertusis (A37);LEPTO=Suspek leptospirosis;HPR=Gigitan hewan penular rabies;MALARIA=Malaria konfirmasi;ILI=Influenza-like illness;LAIN=Lainnya', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_klb', 'penyakit_lain', 'teks', 0, 'Penyakit lain', '', NULL, NULL, 80, NULL, NULL, 'Teks bebas, paling banyak 80 karakter'),
 ('f_klb', 'tanggal_onset', 'tanggal', 1, 'Tanggal mulai sakit', '', NULL, NULL, NULL, NULL, NULL, 'DD-MM-YYYY'),
 ('f_klb', 'lokasi', 'teks', 0, 'Lokasi kejadian', '', NULL, NULL, 100, NULL, NULL, 'Desa/dusun tempat kasus, bila berbeda dari alamat pasien'),
 ('f_klb', 'sampel', 'ya_tidak', 0, 'Sampel diambil', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_klb', 'laporan_24jam', 'ya_tidak', 0, 'Dilaporkan < 24 jam (W1)', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak');
