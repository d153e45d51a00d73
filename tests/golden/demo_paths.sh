# pkm demo follows people along their care pathways (src/demo_paths.c): each
# pregnancy one HPHT and its ANC contacts in order at their weeks (but the one
# contact planted out of order, which Periksa data finds), a delivery followed
# by KF1-KF4 and KN1-KN3 at their days and the baby registered under the
# mother's name, doses by the schedule of forms/k2_imunisasi.ini, under-fives
# weighed about monthly with N when the weight went up, hypertension and
# diabetes controls month after month; LB3's K1 and K4 plausible.
set -eu
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/d.db"
"$PKM_BIN" demo --db "$DB" --years 1 --patients 2000 --per-day 40 >"$WORK/out"
q() { sqlite3 "$DB" "$1"; }
want() {	# want WHAT GOT TEST: fail unless [ GOT TEST ]
	# shellcheck disable=SC2086
	[ "$2" $3 ] || { echo "$1: $2, want $3" >&2; exit 1; }
}
ANC="WITH a AS (SELECT k.pasien_id p, k.tanggal t, k.id, f.kontak, f.hpht, f.usia_kehamilan u, f.trimester tm
	FROM f_anc f JOIN kunjungan k ON k.id = f.kunjungan_id JOIN pasien s ON s.id = k.pasien_id
	WHERE s.jenis_kelamin = 'P'),
	b AS (SELECT a.*, lag(kontak) OVER w pk, lag(hpht) OVER w ph FROM a WINDOW w AS (PARTITION BY p ORDER BY t, id))"

# ANC: contacts in order under one HPHT, but the planted one; ages and
# trimesters from the HPHT and the visit date; K1 mostly in the first trimester
want "ANC contacts" "$(q "$ANC SELECT count(*) FROM b")" "-gt 150"
want "contacts out of order" "$(q "$ANC SELECT count(*) FROM b WHERE ph IS NOT NULL AND ((hpht = ph AND kontak <= pk)
	OR (hpht <> ph AND abs(julianday(hpht) - julianday(ph)) < 280))")" "= 1"
want "a pregnancy with two HPHTs" "$(q "$ANC SELECT count(*) FROM b WHERE ph IS NOT NULL AND hpht <> ph")" "= 0"
want "usia_kehamilan or trimester not from the HPHT" "$(q "$ANC SELECT count(*) FROM b WHERE
	u <> CAST((julianday(t) - julianday(hpht)) / 7 AS INT) OR tm <> CASE WHEN julianday(t) - julianday(hpht) <= 90
	THEN 1 WHEN julianday(t) - julianday(hpht) <= 174 THEN 2 ELSE 3 END")" "= 0"
want "K1 in the first trimester, %" "$(q "$ANC SELECT 100 * sum(tm = 1) / count(*) FROM b WHERE kontak = 1")" "-ge 70"
want "K1 late, %" "$(q "$ANC SELECT 100 * sum(tm > 1) / count(*) FROM b WHERE kontak = 1")" "-ge 5"
want "contacts before 10 or after 42 weeks" "$(q "$ANC SELECT count(*) FROM b WHERE u > 42 OR (kontak > 1 AND u < 6)")" "= 0"
want "contact 4 before 20 weeks" "$(q "$ANC SELECT count(*) FROM b WHERE kontak >= 4 AND u < 20")" "= 0"

# deliveries: mostly in a facility; the baby registered, born that day, under
# the mother's name; KF and KN at their days, KF1 and KN1 for every live birth
# but the last few days'
SALIN="WITH s AS (SELECT k.pasien_id ibu, m.nama, f.tanggal_persalinan t, f.tempat, f.lahir_hidup
	FROM f_persalinan f JOIN kunjungan k ON k.id = f.kunjungan_id JOIN pasien m ON m.id = k.pasien_id),
	bayi AS (SELECT s.*, (SELECT id FROM pasien WHERE nama_ibu = s.nama AND tanggal_lahir = s.t) b FROM s)"
want "deliveries" "$(q "$SALIN SELECT count(*) FROM s")" "-ge 30"
want "in a facility, %" "$(q "$SALIN SELECT 100 * sum(tempat <> 'RUMAH') / count(*) FROM s")" "-ge 80"
want "live births without the baby registered" "$(q "$SALIN SELECT count(*) FROM bayi WHERE lahir_hidup = 1 AND b IS NULL")" "= 0"
want "babies not named By. Ny. and the mother" "$(q "$SALIN SELECT count(*) FROM bayi WHERE b IS NOT NULL AND
	(SELECT nama FROM pasien WHERE id = b) <> 'By. Ny. ' || nama")" "= 0"
KF="SELECT f.kunjungan_nifas, julianday(k.tanggal) - julianday(s.t) d FROM f_nifas f JOIN kunjungan k ON k.id = f.kunjungan_id
	JOIN s ON s.ibu = k.pasien_id AND k.tanggal >= s.t AND julianday(k.tanggal) - julianday(s.t) <= 42"
