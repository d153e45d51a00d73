# The diagnosis picker at 80x24: a synonym finds its codes and says so, the
# selected name is shown whole (wrapped), the unit's most used code comes
# first, and a code already diagnosed this month is told apart from a new one.
. "$(dirname "$0")/lib.sh"
import_cluster_visits
long="Penyakit dengan nama yang sangat panjang sekali untuk diuji apakah terlihat utuh di layar sampai akhir"
printf 'kode,nama\nW99.9,%s\n' "$long" >"$WORK/list.csv"
$PKM_BIN --db "$DB" icd10 impor "$WORK/list.csv" >/dev/null
start_app
wait_for "F10 Keluar"
open_visit 3
keys F5
wait_for "Cari ICD-10"
type_text "maag"
wait_for "[maag] Gastritis, tidak spesifik"
screen | grep -q "K30 *\[maag\] Dispepsia" || fail "second synonym hit missing"
wait_for "baru bulan ini untuk pasien ini | sinonim: maag"
keys Down
wait_for "K30 Dispepsia"
keys Enter
wait_for "K30 ditambahkan"
expect_sql "SELECT icd10 FROM diagnosis d JOIN kunjungan k ON k.id = d.kunjungan_id WHERE k.unit = 'K3'" "K30"
# again: K30 is now the unit's most used, first, and not new this month
keys F5
wait_for "Cari ICD-10"
type_text "maag"
wait_for "sudah didiagnosis bulan ini"
wait_for "unit ini 1x/90 hari"
screen | grep -A0 "K30" | head -1 | grep -q "Dispepsia" || fail "K30 not first"
[ "$(screen | grep -n "\[maag\]" | head -1 | grep -c K30)" = 1 ] || fail "the most used code is not first"
# a long name is shown whole under the list
keys C-u; type_text "w99"
wait_for "W99.9 Penyakit dengan nama yang sangat panjang"
wait_for "sampai akhir"
keys Escape
wait_for "Formulir untuk pasien dan unit ini"
echo ok
