-- BPJS P-Care on the same outbox as SATUSEHAT: the platform names widen
-- (SQLite cannot change a CHECK in place, so the outbox tables are made again
-- and their rows copied; the triggers that name them go first and come back
-- unchanged), the drug master gets its P-Care code, and card look-ups are kept.
DROP TRIGGER kirim_sentuh_catat;
DROP TRIGGER kirim_nik;
DROP TRIGGER kirim_kunjungan_insert;
DROP TRIGGER kirim_kunjungan_update;
DROP TRIGGER kirim_diagnosis_insert;
DROP TRIGGER kirim_diagnosis_update;
DROP TRIGGER kirim_diagnosis_delete;
DROP TRIGGER kirim_f_anc_insert;
DROP TRIGGER kirim_f_anc_update;
DROP TRIGGER kirim_f_anc_delete;
DROP TRIGGER kirim_f_catin_insert;
DROP TRIGGER kirim_f_catin_update;
DROP TRIGGER kirim_f_catin_delete;
DROP TRIGGER kirim_f_diare_insert;
DROP TRIGGER kirim_f_diare_update;
DROP TRIGGER kirim_f_diare_delete;
DROP TRIGGER kirim_f_gigi_insert;
DROP TRIGGER kirim_f_gigi_update;
DROP TRIGGER kirim_f_gigi_delete;
DROP TRIGGER kirim_f_igd_insert;
DROP TRIGGER kirim_f_igd_update;
DROP TRIGGER kirim_f_igd_delete;
DROP TRIGGER kirim_f_imunisasi_insert;
DROP TRIGGER kirim_f_imunisasi_update;
DROP TRIGGER kirim_f_imunisasi_delete;
DROP TRIGGER kirim_f_ispa_insert;
DROP TRIGGER kirim_f_ispa_update;
DROP TRIGGER kirim_f_ispa_delete;
DROP TRIGGER kirim_f_jiwa_insert;
DROP TRIGGER kirim_f_jiwa_update;
DROP TRIGGER kirim_f_jiwa_delete;
DROP TRIGGER kirim_f_kb_insert;
DROP TRIGGER kirim_f_kb_update;
DROP TRIGGER kirim_f_kb_delete;
DROP TRIGGER kirim_f_klb_insert;
DROP TRIGGER kirim_f_klb_update;
DROP TRIGGER kirim_f_klb_delete;
DROP TRIGGER kirim_f_lab_insert;
DROP TRIGGER kirim_f_lab_update;
DROP TRIGGER kirim_f_lab_delete;
DROP TRIGGER kirim_f_lansia_insert;
DROP TRIGGER kirim_f_lansia_update;
DROP TRIGGER kirim_f_lansia_delete;
DROP TRIGGER kirim_f_malaria_insert;
DROP TRIGGER kirim_f_malaria_update;
DROP TRIGGER kirim_f_malaria_delete;
DROP TRIGGER kirim_f_mtbs_insert;
DROP TRIGGER kirim_f_mtbs_update;
DROP TRIGGER kirim_f_mtbs_delete;
DROP TRIGGER kirim_f_neonatal_insert;
DROP TRIGGER kirim_f_neonatal_update;
DROP TRIGGER kirim_f_neonatal_delete;
DROP TRIGGER kirim_f_nifas_insert;
DROP TRIGGER kirim_f_nifas_update;
DROP TRIGGER kirim_f_nifas_delete;
DROP TRIGGER kirim_f_penglihatan_insert;
DROP TRIGGER kirim_f_penglihatan_update;
DROP TRIGGER kirim_f_penglihatan_delete;
DROP TRIGGER kirim_f_penimbangan_insert;
DROP TRIGGER kirim_f_penimbangan_update;
DROP TRIGGER kirim_f_penimbangan_delete;
DROP TRIGGER kirim_f_persalinan_insert;
DROP TRIGGER kirim_f_persalinan_update;
DROP TRIGGER kirim_f_persalinan_delete;
DROP TRIGGER kirim_f_ptm_insert;
DROP TRIGGER kirim_f_ptm_update;
DROP TRIGGER kirim_f_ptm_delete;
DROP TRIGGER kirim_f_ranap_insert;
DROP TRIGGER kirim_f_ranap_update;
DROP TRIGGER kirim_f_ranap_delete;
DROP TRIGGER kirim_f_remaja_insert;
DROP TRIGGER kirim_f_remaja_update;
DROP TRIGGER kirim_f_remaja_delete;
DROP TRIGGER kirim_f_rujukan_insert;
DROP TRIGGER kirim_f_rujukan_update;
DROP TRIGGER kirim_f_rujukan_delete;
DROP TRIGGER kirim_f_tb_insert;
DROP TRIGGER kirim_f_tb_update;
DROP TRIGGER kirim_f_tb_delete;
DROP VIEW kirim_sentuh;

