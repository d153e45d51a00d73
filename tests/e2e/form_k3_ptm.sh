# Klaster 3: PTM screening of an adult; IMT computed; the conclusion picked from
# its list; the stored row checked.
. "$(dirname "$0")/lib.sh"
import_cluster_visits
start_app
wait_for "Cari:"
open_visit 3
wait_for "Candra Wijaya"
wait_for "[ ] Skrining penyakit tidak menular (PTM)"
keys Down Down Down Down
keys Enter
wait_for "Untuk: 15 tahun ke atas, unit K3. Belum diisi."
fill_ptm 155 29.3 y
keys F2
wait_for "Skrining penyakit tidak menular (PTM) tersimpan"
wait_for "[x] Skrining penyakit tidak menular (PTM)"
expect_sql "SELECT td_sistol, td_diastol, gds, bb, tb, imt, lingkar_perut, kolesterol, merokok, kurang_aktivitas,
	kurang_sayur, alkohol, riwayat_keluarga, hasil, dirujuk FROM f_ptm" \
	"150|95|210|70.5|155.0|29.3|96.0||1|1|0|0|1|HIPERTENSI|1"
exit 0
