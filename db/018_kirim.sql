-- The outbox: what waits to leave the puskesmas for a national platform
-- (SATUSEHAT first), queued by triggers in the same transaction as the record,
-- so the desk never waits for the network and a crash loses nothing.
--
-- A health worker's NIK: SATUSEHAT names practitioners by it.
ALTER TABLE pengguna ADD COLUMN nik TEXT CHECK (nik IS NULL OR (length(nik) = 16 AND nik NOT GLOB '*[^0-9]*'));

INSERT INTO kamus (tabel, kolom, jenis, wajib, label, bantuan) VALUES
 ('pengguna', 'nik', 'nik', 0, 'NIK', 'NIK tenaga kesehatan, 16 angka: SATUSEHAT mengenal nakes dari NIK-nya');

-- Which platforms are on, and from which service date (history before it is
-- never sent). pkm writes it from [satusehat] aktif and mulai.
CREATE TABLE kirim_atur (
  tujuan  TEXT PRIMARY KEY CHECK (tujuan IN ('satusehat')),
  mulai   TEXT NOT NULL CHECK (date(mulai) IS mulai)
) STRICT;

-- One item per visit and platform.
--   versi        bumped by every change of the visit, its diagnoses or forms
--   versi_kirim  the version the platform has (0: never sent)
--   status       menunggu (due or backing off), terkirim, gagal (needs a person)
--   tunggu       1: waits for a change of the data (a NIK), not for the clock
--   coba_lagi    Unix time of the next attempt
--   ragu         1 from the moment an attempt goes out until one succeeds: the
--                platform may hold what it sent, so the next attempt asks first
--   nakes        the NAKES user who recorded the first diagnosis or form
--   layan_mulai, layan_akhir  Unix times (UTC) of the first and last of those
CREATE TABLE kirim (
  id            INTEGER PRIMARY KEY,
  kunjungan_id  INTEGER NOT NULL REFERENCES kunjungan(id) ON DELETE CASCADE,
  tujuan        TEXT NOT NULL CHECK (tujuan IN ('satusehat')),
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
  UNIQUE (kunjungan_id, tujuan)
) STRICT;
CREATE INDEX kirim_antre ON kirim(tujuan, status, coba_lagi);

-- The platform's ids of what it has of an item: the Encounter (kunci ''),
-- each Condition (kunci: the ICD-10 code), each Observation (the LOINC code).
-- A change is sent as an update of these, never as new resources.
CREATE TABLE kirim_sumber (
  kirim_id   INTEGER NOT NULL REFERENCES kirim(id) ON DELETE CASCADE,
  jenis      TEXT NOT NULL CHECK (jenis IN ('Encounter', 'Condition', 'Observation')),
  kunci      TEXT NOT NULL,
  sumber_id  TEXT NOT NULL CHECK (length(sumber_id) BETWEEN 1 AND 64),
  PRIMARY KEY (kirim_id, jenis, kunci)
) STRICT, WITHOUT ROWID;

-- Looked-up platform ids: a patient's or practitioner's IHS number by NIK,
-- a unit's Location.
CREATE TABLE kirim_ihs (
  jenis  TEXT NOT NULL CHECK (jenis IN ('Patient', 'Practitioner')),
  nik    TEXT NOT NULL,
  ihs    TEXT NOT NULL CHECK (length(ihs) BETWEEN 1 AND 64),
  PRIMARY KEY (jenis, nik)
) STRICT, WITHOUT ROWID;
CREATE TABLE kirim_lokasi (
  unit    TEXT PRIMARY KEY REFERENCES unit(kode),
  lokasi  TEXT NOT NULL CHECK (length(lokasi) BETWEEN 1 AND 64)
) STRICT;

-- The vital signs a form column holds, as SATUSEHAT's Observation codes (LOINC).
-- The unit comes from the column's dictionary row (kamus.satuan).
CREATE TABLE kirim_vital (
  kolom  TEXT PRIMARY KEY,
  loinc  TEXT NOT NULL,
  nama   TEXT NOT NULL
) STRICT;
INSERT INTO kirim_vital (kolom, loinc, nama) VALUES
  ('td_sistol', '8480-6', 'Systolic blood pressure'),
  ('td_diastol', '8462-4', 'Diastolic blood pressure'),
  ('nadi', '8867-4', 'Heart rate'),
  ('suhu', '8310-5', 'Body temperature'),
  ('napas', '9279-1', 'Respiratory rate'),
  ('bb', '29463-7', 'Body weight'),
  ('tb', '8302-2', 'Body height');

-- Every change of a visit goes through this view: its trigger queues the visit
-- (when the platform is on and the visit is on or after its start date) or
-- marks what is queued as changed. klinis = 1 for a diagnosis or a form: the
-- first names the health worker and the start of service.
-- (No OR IGNORE or upsert: the firing statement's conflict clause would win.)
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
   WHERE k.id = NEW.kunjungan_id
     AND NOT EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id AND tujuan = a.tujuan);
END;

-- A patient's NIK corrected: what waited for it is due again.
CREATE TRIGGER kirim_nik AFTER UPDATE OF nik ON pasien
WHEN NEW.nik IS NOT OLD.nik
BEGIN
  UPDATE kirim SET versi = versi + 1, status = 'menunggu', percobaan = 0, galat = NULL, tunggu = 0, coba_lagi = 0
   WHERE status <> 'terkirim' AND kunjungan_id IN (SELECT id FROM kunjungan WHERE pasien_id = NEW.id);
END;

-- The tables of a visit. The WHEN keeps the cost off every save while no
-- platform is on and the visit has nothing queued.
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
