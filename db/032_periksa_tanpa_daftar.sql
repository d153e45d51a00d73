-- CHECK constraints without IN lists (issue 29: the visit import's speed).
-- SQLite 3.40 codes `x IN (a, b, ...)` inside a CHECK as a temporary B-tree of
-- the list, built again for every row written (a CHECK has no once-only
-- subroutine): a diagnosis insert built one for its kasus, a patient one for
-- jenis_kelamin, a weighing one for each of its 0/1 flags. Callgrind counted
-- 17% of the visit import's instructions in it. Each list becomes the same test
-- without a table: a 0/1 flag (every one an INTEGER column of a STRICT table)
-- `BETWEEN 0 AND 1`, a list of codes its equalities joined by OR. A NULL still
-- passes either way, as it passed the IN.
--
-- A CHECK that only changes its text may be rewritten in sqlite_schema
-- (https://www.sqlite.org/lang_altertable.html, "otherwise ... simpler
-- procedure"): the rows on disk already satisfy it and nothing else in the file
-- depends on the text. The migration runner moves the schema cookie after
-- every migration, so every connection reads the new text. New tables must not
-- bring IN lists back: tests/unit/test_db.c checks the schema for them.

PRAGMA writable_schema=ON;

UPDATE sqlite_schema SET sql = replace(sql, ' IN (0, 1)', ' BETWEEN 0 AND 1')
 WHERE type = 'table' AND sql LIKE '% IN (0, 1)%';
UPDATE sqlite_schema SET sql = replace(sql, 'kategori IN (''food'', ''environment'', ''medication'')',
	'(kategori = ''food'' OR kategori = ''environment'' OR kategori = ''medication'')')
 WHERE type = 'table' AND name = 'alergen';
UPDATE sqlite_schema SET sql = replace(sql, 'keparahan IN (''mild'', ''moderate'', ''severe'')',
	'(keparahan = ''mild'' OR keparahan = ''moderate'' OR keparahan = ''severe'')')
 WHERE type = 'table' AND name = 'alergi';
UPDATE sqlite_schema SET sql = replace(sql, 'status IN (''active'', ''resolved'', ''entered-in-error'')',
	'(status = ''active'' OR status = ''resolved'' OR status = ''entered-in-error'')')
 WHERE type = 'table' AND name = 'alergi';
UPDATE sqlite_schema SET sql = replace(sql, 'aksi IN (''TAMBAH'', ''UBAH'', ''HAPUS'', ''MASUK'', ''GAGAL'', ''EKSPOR'', ''GABUNG'')',
	'(aksi = ''TAMBAH'' OR aksi = ''UBAH'' OR aksi = ''HAPUS'' OR aksi = ''MASUK'' OR aksi = ''GAGAL'' OR aksi = ''EKSPOR'' OR aksi = ''GABUNG'')')
 WHERE type = 'table' AND name = 'audit';
UPDATE sqlite_schema SET sql = replace(sql, 'kasus IN (''B'', ''L'', ''K'')',
	'(kasus = ''B'' OR kasus = ''L'' OR kasus = ''K'')')
 WHERE type = 'table' AND name = 'diagnosis';
UPDATE sqlite_schema SET sql = replace(sql, 'sumber IN (''pkm'', ''impor'')',
	'(sumber = ''pkm'' OR sumber = ''impor'')')
 WHERE type = 'table' AND name = 'icd10';
UPDATE sqlite_schema SET sql = replace(sql, 'jenis IN (''teks'', ''rm'', ''nik'', ''bpjs'', ''tanggal'', ''jam'', ''bulat'',
                                          ''desimal'', ''jk'', ''unit'', ''penjamin'', ''icd10'', ''kasus'',
                                          ''pilihan'', ''ya_tidak'', ''tensi'', ''hitung'', ''hp'', ''kk'', ''rtrw'')',
	'(jenis = ''teks'' OR jenis = ''rm'' OR jenis = ''nik'' OR jenis = ''bpjs'' OR jenis = ''tanggal'' OR jenis = ''jam'' OR jenis = ''bulat'' OR jenis = ''desimal'' OR jenis = ''jk'' OR jenis = ''unit'' OR jenis = ''penjamin'' OR jenis = ''icd10'' OR jenis = ''kasus'' OR jenis = ''pilihan'' OR jenis = ''ya_tidak'' OR jenis = ''tensi'' OR jenis = ''hitung'' OR jenis = ''hp'' OR jenis = ''kk'' OR jenis = ''rtrw'')')
 WHERE type = 'table' AND name = 'kamus';
UPDATE sqlite_schema SET sql = replace(sql, 'status IN (''menunggu'', ''terkirim'', ''gagal'')',
	'(status = ''menunggu'' OR status = ''terkirim'' OR status = ''gagal'')')
 WHERE type = 'table' AND name = 'kirim';
UPDATE sqlite_schema SET sql = replace(sql, 'tujuan IN (''satusehat'', ''pcare'')',
	'(tujuan = ''satusehat'' OR tujuan = ''pcare'')')
 WHERE type = 'table' AND name IN ('kirim', 'kirim_atur');
UPDATE sqlite_schema SET sql = replace(sql, 'jenis IN (''Patient'', ''Practitioner'')',
	'(jenis = ''Patient'' OR jenis = ''Practitioner'')')
 WHERE type = 'table' AND name = 'kirim_ihs';
UPDATE sqlite_schema SET sql = replace(sql, 'jenis IN (''Encounter'', ''Condition'', ''Observation'',
                                            ''pendaftaran'', ''kunjungan'', ''obat'', ''tindakan'',
                                            ''MedicationRequest'', ''MedicationDispense'', ''Procedure'',
                                            ''AllergyIntolerance'', ''Immunization'', ''ServiceRequest'')',
	'(jenis = ''Encounter'' OR jenis = ''Condition'' OR jenis = ''Observation'' OR jenis = ''pendaftaran'' OR jenis = ''kunjungan'' OR jenis = ''obat'' OR jenis = ''tindakan'' OR jenis = ''MedicationRequest'' OR jenis = ''MedicationDispense'' OR jenis = ''Procedure'' OR jenis = ''AllergyIntolerance'' OR jenis = ''Immunization'' OR jenis = ''ServiceRequest'')')
 WHERE type = 'table' AND name = 'kirim_sumber';
