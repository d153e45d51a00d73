# Klaster 2: a midwife fills the ANC form for a pregnant woman's visit: computed
# pregnancy age, HPL, IMT, KEK and anemia appear as she types, a field shows
# only when its rule says so, and the row is stored once.
. "$(dirname "$0")/lib.sh"
import_cluster_visits
start_app
wait_for "Cari:"
open_visit 1
wait_for "[ ] Pemeriksaan kehamilan (ANC terpadu)"
keys Enter
wait_for "Untuk: perempuan, 10 tahun s.d. 55 tahun, unit K2. Belum diisi."
type_text "1"; keys Tab
type_text "01-09-2026"; keys Tab
wait_for "11 minggu"
wait_for "08-06-2027"	# HPL, shown as dates are typed
type_text "60,5"; keys Tab
type_text "155"; keys Tab
wait_for "25.2 kg/m2"
type_text "22"; keys Tab
type_text "110/70"; keys Tab
type_text "10,5"; keys Tab
# status imunisasi Td from its pick list: T0, T1, T2
keys Space
wait_for "Pilih: Status imunisasi Td"
keys Down Down Enter
wait_for "T2"
keys Tab Tab
type_text "30"; keys Tab
type_text "nr"; keys Tab
type_text "nr"; keys Tab
type_text "nr"; keys Tab
type_text "2"; keys Tab
type_text "1"; keys Tab
screen | grep -q "Faktor risiko  " && fail "risk detail shown before the risk question is answered"
type_text "y"; keys Tab
wait_for "Faktor risiko"
type_text "jarak kehamilan < 2 tahun"; keys Tab
type_text "t"; keys Tab
type_text "y"
keys Enter
wait_for "Pemeriksaan kehamilan (ANC terpadu) tersimpan"
wait_for "[x] Pemeriksaan kehamilan (ANC terpadu)"
expect_sql "SELECT kontak, hpht, usia_kehamilan, trimester, hpl, bb, tb, imt, lila, kek, td_sistol, td_diastol, hb,
	anemia, status_td, ttd, hiv, gravida, paritas, faktor_risiko, risiko_ket, usg, oleh_dokter FROM f_anc" \
	"1|2026-09-01|11|1|2027-06-08|60.5|155.0|25.2|22.0|1|110|70|10.5|1|T2|30|NR|2|1|1|jarak kehamilan < 2 tahun|0|1"
expect_sql "SELECT p.nama FROM f_anc f JOIN kunjungan k ON k.id = f.kunjungan_id JOIN pasien p ON p.id = k.pasien_id" \
	"Ani Lestari"
# reopening shows what was stored, in the form people type it
keys Up
keys Enter
wait_for "Sudah pernah disimpan."
wait_for "01-09-2026"
keys Escape
wait_for "[x] Pemeriksaan kehamilan (ANC terpadu)"
exit 0
