-- pkm schema, version 1: reference tables, patients, visits, diagnoses.
-- Dates are TEXT 'YYYY-MM-DD'; every table is STRICT.

CREATE TABLE unit (
  kode  TEXT PRIMARY KEY,
  nama  TEXT NOT NULL,
  urut  INTEGER NOT NULL
) STRICT;

CREATE TABLE penjamin (
  kode       TEXT PRIMARY KEY,
  nama       TEXT NOT NULL,
  urut       INTEGER NOT NULL,
  perlu_bpjs INTEGER NOT NULL DEFAULT 0 CHECK (perlu_bpjs IN (0, 1))
) STRICT;

CREATE TABLE icd10 (
  kode  TEXT PRIMARY KEY CHECK (kode GLOB '[A-Z][0-9][0-9]*'),
  nama  TEXT NOT NULL
) STRICT;

-- Formulir 11 (PMK 31/2019): groups, rows with their printed label and code,
-- and the editable ICD-10 prefix mapping used for counting.
CREATE TABLE f11_grup (
  kode  TEXT PRIMARY KEY,
  nama  TEXT NOT NULL
) STRICT;

CREATE TABLE f11_baris (
  id          TEXT PRIMARY KEY,
  grup        TEXT NOT NULL REFERENCES f11_grup(kode),
  urut        INTEGER NOT NULL,
  nama        TEXT NOT NULL,
  kode_cetak  TEXT NOT NULL
) STRICT;

CREATE TABLE f11_peta (
  baris_id  TEXT NOT NULL REFERENCES f11_baris(id),
  prefiks   TEXT NOT NULL CHECK (prefiks GLOB '[A-Z][0-9][0-9]*'),
  PRIMARY KEY (baris_id, prefiks)
) STRICT;

-- No. RM serial: only ever increases, so a number is never reused.
CREATE TABLE rm_seri (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  terakhir  INTEGER NOT NULL
) STRICT;
INSERT INTO rm_seri VALUES (1, 0);

CREATE TABLE pasien (
  id               INTEGER PRIMARY KEY,
  no_rm            TEXT NOT NULL UNIQUE CHECK (length(no_rm) BETWEEN 1 AND 20),
  nik              TEXT UNIQUE CHECK (nik IS NULL OR (length(nik) = 16 AND nik NOT GLOB '*[^0-9]*')),
  no_bpjs          TEXT CHECK (no_bpjs IS NULL OR (length(no_bpjs) = 13 AND no_bpjs NOT GLOB '*[^0-9]*')),
  nama             TEXT NOT NULL CHECK (length(nama) > 0),
  nama_cari        TEXT NOT NULL,
  jenis_kelamin    TEXT NOT NULL CHECK (jenis_kelamin IN ('L', 'P')),
  tanggal_lahir    TEXT NOT NULL CHECK (date(tanggal_lahir) IS tanggal_lahir),
  lahir_perkiraan  INTEGER NOT NULL DEFAULT 0 CHECK (lahir_perkiraan IN (0, 1)),
  alamat           TEXT NOT NULL DEFAULT '',
  desa             TEXT NOT NULL DEFAULT '',
  penjamin         TEXT NOT NULL REFERENCES penjamin(kode),
  dibuat           TEXT NOT NULL DEFAULT (datetime('now'))
) STRICT;
CREATE INDEX pasien_nama ON pasien(nama_cari);
CREATE INDEX pasien_bpjs ON pasien(no_bpjs);
CREATE INDEX pasien_lahir ON pasien(tanggal_lahir);

-- One visit per patient, day and unit. The age at the service date is stored so
-- reports can be reproduced after a birth date is corrected.
CREATE TABLE kunjungan (
  id           INTEGER PRIMARY KEY,
  pasien_id    INTEGER NOT NULL REFERENCES pasien(id) ON DELETE RESTRICT,
  tanggal      TEXT NOT NULL CHECK (date(tanggal) IS tanggal),
  unit         TEXT NOT NULL REFERENCES unit(kode),
  penjamin     TEXT NOT NULL REFERENCES penjamin(kode),
  no_antrian   INTEGER NOT NULL CHECK (no_antrian > 0),
  umur_tahun   INTEGER NOT NULL CHECK (umur_tahun >= 0),
  umur_bulan   INTEGER NOT NULL CHECK (umur_bulan BETWEEN 0 AND 11),
  umur_hari    INTEGER NOT NULL CHECK (umur_hari >= 0),
  umur_total_hari INTEGER NOT NULL CHECK (umur_total_hari >= 0),
  dibuat       TEXT NOT NULL DEFAULT (datetime('now')),
  UNIQUE (pasien_id, tanggal, unit),
  UNIQUE (tanggal, unit, no_antrian)
) STRICT;
CREATE INDEX kunjungan_pasien ON kunjungan(pasien_id, tanggal);

CREATE TABLE diagnosis (
  id            INTEGER PRIMARY KEY,
  kunjungan_id  INTEGER NOT NULL REFERENCES kunjungan(id) ON DELETE CASCADE,
  icd10         TEXT NOT NULL CHECK (icd10 GLOB '[A-Z][0-9][0-9]*'),
  kasus         TEXT NOT NULL CHECK (kasus IN ('B', 'L', 'K')),
  UNIQUE (kunjungan_id, icd10)
) STRICT;
