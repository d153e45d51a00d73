-- Pharmacy (Klaster 1 / Kefarmasian): the drug master, batches per funding source,
-- every stock movement, and prescriptions on a visit (README domain rule 3).
-- Stock changes only by a movement: a batch's balance (batch.saldo) is kept by
-- the trigger below from its movements, which can be neither changed nor deleted,
-- so the balance, the stock card and the LPLPO cannot disagree.

CREATE TABLE obat (
  kode          TEXT PRIMARY KEY CHECK (length(kode) BETWEEN 1 AND 20),
  nama          TEXT NOT NULL CHECK (length(nama) BETWEEN 1 AND 100),
  satuan        TEXT NOT NULL CHECK (length(satuan) BETWEEN 1 AND 20),
  kategori      TEXT NOT NULL DEFAULT 'OBAT',
  -- fixed optimum set by the district for this drug; NULL = computed by the
  -- configured method ([farmasi] stok_optimum)
  stok_optimum  INTEGER CHECK (stok_optimum IS NULL OR stok_optimum >= 0)
) STRICT;

CREATE TABLE batch (
  id           INTEGER PRIMARY KEY,
  obat         TEXT NOT NULL REFERENCES obat(kode),
  sumber       TEXT NOT NULL,
  no_batch     TEXT NOT NULL CHECK (length(no_batch) BETWEEN 1 AND 30),
  kedaluwarsa  TEXT NOT NULL CHECK (date(kedaluwarsa) IS kedaluwarsa),
  -- never below zero, whatever program writes
  saldo        INTEGER NOT NULL DEFAULT 0 CHECK (saldo >= 0),
  UNIQUE (obat, sumber, no_batch, kedaluwarsa)
) STRICT;

CREATE TABLE resep (
  id            INTEGER PRIMARY KEY,
  kunjungan_id  INTEGER NOT NULL REFERENCES kunjungan(id) ON DELETE CASCADE,
  obat          TEXT NOT NULL REFERENCES obat(kode),
  jumlah        INTEGER NOT NULL CHECK (jumlah > 0),
  signa         TEXT NOT NULL DEFAULT '' CHECK (length(signa) <= 40),
  diserahkan    TEXT CHECK (diserahkan IS NULL OR date(diserahkan) IS diserahkan),
  UNIQUE (kunjungan_id, obat)
) STRICT;

-- jumlah: + into the batch, - out of it. AWAL is the opening stock (counted as
-- stok awal of its month), OPNAME the difference found at a stock-take (0 allowed,
-- so a count that matched is on the card too).
CREATE TABLE mutasi (
  id          INTEGER PRIMARY KEY,
  batch_id    INTEGER NOT NULL REFERENCES batch(id),
  tanggal     TEXT NOT NULL CHECK (date(tanggal) IS tanggal),
  jenis       TEXT NOT NULL CHECK (jenis IN ('AWAL', 'TERIMA', 'PAKAI', 'RUSAK', 'KEDALUWARSA', 'MUTASI',
                                             'OPNAME')),
  jumlah      INTEGER NOT NULL CHECK (jumlah <> 0 OR jenis = 'OPNAME'),
  resep_id    INTEGER REFERENCES resep(id),
  keterangan  TEXT NOT NULL DEFAULT '' CHECK (length(keterangan) <= 100),
  dibuat      TEXT NOT NULL DEFAULT (datetime('now')),
  CHECK ((jenis = 'PAKAI') = (resep_id IS NOT NULL))
) STRICT;
CREATE INDEX mutasi_batch ON mutasi(batch_id, tanggal);
CREATE INDEX mutasi_tanggal ON mutasi(tanggal);
CREATE INDEX resep_kunjungan ON resep(kunjungan_id);

CREATE INDEX batch_obat ON batch(obat, kedaluwarsa);

CREATE TRIGGER mutasi_saldo AFTER INSERT ON mutasi
BEGIN
  UPDATE batch SET saldo = saldo + NEW.jumlah WHERE id = NEW.batch_id;
END;
CREATE TRIGGER mutasi_tetap_ubah BEFORE UPDATE ON mutasi
BEGIN
  SELECT RAISE(ABORT, 'mutasi stok tidak dapat diubah; catat koreksi sebagai mutasi baru');
END;
CREATE TRIGGER mutasi_tetap_hapus BEFORE DELETE ON mutasi
BEGIN
  SELECT RAISE(ABORT, 'mutasi stok tidak dapat dihapus; catat koreksi sebagai mutasi baru');
END;

