-- Form tables and their dictionary rows: Klaster 2 (ibu dan anak). One row per visit per form;
-- each form in forms/ names its table and columns; types, limits and choices
-- are the kamus rows below.

-- Pemeriksaan kehamilan (ANC terpadu) (forms/k2_anc.ini)
CREATE TABLE f_anc (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  kontak INTEGER,
  hpht TEXT,
  usia_kehamilan INTEGER,
  trimester INTEGER,
  hpl TEXT,
  bb REAL,
  tb REAL,
  imt REAL,
  lila REAL,
  kek INTEGER,
  td_sistol INTEGER,
  td_diastol INTEGER,
  hb REAL,
  anemia INTEGER,
  status_td TEXT,
  imunisasi_td TEXT,
  ttd INTEGER,
  hiv TEXT,
  sifilis TEXT,
  hbsag TEXT,
  gravida INTEGER,
  paritas INTEGER,
  faktor_risiko INTEGER CHECK (faktor_risiko IN (0, 1)),
  risiko_ket TEXT,
  usg INTEGER CHECK (usg IN (0, 1)),
  oleh_dokter INTEGER CHECK (oleh_dokter IN (0, 1))
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_anc', 'kontak', 'bulat', 1, 'Kontak ke-', '', 1, 12, NULL, NULL, NULL, 'Kontak ANC ke berapa pada kehamilan ini (K1 = 1, K6 = 6)'),
 ('f_anc', 'hpht', 'tanggal', 0, 'HPHT', '', NULL, NULL, NULL, NULL, NULL, 'Hari pertama haid terakhir, DD-MM-YYYY'),
 ('f_anc', 'usia_kehamilan', 'hitung', 0, 'Usia kehamilan', 'minggu', NULL, NULL, NULL, NULL, 'usia_kehamilan hpht', 'Dihitung otomatis'),
 ('f_anc', 'trimester', 'hitung', 0, 'Trimester', '', NULL, NULL, NULL, NULL, 'trimester hpht', 'Dihitung otomatis'),
 ('f_anc', 'hpl', 'hitung', 0, 'HPL', '', NULL, NULL, NULL, NULL, 'hpl hpht', 'Hari perkiraan lahir = HPHT + 280 hari'),
 ('f_anc', 'bb', 'desimal', 1, 'Berat badan', 'kg', 25, 200, NULL, NULL, NULL, '25-200 kg; boleh desimal dengan koma atau titik'),
 ('f_anc', 'tb', 'desimal', 0, 'Tinggi badan', 'cm', 100, 200, NULL, NULL, NULL, '100-200 cm; boleh desimal dengan koma atau titik'),
 ('f_anc', 'imt', 'hitung', 0, 'IMT', 'kg/m2', NULL, NULL, NULL, NULL, 'imt bb tb', 'Dihitung otomatis'),
 ('f_anc', 'lila', 'desimal', 0, 'LiLA', 'cm', 10, 50, NULL, NULL, NULL, 'Lingkar lengan atas, 10-50 cm; KEK bila < 23,5 cm'),
 ('f_anc', 'kek', 'hitung', 0, 'KEK (LiLA < 23,5)', '', NULL, NULL, NULL, NULL, 'kurang_dari lila 23.5', 'Dihitung otomatis'),
 ('f_anc', 'td', 'tensi', 1, 'Tekanan darah', '', NULL, NULL, NULL, NULL, NULL, 'sistol/diastol dalam mmHg, mis. 120/80'),
 ('f_anc', 'hb', 'desimal', 0, 'Hb', 'g/dL', 3, 20, NULL, NULL, NULL, 'Hemoglobin 3-20 g/dL; anemia bila < 11'),
 ('f_anc', 'anemia', 'hitung', 0, 'Anemia (Hb < 11)', '', NULL, NULL, NULL, NULL, 'kurang_dari hb 11', 'Dihitung otomatis'),
 ('f_anc', 'status_td', 'pilihan', 0, 'Status imunisasi Td', '', NULL, NULL, NULL, 'T0=Belum pernah;T1=T1;T2=T2;T3=T3;T4=T4;T5=T5', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_anc', 'imunisasi_td', 'pilihan', 0, 'Td diberikan hari ini', '', NULL, NULL, NULL, '1=Td1;2=Td2;3=Td3;4=Td4;5=Td5', NULL, 'Kosongkan bila tidak diberi Td hari ini'),
 ('f_anc', 'ttd', 'bulat', 0, 'TTD diberikan', 'tablet', 0, 120, NULL, NULL, NULL, 'Jumlah tablet tambah darah yang diberikan, 0-120'),
 ('f_anc', 'hiv', 'pilihan', 0, 'Tes HIV', '', NULL, NULL, NULL, 'R=Reaktif;NR=Non-reaktif;TD=Tidak diperiksa', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_anc', 'sifilis', 'pilihan', 0, 'Tes sifilis', '', NULL, NULL, NULL, 'R=Reaktif;NR=Non-reaktif;TD=Tidak diperiksa', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_anc', 'hbsag', 'pilihan', 0, 'Tes HBsAg', '', NULL, NULL, NULL, 'R=Reaktif;NR=Non-reaktif;TD=Tidak diperiksa', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_anc', 'gravida', 'bulat', 0, 'Kehamilan ke- (G)', '', 1, 20, NULL, NULL, NULL, '1-20'),
 ('f_anc', 'paritas', 'bulat', 0, 'Paritas (P)', '', 0, 20, NULL, NULL, NULL, 'Jumlah persalinan sebelumnya, 0-20'),
 ('f_anc', 'faktor_risiko', 'ya_tidak', 0, 'Ada faktor risiko', '', NULL, NULL, NULL, NULL, NULL, 'Umur <20/>35, paritas >4, jarak <2 th, TB <145 cm, penyakit: Y/T'),
 ('f_anc', 'risiko_ket', 'teks', 0, 'Faktor risiko', '', NULL, NULL, 100, NULL, NULL, 'Teks bebas, paling banyak 100 karakter'),
 ('f_anc', 'usg', 'ya_tidak', 0, 'USG dilakukan', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_anc', 'oleh_dokter', 'ya_tidak', 1, 'Diperiksa dokter', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak');

-- Persalinan (forms/k2_persalinan.ini)
CREATE TABLE f_persalinan (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  tanggal_persalinan TEXT,
  jam_persalinan TEXT,
  tempat TEXT,
  penolong TEXT,
  cara TEXT,
  keadaan_ibu TEXT,
  komplikasi TEXT,
  lahir_hidup INTEGER,
  lahir_mati INTEGER,
  bb_lahir INTEGER,
  bblr INTEGER,
  imd INTEGER CHECK (imd IN (0, 1)),
  kb_pasca TEXT
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_persalinan', 'tanggal_persalinan', 'tanggal', 1, 'Tanggal persalinan', '', NULL, NULL, NULL, NULL, NULL, 'DD-MM-YYYY'),
 ('f_persalinan', 'jam_persalinan', 'jam', 0, 'Jam persalinan', '', NULL, NULL, NULL, NULL, NULL, 'JJ:MM, mis. 08:30'),
 ('f_persalinan', 'tempat', 'pilihan', 1, 'Tempat', '', NULL, NULL, NULL, 'PKM=Puskesmas;RS=Rumah sakit;PMB=Praktik mandiri bidan;KLINIK=Klinik;POLINDES=Polindes/poskesdes;RUMAH=Rumah;LAIN=Lainnya', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_persalinan', 'penolong', 'pilihan', 1, 'Penolong', '', NULL, NULL, NULL, 'DOKTER=Dokter;BIDAN=Bidan;PERAWAT=Perawat;DUKUN=Dukun;LAIN=Keluarga/lainnya', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_persalinan', 'cara', 'pilihan', 1, 'Cara persalinan', '', NULL, NULL, NULL, 'NORMAL=Normal (spontan);VAKUM=Vakum;FORSEP=Forsep;SC=Seksio sesarea', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_persalinan', 'keadaan_ibu', 'pilihan', 1, 'Keadaan ibu', '', NULL, NULL, NULL, 'SEHAT=Sehat;KOMPLIKASI=Komplikasi ditangani;RUJUK=Dirujuk;MENINGGAL=Meninggal', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_persalinan', 'komplikasi', 'pilihan', 0, 'Komplikasi', '', NULL, NULL, NULL, 'PERDARAHAN=Perdarahan;INFEKSI=Infeksi;EKLAMPSIA=Preeklampsia/eklampsia;PARTUS_LAMA=Partus lama;LAIN=Lainnya', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_persalinan', 'lahir_hidup', 'bulat', 1, 'Bayi lahir hidup', 'bayi', 0, 5, NULL, NULL, NULL, '0-5 bayi'),
 ('f_persalinan', 'lahir_mati', 'bulat', 1, 'Bayi lahir mati', 'bayi', 0, 5, NULL, NULL, NULL, '0-5 bayi'),
 ('f_persalinan', 'bb_lahir', 'bulat', 0, 'BB lahir', 'gram', 300, 6000, NULL, NULL, NULL, 'Berat lahir bayi (pertama) 300-6000 gram'),
 ('f_persalinan', 'bblr', 'hitung', 0, 'BBLR (< 2500 g)', '', NULL, NULL, NULL, NULL, 'kurang_dari bb_lahir 2500', 'Dihitung otomatis'),
 ('f_persalinan', 'imd', 'ya_tidak', 0, 'IMD dilakukan', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_persalinan', 'kb_pasca', 'pilihan', 0, 'KB pasca persalinan', '', NULL, NULL, NULL, 'TIDAK=Tidak ber-KB;IUD=IUD;IMPLAN=Implan;SUNTIK=Suntik;PIL=Pil;KONDOM=Kondom;MOW=MOW (tubektomi);MOP=MOP (vasektomi);MAL=MAL', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya');

-- Pelayanan nifas (KF1-KF4) (forms/k2_nifas.ini)
CREATE TABLE f_nifas (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  kunjungan_nifas TEXT,
  td_sistol INTEGER,
  td_diastol INTEGER,
  vitamin_a INTEGER CHECK (vitamin_a IN (0, 1)),
  ttd INTEGER,
  komplikasi TEXT,
  kb TEXT,
  dirujuk INTEGER CHECK (dirujuk IN (0, 1))
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_nifas', 'kunjungan_nifas', 'pilihan', 1, 'Kunjungan nifas', '', NULL, NULL, NULL, 'KF1=KF1 (6 jam-2 hari);KF2=KF2 (3-7 hari);KF3=KF3 (8-28 hari);KF4=KF4 (29-42 hari)', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_nifas', 'td', 'tensi', 0, 'Tekanan darah', '', NULL, NULL, NULL, NULL, NULL, 'sistol/diastol dalam mmHg, mis. 120/80'),
 ('f_nifas', 'vitamin_a', 'ya_tidak', 0, 'Vitamin A diberikan', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_nifas', 'ttd', 'bulat', 0, 'TTD diberikan', 'tablet', 0, 90, NULL, NULL, NULL, '0-90 tablet'),
 ('f_nifas', 'komplikasi', 'pilihan', 0, 'Komplikasi', '', NULL, NULL, NULL, 'TIDAK=Tidak ada;PERDARAHAN=Perdarahan;INFEKSI=Infeksi;EKLAMPSIA=Preeklampsia/eklampsia;LAIN=Lainnya', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_nifas', 'kb', 'pilihan', 0, 'KB', '', NULL, NULL, NULL, 'TIDAK=Tidak ber-KB;IUD=IUD;IMPLAN=Implan;SUNTIK=Suntik;PIL=Pil;KONDOM=Kondom;MOW=MOW (tubektomi);MOP=MOP (vasektomi);MAL=MAL', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_nifas', 'dirujuk', 'ya_tidak', 0, 'Dirujuk', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak');

-- Kunjungan neonatal (KN1-KN3) (forms/k2_neonatal.ini)
CREATE TABLE f_neonatal (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  kunjungan_neonatal TEXT,
  bb INTEGER,
  pb REAL,
  shk INTEGER CHECK (shk IN (0, 1)),
  shk_hasil TEXT,
  vitamin_k INTEGER CHECK (vitamin_k IN (0, 1)),
  hb0 TEXT,
  mtbm INTEGER CHECK (mtbm IN (0, 1)),
  mtbm_klasifikasi TEXT,
  ikterik INTEGER CHECK (ikterik IN (0, 1)),
  asi INTEGER CHECK (asi IN (0, 1)),
  dirujuk INTEGER CHECK (dirujuk IN (0, 1))
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_neonatal', 'kunjungan_neonatal', 'pilihan', 1, 'Kunjungan neonatal', '', NULL, NULL, NULL, 'KN1=KN1 (6-48 jam);KN2=KN2 (3-7 hari);KN3=KN3 (8-28 hari)', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_neonatal', 'bb', 'bulat', 0, 'Berat badan', 'gram', 300, 7000, NULL, NULL, NULL, '300-7000 gram'),
 ('f_neonatal', 'pb', 'desimal', 0, 'Panjang badan', 'cm', 20, 70, NULL, NULL, NULL, '20-70 cm; boleh desimal dengan koma atau titik'),
 ('f_neonatal', 'shk', 'ya_tidak', 0, 'Sampel SHK diambil', '', NULL, NULL, NULL, NULL, NULL, 'Skrining hipotiroid kongenital: Y/T'),
 ('f_neonatal', 'shk_hasil', 'pilihan', 0, 'Hasil SHK', '', NULL, NULL, NULL, 'BELUM=Belum ada hasil;NORMAL=Normal;TINGGI=TSH tinggi (positif)', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_neonatal', 'vitamin_k', 'ya_tidak', 0, 'Vitamin K1 diberikan', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_neonatal', 'hb0', 'pilihan', 0, 'Imunisasi HB0', '', NULL, NULL, NULL, 'H24=Diberikan < 24 jam;H7=Diberikan 1-7 hari;BELUM=Belum diberikan', NULL, 'HB0 dicatat di sini, bukan di formulir imunisasi'),
 ('f_neonatal', 'mtbm', 'ya_tidak', 0, 'Diperiksa dengan MTBM', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_neonatal', 'mtbm_klasifikasi', 'teks', 0, 'Klasifikasi MTBM', '', NULL, NULL, 100, NULL, NULL, 'Teks bebas, paling banyak 100 karakter'),
 ('f_neonatal', 'ikterik', 'ya_tidak', 0, 'Ikterik', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_neonatal', 'asi', 'ya_tidak', 0, 'Menyusu ASI', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_neonatal', 'dirujuk', 'ya_tidak', 0, 'Dirujuk', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak');

-- Imunisasi rutin bayi dan baduta (forms/k2_imunisasi.ini)
CREATE TABLE f_imunisasi (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  bcg INTEGER CHECK (bcg IN (0, 1)),
  polio TEXT,
  dpt_hb_hib TEXT,
  ipv TEXT,
  pcv TEXT,
  rv TEXT,
  mr TEXT,
  je INTEGER CHECK (je IN (0, 1)),
  kipi INTEGER CHECK (kipi IN (0, 1))
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_imunisasi', 'bcg', 'ya_tidak', 0, 'BCG', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_imunisasi', 'polio', 'pilihan', 0, 'Polio tetes (OPV)', '', NULL, NULL, NULL, '1=OPV1;2=OPV2;3=OPV3;4=OPV4', NULL, 'Dosis yang diberikan hari ini; kosongkan bila tidak'),
 ('f_imunisasi', 'dpt_hb_hib', 'pilihan', 0, 'DPT-HB-Hib', '', NULL, NULL, NULL, '1=Dosis 1;2=Dosis 2;3=Dosis 3;4=Dosis 4 (lanjutan 18-23 bl)', NULL, 'Dosis yang diberikan hari ini; kosongkan bila tidak'),
 ('f_imunisasi', 'ipv', 'pilihan', 0, 'IPV', '', NULL, NULL, NULL, '1=IPV1;2=IPV2', NULL, 'Dosis yang diberikan hari ini; kosongkan bila tidak'),
 ('f_imunisasi', 'pcv', 'pilihan', 0, 'PCV', '', NULL, NULL, NULL, '1=PCV1;2=PCV2;3=PCV3', NULL, 'Dosis yang diberikan hari ini; kosongkan bila tidak'),
 ('f_imunisasi', 'rv', 'pilihan', 0, 'Rotavirus (RV)', '', NULL, NULL, NULL, '1=RV1;2=RV2;3=RV3', NULL, 'Dosis yang diberikan hari ini; kosongkan bila tidak'),
 ('f_imunisasi', 'mr', 'pilihan', 0, 'MR (campak-rubela)', '', NULL, NULL, NULL, '1=MR1 (9 bl);2=MR2 (lanjutan 18-23 bl)', NULL, 'Dosis yang diberikan hari ini; kosongkan bila tidak'),
 ('f_imunisasi', 'je', 'ya_tidak', 0, 'JE (daerah endemis)', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_imunisasi', 'kipi', 'ya_tidak', 0, 'Ada KIPI', '', NULL, NULL, NULL, NULL, NULL, 'Kejadian ikutan pasca imunisasi: Y/T');

-- Penimbangan dan pemantauan pertumbuhan (forms/k2_penimbangan.ini)
CREATE TABLE f_penimbangan (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  bb REAL,
  pb_tb REAL,
  cara_ukur TEXT,
  lk REAL,
  selisih_bb REAL,
  naik INTEGER,
  status_gizi TEXT,
  stunting TEXT,
  bgm INTEGER CHECK (bgm IN (0, 1)),
  vitamin_a TEXT,
  asi_eksklusif INTEGER CHECK (asi_eksklusif IN (0, 1)),
  buku_kia INTEGER CHECK (buku_kia IN (0, 1))
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_penimbangan', 'bb', 'desimal', 1, 'Berat badan', 'kg', 1, 40, NULL, NULL, NULL, '1-40 kg; boleh desimal dengan koma atau titik'),
 ('f_penimbangan', 'pb_tb', 'desimal', 0, 'Panjang/tinggi badan', 'cm', 40, 130, NULL, NULL, NULL, '40-130 cm; boleh desimal dengan koma atau titik'),
 ('f_penimbangan', 'cara_ukur', 'pilihan', 0, 'Cara ukur', '', NULL, NULL, NULL, 'PB=Berbaring (PB);TB=Berdiri (TB)', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_penimbangan', 'lk', 'desimal', 0, 'Lingkar kepala', 'cm', 25, 60, NULL, NULL, NULL, '25-60 cm; boleh desimal dengan koma atau titik'),
 ('f_penimbangan', 'selisih_bb', 'hitung', 0, 'Selisih BB', 'kg', NULL, NULL, NULL, NULL, 'selisih_bb bb', 'Dibanding penimbangan sebelumnya; kosong bila baru pertama'),
 ('f_penimbangan', 'naik', 'hitung', 0, 'BB naik (N)', '', NULL, NULL, NULL, NULL, 'naik_bb bb', 'Ya = naik (N), Tidak = tidak naik (T); kosong bila baru pertama'),
 ('f_penimbangan', 'status_gizi', 'pilihan', 0, 'Status gizi (BB/TB)', '', NULL, NULL, NULL, 'BAIK=Gizi baik;KURANG=Gizi kurang;BURUK=Gizi buruk;LEBIH=Gizi lebih;OBESITAS=Obesitas', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_penimbangan', 'stunting', 'pilihan', 0, 'TB/U', '', NULL, NULL, NULL, 'NORMAL=Normal;PENDEK=Pendek (stunted);SANGAT_PENDEK=Sangat pendek', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_penimbangan', 'bgm', 'ya_tidak', 0, 'Di bawah garis merah', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_penimbangan', 'vitamin_a', 'pilihan', 0, 'Vitamin A', '', NULL, NULL, NULL, 'BIRU=Kapsul biru 100.000 IU;MERAH=Kapsul merah 200.000 IU', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_penimbangan', 'asi_eksklusif', 'ya_tidak', 0, 'ASI eksklusif', '', NULL, NULL, NULL, NULL, NULL, 'Untuk bayi 0-6 bulan: Y/T'),
 ('f_penimbangan', 'buku_kia', 'ya_tidak', 0, 'Punya buku KIA/KMS', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak');

-- MTBS (balita sakit 2-59 bulan) (forms/k2_mtbs.ini)
CREATE TABLE f_mtbs (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  tanda_bahaya INTEGER CHECK (tanda_bahaya IN (0, 1)),
  batuk INTEGER CHECK (batuk IN (0, 1)),
  klasifikasi_batuk TEXT,
  diare INTEGER CHECK (diare IN (0, 1)),
  klasifikasi_diare TEXT,
  demam INTEGER CHECK (demam IN (0, 1)),
  suhu REAL,
  status_gizi TEXT,
  klasifikasi TEXT,
  tindak_lanjut TEXT
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_mtbs', 'tanda_bahaya', 'ya_tidak', 1, 'Tanda bahaya umum', '', NULL, NULL, NULL, NULL, NULL, 'Tidak bisa minum, muntah semua, kejang, letargis: Y/T'),
 ('f_mtbs', 'batuk', 'ya_tidak', 1, 'Batuk/sukar bernapas', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_mtbs', 'klasifikasi_batuk', 'pilihan', 0, 'Klasifikasi batuk', '', NULL, NULL, NULL, 'BUKAN=Batuk bukan pneumonia;PNEUMONIA=Pneumonia;BERAT=Pneumonia berat', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_mtbs', 'diare', 'ya_tidak', 1, 'Diare', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_mtbs', 'klasifikasi_diare', 'pilihan', 0, 'Klasifikasi diare', '', NULL, NULL, NULL, 'TANPA=Diare tanpa dehidrasi;RINGAN=Dehidrasi ringan/sedang;BERAT=Dehidrasi berat;PERSISTEN=Diare persisten;DISENTRI=Disentri', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_mtbs', 'demam', 'ya_tidak', 1, 'Demam', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_mtbs', 'suhu', 'desimal', 0, 'Suhu', 'C', 34, 43, NULL, NULL, NULL, '34-43 C; boleh desimal dengan koma atau titik'),
 ('f_mtbs', 'status_gizi', 'pilihan', 0, 'Status gizi', '', NULL, NULL, NULL, 'BAIK=Gizi baik;KURANG=Gizi kurang;BURUK=Gizi buruk;LEBIH=Gizi lebih;OBESITAS=Obesitas', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_mtbs', 'klasifikasi', 'teks', 0, 'Klasifikasi lain', '', NULL, NULL, 100, NULL, NULL, 'Teks bebas, paling banyak 100 karakter'),
 ('f_mtbs', 'tindak_lanjut', 'pilihan', 1, 'Tindak lanjut', '', NULL, NULL, NULL, 'JALAN=Rawat jalan;RUJUK=Dirujuk', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya');

-- Anak sekolah dan remaja: skrining (forms/k2_remaja.ini)
CREATE TABLE f_remaja (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  kelas INTEGER,
  bb REAL,
  tb REAL,
  imt REAL,
  status_gizi TEXT,
  td_sistol INTEGER,
  td_diastol INTEGER,
  hb REAL,
  anemia INTEGER,
  ttd INTEGER,
  karies INTEGER CHECK (karies IN (0, 1)),
  mata TEXT,
  telinga TEXT,
  merokok INTEGER CHECK (merokok IN (0, 1)),
  konseling INTEGER CHECK (konseling IN (0, 1))
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_remaja', 'kelas', 'bulat', 0, 'Kelas', '', 1, 12, NULL, NULL, NULL, '1-12'),
 ('f_remaja', 'bb', 'desimal', 1, 'Berat badan', 'kg', 10, 150, NULL, NULL, NULL, '10-150 kg; boleh desimal dengan koma atau titik'),
 ('f_remaja', 'tb', 'desimal', 1, 'Tinggi badan', 'cm', 80, 200, NULL, NULL, NULL, '80-200 cm; boleh desimal dengan koma atau titik'),
 ('f_remaja', 'imt', 'hitung', 0, 'IMT', 'kg/m2', NULL, NULL, NULL, NULL, 'imt bb tb', 'Dihitung otomatis'),
 ('f_remaja', 'status_gizi', 'pilihan', 0, 'Status gizi (IMT/U)', '', NULL, NULL, NULL, 'KURUS=Kurus;BAIK=Gizi baik;LEBIH=Gizi lebih;OBESITAS=Obesitas', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_remaja', 'td', 'tensi', 0, 'Tekanan darah', '', NULL, NULL, NULL, NULL, NULL, 'sistol/diastol dalam mmHg, mis. 120/80'),
 ('f_remaja', 'hb', 'desimal', 0, 'Hb', 'g/dL', 3, 20, NULL, NULL, NULL, 'Hemoglobin 3-20 g/dL (kelas 7 dan 10); anemia bila < 12'),
 ('f_remaja', 'anemia', 'hitung', 0, 'Anemia (Hb < 12)', '', NULL, NULL, NULL, NULL, 'kurang_dari hb 12', 'Dihitung otomatis'),
 ('f_remaja', 'ttd', 'bulat', 0, 'TTD diberikan', 'tablet', 0, 60, NULL, NULL, NULL, '0-60 tablet'),
 ('f_remaja', 'karies', 'ya_tidak', 0, 'Karies gigi', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_remaja', 'mata', 'pilihan', 0, 'Skrining penglihatan', '', NULL, NULL, NULL, 'NORMAL=Normal;KELAINAN=Kelainan refraksi/lain', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_remaja', 'telinga', 'pilihan', 0, 'Skrining pendengaran', '', NULL, NULL, NULL, 'NORMAL=Normal;KELAINAN=Gangguan pendengaran', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_remaja', 'merokok', 'ya_tidak', 0, 'Merokok', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_remaja', 'konseling', 'ya_tidak', 0, 'Konseling diberikan', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak');
