-- The whole outpatient record to SATUSEHAT (issue 35) on the same outbox:
-- kirim_sumber keeps the platform's ids of the new resources (remade to widen
-- its CHECK, as 019 did; no trigger names it), the pharmacist of a dispensing
-- is recorded, and the new clinical tables mark the visit's item as changed.

CREATE TABLE kirim_sumber_simpan AS SELECT * FROM kirim_sumber;
DROP TABLE kirim_sumber;
-- (as in 019_pcare.sql, and SATUSEHAT's MedicationRequest (kunci: the
-- prescription line, '|', its KFA code), MedicationDispense (the line '-' the
-- dispensing's first movement, '|', KFA), Procedure (ICD-9-CM '|' the same),
-- AllergyIntolerance (the allergy '|' its code), Immunization (the imunisasi
-- form's column '|' KFA) and ServiceRequest ('rujukan|3457005'))
CREATE TABLE kirim_sumber (
  kirim_id   INTEGER NOT NULL REFERENCES kirim(id) ON DELETE CASCADE,
  jenis      TEXT NOT NULL CHECK (jenis IN ('Encounter', 'Condition', 'Observation',
                                            'pendaftaran', 'kunjungan', 'obat', 'tindakan',
                                            'MedicationRequest', 'MedicationDispense', 'Procedure',
                                            'AllergyIntolerance', 'Immunization', 'ServiceRequest')),
  kunci      TEXT NOT NULL,
  sumber_id  TEXT NOT NULL CHECK (length(sumber_id) BETWEEN 1 AND 64),
  PRIMARY KEY (kirim_id, jenis, kunci)
) STRICT, WITHOUT ROWID;
INSERT INTO kirim_sumber SELECT kirim_id, jenis, kunci, sumber_id FROM kirim_sumber_simpan;
DROP TABLE kirim_sumber_simpan;

-- Who gave a dispensing (the user logged in when the counter wrote its
-- movements): SATUSEHAT's MedicationDispense names the pharmacist.
ALTER TABLE mutasi ADD COLUMN penyerah INTEGER REFERENCES pengguna(id);
CREATE INDEX mutasi_resep ON mutasi(resep_id) WHERE resep_id IS NOT NULL;

-- Prescription lines and their dispensings (mutasi_diberi updates the line)
-- now change the SATUSEHAT item too; klinis 0: the pharmacy's clock is not the
-- clinician's service time.
CREATE TRIGGER kirim_resep_ss_insert AFTER INSERT ON resep WHEN EXISTS (SELECT 1 FROM kirim_atur WHERE tujuan = 'satusehat') OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id AND tujuan = 'satusehat')
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 0); END;
CREATE TRIGGER kirim_resep_ss_update AFTER UPDATE ON resep WHEN EXISTS (SELECT 1 FROM kirim_atur WHERE tujuan = 'satusehat') OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id AND tujuan = 'satusehat')
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 0); END;
CREATE TRIGGER kirim_resep_ss_delete AFTER DELETE ON resep WHEN EXISTS (SELECT 1 FROM kirim_atur WHERE tujuan = 'satusehat') OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id AND tujuan = 'satusehat')
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 0); END;
CREATE TRIGGER kirim_tindakan_insert AFTER INSERT ON tindakan WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_tindakan_update AFTER UPDATE ON tindakan WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_tindakan_delete AFTER DELETE ON tindakan WHEN EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = OLD.kunjungan_id)
BEGIN INSERT INTO kirim_sentuh VALUES (OLD.kunjungan_id, 1); END;
-- An allergy goes with the visit it was recorded at, and again when it changes.
CREATE TRIGGER kirim_alergi_insert AFTER INSERT ON alergi WHEN NEW.kunjungan_id IS NOT NULL AND (EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id))
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;
CREATE TRIGGER kirim_alergi_update AFTER UPDATE ON alergi WHEN NEW.kunjungan_id IS NOT NULL AND (EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim WHERE kunjungan_id = NEW.kunjungan_id))
BEGIN INSERT INTO kirim_sentuh VALUES (NEW.kunjungan_id, 1); END;

-- A drug given its KFA code: the visits whose medication resources waited
-- for it are due again.
CREATE TRIGGER kirim_kfa AFTER UPDATE OF kode_kfa ON obat WHEN NEW.kode_kfa IS NOT NULL AND NEW.kode_kfa IS NOT OLD.kode_kfa
BEGIN
  UPDATE kirim SET versi = versi + 1, status = 'menunggu', percobaan = 0, galat = NULL, tunggu = 0, coba_lagi = 0
   WHERE tujuan = 'satusehat' AND tunggu = 1
     AND (EXISTS (SELECT 1 FROM resep r WHERE r.kunjungan_id = kirim.kunjungan_id AND (r.obat = NEW.kode OR r.obat_beri = NEW.kode))
          OR EXISTS (SELECT 1 FROM alergi a WHERE a.kunjungan_id = kirim.kunjungan_id AND a.obat = NEW.kode));
END;