want "KF off its days" "$(q "$SALIN SELECT count(*) FROM ($KF) WHERE NOT ((kunjungan_nifas = 'KF1' AND d BETWEEN 0 AND 2) OR
	(kunjungan_nifas = 'KF2' AND d BETWEEN 3 AND 7) OR (kunjungan_nifas = 'KF3' AND d BETWEEN 8 AND 28)
	OR (kunjungan_nifas = 'KF4' AND d BETWEEN 29 AND 42))")" "= 0"
want "KF rows not after a delivery" "$(($(q "SELECT count(*) FROM f_nifas") - $(q "$SALIN SELECT count(*) FROM ($KF)")))" "= 0"
want "KN off its days" "$(q "SELECT count(*) FROM f_neonatal f JOIN kunjungan k ON k.id = f.kunjungan_id WHERE NOT
	((kunjungan_neonatal = 'KN1' AND umur_total_hari <= 2) OR (kunjungan_neonatal = 'KN2' AND umur_total_hari BETWEEN 3 AND 7)
	OR (kunjungan_neonatal = 'KN3' AND umur_total_hari BETWEEN 8 AND 28))")" "= 0"
want "live births without KF1 or KN1" "$(q "$SALIN SELECT count(*) FROM bayi WHERE lahir_hidup = 1 AND t < date('$PKM_TODAY', '-3 days')
	AND (NOT EXISTS (SELECT 1 FROM f_neonatal f JOIN kunjungan k ON k.id = f.kunjungan_id WHERE k.pasien_id = b
	AND f.kunjungan_neonatal = 'KN1') OR NOT EXISTS (SELECT 1 FROM f_nifas f JOIN kunjungan k ON k.id = f.kunjungan_id
	WHERE k.pasien_id = ibu AND k.tanggal >= t AND f.kunjungan_nifas = 'KF1'))")" "= 0"
want "KN lengkap" "$(q "SELECT count(*) FROM (SELECT k.pasien_id FROM f_neonatal f JOIN kunjungan k ON k.id = f.kunjungan_id
	GROUP BY 1 HAVING count(DISTINCT kunjungan_neonatal) = 3)")" "-ge 20"

# doses: never below their minimum age (days, or months for 9 and 18), 28
# days at least after the antigen's previous dose, in order; some late
DOSES="WITH i AS (SELECT k.pasien_id p, k.tanggal t, k.umur_total_hari h, k.umur_tahun * 12 + k.umur_bulan m, f.*
	FROM f_imunisasi f JOIN kunjungan k ON k.id = f.kunjungan_id),
	d AS (SELECT p, t, h, m, 'polio' ag, polio n FROM i UNION ALL SELECT p, t, h, m, 'dpt', dpt_hb_hib FROM i
	UNION ALL SELECT p, t, h, m, 'ipv', ipv FROM i UNION ALL SELECT p, t, h, m, 'pcv', pcv FROM i
	UNION ALL SELECT p, t, h, m, 'rv', rv FROM i UNION ALL SELECT p, t, h, m, 'mr', mr FROM i
	UNION ALL SELECT p, t, h, m, 'bcg', CASE bcg WHEN 1 THEN '1' END FROM i),
	e AS (SELECT d.*, lag(t) OVER w pt, lag(n) OVER w pn FROM d WHERE n IS NOT NULL WINDOW w AS (PARTITION BY p, ag ORDER BY t))"
want "doses" "$(q "$DOSES SELECT count(*) FROM e")" "-ge 300"
# forms/k2_imunisasi.ini's umur_dosis: each dose's minimum age in days or months
want "doses below their minimum age" "$(q "$DOSES, mins (ag, n, hari, bulan) AS (VALUES ('polio', '2', 42, 0),
	('polio', '3', 70, 0), ('polio', '4', 98, 0), ('dpt', '1', 42, 0), ('dpt', '2', 70, 0), ('dpt', '3', 98, 0),
	('dpt', '4', 0, 18), ('ipv', '1', 98, 0), ('ipv', '2', 0, 9), ('pcv', '1', 42, 0), ('pcv', '2', 70, 0),
	('pcv', '3', 0, 9), ('rv', '1', 42, 0), ('rv', '2', 70, 0), ('rv', '3', 98, 0), ('mr', '1', 0, 9), ('mr', '2', 0, 18))
	SELECT count(*) FROM e JOIN mins USING (ag, n) WHERE h < hari OR m < bulan")" "= 0"
want "doses too close or out of order" "$(q "$DOSES SELECT count(*) FROM e WHERE pt IS NOT NULL AND
	(julianday(t) - julianday(pt) < 28 OR CAST(n AS INT) <> CAST(pn AS INT) + 1)")" "= 0"