-- Views the report definitions (forms/laporan) count from: a visit with the
-- patient's sex, ages and whether it is the first visit of the calendar year
-- (README domain rule 5, kunjungan baru), and prescriptions with the drug's category.
CREATE VIEW v_kunjungan AS
SELECT k.id, k.id AS kunjungan_id, k.pasien_id, k.tanggal, k.unit, k.penjamin, p.jenis_kelamin AS jk,
       k.umur_tahun, k.umur_tahun * 12 + k.umur_bulan AS umur_bulan, k.umur_total_hari AS umur_hari,
       NOT EXISTS (SELECT 1 FROM kunjungan e
                   WHERE e.pasien_id = k.pasien_id AND substr(e.tanggal, 1, 4) = substr(k.tanggal, 1, 4)
                     AND (e.tanggal, e.id) < (k.tanggal, k.id)) AS baru
FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id;

CREATE VIEW v_resep AS
SELECT r.id, r.kunjungan_id, r.obat, r.jumlah, o.kategori
FROM resep r JOIN obat o ON o.kode = r.obat;

INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('obat', 'kode', 'teks', 1, 'Kode obat', '', NULL, NULL, 20, NULL, NULL, 'Kode obat dari daftar Dinas Kesehatan'),
 ('obat', 'nama', 'teks', 1, 'Nama obat', '', NULL, NULL, 100, NULL, NULL, 'Nama dan kekuatan, mis. Parasetamol 500 mg'),
 ('obat', 'satuan', 'teks', 1, 'Satuan', '', NULL, NULL, 20, NULL, NULL, 'Satuan terkecil: tablet, botol, ampul'),
 ('obat', 'kategori', 'pilihan', 1, 'Kategori', '', NULL, NULL, NULL,
  'OBAT=Obat;ANTIBIOTIK=Antibiotik;INJEKSI=Injeksi;VAKSIN=Vaksin;BMHP=Bahan medis habis pakai', NULL,
  'Antibiotik dan injeksi dipakai untuk indikator penggunaan obat rasional'),
 ('obat', 'stok_optimum', 'bulat', 0, 'Stok optimum tetap', '', 0, 10000000, NULL, NULL, NULL,
  'Kosongkan agar dihitung dari pemakaian (lihat [farmasi] stok_optimum)'),
 ('batch', 'sumber', 'pilihan', 1, 'Sumber dana', '', NULL, NULL, NULL,
  'APBD1=APBD I;APBD2=APBD II;DAK=DAK;PROGRAM=Program;LAINNYA=Lainnya', NULL, 'Spasi: pilih dari daftar'),
 ('batch', 'no_batch', 'teks', 1, 'No. batch', '', NULL, NULL, 30, NULL, NULL, 'Nomor batch pada kemasan'),
 ('batch', 'kedaluwarsa', 'tanggal', 1, 'Kedaluwarsa', '', NULL, NULL, NULL, NULL, NULL, 'DD-MM-YYYY pada kemasan'),
 ('mutasi', 'tanggal', 'tanggal', 1, 'Tanggal', '', NULL, NULL, NULL, NULL, NULL, 'DD-MM-YYYY'),
 ('mutasi', 'jumlah', 'bulat', 1, 'Jumlah', '', 1, 10000000, NULL, NULL, NULL, 'Banyaknya dalam satuan terkecil'),
 ('mutasi', 'jenis', 'pilihan', 1, 'Jenis pengeluaran', '', NULL, NULL, NULL,
  'RUSAK=Rusak;KEDALUWARSA=Kedaluwarsa;MUTASI=Mutasi ke unit/faskes lain', NULL, 'Spasi: pilih dari daftar'),
 ('mutasi', 'keterangan', 'teks', 0, 'Keterangan', '', NULL, NULL, 100, NULL, NULL, 'Asal, tujuan atau alasan'),
 ('mutasi', 'hitung', 'bulat', 1, 'Hasil hitung fisik', '', 0, 10000000, NULL, NULL, NULL,
  'Jumlah yang benar-benar ada di rak untuk batch ini'),
 ('resep', 'obat', 'teks', 1, 'Obat', '', NULL, NULL, 20, NULL, NULL, 'Kode atau awal nama obat; Spasi: pilih dari daftar'),
 ('resep', 'jumlah', 'bulat', 1, 'Jumlah', '', 1, 10000, NULL, NULL, NULL, 'Banyaknya yang diberikan'),
 ('resep', 'signa', 'teks', 0, 'Signa', '', NULL, NULL, 40, NULL, NULL, 'Aturan pakai, mis. 3x1 sesudah makan');
