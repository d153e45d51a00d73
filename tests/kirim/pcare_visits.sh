# BPJS visits to P-Care: each visit's pendaftaran and kunjungan go once; a
# visit without diagnoses is registered and goes on when they come; a changed
# diagnosis goes as PUT; dispensed drugs and a coded procedure follow, a
# changed amount replacing the drug; a cancelled visit is deleted; a visit
# paid otherwise, or before [pcare] mulai, sends nothing; an inactive card
# waits for a person. `pkm pcare peserta` prints a card's state. No secret
# reaches the database.
. "$(dirname "$0")/pcare_lib.sh"
add_bpjs_visits
expect "items: BPJS visits from mulai on" "$(sql "SELECT count(*) FROM kirim WHERE tujuan = 'pcare'")" 4
expect "the patient paying themselves" "$(sql "SELECT count(*) FROM kirim WHERE kunjungan_id = $(visit_of 400005)")" 0
# a BPJS visit registered with no diagnosis yet (IGD), a drug with its P-Care code
cat >"$WORK/kunjungan2.csv" <<CSV
no_rm,tanggal,unit,penjamin,icd10,kasus
400001,2026-11-23,IGD,,,
CSV
pkm import kunjungan "$WORK/kunjungan2.csv" >/dev/null
printf 'kode,nama,satuan,kode_pcare\nAML5,Amlodipin 5 mg,tablet,520\nVITC,Vitamin C,tablet,\n' >"$WORK/obat.csv"
pkm import obat "$WORK/obat.csv" >/dev/null
expect "drug codes" "$(sql "SELECT group_concat(kode || '=' || coalesce(kode_pcare, '-')) FROM obat ORDER BY kode")" "AML5=520,VITC=-"

set +e; out=$(pkm kirim pcare --sekali); rc=$?; set -e
expect "first pass" "$out" "4 terkirim, 1 gagal, 0 menunggu"
expect "exit status" "$rc" 0
p_no_violations
expect "registrations" "$(pask 'sorted(r["noKartu"] for r in s["pendaftaran"].values())')" \
	"['0001000000002', '0001234567890', '0001234567890', '0008000000004']"
expect "visits (the IGD one has no diagnosis yet)" "$(pask 'len(s["kunjungan"])')" 3
expect "IGD registered at its poli" "$(pask '[r["noKartu"] for r in s["pendaftaran"].values() if r["kdPoli"] == "020"]')" "['0001234567890']"
pkm kirim status | grep -q "gagal: perlu diperiksa: kartu BPJS 0009000000003 tidak aktif - KARTU TIDAK AKTIF: PREMI BELUM DIBAYAR" ||
	{ pkm kirim status; exit 1; }
no1=$(sql "SELECT sumber_id FROM kirim_sumber WHERE kirim_id = $(item_of 400001) AND jenis = 'kunjungan'")
expect "the visit's number kept" "$(pask "s['kunjungan']['$no1']['kdDiag1']")" I10

# the doctor adds a diagnosis (goes as PUT), the IGD visit gets its own, the
# pharmacy dispenses, the dental form records a scaling
v1=$(visit_of 400001)
igd=$(sql "SELECT id FROM kunjungan WHERE unit = 'IGD'")
sql "INSERT INTO diagnosis (kunjungan_id, icd10, kasus) VALUES ($v1, 'E11.9', 'B'), ($igd, 'T14.0', 'B');
     INSERT INTO resep (kunjungan_id, obat, jumlah, signa, diserahkan, diberi)
       VALUES ($v1, 'AML5', 30, '1x1', '2026-11-23', 30), ($v1, 'VITC', 10, '1x1', '2026-11-23', 10);
     INSERT INTO f_gigi (kunjungan_id, scaling) VALUES ($v1, 1)"
expect "second pass" "$(pkm kirim pcare --sekali)" "2 terkirim, 1 gagal, 0 menunggu"
p_no_violations
expect "one update" "$(pask 's["puts"]')" 1
expect "updated diagnoses" "$(pask "[s['kunjungan']['$no1'][k] for k in ('kdDiag1', 'kdDiag2', 'terapiObat')]")" \
	"['I10', 'E11.9', 'Amlodipin 5 mg 30 1x1, Vitamin C 10 1x1']"
expect "visits" "$(pask 'len(s["kunjungan"])')" 4
expect "the drug with a P-Care code" "$(pask 'sorted((v["kdObat"], v["jmlObat"]) for v in s["obat"].values())')" "[('520', 30)]"
expect "the procedure" "$(pask '[v["kdTindakan"] for v in s["tindakan"].values()]')" "['01001']"

# the amount given changes: the old entry is deleted, the new one sent
sql "UPDATE resep SET jumlah = 60, diberi = 60 WHERE kunjungan_id = $v1 AND obat = 'AML5'"
expect "third pass" "$(pkm kirim pcare --sekali)" "1 terkirim, 1 gagal, 0 menunggu"
expect "drug replaced" "$(pask 'sorted((v["kdObat"], v["jmlObat"]) for v in s["obat"].values())')" "[('520', 60)]"
pask 's["deleted"]' | grep -q "'obat " || { pask 's["deleted"]'; exit 1; }