want "DPT1 late (at 3 months or older, due at 2)" "$(q "$DOSES SELECT count(*) FROM e WHERE ag = 'dpt' AND n = '1' AND m >= 3")" "-ge 1"
want "HB0 under 24 hours" "$(q "SELECT count(*) FROM f_neonatal WHERE hb0 = 'H24'")" "-ge 20"
want "HB0 at KN2 for one missed at KN1" "$(q "SELECT count(*) FROM f_neonatal WHERE hb0 = 'H7'")" "-ge 1"
# a few missed: babies past 5 months with DPT1 but no DPT3
want "dropped out after DPT1" "$(q "SELECT count(*) FROM pasien s WHERE tanggal_lahir < date('$PKM_TODAY', '-6 months')
	AND EXISTS (SELECT 1 FROM f_imunisasi f JOIN kunjungan k ON k.id = f.kunjungan_id WHERE k.pasien_id = s.id AND dpt_hb_hib = '1')
	AND NOT EXISTS (SELECT 1 FROM f_imunisasi f JOIN kunjungan k ON k.id = f.kunjungan_id WHERE k.pasien_id = s.id AND dpt_hb_hib = '3')")" "-ge 1"

# weighing: about monthly, never twice within three weeks; N when the weight
# went up since the last weighing, nothing to compare at the first
W="WITH w AS (SELECT k.pasien_id p, k.tanggal t, f.bb, f.naik, f.selisih_bb s, lag(k.tanggal) OVER x pt, lag(f.bb) OVER x pb
	FROM f_penimbangan f JOIN kunjungan k ON k.id = f.kunjungan_id WINDOW x AS (PARTITION BY k.pasien_id ORDER BY k.tanggal))"
want "children weighed 8 times or more" "$(q "$W SELECT count(*) FROM (SELECT p FROM w GROUP BY p HAVING count(*) >= 8)")" "-ge 60"
want "weighings within 3 weeks" "$(q "$W SELECT count(*) FROM w WHERE julianday(t) - julianday(pt) < 21")" "= 0"
want "mean gap between weighings, days" "$(q "$W SELECT CAST(avg(julianday(t) - julianday(pt)) AS INT) FROM w")" "-le 40"
want "naik not from the last weight" "$(q "$W SELECT count(*) FROM w WHERE (pb IS NULL AND naik IS NOT NULL)
	OR (pb IS NOT NULL AND naik IS NOT (bb > pb))")" "= 0"
want "N, %" "$(q "$W SELECT 100 * sum(naik) / count(naik) FROM w")" "-ge 55"
want "T" "$(q "$W SELECT count(*) FROM w WHERE naik = 0")" "-ge 50"

# chronic patients: hypertension and diabetes controls month after month with
# their readings; B once, then L (a K within the month), never B twice a year
want "hypertensives with 8 controls or more" "$(q "SELECT count(*) FROM (SELECT k.pasien_id FROM kunjungan k
	JOIN diagnosis g ON g.kunjungan_id = k.id JOIN f_ptm f ON f.kunjungan_id = k.id WHERE g.icd10 = 'I10'
	AND f.hasil IN ('HIPERTENSI', 'HT_DM') GROUP BY 1 HAVING count(*) >= 8)")" "-ge 40"
want "diabetics with 8 controls or more" "$(q "SELECT count(*) FROM (SELECT k.pasien_id FROM kunjungan k
	JOIN diagnosis g ON g.kunjungan_id = k.id JOIN f_ptm f ON f.kunjungan_id = k.id WHERE g.icd10 = 'E11.9'
	AND f.hasil IN ('DM', 'HT_DM') GROUP BY 1 HAVING count(*) >= 8)")" "-ge 10"
want "a chronic B twice a year (but the planted one)" "$(q "SELECT count(*) FROM (SELECT k.pasien_id FROM diagnosis g
	JOIN kunjungan k ON k.id = g.kunjungan_id WHERE g.icd10 IN ('I10', 'E11.9') AND g.kasus = 'B'
	GROUP BY k.pasien_id, g.icd10, substr(k.tanggal, 1, 4) HAVING count(*) > 1)")" "-le 1"

# LB3 over the year's months: K1 and K4 counted, K4 not above K1
k1=0 k4=0
for m in $(q "SELECT DISTINCT substr(tanggal, 1, 7) FROM kunjungan"); do
	"$PKM_BIN" --db "$DB" report lb3 --month "$m" --format data >"$WORK/lb3.csv"
	k1=$((k1 + $(grep '^k1,jumlah,' "$WORK/lb3.csv" | cut -d, -f3)))
	k4=$((k4 + $(grep '^k4,jumlah,' "$WORK/lb3.csv" | cut -d, -f3)))
done
want "LB3 K1 over the year" "$k1" "-ge 30"
want "LB3 K4 over the year" "$k4" "-ge 20"
want "LB3 K4 above K1" "$k4" "-le $k1"

# the planted contact is found by Periksa data in its month
prev=$(q "SELECT strftime('%Y-%m', date('$PKM_TODAY', 'start of month', '-1 month'))")
"$PKM_BIN" --db "$DB" periksa --month "$prev" --format csv >"$WORK/periksa.csv" || true
want "anc_urutan findings" "$(grep -c '^kesalahan,anc_urutan,' "$WORK/periksa.csv")" "= 1"
