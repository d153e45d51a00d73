-- Form tables and their dictionary rows: Klaster 3 (usia dewasa dan lansia). One row per visit per form;
-- each form in forms/ names its table and columns; types, limits and choices
-- are the kamus rows below.

-- Skrining penyakit tidak menular (PTM) (forms/k3_ptm.ini)
CREATE TABLE f_ptm (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  td_sistol INTEGER,
  td_diastol INTEGER,
  gds INTEGER,
  bb REAL,
  tb REAL,
  imt REAL,
  lingkar_perut REAL,
  kolesterol INTEGER,
  merokok INTEGER CHECK (merokok IN (0, 1)),
  kurang_aktivitas INTEGER CHECK (kurang_aktivitas IN (0, 1)),
  kurang_sayur INTEGER CHECK (kurang_sayur IN (0, 1)),
  alkohol INTEGER CHECK (alkohol IN (0, 1)),
  riwayat_keluarga INTEGER CHECK (riwayat_keluarga IN (0, 1)),
  hasil TEXT,
  dirujuk INTEGER CHECK (dirujuk IN (0, 1))
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_ptm', 'td', 'tensi', 1, 'Tekanan darah', '', NULL, NULL, NULL, NULL, NULL, 'sistol/diastol dalam mmHg, mis. 120/80'),
 ('f_ptm', 'gds', 'bulat', 0, 'Gula darah sewaktu', 'mg/dL', 20, 600, NULL, NULL, NULL, '20-600 mg/dL'),
 ('f_ptm', 'bb', 'desimal', 1, 'Berat badan', 'kg', 20, 250, NULL, NULL, NULL, '20-250 kg; boleh desimal dengan koma atau titik'),
 ('f_ptm', 'tb', 'desimal', 1, 'Tinggi badan', 'cm', 100, 220, NULL, NULL, NULL, '100-220 cm; boleh desimal dengan koma atau titik'),
 ('f_ptm', 'imt', 'hitung', 0, 'IMT', 'kg/m2', NULL, NULL, NULL, NULL, 'imt bb tb', 'Dihitung otomatis'),
 ('f_ptm', 'lingkar_perut', 'desimal', 0, 'Lingkar perut', 'cm', 40, 200, NULL, NULL, NULL, '40-200 cm; boleh desimal dengan koma atau titik'),
 ('f_ptm', 'kolesterol', 'bulat', 0, 'Kolesterol total', 'mg/dL', 50, 600, NULL, NULL, NULL, '50-600 mg/dL'),
 ('f_ptm', 'merokok', 'ya_tidak', 0, 'Merokok', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_ptm', 'kurang_aktivitas', 'ya_tidak', 0, 'Kurang aktivitas fisik', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_ptm', 'kurang_sayur', 'ya_tidak', 0, 'Kurang sayur dan buah', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_ptm', 'alkohol', 'ya_tidak', 0, 'Minum alkohol', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_ptm', 'riwayat_keluarga', 'ya_tidak', 0, 'Riwayat keluarga PTM', '', NULL, NULL, NULL, NULL, NULL, 'Hipertensi, DM, stroke, jantung di keluarga: Y/T'),
 ('f_ptm', 'hasil', 'pilihan', 1, 'Kesimpulan', '', NULL, NULL, NULL, 'NORMAL=Normal;BERISIKO=Berisiko;HIPERTENSI=Hipertensi;DM=Diabetes melitus;HT_DM=Hipertensi dan DM;OBESITAS=Obesitas', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_ptm', 'dirujuk', 'ya_tidak', 0, 'Dirujuk ke FKRTL', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak');

-- Skrining lansia (SKILAS dan ADL) (forms/k3_lansia.ini)
CREATE TABLE f_lansia (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  kognitif INTEGER CHECK (kognitif IN (0, 1)),
  mobilitas INTEGER CHECK (mobilitas IN (0, 1)),
  malnutrisi INTEGER CHECK (malnutrisi IN (0, 1)),
  penglihatan INTEGER CHECK (penglihatan IN (0, 1)),
  pendengaran INTEGER CHECK (pendengaran IN (0, 1)),
  depresi INTEGER CHECK (depresi IN (0, 1)),
  adl INTEGER,
  td_sistol INTEGER,
  td_diastol INTEGER,
  gds INTEGER,
  bb REAL,
  tb REAL,
  imt REAL,
  dirujuk INTEGER CHECK (dirujuk IN (0, 1))
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_lansia', 'kognitif', 'ya_tidak', 0, 'Penurunan kognitif', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_lansia', 'mobilitas', 'ya_tidak', 0, 'Keterbatasan mobilitas', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_lansia', 'malnutrisi', 'ya_tidak', 0, 'Risiko malnutrisi', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_lansia', 'penglihatan', 'ya_tidak', 0, 'Gangguan penglihatan', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_lansia', 'pendengaran', 'ya_tidak', 0, 'Gangguan pendengaran', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_lansia', 'depresi', 'ya_tidak', 0, 'Gejala depresi', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_lansia', 'adl', 'bulat', 1, 'Skor ADL (Barthel)', '', 0, 20, NULL, NULL, NULL, '0-20: 20 mandiri, 12-19 ringan, 9-11 sedang, 5-8 berat, 0-4 total'),
 ('f_lansia', 'td', 'tensi', 0, 'Tekanan darah', '', NULL, NULL, NULL, NULL, NULL, 'sistol/diastol dalam mmHg, mis. 120/80'),
 ('f_lansia', 'gds', 'bulat', 0, 'Gula darah sewaktu', 'mg/dL', 20, 600, NULL, NULL, NULL, '20-600 mg/dL'),
 ('f_lansia', 'bb', 'desimal', 0, 'Berat badan', 'kg', 20, 200, NULL, NULL, NULL, '20-200 kg; boleh desimal dengan koma atau titik'),
 ('f_lansia', 'tb', 'desimal', 0, 'Tinggi badan', 'cm', 100, 200, NULL, NULL, NULL, '100-200 cm; boleh desimal dengan koma atau titik'),
 ('f_lansia', 'imt', 'hitung', 0, 'IMT', 'kg/m2', NULL, NULL, NULL, NULL, 'imt bb tb', 'Dihitung otomatis'),
 ('f_lansia', 'dirujuk', 'ya_tidak', 0, 'Dirujuk', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak');

-- Pelayanan calon pengantin (forms/k3_catin.ini)
CREATE TABLE f_catin (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  tanggal_nikah TEXT,
  bb REAL,
  tb REAL,
  imt REAL,
  lila REAL,
  kek INTEGER,
  hb REAL,
  anemia INTEGER,
  status_td TEXT,
  imunisasi_td TEXT,
  hiv TEXT,
  sifilis TEXT,
  konseling INTEGER CHECK (konseling IN (0, 1)),
  layak_hamil TEXT
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_catin', 'tanggal_nikah', 'tanggal', 0, 'Rencana tanggal nikah', '', NULL, NULL, NULL, NULL, NULL, 'DD-MM-YYYY'),
 ('f_catin', 'bb', 'desimal', 0, 'Berat badan', 'kg', 25, 200, NULL, NULL, NULL, '25-200 kg; boleh desimal dengan koma atau titik'),
 ('f_catin', 'tb', 'desimal', 0, 'Tinggi badan', 'cm', 100, 220, NULL, NULL, NULL, '100-220 cm; boleh desimal dengan koma atau titik'),
 ('f_catin', 'imt', 'hitung', 0, 'IMT', 'kg/m2', NULL, NULL, NULL, NULL, 'imt bb tb', 'Dihitung otomatis'),
 ('f_catin', 'lila', 'desimal', 0, 'LiLA', 'cm', 10, 50, NULL, NULL, NULL, 'Untuk catin perempuan; KEK bila < 23,5 cm'),
 ('f_catin', 'kek', 'hitung', 0, 'KEK (LiLA < 23,5)', '', NULL, NULL, NULL, NULL, 'kurang_dari lila 23.5', 'Dihitung otomatis'),
 ('f_catin', 'hb', 'desimal', 0, 'Hb', 'g/dL', 3, 20, NULL, NULL, NULL, 'Hemoglobin 3-20 g/dL; anemia bila < 12'),
 ('f_catin', 'anemia', 'hitung', 0, 'Anemia (Hb < 12)', '', NULL, NULL, NULL, NULL, 'kurang_dari hb 12', 'Dihitung otomatis'),
 ('f_catin', 'status_td', 'pilihan', 0, 'Status imunisasi Td', '', NULL, NULL, NULL, 'T0=Belum pernah;T1=T1;T2=T2;T3=T3;T4=T4;T5=T5', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_catin', 'imunisasi_td', 'pilihan', 0, 'Td diberikan hari ini', '', NULL, NULL, NULL, '1=Td1;2=Td2;3=Td3;4=Td4;5=Td5', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_catin', 'hiv', 'pilihan', 0, 'Tes HIV', '', NULL, NULL, NULL, 'R=Reaktif;NR=Non-reaktif;TD=Tidak diperiksa', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_catin', 'sifilis', 'pilihan', 0, 'Tes sifilis', '', NULL, NULL, NULL, 'R=Reaktif;NR=Non-reaktif;TD=Tidak diperiksa', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_catin', 'konseling', 'ya_tidak', 0, 'Konseling kespro', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_catin', 'layak_hamil', 'pilihan', 0, 'Skrining layak hamil', '', NULL, NULL, NULL, 'LAYAK=Layak hamil;TUNDA=Tunda kehamilan', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya');

-- Pelayanan KB (forms/k3_kb.ini)
CREATE TABLE f_kb (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  metode TEXT,
  status TEXT,
  pasca_persalinan INTEGER CHECK (pasca_persalinan IN (0, 1)),
  efek_samping INTEGER CHECK (efek_samping IN (0, 1)),
  efek_ket TEXT,
  komplikasi INTEGER CHECK (komplikasi IN (0, 1)),
  kegagalan INTEGER CHECK (kegagalan IN (0, 1))
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_kb', 'metode', 'pilihan', 1, 'Metode', '', NULL, NULL, NULL, 'IUD=IUD;IMPLAN=Implan;SUNTIK=Suntik;PIL=Pil;KONDOM=Kondom;MOW=MOW (tubektomi);MOP=MOP (vasektomi)', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_kb', 'status', 'pilihan', 1, 'Peserta', '', NULL, NULL, NULL, 'BARU=Peserta baru;LAMA=Peserta lama (aktif);GANTI=Ganti cara', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_kb', 'pasca_persalinan', 'ya_tidak', 0, 'KB pasca persalinan', '', NULL, NULL, NULL, NULL, NULL, 'Dalam 42 hari setelah bersalin: Y/T'),
 ('f_kb', 'efek_samping', 'ya_tidak', 0, 'Efek samping', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_kb', 'efek_ket', 'teks', 0, 'Efek samping apa', '', NULL, NULL, 100, NULL, NULL, 'Teks bebas, paling banyak 100 karakter'),
 ('f_kb', 'komplikasi', 'ya_tidak', 0, 'Komplikasi', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_kb', 'kegagalan', 'ya_tidak', 0, 'Kegagalan (hamil)', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak');

-- Skrining kesehatan jiwa (SRQ-20) (forms/k3_jiwa.ini)
CREATE TABLE f_jiwa (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  q01 INTEGER CHECK (q01 IN (0, 1)),
  q02 INTEGER CHECK (q02 IN (0, 1)),
  q03 INTEGER CHECK (q03 IN (0, 1)),
  q04 INTEGER CHECK (q04 IN (0, 1)),
  q05 INTEGER CHECK (q05 IN (0, 1)),
  q06 INTEGER CHECK (q06 IN (0, 1)),
  q07 INTEGER CHECK (q07 IN (0, 1)),
  q08 INTEGER CHECK (q08 IN (0, 1)),
  q09 INTEGER CHECK (q09 IN (0, 1)),
  q10 INTEGER CHECK (q10 IN (0, 1)),
  q11 INTEGER CHECK (q11 IN (0, 1)),
  q12 INTEGER CHECK (q12 IN (0, 1)),
  q13 INTEGER CHECK (q13 IN (0, 1)),
  q14 INTEGER CHECK (q14 IN (0, 1)),
  q15 INTEGER CHECK (q15 IN (0, 1)),
  q16 INTEGER CHECK (q16 IN (0, 1)),
  q17 INTEGER CHECK (q17 IN (0, 1)),
  q18 INTEGER CHECK (q18 IN (0, 1)),
  q19 INTEGER CHECK (q19 IN (0, 1)),
  q20 INTEGER CHECK (q20 IN (0, 1)),
  skor REAL,
  tindak_lanjut TEXT
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_jiwa', 'q01', 'ya_tidak', 1, ' 1. Sering sakit kepala', '', NULL, NULL, NULL, NULL, NULL, 'SRQ-20 butir 1, 30 hari terakhir: Y/T'),
 ('f_jiwa', 'q02', 'ya_tidak', 1, ' 2. Kehilangan nafsu makan', '', NULL, NULL, NULL, NULL, NULL, 'SRQ-20 butir 2, 30 hari terakhir: Y/T'),
 ('f_jiwa', 'q03', 'ya_tidak', 1, ' 3. Tidur tidak nyenyak', '', NULL, NULL, NULL, NULL, NULL, 'SRQ-20 butir 3, 30 hari terakhir: Y/T'),
 ('f_jiwa', 'q04', 'ya_tidak', 1, ' 4. Mudah merasa takut', '', NULL, NULL, NULL, NULL, NULL, 'SRQ-20 butir 4, 30 hari terakhir: Y/T'),
 ('f_jiwa', 'q05', 'ya_tidak', 1, ' 5. Merasa cemas, tegang, khawatir', '', NULL, NULL, NULL, NULL, NULL, 'SRQ-20 butir 5, 30 hari terakhir: Y/T'),
 ('f_jiwa', 'q06', 'ya_tidak', 1, ' 6. Tangan gemetar', '', NULL, NULL, NULL, NULL, NULL, 'SRQ-20 butir 6, 30 hari terakhir: Y/T'),
 ('f_jiwa', 'q07', 'ya_tidak', 1, ' 7. Pencernaan terganggu', '', NULL, NULL, NULL, NULL, NULL, 'SRQ-20 butir 7, 30 hari terakhir: Y/T'),
 ('f_jiwa', 'q08', 'ya_tidak', 1, ' 8. Sulit berpikir jernih', '', NULL, NULL, NULL, NULL, NULL, 'SRQ-20 butir 8, 30 hari terakhir: Y/T'),
 ('f_jiwa', 'q09', 'ya_tidak', 1, ' 9. Merasa tidak bahagia', '', NULL, NULL, NULL, NULL, NULL, 'SRQ-20 butir 9, 30 hari terakhir: Y/T'),
 ('f_jiwa', 'q10', 'ya_tidak', 1, '10. Lebih sering menangis', '', NULL, NULL, NULL, NULL, NULL, 'SRQ-20 butir 10, 30 hari terakhir: Y/T'),
 ('f_jiwa', 'q11', 'ya_tidak', 1, '11. Sulit menikmati kegiatan', '', NULL, NULL, NULL, NULL, NULL, 'SRQ-20 butir 11, 30 hari terakhir: Y/T'),
 ('f_jiwa', 'q12', 'ya_tidak', 1, '12. Sulit mengambil keputusan', '', NULL, NULL, NULL, NULL, NULL, 'SRQ-20 butir 12, 30 hari terakhir: Y/T'),
 ('f_jiwa', 'q13', 'ya_tidak', 1, '13. Pekerjaan sehari-hari terganggu', '', NULL, NULL, NULL, NULL, NULL, 'SRQ-20 butir 13, 30 hari terakhir: Y/T'),
 ('f_jiwa', 'q14', 'ya_tidak', 1, '14. Tidak mampu berperan', '', NULL, NULL, NULL, NULL, NULL, 'SRQ-20 butir 14, 30 hari terakhir: Y/T'),
 ('f_jiwa', 'q15', 'ya_tidak', 1, '15. Kehilangan minat', '', NULL, NULL, NULL, NULL, NULL, 'SRQ-20 butir 15, 30 hari terakhir: Y/T'),
 ('f_jiwa', 'q16', 'ya_tidak', 1, '16. Merasa tidak berharga', '', NULL, NULL, NULL, NULL, NULL, 'SRQ-20 butir 16, 30 hari terakhir: Y/T'),
 ('f_jiwa', 'q17', 'ya_tidak', 1, '17. Pikiran mengakhiri hidup', '', NULL, NULL, NULL, NULL, NULL, 'SRQ-20 butir 17, 30 hari terakhir: Y/T'),
 ('f_jiwa', 'q18', 'ya_tidak', 1, '18. Lelah sepanjang waktu', '', NULL, NULL, NULL, NULL, NULL, 'SRQ-20 butir 18, 30 hari terakhir: Y/T'),
 ('f_jiwa', 'q19', 'ya_tidak', 1, '19. Rasa tidak enak di perut', '', NULL, NULL, NULL, NULL, NULL, 'SRQ-20 butir 19, 30 hari terakhir: Y/T'),
 ('f_jiwa', 'q20', 'ya_tidak', 1, '20. Mudah lelah', '', NULL, NULL, NULL, NULL, NULL, 'SRQ-20 butir 20, 30 hari terakhir: Y/T'),
 ('f_jiwa', 'skor', 'hitung', 0, 'Skor SRQ-20', '', NULL, NULL, NULL, NULL, 'jumlah q01 q02 q03 q04 q05 q06 q07 q08 q09 q10 q11 q12 q13 q14 q15 q16 q17 q18 q19 q20', 'Jumlah jawaban ya; 6 atau lebih: kemungkinan gangguan mental emosional'),
 ('f_jiwa', 'tindak_lanjut', 'pilihan', 0, 'Tindak lanjut', '', NULL, NULL, NULL, 'TIDAK=Tidak perlu;KONSELING=Konseling;RUJUK=Dirujuk', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya');

-- Skrining penglihatan (forms/k3_penglihatan.ini)
CREATE TABLE f_penglihatan (
  kunjungan_id INTEGER PRIMARY KEY REFERENCES kunjungan(id) ON DELETE CASCADE,
  visus_kanan TEXT,
  visus_kiri TEXT,
  katarak INTEGER CHECK (katarak IN (0, 1)),
  refraksi INTEGER CHECK (refraksi IN (0, 1)),
  kacamata INTEGER CHECK (kacamata IN (0, 1)),
  dirujuk INTEGER CHECK (dirujuk IN (0, 1))
) STRICT;
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_penglihatan', 'visus_kanan', 'pilihan', 1, 'Visus mata kanan', '', NULL, NULL, NULL, '6/6=6/6;6/9=6/9;6/12=6/12;6/18=6/18;6/24=6/24;6/60=6/60;3/60=3/60;1/60=1/60;LP=Persepsi cahaya;NLP=Tanpa persepsi cahaya', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_penglihatan', 'visus_kiri', 'pilihan', 1, 'Visus mata kiri', '', NULL, NULL, NULL, '6/6=6/6;6/9=6/9;6/12=6/12;6/18=6/18;6/24=6/24;6/60=6/60;3/60=3/60;1/60=1/60;LP=Persepsi cahaya;NLP=Tanpa persepsi cahaya', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('f_penglihatan', 'katarak', 'ya_tidak', 0, 'Katarak', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_penglihatan', 'refraksi', 'ya_tidak', 0, 'Kelainan refraksi', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_penglihatan', 'kacamata', 'ya_tidak', 0, 'Diberi resep kacamata', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak'),
 ('f_penglihatan', 'dirujuk', 'ya_tidak', 0, 'Dirujuk', '', NULL, NULL, NULL, NULL, NULL, 'Y = ya, T = tidak');