-- Each table's rows wait in a plain copy while it is made again (no RENAME:
-- that checks every trigger of the schema, and a database upgraded from
-- before 017 still has trail triggers pkm remakes only after the migrations).
CREATE TABLE kirim_atur_simpan AS SELECT * FROM kirim_atur;
CREATE TABLE kirim_simpan AS SELECT * FROM kirim;
CREATE TABLE kirim_sumber_simpan AS SELECT * FROM kirim_sumber;
DROP TABLE kirim_sumber;
DROP TABLE kirim;
DROP TABLE kirim_atur;

CREATE TABLE kirim_atur (
  tujuan  TEXT PRIMARY KEY CHECK (tujuan IN ('satusehat', 'pcare')),
  mulai   TEXT NOT NULL CHECK (date(mulai) IS mulai)
) STRICT;
INSERT INTO kirim_atur SELECT tujuan, mulai FROM kirim_atur_simpan;

-- (columns as in 018_kirim.sql, and
--   dicoba  Unix time of the last attempt: an item whose attempt may still be
--           in flight is not sent again, nor the platform asked about it,
--           until that request must have ended)
CREATE TABLE kirim (
  id            INTEGER PRIMARY KEY,
  kunjungan_id  INTEGER NOT NULL REFERENCES kunjungan(id) ON DELETE CASCADE,
  tujuan        TEXT NOT NULL CHECK (tujuan IN ('satusehat', 'pcare')),
  status        TEXT NOT NULL DEFAULT 'menunggu' CHECK (status IN ('menunggu', 'terkirim', 'gagal')),
  versi         INTEGER NOT NULL DEFAULT 1 CHECK (versi >= 1),
  versi_kirim   INTEGER NOT NULL DEFAULT 0 CHECK (versi_kirim >= 0),
  percobaan     INTEGER NOT NULL DEFAULT 0 CHECK (percobaan >= 0),
  galat         TEXT,
  tunggu        INTEGER NOT NULL DEFAULT 0 CHECK (tunggu IN (0, 1)),
  coba_lagi     INTEGER NOT NULL DEFAULT 0,
  ragu          INTEGER NOT NULL DEFAULT 0 CHECK (ragu IN (0, 1)),
  nakes         INTEGER REFERENCES pengguna(id),
  layan_mulai   INTEGER,
  layan_akhir   INTEGER,
  dicoba        INTEGER NOT NULL DEFAULT 0,
  UNIQUE (kunjungan_id, tujuan)
) STRICT;
INSERT INTO kirim (id, kunjungan_id, tujuan, status, versi, versi_kirim, percobaan, galat, tunggu, coba_lagi, ragu,
                   nakes, layan_mulai, layan_akhir)
SELECT id, kunjungan_id, tujuan, status, versi, versi_kirim, percobaan, galat, tunggu, coba_lagi, ragu,
       nakes, layan_mulai, layan_akhir FROM kirim_simpan;
CREATE INDEX kirim_antre ON kirim(tujuan, status, coba_lagi);

-- P-Care's numbers of an item: the registration's noUrut (pendaftaran, kunci:
-- the kdPoli it was made at), the
-- visit's noKunjungan (kunjungan), each drug's kdObatSK (obat, kunci: the
-- drug and amount sent) and procedure's kdTindakanSK (tindakan, kunci: its
-- code).
CREATE TABLE kirim_sumber (
  kirim_id   INTEGER NOT NULL REFERENCES kirim(id) ON DELETE CASCADE,
  jenis      TEXT NOT NULL CHECK (jenis IN ('Encounter', 'Condition', 'Observation',
                                            'pendaftaran', 'kunjungan', 'obat', 'tindakan')),
  kunci      TEXT NOT NULL,
  sumber_id  TEXT NOT NULL CHECK (length(sumber_id) BETWEEN 1 AND 64),
  PRIMARY KEY (kirim_id, jenis, kunci)
) STRICT, WITHOUT ROWID;
INSERT INTO kirim_sumber SELECT kirim_id, jenis, kunci, sumber_id FROM kirim_sumber_simpan;
DROP TABLE kirim_atur_simpan;
DROP TABLE kirim_simpan;
DROP TABLE kirim_sumber_simpan;

-- The code P-Care knows a drug by (kdObat); a drug without one is not sent.
ALTER TABLE obat ADD COLUMN kode_pcare TEXT CHECK (kode_pcare IS NULL OR length(kode_pcare) BETWEEN 1 AND 20);
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, panjang, bantuan) VALUES
 ('obat', 'kode_pcare', 'teks', 0, 'Kode obat P-Care', 20, 'Kode obat di P-Care (kdObat), paling banyak 20 karakter');

