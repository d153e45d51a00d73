-- The planted cases of tests/golden/periksa.sh, one per check, written by hand
-- beside the imported visits (found by No. RM and date).
CREATE TEMP VIEW kv AS
SELECT p.no_rm, k.tanggal, k.id FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id;

-- a man with an ANC visit
INSERT INTO f_anc (kunjungan_id, kontak, hpht) VALUES
 ((SELECT id FROM kv WHERE no_rm = '400012' AND tanggal = '2026-10-07'), 1, '2026-08-01');
-- an ANC contact numbered below the one before it, under the same HPHT
INSERT INTO f_anc (kunjungan_id, kontak, hpht) VALUES
 ((SELECT id FROM kv WHERE no_rm = '400019' AND tanggal = '2026-09-15'), 3, '2026-04-20'),
 ((SELECT id FROM kv WHERE no_rm = '400019' AND tanggal = '2026-10-15'), 2, '2026-04-20');
-- a man given an IUD
INSERT INTO f_kb (kunjungan_id, metode, status) VALUES
 ((SELECT id FROM kv WHERE no_rm = '400013' AND tanggal = '2026-10-08'), 'IUD', 'BARU');
-- imunisasi dasar for a seven-year-old
INSERT INTO f_imunisasi (kunjungan_id, mr) VALUES
 ((SELECT id FROM kv WHERE no_rm = '400017' AND tanggal = '2026-10-13'), '1');
-- lansia screening at 45
INSERT INTO f_lansia (kunjungan_id, kognitif) VALUES
 ((SELECT id FROM kv WHERE no_rm = '400018' AND tanggal = '2026-10-14'), 0);
-- a birth date estimated from the age told
UPDATE pasien SET lahir_perkiraan = 1 WHERE no_rm = '400014';
-- the monthly LB4 entry of every month but October
INSERT INTO lb4_agregat (bulan, penyuluhan_dalam) VALUES (202607, 4), (202608, 4), (202609, 4), (202611, 4);
