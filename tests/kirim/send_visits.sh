# Imported visits go to SATUSEHAT once, as one Encounter each with its
# Conditions; history before [satusehat] mulai stays home; a patient without a
# NIK, or with one SATUSEHAT does not know, waits with the reason and goes once
# the NIK is corrected; a changed visit goes as an update of the same ids.
. "$(dirname "$0")/lib.sh"
add_visits
expect "queued (not the October visit)" "$(sql "SELECT count(*) FROM kirim")" 4
expect "October visit not queued" "$(sql "SELECT count(*) FROM kirim o JOIN kunjungan k ON k.id = o.kunjungan_id
	WHERE k.tanggal < '2026-11-01'")" 0

set +e; out=$(pkm kirim satusehat --sekali); rc=$?; set -e
expect "first pass" "$out" "2 terkirim, 0 gagal, 2 menunggu"
expect "exit code with items waiting" "$rc" 3
no_violations
expect "encounters" "$(ask 'len(s["store"]["Encounter"])')" 2
expect "classes" "$(ask 'sorted(e["class"]["code"] for e in s["store"]["Encounter"].values())')" "['AMB', 'EMER']"
expect "identifiers are the visit ids" "$(ask 'sorted(e["identifier"][0]["value"] for e in s["store"]["Encounter"].values())')" \
	"$(sql "SELECT '[''' || group_concat(kunjungan_id, ''', ''') || ''']' FROM (SELECT kunjungan_id FROM kirim
		WHERE status = 'terkirim' ORDER BY CAST(kunjungan_id AS TEXT))")"
# the service day 2026-11-23 in WIB starts at 17:00 UTC the day before: 08:00 WIB is 01:00 UTC
expect "period in UTC" "$(ask 'sorted(e["period"]["start"] for e in s["store"]["Encounter"].values())')" \
	"['2026-11-23T01:00:00+00:00', '2026-11-23T01:00:00+00:00']"
pkm kirim status >"$WORK/status"
grep -q "Budi Santoso .*menunggu data: pasien belum punya NIK" "$WORK/status" || { cat "$WORK/status"; exit 1; }
grep -q "Citra Dewi .*NIK pasien 9999010101700003 tidak dikenal SATUSEHAT" "$WORK/status" || { cat "$WORK/status"; exit 1; }

# a second pass sends nothing again: the waiting items wait for their data
expect "second pass" "$(pkm kirim satusehat --sekali || true)" "0 terkirim, 0 gagal, 2 menunggu"
expect "bundles" "$(ask 's["bundles"]')" 2

# the NIKs corrected (as an import of corrected patients would, or the screen)
sql "UPDATE pasien SET nik = '3204010202800002' WHERE no_rm = '300002'"
sql "UPDATE pasien SET nik = '3204014303700003' WHERE no_rm = '300003'"
expect "after the NIKs" "$(pkm kirim satusehat --sekali)" "2 terkirim, 0 gagal, 0 menunggu"
no_violations
expect "encounters" "$(ask 'len(s["store"]["Encounter"])')" 4

# a diagnosis added to a sent visit: the same Encounter updated, one new Condition
visit=$(sql "SELECT k.id FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id WHERE p.no_rm = '300001' AND k.unit = 'K3' AND k.tanggal = '2026-11-23'")
enc=$(sql "SELECT sumber_id FROM kirim_sumber s JOIN kirim o ON o.id = s.kirim_id WHERE o.kunjungan_id = $visit AND s.jenis = 'Encounter'")
sql "INSERT INTO diagnosis (kunjungan_id, icd10, kasus) VALUES ($visit, 'E11.9', 'B')"
expect "queued again" "$(sql "SELECT status FROM kirim WHERE kunjungan_id = $visit")" menunggu
expect "update" "$(pkm kirim satusehat --sekali)" "1 terkirim, 0 gagal, 0 menunggu"
no_violations
expect "still four encounters" "$(ask 'len(s["store"]["Encounter"])')" 4
expect "same encounter id" "$(sql "SELECT sumber_id FROM kirim_sumber s JOIN kirim o ON o.id = s.kirim_id WHERE o.kunjungan_id = $visit AND s.jenis = 'Encounter'")" "$enc"
expect "its diagnoses" "$(ask "sorted(d['condition']['display'][:10] for d in s['store']['Encounter']['$enc']['diagnosis'])")" \
	"['Diabetes m', 'Hipertensi']"
expect "conditions" "$(ask 'len(s["store"]["Condition"])')" 5
expect "puts" "$(ask 's["puts"]')" 2

# a diagnosis taken back: its Condition marked entered-in-error, not left active
sql "DELETE FROM diagnosis WHERE kunjungan_id = $visit AND icd10 = 'E11.9'"
expect "withdrawn" "$(pkm kirim satusehat --sekali)" "1 terkirim, 0 gagal, 0 menunggu"
no_violations
expect "marked in error" "$(ask "[c.get('verificationStatus', {}).get('coding', [{}])[0].get('code') for c in s['store']['Condition'].values() if c['code']['coding'][0]['code'] == 'E11.9']")" "['entered-in-error']"
expect "one diagnosis left on the encounter" "$(ask "len(s['store']['Encounter']['$enc']['diagnosis'])")" 1
expect "nothing left" "$(pkm kirim satusehat --sekali)" "0 terkirim, 0 gagal, 0 menunggu"

# the sender writes nothing into the trail, and the secret is in no file pkm wrote
expect "trail of the sender" "$(sql "SELECT count(*) FROM audit WHERE pengguna = (SELECT kode FROM audit_nama WHERE nama = 'sistem:kirim')")" 0
if grep -rlaF "$SECRET" "$WORK" --exclude=satusehat.rahasia --exclude=pkm.ini; then echo "secret leaked" >&2; exit 1; fi
exit 0
