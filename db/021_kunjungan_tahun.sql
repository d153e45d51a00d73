-- "kunjungan baru" looks back over the patient's visits of the same calendar
-- year: by (year, patient, date) those are together, so the look back of a
-- month's visits reads the year's part of the index only and costs the same
-- at one year or at five (on UNIQUE (pasien_id, tanggal, unit) a patient's
-- earlier years lie between, and a month read more pages each year).
CREATE INDEX kunjungan_tahun ON kunjungan(substr(tanggal, 1, 4), pasien_id, tanggal);

DROP VIEW v_kunjungan;
CREATE VIEW v_kunjungan AS
SELECT k.id, k.id AS kunjungan_id, k.pasien_id, k.tanggal, k.unit, k.penjamin, p.jenis_kelamin AS jk,
       k.umur_tahun, k.umur_tahun * 12 + k.umur_bulan AS umur_bulan, k.umur_total_hari AS umur_hari,
       NOT EXISTS (SELECT 1 FROM kunjungan e
                   WHERE substr(e.tanggal, 1, 4) = substr(k.tanggal, 1, 4) AND e.pasien_id = k.pasien_id
                     AND (e.tanggal, e.id) < (k.tanggal, k.id)
                     AND e.id NOT IN (SELECT id FROM kunjungan WHERE batal IS NOT NULL)) AS baru
FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id
WHERE k.batal IS NULL;
