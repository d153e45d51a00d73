-- The vaccine's batch (lot) number, sent as Immunization.lotNumber (issue 35).
-- One column per vaccine, not one per visit: a 2-month visit gives OPV, DPT-HB-Hib,
-- PCV and RV from four vials with four batch numbers, and a single field could
-- never say which dose a number belongs to. Each no_batch_<column> belongs to the
-- dose in <column> (vaksin_kfa.kolom) and is sent only with that dose; a number
-- written for a vaccine not given that day is kept but never sent.
-- The KFA codes of rotavirus (93007010) and JE (93006541) in 029 stay as they
-- were: no public source confirming or correcting them was found.

ALTER TABLE f_imunisasi ADD COLUMN no_batch_bcg TEXT CHECK (length(no_batch_bcg) <= 30);
ALTER TABLE f_imunisasi ADD COLUMN no_batch_polio TEXT CHECK (length(no_batch_polio) <= 30);
ALTER TABLE f_imunisasi ADD COLUMN no_batch_dpt_hb_hib TEXT CHECK (length(no_batch_dpt_hb_hib) <= 30);
ALTER TABLE f_imunisasi ADD COLUMN no_batch_ipv TEXT CHECK (length(no_batch_ipv) <= 30);
ALTER TABLE f_imunisasi ADD COLUMN no_batch_pcv TEXT CHECK (length(no_batch_pcv) <= 30);
ALTER TABLE f_imunisasi ADD COLUMN no_batch_rv TEXT CHECK (length(no_batch_rv) <= 30);
ALTER TABLE f_imunisasi ADD COLUMN no_batch_mr TEXT CHECK (length(no_batch_mr) <= 30);
ALTER TABLE f_imunisasi ADD COLUMN no_batch_je TEXT CHECK (length(no_batch_je) <= 30);

INSERT INTO kamus (tabel, kolom, jenis, wajib, label, satuan, min, max, panjang, pilihan, rumus, bantuan) VALUES
 ('f_imunisasi', 'no_batch_bcg', 'teks', 0, 'No. batch BCG', '', NULL, NULL, 30, NULL, NULL, 'Nomor batch pada vial BCG hari ini; kosongkan bila tidak diberi'),
 ('f_imunisasi', 'no_batch_polio', 'teks', 0, 'No. batch polio (OPV)', '', NULL, NULL, 30, NULL, NULL, 'Nomor batch pada vial OPV hari ini; kosongkan bila tidak diberi'),
 ('f_imunisasi', 'no_batch_dpt_hb_hib', 'teks', 0, 'No. batch DPT-HB-Hib', '', NULL, NULL, 30, NULL, NULL, 'Nomor batch pada vial DPT-HB-Hib hari ini; kosongkan bila tidak diberi'),
 ('f_imunisasi', 'no_batch_ipv', 'teks', 0, 'No. batch IPV', '', NULL, NULL, 30, NULL, NULL, 'Nomor batch pada vial IPV hari ini; kosongkan bila tidak diberi'),
 ('f_imunisasi', 'no_batch_pcv', 'teks', 0, 'No. batch PCV', '', NULL, NULL, 30, NULL, NULL, 'Nomor batch pada vial PCV hari ini; kosongkan bila tidak diberi'),
 ('f_imunisasi', 'no_batch_rv', 'teks', 0, 'No. batch rotavirus', '', NULL, NULL, 30, NULL, NULL, 'Nomor batch pada vial RV hari ini; kosongkan bila tidak diberi'),
 ('f_imunisasi', 'no_batch_mr', 'teks', 0, 'No. batch MR', '', NULL, NULL, 30, NULL, NULL, 'Nomor batch pada vial MR hari ini; kosongkan bila tidak diberi'),
 ('f_imunisasi', 'no_batch_je', 'teks', 0, 'No. batch JE', '', NULL, NULL, 30, NULL, NULL, 'Nomor batch pada vial JE hari ini; kosongkan bila tidak diberi');
