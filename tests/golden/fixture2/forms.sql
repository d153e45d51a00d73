-- Form rows, stock movements and prescriptions of the golden fixture, written by
-- hand (the screens' work is tested by tmux; here the counting rules are). Visits
-- are found by No. RM, date and unit, as imported from kunjungan.csv.
CREATE TEMP VIEW kv AS
SELECT p.no_rm, k.tanggal, k.unit, k.id FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id;

INSERT INTO f_anc (kunjungan_id, kontak, hpht, kek, anemia, ttd, imunisasi_td) VALUES
 ((SELECT id FROM kv WHERE no_rm = '300001' AND tanggal = '2026-09-10' AND unit = 'K2'), 1, '2026-04-01', 0, 0, 0, NULL),
 ((SELECT id FROM kv WHERE no_rm = '300001' AND tanggal = '2026-10-08' AND unit = 'K2'), 4, '2026-04-01', 1, 0, 30, '2'),
 ((SELECT id FROM kv WHERE no_rm = '300002' AND tanggal = '2026-10-09' AND unit = 'K2'), 1, '2026-07-01', 0, 1, 0, '1'),
 ((SELECT id FROM kv WHERE no_rm = '300002' AND tanggal = '2026-10-20' AND unit = 'K2'), 2, '2026-07-01', 0, 1, 30, NULL);

INSERT INTO f_persalinan (kunjungan_id, tanggal_persalinan, tempat, penolong, cara, lahir_hidup) VALUES
 ((SELECT id FROM kv WHERE no_rm = '300007' AND tanggal = '2026-10-03'), '2026-10-03', 'PKM', 'BIDAN', 'NORMAL', 1);

INSERT INTO f_nifas (kunjungan_id, kunjungan_nifas, vitamin_a) VALUES
 ((SELECT id FROM kv WHERE no_rm = '300007' AND tanggal = '2026-10-03'), 'KF1', 1),
 ((SELECT id FROM kv WHERE no_rm = '300007' AND tanggal = '2026-10-07'), 'KF2', 0),
 ((SELECT id FROM kv WHERE no_rm = '300007' AND tanggal = '2026-10-15'), 'KF3', 0),
 ((SELECT id FROM kv WHERE no_rm = '300007' AND tanggal = '2026-10-31'), 'KF4', 0);

INSERT INTO f_kb (kunjungan_id, metode, status, pasca_persalinan) VALUES
 ((SELECT id FROM kv WHERE no_rm = '300007' AND tanggal = '2026-10-31'), 'IMPLAN', 'BARU', 1);

INSERT INTO f_neonatal (kunjungan_id, kunjungan_neonatal, hb0) VALUES
 ((SELECT id FROM kv WHERE no_rm = '300003' AND tanggal = '2026-01-16'), 'KN1', 'H24'),
 ((SELECT id FROM kv WHERE no_rm = '300004' AND tanggal = '2026-10-03'), 'KN1', 'H24'),
 ((SELECT id FROM kv WHERE no_rm = '300004' AND tanggal = '2026-10-07'), 'KN2', NULL),
 ((SELECT id FROM kv WHERE no_rm = '300004' AND tanggal = '2026-10-20'), 'KN3', NULL);

INSERT INTO f_imunisasi (kunjungan_id, bcg, polio, dpt_hb_hib, ipv, mr) VALUES
 ((SELECT id FROM kv WHERE no_rm = '300003' AND tanggal = '2026-02-10'), 1, '1', NULL, NULL, NULL),
 ((SELECT id FROM kv WHERE no_rm = '300003' AND tanggal = '2026-05-15'), NULL, '4', '3', '1', NULL),
 ((SELECT id FROM kv WHERE no_rm = '300003' AND tanggal = '2026-10-16'), NULL, NULL, NULL, NULL, '1');

INSERT INTO f_penimbangan (kunjungan_id, naik, vitamin_a, status_gizi, stunting, bgm) VALUES
 ((SELECT id FROM kv WHERE no_rm = '300005' AND tanggal = '2026-09-15'), 0, NULL, 'BAIK', 'NORMAL', 0),
 ((SELECT id FROM kv WHERE no_rm = '300005' AND tanggal = '2026-10-15'), 0, 'MERAH', 'KURANG', 'PENDEK', 0),
 ((SELECT id FROM kv WHERE no_rm = '300003' AND tanggal = '2026-10-16'), 1, 'BIRU', 'BAIK', 'NORMAL', 0);

INSERT INTO f_diare (kunjungan_id, lama, dehidrasi) VALUES
 ((SELECT id FROM kv WHERE no_rm = '300005' AND tanggal = '2026-10-15'), 2, 'TANPA');
INSERT INTO f_ispa (kunjungan_id, klasifikasi) VALUES
 ((SELECT id FROM kv WHERE no_rm = '300008' AND tanggal = '2026-10-10'), 'BUKAN');
INSERT INTO f_tb (kunjungan_id, terduga, terkonfirmasi, mulai_pengobatan, kontak_diinvestigasi) VALUES
 ((SELECT id FROM kv WHERE no_rm = '300006' AND tanggal = '2026-10-05'), 1, 1, '2026-10-12', 3);
INSERT INTO f_rujukan (kunjungan_id, jenis, tujuan, ptm) VALUES
 ((SELECT id FROM kv WHERE no_rm = '300006' AND tanggal = '2026-10-19' AND unit = 'K3'), 'KELUAR', 'FKRTL', 1);
INSERT INTO f_lab (kunjungan_id, hb, protein_urin) VALUES
 ((SELECT id FROM kv WHERE no_rm = '300001' AND tanggal = '2026-10-08' AND unit = 'LAB'), 10.5, 'NEG');
INSERT INTO f_gigi (kunjungan_id, tambal_tetap, cabut_tetap, scaling, premedikasi) VALUES
 ((SELECT id FROM kv WHERE no_rm = '300006' AND tanggal = '2026-10-19' AND unit = 'GIGI'), 2, 1, 1, 0);
INSERT INTO f_ranap (kunjungan_id, tanggal_masuk, kelompok, tanggal_keluar, hari_rawat) VALUES
 ((SELECT id FROM kv WHERE no_rm = '300006' AND tanggal = '2026-10-20'), '2026-10-20', 'PTM', '2026-10-23', 3);
INSERT INTO f_igd (kunjungan_id, triase, kategori, keadaan) VALUES
 ((SELECT id FROM kv WHERE no_rm = '300008' AND tanggal = '2026-10-25'), 'KUNING', 'KLL', 'RUJUK');

INSERT INTO lb4_agregat (bulan, penyuluhan_dalam, posyandu_madya, rumah_diperiksa, rumah_sehat) VALUES
 (202609, 99, 99, 99, 99),
 (202610, 4, 12, 30, 21);

-- Pharmacy: a receipt, then prescriptions dispensed earliest expiry first.
INSERT INTO batch (obat, sumber, no_batch, kedaluwarsa) VALUES ('IBU400', 'APBD2', 'IB02', '2028-01-31');
INSERT INTO mutasi (batch_id, tanggal, jenis, jumlah) VALUES
 ((SELECT id FROM batch WHERE no_batch = 'IB02'), '2026-10-05', 'TERIMA', 150);
INSERT INTO resep (kunjungan_id, obat, jumlah, signa, diserahkan) VALUES
 ((SELECT id FROM kv WHERE no_rm = '300005' AND tanggal = '2026-10-15'), 'ORS', 50, 'tiap mencret', '2026-10-15'),
 ((SELECT id FROM kv WHERE no_rm = '300005' AND tanggal = '2026-10-15'), 'AMX500', 35, '3x1', '2026-10-15'),
 ((SELECT id FROM kv WHERE no_rm = '300006' AND tanggal = '2026-10-05'), 'PCT500', 7500, '3x1', '2026-10-05'),
 ((SELECT id FROM kv WHERE no_rm = '300006' AND tanggal = '2026-10-19' AND unit = 'K3'), 'IBU400', 321, '3x1', '2026-10-19'),
 ((SELECT id FROM kv WHERE no_rm = '300008' AND tanggal = '2026-10-10'), 'AMX500', 35, '3x1', '2026-10-10'),
 ((SELECT id FROM kv WHERE no_rm = '300008' AND tanggal = '2026-10-10'), 'PCT500', 7500, '3x1', '2026-10-10');
INSERT INTO mutasi (batch_id, tanggal, jenis, jumlah, resep_id) VALUES
 ((SELECT id FROM batch WHERE no_batch = 'OR01'), '2026-10-15', 'PAKAI', -50,
  (SELECT r.id FROM resep r WHERE r.obat = 'ORS' AND r.kunjungan_id = (SELECT id FROM kv WHERE no_rm = '300005' AND tanggal = '2026-10-15'))),
 ((SELECT id FROM batch WHERE no_batch = 'AX01'), '2026-10-15', 'PAKAI', -35,
  (SELECT r.id FROM resep r WHERE r.obat = 'AMX500' AND r.kunjungan_id = (SELECT id FROM kv WHERE no_rm = '300005' AND tanggal = '2026-10-15'))),
 ((SELECT id FROM batch WHERE no_batch = 'PC02'), '2026-10-05', 'PAKAI', -5300,
  (SELECT r.id FROM resep r WHERE r.obat = 'PCT500' AND r.kunjungan_id = (SELECT id FROM kv WHERE no_rm = '300006' AND tanggal = '2026-10-05'))),
 ((SELECT id FROM batch WHERE no_batch = 'PC01'), '2026-10-05', 'PAKAI', -2200,
  (SELECT r.id FROM resep r WHERE r.obat = 'PCT500' AND r.kunjungan_id = (SELECT id FROM kv WHERE no_rm = '300006' AND tanggal = '2026-10-05'))),
 ((SELECT id FROM batch WHERE no_batch = 'IB01'), '2026-10-19', 'PAKAI', -321,
  (SELECT r.id FROM resep r WHERE r.obat = 'IBU400' AND r.kunjungan_id = (SELECT id FROM kv WHERE no_rm = '300006' AND tanggal = '2026-10-19' AND unit = 'K3'))),
 ((SELECT id FROM batch WHERE no_batch = 'AX01'), '2026-10-10', 'PAKAI', -35,
  (SELECT r.id FROM resep r WHERE r.obat = 'AMX500' AND r.kunjungan_id = (SELECT id FROM kv WHERE no_rm = '300008' AND tanggal = '2026-10-10'))),
 ((SELECT id FROM batch WHERE no_batch = 'PC01'), '2026-10-10', 'PAKAI', -7500,
  (SELECT r.id FROM resep r WHERE r.obat = 'PCT500' AND r.kunjungan_id = (SELECT id FROM kv WHERE no_rm = '300008' AND tanggal = '2026-10-10')));
