-- Report rows that count by a date of their own (forms/laporan: tanggal = KOLOM)
-- read only that month through these, however many years are stored.
CREATE INDEX f_persalinan_tanggal ON f_persalinan(tanggal_persalinan);
CREATE INDEX f_tb_mulai ON f_tb(mulai_pengobatan);
CREATE INDEX f_ranap_masuk ON f_ranap(tanggal_masuk);
CREATE INDEX f_ranap_keluar ON f_ranap(tanggal_keluar);

-- UNIQUE (pasien_id, tanggal, unit) already orders a patient's visits by date:
-- this second index only made every saved visit slower.
DROP INDEX kunjungan_pasien;