-- The last answer P-Care gave about a card (GET peserta), by the sender or
-- the desk's check: the desk shows it beside the payer.
CREATE TABLE pcare_peserta (
  no_kartu     TEXT PRIMARY KEY,
  nik          TEXT,
  nama         TEXT NOT NULL DEFAULT '',
  aktif        INTEGER NOT NULL CHECK (aktif IN (0, 1)),
  keterangan   TEXT NOT NULL DEFAULT '',
  kd_provider  TEXT NOT NULL DEFAULT '',
  nm_provider  TEXT NOT NULL DEFAULT '',
  kelas        TEXT NOT NULL DEFAULT '',
  jenis        TEXT NOT NULL DEFAULT '',
  diperiksa    INTEGER NOT NULL
) STRICT;
CREATE INDEX pcare_peserta_nik ON pcare_peserta(nik);

-- As in 018_kirim.sql; a P-Care item only for a visit paid by BPJS.
CREATE VIEW kirim_sentuh (kunjungan_id, klinis) AS SELECT NULL, NULL WHERE 0;
CREATE TRIGGER kirim_sentuh_catat INSTEAD OF INSERT ON kirim_sentuh
BEGIN
  UPDATE kirim SET versi = versi + 1, status = 'menunggu', percobaan = 0, galat = NULL, tunggu = 0, coba_lagi = 0,
                   nakes = CASE WHEN NEW.klinis AND nakes IS NULL
                                THEN (SELECT p.id FROM pelaku l JOIN pengguna p ON p.nama = l.pengguna AND p.peran = 'NAKES')
                                ELSE nakes END,
                   layan_mulai = CASE WHEN NEW.klinis THEN coalesce(layan_mulai, unixepoch()) ELSE layan_mulai END,
                   layan_akhir = CASE WHEN NEW.klinis THEN unixepoch() ELSE layan_akhir END
   WHERE kunjungan_id = NEW.kunjungan_id;
  INSERT INTO kirim (kunjungan_id, tujuan, nakes, layan_mulai, layan_akhir)
  SELECT k.id, a.tujuan,
         CASE WHEN NEW.klinis THEN (SELECT p.id FROM pelaku l JOIN pengguna p ON p.nama = l.pengguna AND p.peran = 'NAKES') END,
         CASE WHEN NEW.klinis THEN unixepoch() END, CASE WHEN NEW.klinis THEN unixepoch() END
    FROM kunjungan k JOIN kirim_atur a ON k.tanggal >= a.mulai
                     AND (a.tujuan <> 'pcare' OR k.penjamin IN (SELECT kode FROM penjamin WHERE perlu_bpjs))
   WHERE k.id = NEW.kunjungan_id
     AND NOT EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id AND tujuan = a.tujuan);
END;

CREATE TRIGGER kirim_nik AFTER UPDATE OF nik ON pasien
WHEN NEW.nik IS NOT OLD.nik
BEGIN
  UPDATE kirim SET versi = versi + 1, status = 'menunggu', percobaan = 0, galat = NULL, tunggu = 0, coba_lagi = 0
   WHERE status <> 'terkirim' AND kunjungan_id IN (SELECT id FROM kunjungan WHERE pasien_id = NEW.id);
END;

