-- The whole outpatient record for SATUSEHAT (issue 35): KFA codes, procedures
-- (ICD-9-CM), allergies and the vaccines' codes.

-- An imported KFA list (pkm impor kfa FILE.csv) to map the drug master from:
-- obat.kode_kfa (023) holds the chosen product code (93...).
CREATE TABLE kfa (
  kode      TEXT PRIMARY KEY CHECK (length(kode) BETWEEN 3 AND 30 AND kode NOT GLOB '*[^0-9]*'),
  nama      TEXT NOT NULL CHECK (length(nama) BETWEEN 1 AND 200),
  nama_cari TEXT NOT NULL,
  bentuk    TEXT NOT NULL DEFAULT '' CHECK (length(bentuk) <= 60)
) STRICT;

-- ICD-9-CM procedures: shipped common codes, importable like ICD-10.
CREATE TABLE icd9 (
  kode      TEXT PRIMARY KEY CHECK (kode GLOB '[0-9][0-9]*' AND length(kode) <= 7),
  nama      TEXT NOT NULL CHECK (length(nama) BETWEEN 1 AND 200),
  nama_cari TEXT NOT NULL
) STRICT;

-- Procedures done at a visit.
CREATE TABLE tindakan (
  id            INTEGER PRIMARY KEY,
  kunjungan_id  INTEGER NOT NULL REFERENCES kunjungan(id) ON DELETE CASCADE,
  icd9          TEXT NOT NULL REFERENCES icd9(kode),
  keterangan    TEXT NOT NULL DEFAULT '' CHECK (length(keterangan) <= 100),
  UNIQUE (kunjungan_id, icd9)
) STRICT;

-- Common food and environment allergens with their SNOMED CT codes (shipped);
-- a drug allergen is a drug of the master, by its KFA code.
CREATE TABLE alergen (
  kode      TEXT PRIMARY KEY CHECK (length(kode) BETWEEN 3 AND 20 AND kode NOT GLOB '*[^0-9]*'),
  nama      TEXT NOT NULL,
  kategori  TEXT NOT NULL CHECK (kategori IN ('food', 'environment', 'medication'))
) STRICT;

-- A patient's allergies, entered by clinicians. Exactly one of obat (a drug of
-- the master) and alergen is set. Never deleted once written: an allergy found
-- wrong is marked status 'entered-in-error', one resolved 'resolved'.
CREATE TABLE alergi (
  id          INTEGER PRIMARY KEY,
  pasien_id   INTEGER NOT NULL REFERENCES pasien(id),
  obat        TEXT REFERENCES obat(kode),
  alergen     TEXT REFERENCES alergen(kode),
  reaksi      TEXT NOT NULL DEFAULT '' CHECK (length(reaksi) <= 100),
  keparahan   TEXT NOT NULL DEFAULT 'moderate' CHECK (keparahan IN ('mild', 'moderate', 'severe')),
  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'resolved', 'entered-in-error')),
  kunjungan_id INTEGER REFERENCES kunjungan(id),
  dicatat     TEXT NOT NULL DEFAULT (datetime('now')),
  pencatat    INTEGER REFERENCES pengguna(id),
  CHECK ((obat IS NULL) <> (alergen IS NULL))
) STRICT;
CREATE INDEX alergi_pasien ON alergi(pasien_id);

-- A prescription line written over an allergy warning: asked once, recorded.
ALTER TABLE resep ADD COLUMN alergi_abaikan INTEGER REFERENCES alergi(id);

-- Each dose of the imunisasi form to its KFA vaccine code and the reason
-- (shipped). kolom/nilai: f_imunisasi's column and the value it holds for the
-- dose (bcg and je: 1).
CREATE TABLE vaksin_kfa (
  kolom     TEXT NOT NULL,
  nilai     TEXT NOT NULL,
  kode_kfa  TEXT NOT NULL,
  nama      TEXT NOT NULL,
  dosis     INTEGER NOT NULL CHECK (dosis >= 1),
  alasan    TEXT NOT NULL CHECK (alasan IN ('IM-Dasar', 'IM-Baduta', 'IM-Lanjutan', 'IM-WUS', 'IM-BIAS',
                                            'IM-Khusus')),
  PRIMARY KEY (kolom, nilai)
) STRICT, WITHOUT ROWID;

