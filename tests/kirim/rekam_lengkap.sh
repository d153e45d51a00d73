# The whole record (issue 35) through the same outbox: a visit with two
# prescription lines (one given in two parts), a procedure, two allergies, two
# vaccine doses and a referral goes as one Bundle, each resource created once
# on its own identifier; a change to each goes as an update of the same id,
# what was taken back as entered-in-error; a drug without its KFA code waits
# with the reason (no attempt spent) while the rest goes, and goes once mapped;
# kill -9 mid-send creates nothing twice and loses nothing.
. "$(dirname "$0")/lib.sh"
add_visits
sql "UPDATE pasien SET nik = '3204010202800002' WHERE no_rm = '300002'"
sql "UPDATE pasien SET nik = '3204014303700003' WHERE no_rm = '300003'"
visit=$(sql "SELECT k.id FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id WHERE p.no_rm = '300001' AND k.unit = 'K3'
	AND k.tanggal = '2026-11-23'")
other=$(sql "SELECT k.id FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id WHERE p.no_rm = '300002'")
patient=$(sql "SELECT pasien_id FROM kunjungan WHERE id = $visit")
sql "INSERT INTO pengguna (id, nama, peran, sandi, nik) VALUES (51, 'dr.ani', 'NAKES', '\$y\$x', '3204010101850051'),
	(52, 'apt.budi', 'FARMASI', '\$y\$x', '3204010101850052');
INSERT INTO kfa (kode, nama, nama_cari, bentuk) VALUES ('93001019', 'Amoksisilin 500 mg Kapsul', 'amoksisilin', 'Kapsul'),
	('93002020', 'Parasetamol 500 mg Tablet', 'parasetamol', 'Tablet');
INSERT INTO obat (kode, nama, satuan, kode_kfa) VALUES ('AMX', 'Amoksisilin 500', 'kapsul', '93001019'),
	('PCT', 'Parasetamol 500', 'tablet', '93002020'), ('CTM', 'Klorfeniramin 4', 'tablet', NULL);
INSERT INTO batch (id, obat, sumber, no_batch, kedaluwarsa) VALUES (1, 'AMX', 'PROGRAM', 'A1', '2028-01-31'),
	(2, 'PCT', 'PROGRAM', 'P1', '2028-01-31'), (3, 'CTM', 'PROGRAM', 'C1', '2028-01-31');
INSERT INTO mutasi (batch_id, tanggal, jenis, jumlah) VALUES (1, '2026-11-01', 'TERIMA', 100), (2, '2026-11-01', 'TERIMA', 100),
	(3, '2026-11-01', 'TERIMA', 100);
INSERT OR REPLACE INTO icd9 (kode, nama, nama_cari) VALUES ('86.59', 'Suture of skin', 'suture'), ('96.59', 'Wound irrigation', 'wound');
INSERT OR REPLACE INTO alergen (kode, nama, kategori) VALUES ('91935009', 'Allergy to peanuts', 'food');
INSERT OR REPLACE INTO vaksin_kfa (kolom, nilai, kode_kfa, nama, dosis, alasan) VALUES
	('polio', '1', '93003001', 'Vaksin Polio Oral', 1, 'IM-Dasar'), ('dpt_hb_hib', '1', '93003002', 'Vaksin DPT-HB-Hib', 1, 'IM-Dasar'),
	('dpt_hb_hib', '2', '93003002', 'Vaksin DPT-HB-Hib', 2, 'IM-Dasar');
INSERT INTO resep (id, kunjungan_id, obat, jumlah, signa, penulis) VALUES (901, $visit, 'AMX', 10, '3x1', 51),
	(902, $visit, 'PCT', 6, '3x1 bila demam', 51), (903, $other, 'CTM', 5, '2x1', NULL), (904, $other, 'PCT', 4, '2x1', NULL);
INSERT INTO tindakan (kunjungan_id, icd9, keterangan) VALUES ($visit, '86.59', 'jahit 3 simpul'), ($other, '96.59', '');
INSERT INTO alergi (id, pasien_id, alergen, reaksi, kunjungan_id, pencatat) VALUES (71, $patient, '91935009', 'gatal', $visit, 51);
INSERT INTO alergi (id, pasien_id, obat, reaksi, keparahan, kunjungan_id, pencatat) VALUES (72, $patient, 'PCT', 'ruam', 'mild', $visit, 51);
INSERT INTO f_imunisasi (kunjungan_id, polio, dpt_hb_hib, no_batch_dpt_hb_hib, no_batch_ipv) VALUES ($visit, '1', '1', 'PTB2611X', 'IPV7');
INSERT INTO f_rujukan (kunjungan_id, jenis, tujuan, faskes, alasan) VALUES ($visit, 'KELUAR', 'FKRTL', 'RSUD Uji', 'perlu bedah')"
# the amoxicillin given in two parts (the counter's clock tells dispensings apart), the rest whole
pkm resep serahkan "$visit" --baris 901 --jumlah 4 >/dev/null
sleep 1.1
sql "INSERT INTO mutasi (batch_id, tanggal, jenis, jumlah, resep_id, penyerah) VALUES (1, '2026-11-23', 'PAKAI', -6, 901, 52)"
pkm resep serahkan "$visit" --baris 902 >/dev/null
pkm resep serahkan "$other" >/dev/null
expect "dispensings" "$(sql "SELECT count(DISTINCT resep_id || dibuat) FROM mutasi WHERE jenis = 'PAKAI'")" 5

set +e; out=$(pkm kirim satusehat --sekali); rc=$?; set -e
expect "first pass (the waiting one sent but for its drug)" "$out" "4 terkirim, 0 gagal, 1 menunggu"
expect "exit code" "$rc" 3
no_violations
count() { ask "s['posted']['$1']"; }
expect "prescription lines" "$(count MedicationRequest)" 3
expect "dispensings" "$(count MedicationDispense)" 4
expect "procedures" "$(count Procedure)" 2
expect "allergies" "$(count AllergyIntolerance)" 2
expect "doses" "$(count Immunization)" 2
expect "referral" "$(count ServiceRequest)" 1
mr=$(sql "SELECT sumber_id FROM kirim_sumber WHERE jenis = 'MedicationRequest' AND kunci = '901|93001019'")
expect "both parts authorized by their line" \
	"$(ask "sorted(d['quantity']['value'] for d in s['store']['MedicationDispense'].values()
		if d['authorizingPrescription'][0]['reference'] == 'MedicationRequest/$mr')")" "[4, 6]"
expect "the pharmacist of the second part" \
	"$(ask "sorted(d['performer'][0]['actor']['reference'] for d in s['store']['MedicationDispense'].values()
		if d['authorizingPrescription'][0]['reference'] == 'MedicationRequest/$mr')")" \
	"['Practitioner/N3204010101800001', 'Practitioner/N3204010101850052']"
expect "the prescriber" "$(ask "s['store']['MedicationRequest']['$mr']['requester']['reference']")" "Practitioner/N3204010101850051"
expect "times a day" "$(ask "s['store']['MedicationRequest']['$mr']['dosageInstruction'][0]['timing']['repeat']['frequency']")" 3
expect "the pharmacy's Location made once" "$(ask "len([l for l in s['store']['Location'].values() if l.get('identifier', [{}])[0].get('value') == 'FARMASI'])")" 1
expect "the referral's reason" "$(ask "[r['reasonCode'][0]['coding'][0]['code'] for r in s['store']['ServiceRequest'].values()]")" "['I10']"
expect "dose numbers" "$(ask "sorted(i['protocolApplied'][0]['doseNumberPositiveInt'] for i in s['store']['Immunization'].values())")" "[1, 1]"
# the batch written for DPT-HB-Hib goes on that dose only (IPV's was not given)
expect "batch numbers" "$(ask "sorted((i['identifier'][0]['value'], i.get('lotNumber')) for i in s['store']['Immunization'].values())")" \
	"[('$visit-dpt_hb_hib', 'PTB2611X'), ('$visit-polio', None)]"
expect "allergy codes" "$(ask "sorted(a['code']['coding'][0]['system'] for a in s['store']['AllergyIntolerance'].values())")" \
	"['http://snomed.info/sct', 'http://sys-ids.kemkes.go.id/kfa']"

# the drug without KFA: its line waits with the reason, no attempt spent; the rest of the visit went
expect "waiting item" "$(sql "SELECT status, tunggu, percobaan, versi = versi_kirim FROM kirim WHERE kunjungan_id = $other")" \
	"menunggu|1|0|1"
pkm kirim status | grep -q "menunggu data: obat belum punya kode KFA (isi di daftar obat): Klorfeniramin 4" ||
	{ pkm kirim status; exit 1; }
expect "the rest of it" "$(sql "SELECT group_concat(jenis, ',') FROM (SELECT s.jenis FROM kirim_sumber s JOIN kirim o ON o.id = s.kirim_id
	WHERE o.kunjungan_id = $other ORDER BY 1)")" "Condition,Encounter,MedicationDispense,MedicationRequest,Procedure"
expect "nothing more while it waits" "$(pkm kirim satusehat --sekali || true)" "0 terkirim, 0 gagal, 1 menunggu"
sql "UPDATE obat SET kode_kfa = '93004004' WHERE kode = 'CTM'"
expect "mapped: it goes" "$(pkm kirim satusehat --sekali)" "1 terkirim, 0 gagal, 0 menunggu"
no_violations
expect "its line and dispensing" "$(count MedicationRequest),$(count MedicationDispense)" "4,5"

# a change to each: the same ids updated, what was taken back entered-in-error
posted=$(ask "sum(s['posted'].values())")
sql "INSERT INTO resep (id, kunjungan_id, obat, jumlah, signa, penulis) VALUES (905, $visit, 'CTM', 3, '1x1', 51)"
expect "a line added" "$(pkm kirim satusehat --sekali)" "1 terkirim, 0 gagal, 0 menunggu"
expect "one more line" "$(count MedicationRequest)" 5
sql "DELETE FROM resep WHERE id = 905;
UPDATE tindakan SET keterangan = 'jahit 4 simpul' WHERE kunjungan_id = $visit;
UPDATE alergi SET status = 'resolved' WHERE id = 71;
UPDATE alergi SET status = 'entered-in-error' WHERE id = 72;
UPDATE f_imunisasi SET polio = NULL, dpt_hb_hib = '2' WHERE kunjungan_id = $visit;
UPDATE f_rujukan SET faskes = 'RSUD Kota' WHERE kunjungan_id = $visit"
expect "changes" "$(pkm kirim satusehat --sekali)" "1 terkirim, 0 gagal, 0 menunggu"
no_violations
status_of() { ask "[r.get('status') for r in s['store']['$1'].values() if r['identifier'][0]['value'] == '$2']"; }
expect "line taken back" "$(status_of MedicationRequest "$visit-905")" "['entered-in-error']"
expect "procedure updated" "$(ask "[p['note'][0]['text'] for p in s['store']['Procedure'].values() if p['code']['coding'][0]['code'] == '86.59']")" \
	"['jahit 4 simpul']"
expect "allergy resolved" "$(ask "[a['clinicalStatus']['coding'][0]['code'] for a in s['store']['AllergyIntolerance'].values() if a['identifier'][0]['value'] == '71']")" \
	"['resolved']"
expect "allergy in error" "$(ask "[a['verificationStatus']['coding'][0]['code'] for a in s['store']['AllergyIntolerance'].values() if a['identifier'][0]['value'] == '72']")" \
	"['entered-in-error']"
expect "polio dose taken back" "$(status_of Immunization "$visit-polio")" "['entered-in-error']"
expect "DPT dose now the second" "$(ask "[i['protocolApplied'][0]['doseNumberPositiveInt'] for i in s['store']['Immunization'].values() if i['identifier'][0]['value'] == '$visit-dpt_hb_hib']")" "[2]"
expect "referral destination" "$(ask "[r['performer'][0]['display'] for r in s['store']['ServiceRequest'].values()]")" "['RSUD Kota']"
expect "only updates" "$(ask "sum(s['posted'].values())")" "$((posted + 1))"
expect "nothing left" "$(pkm kirim satusehat --sekali)" "0 terkirim, 0 gagal, 0 menunggu"

# kill -9 at random moments while desks record: every resource exactly once, the last version
n=12
many_visits $n 5
sql "INSERT INTO resep (kunjungan_id, obat, jumlah, signa) SELECT k.id, 'AMX', 2, '2x1' FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id
	WHERE p.no_rm LIKE '5%';
INSERT INTO f_imunisasi (kunjungan_id, polio) SELECT k.id, '1' FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id WHERE p.no_rm LIKE '5%'"
fault slow
desk() {	# a procedure and a referral on some visits meanwhile
	sql "INSERT OR IGNORE INTO tindakan (kunjungan_id, icd9) SELECT k.id, '96.59' FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id
		WHERE p.no_rm LIKE '5%' AND k.id % 5 = $1 % 5;
	INSERT OR IGNORE INTO f_rujukan (kunjungan_id, jenis, faskes) SELECT k.id, 'KELUAR', 'RSUD Uji' FROM kunjungan k
		JOIN pasien p ON p.id = k.pasien_id WHERE p.no_rm LIKE '5%' AND k.id % 7 = $1 % 7"
}
kill_senders satusehat 60 desk
send_settled satusehat
no_violations
for t in MedicationRequest Immunization Procedure ServiceRequest; do
	expect "$t created once each" "$(count $t)" "$(ask "len(s['store']['$t'])")"
done
live() { ask "len([r for r in s['store']['$1'].values() if r.get('status') != 'entered-in-error'])"; }
expect "every line" "$(live MedicationRequest)" "$(sql "SELECT count(*) FROM resep r JOIN obat o ON o.kode = r.obat")"
expect "every procedure" "$(ask "len(s['store']['Procedure'])")" "$(sql "SELECT count(*) FROM tindakan")"
expect "every referral" "$(ask "len(s['store']['ServiceRequest'])")" "$(sql "SELECT count(*) FROM f_rujukan WHERE jenis = 'KELUAR'")"
expect "all sent" "$(sql "SELECT count(*) FROM kirim WHERE status <> 'terkirim' OR versi <> versi_kirim")" 0
exit 0
