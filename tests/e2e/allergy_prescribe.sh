# Issue 35 at 80x24: a nurse records a drug allergy (F6 on the visit, the drug
# picked by a word start) and a food allergy; the header shows both on the
# visit, the form and the prescription; prescribing the drug asks once (t keeps
# it off, y writes it and resep.alergi_abaikan names the allergy); marked
# entered in error, it leaves the header; Riwayat pasien shows the allergies.
. "$(dirname "$0")/lib.sh"
fx=$(cd "$(dirname "$0")/../fixtures" && pwd)
import_cluster_visits
$PKM_BIN --db "$DB" import obat "$fx/obat.csv" >/dev/null
$PKM_BIN --db "$DB" import stok "$fx/stok.csv" >/dev/null
LOGIN_AS="siti:NAKES K3" start_app
wait_for "Candra Wijaya"
keys Enter
wait_for "Candra Wijaya  (No. RM 200003)"
screen | grep -q "Alergi:" && fail "an allergy shown before any was recorded"
screen | tail -2 | grep -qF "F6 Alergi" || fail "F6 Alergi not on the key bar"
keys F6
wait_for "+ Catat alergi baru"
keys Enter
wait_for "Catat alergi"
type_text "amok"; keys Tab
wait_for "AMX500"
keys Tab
type_text "gatal dan bentol"; keys Tab
type_text "severe"; keys F2
wait_for "Alergi dicatat"
expect_sql "SELECT obat, alergen IS NULL, reaksi, keparahan, status FROM alergi" "AMX500|1|gatal dan bentol|severe|active"
# a food allergen by a word start, the Ctrl key of the same action
keys Escape
wait_for "Alergi: Amoksisilin 500 mg"
keys C-r
wait_for "+ Catat alergi baru"
keys Enter
wait_for "Catat alergi"
keys Tab; type_text "tel"; keys Tab
wait_for "102263004"
keys F2
wait_for "Alergi dicatat"
keys Escape
wait_for "Alergi: Amoksisilin 500 mg, Telur"
# the prescription: the drug asked about once
keys End Enter
wait_for "Resep obat"
wait_for "Alergi: Amoksisilin 500 mg, Telur"
keys F5
wait_for "Tambah obat ke resep"
type_text "AMX500"; keys Tab; type_text "10"; keys Tab; type_text "3x1"; keys F2
wait_for "PERHATIAN: pasien alergi Amoksisilin 500 mg. Tetap resepkan AMX500?"
keys t
wait_for "pasien alergi Amoksisilin 500 mg: pilih obat lain"
expect_sql "SELECT count(*) FROM resep" 0
keys F2
wait_for "Tetap resepkan AMX500?"
keys y
wait_for "10 AMX500 ditambahkan ke resep"
expect_sql "SELECT r.obat, a.obat FROM resep r JOIN alergi a ON a.id = r.alergi_abaikan" "AMX500|AMX500"
# another drug is not asked about
keys F5
wait_for "Tambah obat ke resep"
type_text "PCT500"; keys Tab; type_text "10"; keys Tab; type_text "3x1"; keys F2
wait_for "10 PCT500 ditambahkan ke resep"
expect_sql "SELECT count(*) FROM resep WHERE alergi_abaikan IS NULL" 1
# the drug allergy found wrong: marked, kept, no longer in the header
keys Escape
wait_for "Kunjungan pasien"
keys F6
wait_for "Amoksisilin 500 mg | Berat: gatal dan bentol | Aktif"
keys Down Enter
wait_for "Status alergi Amoksisilin 500 mg"
keys Down Down Enter
wait_for "Salah catat"
keys Escape
wait_for "Alergi: Telur"
expect_sql "SELECT status FROM alergi WHERE obat = 'AMX500'" "entered-in-error"
# the patient's history shows it too
keys F7
wait_for "Riwayat Candra Wijaya"
wait_for "Alergi: Telur"
echo ok