-- What the allergy screen's fields are (one field editor reads these).
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('alergi', 'obat', 'teks', 0, 'Obat', '', NULL, NULL, 20, NULL, NULL, 'Alergi obat: kode atau awal kata nama obat; Spasi: pilih dari daftar'),
 ('alergi', 'alergen', 'teks', 0, 'Atau alergen', '', NULL, NULL, 20, NULL, NULL, 'Makanan/lingkungan: awal kata (telur, debu); Spasi: pilih dari daftar'),
 ('alergi', 'reaksi', 'teks', 0, 'Reaksi', '', NULL, NULL, 100, NULL, NULL, 'Misalnya: gatal dan bentol, sesak napas; paling banyak 100 karakter'),
 ('alergi', 'keparahan', 'pilihan', 1, 'Keparahan', '', NULL, NULL, NULL, 'mild=Ringan;moderate=Sedang;severe=Berat', NULL, 'Spasi: pilih dari daftar, atau ketik kodenya'),
 ('alergi', 'status', 'pilihan', 1, 'Status', '', NULL, NULL, NULL, 'active=Aktif;resolved=Sudah sembuh;entered-in-error=Salah catat', NULL, 'Salah catat: catatan tidak dihapus, hanya ditandai'),
 ('tindakan', 'icd9', 'teks', 1, 'Tindakan (ICD-9-CM)', '', NULL, NULL, 40, NULL, NULL, 'Kode (86.59) atau awal kata nama (jahit, nebul) lalu Tab; Spasi: daftar'),
 ('tindakan', 'keterangan', 'teks', 0, 'Keterangan', '', NULL, NULL, 100, NULL, NULL, 'Teks bebas, paling banyak 100 karakter');

-- Common ICD-9-CM (volume 3) procedures of a puskesmas; a full list is
-- imported with pkm impor icd9. Names in Indonesian, searched by word starts
-- (the words a nurse says, cabut gigi or jahit luka, in brackets).
INSERT INTO icd9 (kode, nama, nama_cari) VALUES
 ('18.01', 'Tindik daun telinga', ''),
 ('21.01', 'Kontrol epistaksis dengan tampon hidung anterior', ''),
 ('23.01', 'Pencabutan gigi susu (cabut gigi)', ''),
 ('23.09', 'Pencabutan gigi tetap (cabut gigi)', ''),
 ('23.11', 'Pengangkatan sisa akar gigi', ''),
 ('23.2', 'Restorasi gigi dengan tambalan (tambal gigi)', ''),
 ('23.70', 'Perawatan saluran akar gigi', ''),
 ('24.0', 'Insisi gusi atau tulang alveolar (abses gigi)', ''),
 ('38.93', 'Kateterisasi vena (pemasangan infus)', ''),
 ('39.98', 'Kontrol perdarahan', ''),
 ('57.94', 'Pemasangan kateter urin menetap', ''),
 ('64.0', 'Sirkumsisi (khitan, sunat)', ''),
 ('69.7', 'Pemasangan alat kontrasepsi dalam rahim (AKDR/IUD)', ''),
 ('73.09', 'Amniotomi (pemecahan ketuban buatan)', ''),
 ('73.4', 'Induksi persalinan dengan obat', ''),
 ('73.59', 'Pertolongan persalinan normal', ''),
 ('73.6', 'Episiotomi', ''),
 ('75.4', 'Pengeluaran plasenta manual', ''),
 ('75.69', 'Penjahitan robekan jalan lahir/perineum (jahit perineum)', ''),
 ('79.00', 'Reposisi tertutup patah tulang tanpa fiksasi', ''),
 ('79.70', 'Reposisi tertutup dislokasi sendi', ''),
 ('86.01', 'Aspirasi kulit dan jaringan subkutan', ''),
 ('86.04', 'Insisi dan drainase kulit dan jaringan subkutan (abses)', ''),
 ('86.05', 'Insisi dan pengangkatan benda asing atau implan dari kulit (cabut implan KB)', ''),
 ('86.09', 'Insisi kulit lainnya (pemasangan implan KB)', ''),
 ('86.11', 'Biopsi kulit dan jaringan subkutan', ''),
 ('86.22', 'Debridemen luka, infeksi atau luka bakar secara eksisi', ''),
 ('86.23', 'Pencabutan kuku (cabut kuku, ekstraksi kuku)', ''),
 ('86.27', 'Debridemen kuku, dasar kuku atau lipatan kuku', ''),
 ('86.28', 'Debridemen luka noneksisi (pembersihan luka)', ''),
 ('86.3', 'Eksisi lokal lesi kulit (kista, lipoma kecil, kutil)', ''),
 ('86.59', 'Penjahitan luka kulit dan jaringan subkutan (jahit luka, hecting)', ''),
 ('87.44', 'Rontgen toraks rutin', ''),
 ('88.78', 'USG kehamilan (ultrasonografi uterus gravid)', ''),
 ('89.01', 'Wawancara dan evaluasi singkat', ''),
 ('89.26', 'Pemeriksaan ginekologis (termasuk IVA)', ''),
 ('89.31', 'Pemeriksaan gigi', ''),
 ('89.52', 'Elektrokardiogram (EKG)', ''),
 ('89.7', 'Pemeriksaan fisik umum', ''),
 ('91.46', 'Pemeriksaan mikroskopik apusan serviks (Pap smear)', ''),
 ('93.39', 'Fisioterapi lainnya', ''),
 ('93.53', 'Pemasangan gips', ''),
 ('93.54', 'Pemasangan bidai', ''),
 ('93.57', 'Perawatan luka dan penggantian balutan', ''),
 ('93.94', 'Nebulisasi (pemberian obat dengan nebulizer)', ''),
 ('93.96', 'Pemberian oksigen', ''),
 ('94.49', 'Konseling lainnya', ''),
 ('95.01', 'Pemeriksaan mata terbatas (visus)', ''),
 ('96.07', 'Pemasangan selang nasogastrik (NGT)', ''),
 ('96.52', 'Irigasi telinga (spoeling, pengeluaran serumen)', ''),
 ('96.53', 'Irigasi rongga hidung', ''),
 ('96.54', 'Pembersihan karang gigi (skeling) dan pemolesan', ''),
 ('96.59', 'Irigasi luka lainnya', ''),
 ('97.38', 'Pengangkatan jahitan kepala dan leher (aff hecting)', ''),
 ('97.71', 'Pencabutan alat kontrasepsi dalam rahim (AKDR/IUD)', ''),
 ('97.84', 'Pengangkatan jahitan badan (aff hecting)', ''),
 ('98.11', 'Pengangkatan benda asing dari telinga tanpa insisi', ''),
 ('98.12', 'Pengangkatan benda asing dari hidung tanpa insisi', ''),
 ('98.13', 'Pengangkatan benda asing dari faring tanpa insisi', ''),
 ('98.20', 'Pengangkatan benda asing tanpa insisi', ''),
 ('98.21', 'Pengangkatan benda asing superfisial dari mata tanpa insisi', ''),
 ('98.26', 'Pengangkatan benda asing dari tangan tanpa insisi', ''),
 ('98.28', 'Pengangkatan benda asing dari kaki tanpa insisi', ''),
 ('99.17', 'Injeksi insulin', ''),
 ('99.18', 'Injeksi atau infus elektrolit (cairan infus)', ''),
 ('99.21', 'Injeksi antibiotik', ''),
 ('99.23', 'Injeksi steroid', ''),
 ('99.24', 'Injeksi hormon lainnya (KB suntik)', ''),
 ('99.29', 'Injeksi atau infus zat terapeutik lainnya', ''),
 ('99.32', 'Vaksinasi tifoid', ''),
 ('99.33', 'Vaksinasi tuberkulosis (BCG)', ''),
 ('99.38', 'Vaksinasi tetanus toksoid (TT/Td)', ''),
 ('99.39', 'Vaksinasi difteri-tetanus-pertusis (DPT)', ''),
 ('99.41', 'Vaksinasi polio', ''),
 ('99.44', 'Vaksinasi rabies', ''),
 ('99.45', 'Vaksinasi campak', ''),
 ('99.48', 'Vaksinasi campak-gondongan-rubela', ''),
 ('99.52', 'Vaksinasi influenza', ''),
 ('99.53', 'Vaksinasi ensefalitis virus arbovirus (Japanese encephalitis)', ''),
 ('99.55', 'Vaksinasi penyakit lainnya (hepatitis B, PCV, rotavirus, HPV)', ''),
 ('99.60', 'Resusitasi jantung paru', '');
