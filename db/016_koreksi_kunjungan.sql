-- Correcting and cancelling a visit. A cancelled visit keeps its row, its
-- diagnoses and forms (the trail and the queue number stay), and no report
-- counts it: batal holds the reason.
ALTER TABLE kunjungan ADD COLUMN batal TEXT CHECK (batal IS NULL OR length(batal) BETWEEN 3 AND 200);

-- A queue number a visit left when it moved to another unit stays taken: the
-- next number of that day and unit is past it too.
CREATE TABLE antrian_lepas (
  tanggal     TEXT NOT NULL,
  unit        TEXT NOT NULL,
  no_antrian  INTEGER NOT NULL,
  PRIMARY KEY (tanggal, unit, no_antrian)
) STRICT, WITHOUT ROWID;

-- The few cancelled visits, so "kunjungan baru" skips them with the set of their
-- ids (read once per report) and its look back stays on the patient index alone.
CREATE INDEX kunjungan_dibatalkan ON kunjungan(batal) WHERE batal IS NOT NULL;

-- kunjungan baru looks back to 1 January only (a range on the patient's index,
-- not every earlier year of the patient, so a month costs the same at five years)
DROP VIEW v_kunjungan;
CREATE VIEW v_kunjungan AS
SELECT k.id, k.id AS kunjungan_id, k.pasien_id, k.tanggal, k.unit, k.penjamin, p.jenis_kelamin AS jk,
       k.umur_tahun, k.umur_tahun * 12 + k.umur_bulan AS umur_bulan, k.umur_total_hari AS umur_hari,
       NOT EXISTS (SELECT 1 FROM kunjungan e
                   WHERE e.pasien_id = k.pasien_id AND e.tanggal >= substr(k.tanggal, 1, 4) || '-01-01'
                     AND (e.tanggal, e.id) < (k.tanggal, k.id)
                     AND e.id NOT IN (SELECT id FROM kunjungan WHERE batal IS NOT NULL)) AS baru
FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id
WHERE k.batal IS NULL;

INSERT INTO kamus (tabel, kolom, jenis, wajib, panjang, label, bantuan) VALUES
 ('kunjungan', 'batal', 'teks', 0, 200, 'Alasan batal',
  'Isi hanya untuk membatalkan kunjungan ini (mis. salah pasien): tidak dihitung di laporan');
