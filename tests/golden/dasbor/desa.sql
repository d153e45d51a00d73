-- The dashboards' fixture on top of fixture2: three villages of the area and a
-- neighbouring one, each patient's village, and the year's targets. Cibiru
-- has a target of pregnant women and none served: below the line for K1.
INSERT INTO desa (kode, nama, nama_cari, wilayah) VALUES
 ('3204102001', 'Sukamaju', 'sukamaju', 1),
 ('3204102002', 'Mekarsari', 'mekarsari', 1),
 ('3204102003', 'Cibiru', 'cibiru', 1),
 ('3204112001', 'Nagrak', 'nagrak', 0);
UPDATE pasien SET desa_kode = '3204102001', desa = 'Sukamaju', alamat = 'Kp. Sukamaju RT 01/02', no_hp = '081200000001'
 WHERE no_rm IN ('300001', '300003', '300005', '300007');
UPDATE pasien SET desa_kode = '3204102002', desa = 'Mekarsari', alamat = 'Kp. Mekarsari RT 03/01'
 WHERE no_rm IN ('300002', '300004', '300009', '300010');
UPDATE pasien SET no_hp = '081200000010' WHERE no_rm = '300010';
UPDATE pasien SET desa_kode = '3204102003', desa = 'Cibiru' WHERE no_rm = '300006';
UPDATE pasien SET desa_kode = '3204112001', desa = 'Nagrak' WHERE no_rm = '300008';
UPDATE pasien SET desa = 'Suka Maju' WHERE no_rm = '300011';
INSERT INTO sasaran (tahun, desa_kode, jenis, jumlah) VALUES
 (2026, '3204102001', 'bumil', 1), (2026, '3204102001', 'bulin', 1), (2026, '3204102001', 'bayi', 1),
 (2026, '3204102001', 'baduta', 1), (2026, '3204102001', 'balita', 2),
 (2026, '3204102002', 'bumil', 2), (2026, '3204102002', 'bulin', 2), (2026, '3204102002', 'bayi', 3),
 (2026, '3204102002', 'baduta', 2), (2026, '3204102002', 'balita', 3),
 (2026, '3204102003', 'bumil', 3), (2026, '3204102003', 'bulin', 3), (2026, '3204102003', 'bayi', 2),
 (2026, '3204102003', 'baduta', 2), (2026, '3204102003', 'balita', 2),
 (2026, '3204102003', 'lansia', 4), (2026, '3204102003', 'tb', 2);
CREATE TEMP VIEW kv AS
SELECT p.no_rm, k.tanggal, k.unit, k.id FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id;
-- Juli: K1 in May, 36 weeks by October and no K4: due on the list
INSERT INTO f_anc (kunjungan_id, kontak, hpht) VALUES
 ((SELECT id FROM kv WHERE no_rm = '300010' AND tanggal = '2026-05-05'), 1, '2026-02-01'),
 ((SELECT id FROM kv WHERE no_rm = '300011' AND tanggal = '2026-10-12'), 1, '2026-08-01');
-- Hadi (Nagrak, outside the area) weighed in October: his own line
INSERT INTO f_penimbangan (kunjungan_id, naik, status_gizi, stunting) VALUES
 ((SELECT id FROM kv WHERE no_rm = '300008' AND tanggal = '2026-10-10'), 1, 'BAIK', 'NORMAL');
-- Fajar (Cibiru, 66): screened as an elder in October
INSERT INTO f_lansia (kunjungan_id, adl) VALUES
 ((SELECT id FROM kv WHERE no_rm = '300006' AND tanggal = '2026-10-19' AND unit = 'K3'), 20);