CREATE TRIGGER kirim_kunjungan_insert AFTER INSERT ON kunjungan WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.id, 0); END;
CREATE TRIGGER kirim_kunjungan_update AFTER UPDATE ON kunjungan WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.id, 0); END;
CREATE TRIGGER kirim_diagnosis_insert AFTER INSERT ON diagnosis WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_diagnosis_update AFTER UPDATE ON diagnosis WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_diagnosis_delete AFTER DELETE ON diagnosis WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_anc_insert AFTER INSERT ON f_anc WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_anc_update AFTER UPDATE ON f_anc WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_anc_delete AFTER DELETE ON f_anc WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_catin_insert AFTER INSERT ON f_catin WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_catin_update AFTER UPDATE ON f_catin WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_catin_delete AFTER DELETE ON f_catin WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_diare_insert AFTER INSERT ON f_diare WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_diare_update AFTER UPDATE ON f_diare WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_diare_delete AFTER DELETE ON f_diare WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_gigi_insert AFTER INSERT ON f_gigi WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_gigi_update AFTER UPDATE ON f_gigi WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_gigi_delete AFTER DELETE ON f_gigi WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_igd_insert AFTER INSERT ON f_igd WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_igd_update AFTER UPDATE ON f_igd WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_igd_delete AFTER DELETE ON f_igd WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_imunisasi_insert AFTER INSERT ON f_imunisasi WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_imunisasi_update AFTER UPDATE ON f_imunisasi WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_imunisasi_delete AFTER DELETE ON f_imunisasi WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_ispa_insert AFTER INSERT ON f_ispa WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_ispa_update AFTER UPDATE ON f_ispa WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_ispa_delete AFTER DELETE ON f_ispa WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_jiwa_insert AFTER INSERT ON f_jiwa WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_jiwa_update AFTER UPDATE ON f_jiwa WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_jiwa_delete AFTER DELETE ON f_jiwa WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_kb_insert AFTER INSERT ON f_kb WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_kb_update AFTER UPDATE ON f_kb WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_kb_delete AFTER DELETE ON f_kb WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_klb_insert AFTER INSERT ON f_klb WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_klb_update AFTER UPDATE ON f_klb WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_klb_delete AFTER DELETE ON f_klb WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_lab_insert AFTER INSERT ON f_lab WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_lab_update AFTER UPDATE ON f_lab WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_lab_delete AFTER DELETE ON f_lab WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_lansia_insert AFTER INSERT ON f_lansia WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_lansia_update AFTER UPDATE ON f_lansia WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_lansia_delete AFTER DELETE ON f_lansia WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_malaria_insert AFTER INSERT ON f_malaria WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_malaria_update AFTER UPDATE ON f_malaria WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_malaria_delete AFTER DELETE ON f_malaria WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_mtbs_insert AFTER INSERT ON f_mtbs WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_mtbs_update AFTER UPDATE ON f_mtbs WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_mtbs_delete AFTER DELETE ON f_mtbs WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_neonatal_insert AFTER INSERT ON f_neonatal WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_neonatal_update AFTER UPDATE ON f_neonatal WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_neonatal_delete AFTER DELETE ON f_neonatal WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_nifas_insert AFTER INSERT ON f_nifas WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_nifas_update AFTER UPDATE ON f_nifas WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_nifas_delete AFTER DELETE ON f_nifas WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_penglihatan_insert AFTER INSERT ON f_penglihatan WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_penglihatan_update AFTER UPDATE ON f_penglihatan WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_penglihatan_delete AFTER DELETE ON f_penglihatan WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_penimbangan_insert AFTER INSERT ON f_penimbangan WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_penimbangan_update AFTER UPDATE ON f_penimbangan WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_penimbangan_delete AFTER DELETE ON f_penimbangan WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_persalinan_insert AFTER INSERT ON f_persalinan WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_persalinan_update AFTER UPDATE ON f_persalinan WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_persalinan_delete AFTER DELETE ON f_persalinan WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_ptm_insert AFTER INSERT ON f_ptm WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_ptm_update AFTER UPDATE ON f_ptm WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_ptm_delete AFTER DELETE ON f_ptm WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_ranap_insert AFTER INSERT ON f_ranap WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_ranap_update AFTER UPDATE ON f_ranap WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_ranap_delete AFTER DELETE ON f_ranap WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_remaja_insert AFTER INSERT ON f_remaja WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_remaja_update AFTER UPDATE ON f_remaja WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_remaja_delete AFTER DELETE ON f_remaja WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_rujukan_insert AFTER INSERT ON f_rujukan WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_rujukan_update AFTER UPDATE ON f_rujukan WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_rujukan_delete AFTER DELETE ON f_rujukan WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_tb_insert AFTER INSERT ON f_tb WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_tb_update AFTER UPDATE ON f_tb WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_f_tb_delete AFTER DELETE ON f_tb WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;

-- Drugs go to P-Care only (SATUSEHAT's Bundle has none of them).
CREATE TRIGGER kirim_resep_insert AFTER INSERT ON resep
BEGIN UPDATE kirim SET versi = versi + 1, status = 'menunggu', percobaan = 0, galat = NULL, tunggu = 0, coba_lagi = 0
       WHERE kunjungan_id = NEW.kunjungan_id AND tujuan = 'pcare'; END;
CREATE TRIGGER kirim_resep_update AFTER UPDATE ON resep
BEGIN UPDATE kirim SET versi = versi + 1, status = 'menunggu', percobaan = 0, galat = NULL, tunggu = 0, coba_lagi = 0
       WHERE kunjungan_id = NEW.kunjungan_id AND tujuan = 'pcare'; END;
CREATE TRIGGER kirim_resep_delete AFTER DELETE ON resep
BEGIN UPDATE kirim SET versi = versi + 1, status = 'menunggu', percobaan = 0, galat = NULL, tunggu = 0, coba_lagi = 0
       WHERE kunjungan_id = OLD.kunjungan_id AND tujuan = 'pcare'; END;
