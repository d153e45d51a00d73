# Correcting a patient at 80x24 (F6 on the search screen): a new birth date
# recomputes the ages stored on the patient's visits in the same save, the
# screen says which months' reports change, and LB1 moves the case to the
# other age band; a NIK of another patient is refused beside the field; the
# new identity fields (RT/RW, No. KK, No. HP, mother's name) are checked and
# kept in normal form; a baby is found by its mother's name. Checked with sqlite3.
. "$(dirname "$0")/lib.sh"
fx=$(cd "$(dirname "$0")/../fixtures" && pwd)
$PKM_BIN --db "$DB" impor pasien "$fx/cluster_pasien.csv" >/dev/null
printf 'no_rm,tanggal,unit,penjamin,icd10,kasus\n200003,2026-10-05,K3,,J06,B\n200003,2026-11-23,K3,,J06,L\n' \
	>"$WORK/k.csv"
$PKM_BIN --db "$DB" impor kunjungan "$WORK/k.csv" >/dev/null
# the identity columns import as they are typed: a bad one refuses the file with its line
cat >"$WORK/ibu.csv" <<'CSV'
nama,jenis_kelamin,tanggal_lahir,no_hp,nama_ibu,no_kk,rt_rw
Bayi Ny. Wati,P,2026-11-01,+62 812-1111-2222,Wati Susanti,3204101201150003,2/7
Bayi Ny. Tuti,L,2026-11-02,0211234567,Tuti,,
CSV
if $PKM_BIN --db "$DB" impor pasien "$WORK/ibu.csv" 2>"$WORK/ibu.err"; then echo "bad No. HP imported" >&2; exit 1; fi
grep -q ":3: no_hp: No. HP diawali 08" "$WORK/ibu.err" || { cat "$WORK/ibu.err" >&2; exit 1; }
expect_sql "SELECT count(*) FROM pasien WHERE nama LIKE 'Bayi Ny.%'" 0
sed -i '3d' "$WORK/ibu.csv"
$PKM_BIN --db "$DB" impor pasien "$WORK/ibu.csv" >/dev/null
expect_sql "SELECT no_hp, nama_ibu, no_kk, rt_rw FROM pasien WHERE nama = 'Bayi Ny. Wati'" \
	"081211112222|Wati Susanti|3204101201150003|002/007"
lb1() { $PKM_BIN --db "$DB" laporan lb1 --month 2026-10 --format data | grep '^J06'; }
[ "$(lb1)" = "J06,55-59t.baru.L,1" ] || { lb1; exit 1; }

start_app
wait_for "F10 Keluar"
screen | grep -q "F6 Ubah" || fail "F6 Ubah not on the search screen's key bar"
type_text "candra"
wait_for "Candra Wijaya"
keys F6
wait_for "Ubah data pasien"
wait_for "Candra Wijaya (No. RM 200003)"
# another patient's NIK is refused beside the field, nothing saved
$PKM_BIN --db "$DB" impor pasien /dev/stdin >/dev/null <<'CSV'
no_rm,nik,nama,jenis_kelamin,tanggal_lahir
300001,3204100101700001,Budi Lain,L,1970-01-01
CSV
keys Tab Tab Tab Tab; type_text "3204100101700001"; keys F2
wait_for "NIK ini milik Budi Lain (No. RM 300001)"
expect_sql "SELECT coalesce(nik, '-') FROM pasien WHERE no_rm = '200003'" "-"
keys C-u
# the birth date ten years earlier
keys Up Up C-u; type_text "01-01-1960"
# RT/RW, No. KK and No. HP as people type them; a bad No. HP first
keys Tab Tab Tab Tab Tab Tab; type_text "3/5"
keys Tab Tab; type_text "3204100101700009"
keys Tab; type_text "0212345"
keys Tab
wait_for "No. HP diawali 08"
keys Up C-u; type_text "+62 812-3456-7890"
keys F2
wait_for "Data pasien Candra Wijaya tersimpan; umur di 2 kunjungan dihitung ulang"
wait_for "bulan 10-2026, 11-2026 berubah"
screen | grep -q "Jl. Kenanga 5 RT/RW 003/005, Sukasari" || fail "RT/RW not shown with the address"
expect_sql "SELECT tanggal_lahir, rt_rw, no_kk, no_hp FROM pasien WHERE no_rm = '200003'" \
	"1960-01-01|003/005|3204100101700009|081234567890"
expect_sql "SELECT group_concat(umur_tahun, ',') FROM (SELECT umur_tahun FROM kunjungan ORDER BY tanggal)" "66,66"
# the trail holds the old and new values of the patient and of each visit
[ "$(trail | grep " UBAH   pasien #" | grep "| .*1970-01-01.* | .*1960-01-01" -c)" = 1 ] || fail "patient change not in the trail"
[ "$(trail | grep -c " UBAH   kunjungan #")" = 2 ] || fail "visit ages not in the trail"
[ "$(lb1)" = "J06,60-69t.baru.L,1" ] || fail "LB1 did not move the case: $(lb1)"
# the list shows what was saved
screen | grep "Candra Wijaya" | grep -q "01-01-1960" || fail "the search list kept the old birth date"

# a baby registered with its mother's name, found by it
keys C-u; keys F5
wait_for "Pasien baru"
type_text "Bayi Ny. Rahmah"; keys Tab; type_text "l"; keys Tab; type_text "20-11-2026"
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab; type_text "Siti Rahmah"
keys F2
wait_for "Kunjungan hari ini"
keys Escape
wait_for "Cari:"
type_text "ibu siti"
wait_for "Bayi Ny. Rahmah"
[ "$(screen | grep -c ' Umum$')" = 1 ] || fail "a mother-name search listed others"
# the mother's name is not the patient's: "siti" alone finds no one
keys C-u; type_text "siti"
wait_for "Tidak ditemukan"
expect_sql "SELECT nama_ibu FROM pasien WHERE nama = 'Bayi Ny. Rahmah'" "Siti Rahmah"
echo ok
