-- The whole outpatient record for SATUSEHAT (issue 35): KFA codes, procedures
-- (ICD-9-CM), allergies and the vaccines' codes.

-- An imported KFA list (pkm impor kfa FILE.csv) to map the drug master from:
-- obat.kode_kfa (023) holds the chosen product code (93...).
CREATE TABLE kfa (
  kode      TEXT PRIMARY KEY CHECK (length(kode) BETWEEN 3 AND 30 AND kode NOT GLOB '*[^0-9]*'),
  nama      TEXT NOT NULL CHECK (length(nama) BETWEEN 1 AND 200),
  nama_cari TEXT NOT NULL,
  bentuk    TEXT NOT NULL DEFAULT '' CHECK (length(bentuk) <= 60)
) STRICT;

-- ICD-9-CM procedures: shipped common codes, importable like ICD-10.
CREATE TABLE icd9 (
  kode      TEXT PRIMARY KEY CHECK (kode GLOB '[0-9][0-9]*' AND length(kode) <= 7),
  nama      TEXT NOT NULL CHECK (length(nama) BETWEEN 1 AND 200),
  nama_cari TEXT NOT NULL
) STRICT;

-- Procedures done at a visit.
CREATE TABLE tindakan (
  id            INTEGER PRIMARY KEY,
  kunjungan_id  INTEGER NOT NULL REFERENCES kunjungan(id) ON DELETE CASCADE,
  icd9          TEXT NOT NULL REFERENCES icd9(kode),
  keterangan    TEXT NOT NULL DEFAULT '' CHECK (length(keterangan) <= 100),
  UNIQUE (kunjungan_id, icd9)
) STRICT;

-- Common food and environment allergens with their SNOMED CT codes (shipped);
-- a drug allergen is a drug of the master, by its KFA code.
CREATE TABLE alergen (
  kode      TEXT PRIMARY KEY CHECK (length(kode) BETWEEN 3 AND 20 AND kode NOT GLOB '*[^0-9]*'),
  nama      TEXT NOT NULL,
  kategori  TEXT NOT NULL CHECK (kategori IN ('food', 'environment', 'medication'))
) STRICT;

-- A patient's allergies, entered by clinicians. Exactly one of obat (a drug of
-- the master) and alergen is set. Never deleted once written: an allergy found
-- wrong is marked status 'entered-in-error', one resolved 'resolved'.
CREATE TABLE alergi (
  id          INTEGER PRIMARY KEY,
  pasien_id   INTEGER NOT NULL REFERENCES pasien(id),
  obat        TEXT REFERENCES obat(kode),
  alergen     TEXT REFERENCES alergen(kode),
  reaksi      TEXT NOT NULL DEFAULT '' CHECK (length(reaksi) <= 100),
  keparahan   TEXT NOT NULL DEFAULT 'moderate' CHECK (keparahan IN ('mild', 'moderate', 'severe')),
  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'resolved', 'entered-in-error')),
  kunjungan_id INTEGER REFERENCES kunjungan(id),
  dicatat     TEXT NOT NULL DEFAULT (datetime('now')),
  pencatat    INTEGER REFERENCES pengguna(id),
  CHECK ((obat IS NULL) <> (alergen IS NULL))
) STRICT;
CREATE INDEX alergi_pasien ON alergi(pasien_id);

-- A prescription line written over an allergy warning: asked once, recorded.
ALTER TABLE resep ADD COLUMN alergi_abaikan INTEGER REFERENCES alergi(id);

-- Each dose of the imunisasi form to its KFA vaccine code and the reason
-- (shipped). kolom/nilai: f_imunisasi's column and the value it holds for the
-- dose (bcg and je: 1).
CREATE TABLE vaksin_kfa (
  kolom     TEXT NOT NULL,
  nilai     TEXT NOT NULL,
  kode_kfa  TEXT NOT NULL,
  nama      TEXT NOT NULL,
  dosis     INTEGER NOT NULL CHECK (dosis >= 1),
  alasan    TEXT NOT NULL CHECK (alasan IN ('IM-Dasar', 'IM-Baduta', 'IM-Lanjutan', 'IM-WUS', 'IM-BIAS',
                                            'IM-Khusus')),
  PRIMARY KEY (kolom, nilai)
) STRICT, WITHOUT ROWID;
