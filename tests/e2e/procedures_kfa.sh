# Issue 35 at 80x24: a procedure added to a visit by a word start over the
# ICD-9-CM list (F9 Tindakan), a second by its code, one removed; the drug
# master's KFA code picked by a word start from an imported KFA list.
. "$(dirname "$0")/lib.sh"
fx=$(cd "$(dirname "$0")/../fixtures" && pwd)
import_cluster_visits
$PKM_BIN --db "$DB" import obat "$fx/obat.csv" >/dev/null
printf 'kode,nama,bentuk\n93000001,Amoxicillin Trihydrate 500 mg Kaplet,Kaplet\n93001019,Paracetamol 500 mg Tablet,Tablet\n' \
	>"$WORK/kfa.csv"
$PKM_BIN --db "$DB" impor kfa "$WORK/kfa.csv" >/dev/null
LOGIN_AS="siti:NAKES K3" start_app
wait_for "Candra Wijaya"
keys Enter
wait_for "Candra Wijaya  (No. RM 200003)"
wait_for "Tindakan (F9): belum ada"
screen | tail -2 | grep -qF "F9 Tindakan" || fail "F9 Tindakan not on the key bar"
keys F9
wait_for "+ Tambah tindakan"
keys Enter
wait_for "Tambah tindakan"
type_text "nebul"; keys Tab
wait_for "93.94"
type_text "salbutamol"; keys F2
wait_for "Tindakan 93.94 dicatat"
expect_sql "SELECT icd9, keterangan FROM tindakan" "93.94|salbutamol"
keys Enter
wait_for "Tambah tindakan"
type_text "8659"; keys F2
wait_for "Tindakan 86.59 dicatat"
wait_for "Penjahitan luka kulit"
expect_sql "SELECT group_concat(icd9) FROM (SELECT icd9 FROM tindakan ORDER BY id)" "93.94,86.59"
# the first procedure chosen: removed after the question
keys Down Enter
wait_for "Hapus tindakan 93.94"
keys y
wait_for "Tindakan 93.94 dihapus"
expect_sql "SELECT group_concat(icd9) FROM tindakan" "86.59"
keys Escape
wait_for "Tindakan (F9): 86.59"
keys F10
sleep 0.3
$T kill-server 2>/dev/null || true

# the pharmacist maps a drug to its KFA code by a word of the list's name
LOGIN_AS=farmasi:FARMASI start_app
wait_for "Antrian resep"
keys F5
wait_for "F8 Data obat"
keys F8
wait_for "Obat baru"
keys Down Enter
wait_for "Ubah data obat"
i=0; while [ $i -lt 6 ]; do keys Tab; i=$((i + 1)); done
type_text "amox"; keys Tab
wait_for "93000001"
keys F2
wait_for "disimpan"
expect_sql "SELECT kode_kfa FROM obat WHERE kode = 'AMX500'" 93000001
echo ok