UPDATE sqlite_schema SET sql = replace(sql, 'jenis IN (''AWAL'', ''TERIMA'', ''PAKAI'', ''RUSAK'', ''KEDALUWARSA'', ''MUTASI'',
                                             ''OPNAME'')',
	'(jenis = ''AWAL'' OR jenis = ''TERIMA'' OR jenis = ''PAKAI'' OR jenis = ''RUSAK'' OR jenis = ''KEDALUWARSA'' OR jenis = ''MUTASI'' OR jenis = ''OPNAME'')')
 WHERE type = 'table' AND name = 'mutasi';
UPDATE sqlite_schema SET sql = replace(sql, 'jenis_kelamin IN (''L'', ''P'')',
	'(jenis_kelamin = ''L'' OR jenis_kelamin = ''P'')')
 WHERE type = 'table' AND name = 'pasien';
UPDATE sqlite_schema SET sql = replace(sql, 'peran IN (''PENDAFTARAN'', ''NAKES'', ''FARMASI'', ''PELAPORAN'', ''ADMIN'')',
	'(peran = ''PENDAFTARAN'' OR peran = ''NAKES'' OR peran = ''FARMASI'' OR peran = ''PELAPORAN'' OR peran = ''ADMIN'')')
 WHERE type = 'table' AND name = 'pengguna';
UPDATE sqlite_schema SET sql = replace(sql, 'tutup IN (''STOK_KOSONG'', ''DIGANTI'', ''MENOLAK'', ''BATAL_DOKTER'')',
	'(tutup = ''STOK_KOSONG'' OR tutup = ''DIGANTI'' OR tutup = ''MENOLAK'' OR tutup = ''BATAL_DOKTER'')')
 WHERE type = 'table' AND name = 'resep';
UPDATE sqlite_schema SET sql = replace(sql, 'jenis IN (''bumil'', ''bulin'', ''bayi'', ''baduta'', ''balita'', ''remaja_putri'',
                                           ''usia_produktif'', ''lansia'', ''pus'', ''hipertensi'', ''dm'', ''odgj'',
                                           ''tb'')',
	'(jenis = ''bumil'' OR jenis = ''bulin'' OR jenis = ''bayi'' OR jenis = ''baduta'' OR jenis = ''balita'' OR jenis = ''remaja_putri'' OR jenis = ''usia_produktif'' OR jenis = ''lansia'' OR jenis = ''pus'' OR jenis = ''hipertensi'' OR jenis = ''dm'' OR jenis = ''odgj'' OR jenis = ''tb'')')
 WHERE type = 'table' AND name = 'sasaran';
UPDATE sqlite_schema SET sql = replace(sql, 'alasan IN (''IM-Dasar'', ''IM-Baduta'', ''IM-Lanjutan'', ''IM-WUS'', ''IM-BIAS'',
                                            ''IM-Khusus'')',
	'(alasan = ''IM-Dasar'' OR alasan = ''IM-Baduta'' OR alasan = ''IM-Lanjutan'' OR alasan = ''IM-WUS'' OR alasan = ''IM-BIAS'' OR alasan = ''IM-Khusus'')')
 WHERE type = 'table' AND name = 'vaksin_kfa';

PRAGMA writable_schema=OFF;
