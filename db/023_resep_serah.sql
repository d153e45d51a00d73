-- The pharmacy counter (issue 31). A prescription line keeps what the
-- prescriber wrote (obat, jumlah, signa) and, beside it, what the pharmacist
-- decided to give: another drug, quantity or signa with the reason. A line is
-- given in parts (its PAKAI movements), and is finished when the whole of it is
-- given or it is closed with a reason.
--   target of a line   coalesce(jumlah_beri, jumlah), of coalesce(obat_beri, obat)
--   given so far       diberi, kept by the trigger below from the PAKAI movements
--   finished           diberi >= target, or tutup IS NOT NULL
--   diserahkan         the date a line was finished with something given

-- The drug master: Fornas, KFA, the most one prescription may hold, and a
-- closed drug (never deleted once it has stock or history).
ALTER TABLE obat ADD COLUMN fornas INTEGER NOT NULL DEFAULT 1 CHECK (fornas IN (0, 1));
ALTER TABLE obat ADD COLUMN kode_kfa TEXT CHECK (kode_kfa IS NULL OR length(kode_kfa) BETWEEN 1 AND 30);
ALTER TABLE obat ADD COLUMN maks_resep INTEGER CHECK (maks_resep IS NULL OR maks_resep > 0);
ALTER TABLE obat ADD COLUMN ditutup TEXT CHECK (ditutup IS NULL OR date(ditutup) IS ditutup);

ALTER TABLE resep ADD COLUMN hari INTEGER CHECK (hari IS NULL OR hari BETWEEN 1 AND 366);
ALTER TABLE resep ADD COLUMN obat_beri TEXT REFERENCES obat(kode);
ALTER TABLE resep ADD COLUMN jumlah_beri INTEGER CHECK (jumlah_beri IS NULL OR jumlah_beri > 0);
ALTER TABLE resep ADD COLUMN signa_beri TEXT CHECK (signa_beri IS NULL OR length(signa_beri) <= 40);
ALTER TABLE resep ADD COLUMN alasan_ubah TEXT CHECK (alasan_ubah IS NULL OR length(alasan_ubah) BETWEEN 3 AND 100);
ALTER TABLE resep ADD COLUMN tutup TEXT
  CHECK (tutup IS NULL OR tutup IN ('STOK_KOSONG', 'DIGANTI', 'MENOLAK', 'BATAL_DOKTER'));
ALTER TABLE resep ADD COLUMN diberi INTEGER NOT NULL DEFAULT 0 CHECK (diberi >= 0);
-- When the line reached the pharmacy (the queue's order and waiting time);
-- written by the program, the visit's time for lines older than this column.
ALTER TABLE resep ADD COLUMN dibuat TEXT;

UPDATE resep SET diberi = coalesce((SELECT -sum(m.jumlah) FROM mutasi m WHERE m.resep_id = resep.id), 0),
                 dibuat = (SELECT k.dibuat FROM kunjungan k WHERE k.id = resep.kunjungan_id);

CREATE TRIGGER mutasi_diberi AFTER INSERT ON mutasi WHEN NEW.resep_id IS NOT NULL
BEGIN
  UPDATE resep SET diberi = diberi - NEW.jumlah WHERE id = NEW.resep_id;
END;

CREATE INDEX resep_dibuat ON resep(dibuat);

INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('obat', 'fornas', 'ya_tidak', 1, 'Fornas', '', NULL, NULL, NULL, NULL, NULL,
  'Ya bila obat ada di Formularium Nasional'),
 ('obat', 'kode_kfa', 'teks', 0, 'Kode KFA', '', NULL, NULL, 30, NULL, NULL, 'Kode Kamus Farmasi dan Alat Kesehatan (SATUSEHAT)'),
 ('obat', 'maks_resep', 'bulat', 0, 'Maks. per resep', '', 1, 100000, NULL, NULL, NULL,
  'Jumlah di atas ini ditanyakan dulu; kosong: [farmasi] maks_resep'),
 ('resep', 'hari', 'bulat', 0, 'Lama terapi', 'hari', 1, 366, NULL, NULL, NULL,
  'Untuk memilih batch yang tidak kedaluwarsa sebelum obat habis'),
 ('resep', 'jumlah_beri', 'bulat', 1, 'Jumlah diberikan', '', 1, 10000, NULL, NULL, NULL, 'Banyaknya yang diserahkan'),
 ('resep', 'signa_beri', 'teks', 0, 'Signa diberikan', '', NULL, NULL, 40, NULL, NULL, 'Aturan pakai, mis. 3x1 sesudah makan'),
 ('resep', 'alasan_ubah', 'teks', 1, 'Alasan perubahan', '', NULL, NULL, 100, NULL, NULL,
  'Mengapa berbeda dari resep dokter, mis. kekuatan tidak tersedia'),
 ('resep', 'tutup', 'pilihan', 1, 'Alasan ditutup', '', NULL, NULL, NULL,
  'STOK_KOSONG=Stok kosong;DIGANTI=Diganti obat lain;MENOLAK=Pasien menolak;BATAL_DOKTER=Dibatalkan dokter', NULL,
  'Sisa yang belum diberikan tidak akan diserahkan lagi');

UPDATE kamus SET pilihan = 'PROGRAM=APBN program;APBD1=APBD I;APBD2=APBD II;DAK=DAK;JKN=JKN kapitasi;BLUD=BLUD;'
                           || 'HIBAH=Hibah;LAINNYA=Lainnya'
 WHERE tabel = 'batch' AND kolom = 'sumber';
UPDATE kamus SET bantuan = 'Kode atau awal kata nama obat, mis. amox, para 500; Spasi: pilih dari daftar'
 WHERE tabel = 'resep' AND kolom = 'obat';