UPDATE icd9 SET nama_cari = lower(nama);

-- Common food and environment allergens, SNOMED CT substance concepts. Codes
-- checked against the eHDSI "Allergen No Drug" value set (HL7 Europe, 8.1.0),
-- the HL7 AU base Substance example (peanut) and the Uzbekistan DHP allergen
-- concept map (pollens, mite, mould, legumes); the four marked * are from the
-- SNOMED CT browser (International edition) and were not seen in those pages.
INSERT INTO alergen (kode, nama, kategori) VALUES
 ('102263004', 'Telur', 'food'),
 ('3718001', 'Susu sapi', 'food'),
 ('10827009', 'Protein susu', 'food'),
 ('102264005', 'Keju', 'food'),
 ('762952008', 'Kacang tanah', 'food'),
 ('13577000', 'Kacang-kacangan (nut)', 'food'),
 ('227313005', 'Kacang polong-polongan (legum)', 'food'),
 ('7791007', 'Protein kedelai', 'food'),
 ('44027008', 'Makanan laut (seafood)', 'food'),		-- *
 ('735029006', 'Kerang-kerangan (shellfish)', 'food'),	-- *
 ('102262009', 'Cokelat', 'food'),
 ('102261002', 'Stroberi', 'food'),
 ('102259006', 'Buah jeruk', 'food'),
 ('22836000', 'Sayuran', 'food'),
 ('16313001', 'Teh', 'food'),
 ('11526002', 'Aspartam (pemanis buatan)', 'food'),
 ('21592006', 'Tartrazin (pewarna kuning)', 'food'),
 ('128488006', 'Debu rumah', 'environment'),
 ('264401009', 'Tungau debu rumah', 'environment'),
 ('256277009', 'Serbuk sari rumput', 'environment'),
 ('782576004', 'Serbuk sari pohon', 'environment'),
 ('23988000', 'Spora jamur', 'environment'),
 ('264287008', 'Bulu binatang (dander)', 'environment'),	-- *
 ('288328004', 'Sengatan lebah (bisa lebah)', 'environment'),	-- *
 ('111088007', 'Lateks (karet sarung tangan)', 'environment'),
 ('111095003', 'Formaldehida', 'environment');

