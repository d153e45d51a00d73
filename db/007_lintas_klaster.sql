-- Form tables and their dictionary rows: lintas klaster. One row per visit per form;
-- each form in forms/ names its table and columns; types, limits and choices
-- are the kamus rows below.

-- Gawat darurat (forms/lk_igd.ini)
CREATE TABLE f_igd (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  jam_datang TEXT,
  triase TEXT,
  kategori TEXT,
  kll_luka TEXT,
  td_sistol INTEGER,
  td_diastol INTEGER,
  nadi INTEGER,
  napas INTEGER,
  suhu REAL,
  spo2 INTEGER,
  tindakan TEXT,
  keadaan TEXT,
  rujukan_tujuan TEXT
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_igd', 'jam_datang', 'jam', 1, 'Jam datang', '', NULL, NULL, NULL, NULL, NULL, 'JJ:MM, mis. 08:30'),
 ('f_igd', 'triase', 'pilihan', 1, 'Triase', '', NULL, NULL, NULL, 'MERAH=Merah (gawat darurat);KUNING=Kuning (darurat);HIJAU=Hijau (tidak darurat);HITAM=Hitam (meninggal)', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_igd', 'kategori', 'pilihan', 1, 'Kategori kasus', '', NULL, NULL, NULL, 'MATERNAL=Maternal;NEONATAL=Neonatal;BAYI=Bayi;BALITA=Balita;KLL=Kecelakaan lalu lintas;KLB=Potensial KLB;LAIN=Lainnya', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_igd', 'kll_luka', 'pilihan', 0, 'Korban KLL', '', NULL, NULL, NULL, 'RINGAN=Luka ringan;BERAT=Luka berat;MATI=Meninggal', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_igd', 'td', 'tensi', 0, 'Tekanan darah', '', NULL, NULL, NULL, NULL, NULL, 'sistol/diastol dalam mmHg, mis. 120/80'),
 ('f_igd', 'nadi', 'bulat', 0, 'Nadi', 'x/menit', 20, 250, NULL, NULL, NULL, '20-250 x/menit'),
 ('f_igd', 'napas', 'bulat', 0, 'Napas', 'x/menit', 4, 80, NULL, NULL, NULL, '4-80 x/menit'),
 ('f_igd', 'suhu', 'desimal', 0, 'Suhu', 'C', 30, 43, NULL, NULL, NULL, '30-43 C; boleh desimal dengan koma atau titik'),
 ('f_igd', 'spo2', 'bulat', 0, 'SpO2', '%', 50, 100, NULL, NULL, NULL, '50-100 %'),
 ('f_igd', 'tindakan', 'teks', 0, 'Tatalaksana', '', NULL, NULL, 150, NULL, NULL, 'Teks bebas, paling banyak 150 karakter'),
 ('f_igd', 'keadaan', 'pilihan', 1, 'Keadaan akhir', '', NULL, NULL, NULL, 'PULANG=Pulang;RAWAT=Rawat inap;RUJUK=Dirujuk;MENINGGAL=Meninggal', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_igd', 'rujukan_tujuan', 'teks', 0, 'Dirujuk ke', '', NULL, NULL, 80, NULL, NULL, 'Teks bebas, paling banyak 80 karakter');

-- Laboratorium (forms/lk_lab.ini)
CREATE TABLE f_lab (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  hb REAL,
  leukosit INTEGER,
  trombosit INTEGER,
  hematokrit INTEGER,
  gds INTEGER,
  kolesterol INTEGER,
  asam_urat REAL,
  protein_urin TEXT,
  reduksi_urin TEXT,
  tes_hamil TEXT,
  bta TEXT,
  malaria TEXT,
  hiv TEXT,
  sifilis TEXT,
  hbsag TEXT,
  widal TEXT,
  tinja TEXT
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_lab', 'hb', 'desimal', 0, 'Hematologi: Hb', 'g/dL', 1, 25, NULL, NULL, NULL, '1-25 g/dL; boleh desimal dengan koma atau titik'),
 ('f_lab', 'leukosit', 'bulat', 0, 'Hematologi: leukosit', '/uL', 500, 100000, NULL, NULL, NULL, '500-100000 /uL'),
 ('f_lab', 'trombosit', 'bulat', 0, 'Hematologi: trombosit', '/uL', 1000, 2e+06, NULL, NULL, NULL, '1000-2e+06 /uL'),
 ('f_lab', 'hematokrit', 'bulat', 0, 'Hematologi: hematokrit', '%', 5, 80, NULL, NULL, NULL, '5-80 %'),
 ('f_lab', 'gds', 'bulat', 0, 'Kimia: gula darah', 'mg/dL', 20, 800, NULL, NULL, NULL, '20-800 mg/dL'),
 ('f_lab', 'kolesterol', 'bulat', 0, 'Kimia: kolesterol', 'mg/dL', 50, 600, NULL, NULL, NULL, '50-600 mg/dL'),
 ('f_lab', 'asam_urat', 'desimal', 0, 'Kimia: asam urat', 'mg/dL', 1, 20, NULL, NULL, NULL, '1-20 mg/dL; boleh desimal dengan koma atau titik'),
 ('f_lab', 'protein_urin', 'pilihan', 0, 'Urin: protein', '', NULL, NULL, NULL, 'NEG=Negatif;P1=+1;P2=+2;P3=+3', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_lab', 'reduksi_urin', 'pilihan', 0, 'Urin: reduksi', '', NULL, NULL, NULL, 'NEG=Negatif;P1=+1;P2=+2;P3=+3', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_lab', 'tes_hamil', 'pilihan', 0, 'Urin: tes kehamilan', '', NULL, NULL, NULL, 'NEG=Negatif;POS=Positif', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_lab', 'bta', 'pilihan', 0, 'Mikrobiologi: BTA', '', NULL, NULL, NULL, 'NEG=Negatif;SCANTY=Scanty;P1=+1;P2=+2;P3=+3', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_lab', 'malaria', 'pilihan', 0, 'Parasitologi: malaria', '', NULL, NULL, NULL, 'NEG=Negatif;PF=P. falciparum;PV=P. vivax;MIX=Campuran', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_lab', 'hiv', 'pilihan', 0, 'Imunologi: HIV', '', NULL, NULL, NULL, 'NR=Non-reaktif;R=Reaktif', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_lab', 'sifilis', 'pilihan', 0, 'Imunologi: sifilis', '', NULL, NULL, NULL, 'NR=Non-reaktif;R=Reaktif', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_lab', 'hbsag', 'pilihan', 0, 'Imunologi: HBsAg', '', NULL, NULL, NULL, 'NR=Non-reaktif;R=Reaktif', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_lab', 'widal', 'pilihan', 0, 'Imunologi: Widal', '', NULL, NULL, NULL, 'NEG=Negatif;POS=Positif', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_lab', 'tinja', 'pilihan', 0, 'Tinja', '', NULL, NULL, NULL, 'NORMAL=Normal;CACING=Telur cacing;DARAH=Darah samar;AMUBA=Amuba', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya');

-- Rawat inap (forms/lk_ranap.ini)
CREATE TABLE f_ranap (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  tanggal_masuk TEXT,
  jam_masuk TEXT,
  kelompok TEXT,
  tanggal_keluar TEXT,
  hari_rawat INTEGER,
  keadaan_keluar TEXT
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_ranap', 'tanggal_masuk', 'tanggal', 1, 'Tanggal masuk', '', NULL, NULL, NULL, NULL, NULL, 'DD-MM-YYYY'),
 ('f_ranap', 'jam_masuk', 'jam', 0, 'Jam masuk', '', NULL, NULL, NULL, NULL, NULL, 'JJ:MM, mis. 08:30'),
 ('f_ranap', 'kelompok', 'pilihan', 1, 'Kelompok pasien', '', NULL, NULL, NULL, 'MATERNAL=Ibu hamil/bersalin/nifas;BALITA=Anak < 5 tahun;CEDERA=Cedera;PTM=Penyakit tidak menular;LAIN=Lainnya', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_ranap', 'tanggal_keluar', 'tanggal', 0, 'Tanggal keluar', '', NULL, NULL, NULL, NULL, NULL, 'Diisi saat pasien pulang, DD-MM-YYYY'),
 ('f_ranap', 'hari_rawat', 'hitung', 0, 'Hari rawat', 'hari', NULL, NULL, NULL, NULL, 'hari_rawat tanggal_masuk tanggal_keluar', 'Dihitung otomatis'),
 ('f_ranap', 'keadaan_keluar', 'pilihan', 0, 'Keadaan keluar', '', NULL, NULL, NULL, 'SEMBUH=Sembuh;MEMBAIK=Membaik;RUJUK=Dirujuk;APS=Pulang atas permintaan sendiri;MENINGGAL=Meninggal', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya');

-- Kesehatan gigi dan mulut (forms/lk_gigi.ini)
CREATE TABLE f_gigi (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  tambal_tetap INTEGER,
  tambal_sulung INTEGER,
  cabut_tetap INTEGER,
  cabut_sulung INTEGER,
  scaling INTEGER CHECK (scaling IN (0, 1)),
  premedikasi INTEGER CHECK (premedikasi IN (0, 1)),
  karies INTEGER,
  dirujuk INTEGER CHECK (dirujuk IN (0, 1))
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_gigi', 'tambal_tetap', 'bulat', 0, 'Tambal gigi tetap', 'gigi', 0, 32, NULL, NULL, NULL, '0-32 gigi'),
 ('f_gigi', 'tambal_sulung', 'bulat', 0, 'Tambal gigi sulung', 'gigi', 0, 20, NULL, NULL, NULL, '0-20 gigi'),
 ('f_gigi', 'cabut_tetap', 'bulat', 0, 'Cabut gigi tetap', 'gigi', 0, 32, NULL, NULL, NULL, '0-32 gigi'),
 ('f_gigi', 'cabut_sulung', 'bulat', 0, 'Cabut gigi sulung', 'gigi', 0, 20, NULL, NULL, NULL, '0-20 gigi'),
 ('f_gigi', 'scaling', 'ya_tidak', 0, 'Scaling', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_gigi', 'premedikasi', 'ya_tidak', 0, 'Premedikasi', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_gigi', 'karies', 'bulat', 0, 'Gigi karies (D)', 'gigi', 0, 32, NULL, NULL, NULL, '0-32 gigi'),
 ('f_gigi', 'dirujuk', 'ya_tidak', 0, 'Dirujuk', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak');

-- Rujukan (forms/lk_rujukan.ini)
CREATE TABLE f_rujukan (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  jenis TEXT,
  tujuan TEXT,
  faskes TEXT,
  unit_tujuan TEXT,
  ptm INTEGER CHECK (ptm IN (0, 1)),
  alasan TEXT
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_rujukan', 'jenis', 'pilihan', 1, 'Jenis rujukan', '', NULL, NULL, NULL, 'KELUAR=Rujukan keluar;INTERNAL=Rujukan internal ke unit lain;BALIK=Rujuk balik diterima', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_rujukan', 'tujuan', 'pilihan', 0, 'Tujuan', '', NULL, NULL, NULL, 'FKRTL=FKRTL (rumah sakit);PKM_RANAP=Puskesmas rawat inap', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_rujukan', 'faskes', 'teks', 0, 'Nama fasilitas', '', NULL, NULL, 80, NULL, NULL, 'Teks bebas, paling banyak 80 karakter'),
 ('f_rujukan', 'unit_tujuan', 'unit', 0, 'Unit tujuan', '', NULL, NULL, NULL, NULL, NULL, 'Kode unit: K1 K2 K3 K4 IGD FARMASI LAB RANAP GIGI'),
 ('f_rujukan', 'ptm', 'ya_tidak', 0, 'Pasien PTM', '', NULL, NULL, NULL, NULL, NULL, 'Rujukan pasien penyakit tidak menular (Formulir 10 I.5): Y/T'),
 ('f_rujukan', 'alasan', 'teks', 0, 'Alasan/diagnosis', '', NULL, NULL, 150, NULL, NULL, 'Teks bebas, paling banyak 150 karakter');