# a cancelled visit (the correction screen writes batal) is deleted at P-Care
v2=$(visit_of 400002)
no2=$(sql "SELECT sumber_id FROM kirim_sumber WHERE kirim_id = $(item_of 400002) AND jenis = 'kunjungan'")
urut2=$(sql "SELECT sumber_id FROM kirim_sumber WHERE kirim_id = $(item_of 400002) AND jenis = 'pendaftaran'")
sql "UPDATE kunjungan SET batal = 'salah daftar pasien' WHERE id = $v2"
expect "fourth pass" "$(pkm kirim pcare --sekali)" "1 terkirim, 1 gagal, 0 menunggu"
expect "deleted" "$(pask "[d for d in s['deleted'] if not d.startswith('obat')]")" "['kunjungan $no2', 'pendaftaran $urut2']"
expect "its numbers forgotten" "$(sql "SELECT count(*) FROM kirim_sumber WHERE kirim_id = $(item_of 400002)")" 0
p_no_violations
# a visit moved to another unit: P-Care cannot change a registration's poli, so
# the old registration and visit go and the new ones are made
v4=$(visit_of 400004)
old4=$(sql "SELECT sumber_id FROM kirim_sumber WHERE kirim_id = $(item_of 400004) AND jenis = 'kunjungan'")
sql "UPDATE kunjungan SET unit = 'IGD' WHERE id = $v4"
expect "moved" "$(pkm kirim pcare --sekali)" "1 terkirim, 1 gagal, 0 menunggu"
p_no_violations
pask 's["deleted"]' | grep -q "'kunjungan $old4'" || { pask 's["deleted"]'; exit 1; }
expect "registered again at IGD's poli" "$(pask '[r["kdPoli"] for r in s["pendaftaran"].values() if r["noKartu"] == "0008000000004"]')" \
	"['020']"
expect "its visit made again" "$(pask '[k["kdPoli"] for k in s["kunjungan"].values() if k["noKartu"] == "0008000000004"]')" "['020']"
expect "kept under the new poli" "$(sql "SELECT kunci FROM kirim_sumber WHERE kirim_id = $(sql "SELECT id FROM kirim WHERE kunjungan_id = $v4 AND tujuan = 'pcare'") AND jenis = 'pendaftaran'")" 020

# the inactive card's visit, never registered, cancelled: closed without a request
requests=$(pask 's["requests"]')
sql "UPDATE kunjungan SET batal = 'kartu tidak aktif, pasien umum' WHERE id = $(visit_of 400003)"
pkm kirim ulang "$(item_of 400003)" >/dev/null
expect "closed" "$(pkm kirim pcare --sekali)" "1 terkirim, 0 gagal, 0 menunggu"
expect "no request for it" "$(pask 's["requests"]')" "$requests"
# nothing of the patient paying themselves ever went
expect "no request for the UMUM patient" "$(pask 'sum(1 for r in s["pendaftaran"].values() if r["noKartu"] == "")')" 0

# an inpatient: registered at once (kdTkp 20), its visit sent once discharged,
# with the discharge's kdStatusPulang (never 3, berobat jalan) and date
write_pcare_config "poli_RANAP = 012"
printf 'no_rm,tanggal,unit,penjamin,icd10,kasus\n400001,2026-11-23,RANAP,,A09,B\n' >"$WORK/ranap.csv"
pkm import kunjungan "$WORK/ranap.csv" >/dev/null
ranap=$(visit_of 400001 RANAP)
sql "INSERT INTO f_ranap (kunjungan_id, tanggal_masuk) VALUES ($ranap, '2026-11-23')"
expect "admitted" "$(pkm kirim pcare --sekali)" "0 terkirim, 0 gagal, 1 menunggu"
expect "registered as rawat inap" "$(pask '[r["kdTkp"] for r in s["pendaftaran"].values() if r["kdPoli"] == "012"]')" "['20']"
pkm kirim status | grep -q "pasien rawat inap belum pulang" || { pkm kirim status; exit 1; }
sql "UPDATE f_ranap SET tanggal_keluar = '2026-11-25', keadaan_keluar = 'SEMBUH' WHERE kunjungan_id = $ranap"
expect "discharged" "$(pkm kirim pcare --sekali)" "1 terkirim, 0 gagal, 0 menunggu"
expect "status and date of the discharge" \
	"$(pask '[(k["kdStatusPulang"], k["tglPulang"]) for k in s["kunjungan"].values() if k["kdPoli"] == "012"]')" \
	"[('0', '25-11-2026')]"
p_no_violations

# the card check, by number and by NIK
out=$(pkm pcare peserta 0001234567890)
echo "$out" | grep -q "^Status     AKTIF$" || { echo "$out"; exit 1; }
echo "$out" | grep -q "^Di desk    BPJS aktif, KELAS III, PBI (APBN)$" || { echo "$out"; exit 1; }
set +e; out=$(pkm pcare peserta 0008000000004); rc=$?; set -e
echo "$out" | grep -q "TERDAFTAR DI FKTP LAIN: 0999B001 Klinik Lain" || { echo "$out"; exit 1; }
set +e; out=$(pkm pcare peserta 0009000000003); rc=$?; set -e
expect "inactive exit" "$rc" 4
echo "$out" | grep -q "^Status     TIDAK AKTIF - KARTU TIDAK AKTIF: PREMI BELUM DIBAYAR$" || { echo "$out"; exit 1; }
set +e; out=$(pkm pcare peserta 3204010101900009); rc=$?; set -e
expect "by NIK" "$rc" 0
echo "$out" | grep -q "^No. BPJS   0001101900009$" || { echo "$out"; exit 1; }
set +e; out=$(pkm pcare peserta 9999000000001); rc=$?; set -e
expect "unknown card" "$rc:$out" "5:No. BPJS 9999000000001 tidak dikenal P-Care"

# the secrets are in no file pkm wrote, nor in the trail
for f in "$DB" "$DB-wal"; do
	[ -f "$f" ] || continue
	if grep -a -q -e "$PSECRET" -e "Sandi-PCare-$$" -e "kunci-$$" "$f"; then echo "a secret in $f" >&2; exit 1; fi
done
exit 0