-- The imunisasi form's doses. KFA product codes as SATUSEHAT integrations send
-- them for the program's vaccines (Bio Farma's BCG, bOPV, Pentabio, M/R; Shan
-- IPV; Pneumosil PCV), seen in a public SATUSEHAT integration's vaccine map
-- (KFA to CVX). Rotavirus and JE were not found there: their codes (marked ?)
-- are the program products' as best known and must be checked against the KFA
-- browser before the first send (an update of this table fixes them).
-- Reasons: terminology.kemkes.go.id immunization-reason (IM-Dasar, IM-Baduta).
INSERT INTO vaksin_kfa (kolom, nilai, kode_kfa, nama, dosis, alasan) VALUES
 ('bcg', '1', '93005208', 'Vaksin BCG Kering 0.375 mg/mL Serbuk Injeksi (BIO FARMA, 20)', 1, 'IM-Dasar'),
 ('polio', '1', '93004972', 'Vaksin Poliomyelitis Oral Bivalent Tipe 1 & 3', 1, 'IM-Dasar'),
 ('polio', '2', '93004972', 'Vaksin Poliomyelitis Oral Bivalent Tipe 1 & 3', 2, 'IM-Dasar'),
 ('polio', '3', '93004972', 'Vaksin Poliomyelitis Oral Bivalent Tipe 1 & 3', 3, 'IM-Dasar'),
 ('polio', '4', '93004972', 'Vaksin Poliomyelitis Oral Bivalent Tipe 1 & 3', 4, 'IM-Dasar'),
 ('dpt_hb_hib', '1', '93001282', 'Vaksin DTP-HB-Hib 0,5 mL (PENTABIO, 1)', 1, 'IM-Dasar'),
 ('dpt_hb_hib', '2', '93001282', 'Vaksin DTP-HB-Hib 0,5 mL (PENTABIO, 1)', 2, 'IM-Dasar'),
 ('dpt_hb_hib', '3', '93001282', 'Vaksin DTP-HB-Hib 0,5 mL (PENTABIO, 1)', 3, 'IM-Dasar'),
 ('dpt_hb_hib', '4', '93001282', 'Vaksin DTP-HB-Hib 0,5 mL (PENTABIO, 1)', 4, 'IM-Baduta'),
 ('ipv', '1', '93004736', 'Vaksin Poliomyelitis Inaktif (IPV) 0,5 mL (Shan IPV, 10)', 1, 'IM-Dasar'),
 ('ipv', '2', '93004736', 'Vaksin Poliomyelitis Inaktif (IPV) 0,5 mL (Shan IPV, 10)', 2, 'IM-Dasar'),
 ('pcv', '1', '93001619', 'Vaksin Streptococcus Pneumoniae Serotype 0,5mL (PNEUMOSIL, 1)', 1, 'IM-Dasar'),
 ('pcv', '2', '93001619', 'Vaksin Streptococcus Pneumoniae Serotype 0,5mL (PNEUMOSIL, 1)', 2, 'IM-Dasar'),
 ('pcv', '3', '93001619', 'Vaksin Streptococcus Pneumoniae Serotype 0,5mL (PNEUMOSIL, 1)', 3, 'IM-Baduta'),
 ('rv', '1', '93007010', 'Vaksin Rotavirus Oral (ROTAVIN-M1)', 1, 'IM-Dasar'),	-- ?
 ('rv', '2', '93007010', 'Vaksin Rotavirus Oral (ROTAVIN-M1)', 2, 'IM-Dasar'),	-- ?
 ('rv', '3', '93007010', 'Vaksin Rotavirus Oral (ROTAVIN-M1)', 3, 'IM-Dasar'),	-- ?
 ('mr', '1', '93005779', 'Vaksin M/R 1000 CCID_50, 0.5 mL (BIO FARMA, 1)', 1, 'IM-Dasar'),
 ('mr', '2', '93005779', 'Vaksin M/R 1000 CCID_50, 0.5 mL (BIO FARMA, 1)', 2, 'IM-Baduta'),
 ('je', '1', '93006541', 'Vaksin Japanese Encephalitis Live Attenuated SA 14-14-2', 1, 'IM-Dasar');	-- ?
