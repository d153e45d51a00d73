-- Users, roles and the audit trail (UU 27/2022: who did what to whose data).

-- Passwords are kept only as crypt(3) yescrypt strings ($y$...). A user is
-- never deleted (the trail names them); `aktif = 0` closes the account.
CREATE TABLE pengguna (
  id            INTEGER PRIMARY KEY,
  nama          TEXT NOT NULL UNIQUE CHECK (length(nama) BETWEEN 2 AND 32
                                            AND nama NOT GLOB '*[^a-z0-9._-]*'),
  nama_lengkap  TEXT NOT NULL DEFAULT '' CHECK (length(nama_lengkap) <= 60),
  peran         TEXT NOT NULL CHECK (peran IN ('PENDAFTARAN', 'NAKES', 'FARMASI', 'PELAPORAN', 'ADMIN')),
  sandi         TEXT NOT NULL CHECK (sandi GLOB '$y$*'),
  aktif         INTEGER NOT NULL DEFAULT 1 CHECK (aktif IN (0, 1)),
  gagal         INTEGER NOT NULL DEFAULT 0 CHECK (gagal >= 0),
  kunci_sampai  TEXT,
  ganti_sandi   INTEGER NOT NULL DEFAULT 0 CHECK (ganti_sandi IN (0, 1)),
  dibuat        TEXT NOT NULL DEFAULT (datetime('now'))
) STRICT;

-- The units a health worker (NAKES) serves: it sees clinical data of these only.
CREATE TABLE pengguna_unit (
  pengguna_id  INTEGER NOT NULL REFERENCES pengguna(id) ON DELETE CASCADE,
  unit         TEXT NOT NULL REFERENCES unit(kode),
  PRIMARY KEY (pengguna_id, unit)
) STRICT;

-- Who is writing: pkm puts the logged-in user here at the start of each write
-- transaction and removes it before COMMIT, so the row never outlives the
-- transaction and the triggers below name the right person. Writes from outside
-- pkm find no row and are recorded with pengguna NULL.
CREATE TABLE pelaku (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  pengguna  TEXT NOT NULL,
  waktu     TEXT NOT NULL
) STRICT;

-- One row per inserted, changed or deleted row of an audited table, written by
-- triggers in the same transaction (pkm creates them from the schema, see
-- src/audit.c), plus log-ins and exports of a patient's data.
--   aksi   TAMBAH, UBAH, HAPUS; MASUK (log-in), GAGAL (wrong password), EKSPOR,
--          GABUNG (a duplicate patient merged into this one)
--   lama   old values as kolom='nilai', ... (UBAH: changed columns only; HAPUS: the row)
--   baru   new values the same way (TAMBAH: the row; UBAH: changed columns only)
CREATE TABLE audit (
  id         INTEGER PRIMARY KEY,
  waktu      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
  pengguna   TEXT,
  aksi       TEXT NOT NULL CHECK (aksi IN ('TAMBAH', 'UBAH', 'HAPUS', 'MASUK', 'GAGAL', 'EKSPOR', 'GABUNG')),
  tabel      TEXT NOT NULL,
  baris      INTEGER,
  pasien_id  INTEGER,
  lama       TEXT,
  baru       TEXT
) STRICT;
CREATE INDEX audit_pasien ON audit(pasien_id) WHERE pasien_id IS NOT NULL;
CREATE INDEX audit_waktu ON audit(waktu);

-- Append-only: no program, pkm included, can change or remove the trail.
CREATE TRIGGER audit_tetap BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'jejak audit tidak dapat diubah'); END;
CREATE TRIGGER audit_tidak_dihapus BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'jejak audit tidak dapat dihapus'); END;

INSERT INTO kamus (tabel, kolom, jenis, wajib, panjang, label, bantuan) VALUES
 ('pengguna', 'nama', 'teks', 1, 32, 'Nama pengguna',
  'Untuk masuk: 2-32 huruf kecil, angka, titik, garis; contoh: siti.k2'),
 ('pengguna_unit', 'unit', 'teks', 0, 40, 'Unit layanan',
  'Tenaga kesehatan: kode unit yang dilayani, dipisah spasi; contoh: K2 K3'),
 ('pengguna', 'nama_lengkap', 'teks', 0, 60, 'Nama lengkap', 'Nama petugas seperti di laporan');
INSERT INTO kamus (tabel, kolom, jenis, wajib, label, bantuan, pilihan) VALUES
 ('pengguna', 'peran', 'pilihan', 1, 'Peran',
  'Menentukan menu: pendaftaran, tenaga kesehatan per unit, farmasi, pelaporan, admin',
  'PENDAFTARAN=Pendaftaran;NAKES=Tenaga kesehatan;FARMASI=Farmasi;PELAPORAN=Pelaporan;ADMIN=Administrator');
