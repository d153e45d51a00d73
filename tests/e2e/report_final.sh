# The month signed off and corrected, at 80x24: the data officer signs LB1 of
# October in the viewer (F5, asked first); a health worker opens a visit of
# October, which asks a reason although it is within [kunjungan] ubah_hari;
# the diagnosis is corrected, the reason is in the trail, and the data
# officer's reprint heads KOREKSI SETELAH FINAL with the changed cells.
LOGIN_AS=data:PELAPORAN
. "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/.config/pkm"
printf '[kunjungan]\nubah_hari = 60\n' >"$WORK/.config/pkm/pkm.ini"
import_cluster_visits
printf 'no_rm,tanggal,unit,icd10,kasus\n200003,2026-10-28,K3,J06.9,B\n' >"$WORK/old.csv"
$PKM_BIN --db "$DB" import kunjungan "$WORK/old.csv" >/dev/null
add_user nakes NAKES K3
start_app
wait_for "Lebar kertas"	# the data officer starts on Laporan: LB1 of last month
# a month to come is refused; the month not ended is marked and not signed
keys C-u; type_text "12-2026"; keys Enter
wait_for "bulan 12-2026 belum dimulai (hari ini 23-11-2026)"
keys C-u; type_text "11-2026"; keys Enter
wait_for "BULAN BERJALAN: data sampai 23-11-2026, belum lengkap"
keys F5
wait_for "Bulan 11-2026 belum berakhir: laporannya belum dapat difinalkan"
keys Escape
wait_for "Lebar kertas"
keys C-u; type_text "10-2026"; keys Enter
wait_for "LAPORAN BULANAN DATA KESAKITAN (LB1)"
wait_for "F5 Final"
keys F5
wait_for "Tandatangani LB1 10-2026 sebagai FINAL atas nama data?"
type_text "t"
wait_for "Tidak ditandatangani"
expect_sql "SELECT count(*) FROM laporan_final" 0
keys C-n	# the Ctrl twin
wait_for "Tandatangani LB1 10-2026 sebagai FINAL"
type_text "y"
wait_for "LB1 10-2026 FINAL v1, sidik"
wait_for "FINAL 23-11-2026, data, sidik"
expect_sql "SELECT laporan, bulan, versi, oleh, nama FROM laporan_final" "lb1|2026-10|1|data|data"
sidik=$(sql "SELECT substr(sidik, 1, 8) FROM laporan_final")
screen | grep -q "FINAL 23-11-2026, data, sidik $sidik" || fail "the viewer's FINAL line is not the stored digest"
keys Escape
wait_for "Lebar kertas"
keys F9
login nakes

# a visit of the signed month asks the reason first, whatever its age
wait_for "F10 Keluar"
keys F3
wait_for "Kunjungan hari ini"
keys F7
wait_for "Tanggal kunjungan (DD-MM-YYYY):"
keys C-u; type_text "28-10-2026"; keys Enter
wait_for "Tanggal 28-10-2026"
keys Enter
wait_for "Bulan 10-2026 sudah FINAL. Alasan mengubah:"
keys Escape
wait_for "Tanpa alasan kunjungan bulan FINAL tidak diubah"
keys Enter
wait_for "Alasan mengubah:"
type_text "salah kode, seharusnya faringitis"; keys Enter
wait_for "Formulir untuk pasien dan unit ini"
expect_sql "SELECT count(*) FROM audit WHERE aksi = 'UBAH' AND tabel = 'kunjungan'
	AND baru = 'kunjungan bulan FINAL (LB1) dibuka untuk diubah; alasan: salah kode, seharusnya faringitis'" 1
keys F8
wait_for "Hapus diagnosis J06.9?"
type_text "y"
wait_for "Diagnosis J06.9 dihapus"
keys F5; wait_for "Cari ICD-10"; type_text "J02.9"; wait_for "Faringitis akut"; keys Enter
wait_for "J02.9 ditambahkan"
expect_sql "SELECT group_concat(d.icd10) FROM diagnosis d JOIN kunjungan k ON k.id = d.kunjungan_id
	WHERE k.tanggal = '2026-10-28'" "J02.9"
keys Escape
wait_for "Tanggal 28-10-2026"
keys F9
login data

# the reprint: the changed cells first, then the report marked as changed
wait_for "Lebar kertas"
keys Enter
wait_for "KOREKSI SETELAH FINAL"
wait_for "2 sel berubah (baris,kolom: nilai final -> nilai sekarang):"
wait_for "J02.9,55-59t.baru.L: 0 -> 1"
wait_for "J06.9,55-59t.baru.L: 1 -> 0"
keys PageDown
wait_for "FINAL 23-11-2026, data, sidik $sidik; BERUBAH"
# signed again: version 2, the correction gone from the print
keys F5
wait_for "Tandatangani LB1 10-2026 sebagai FINAL"
type_text "y"
wait_for "LB1 10-2026 FINAL v2, sidik"
wait_gone "KOREKSI SETELAH FINAL"
expect_sql "SELECT group_concat(versi) FROM laporan_final" "1,2"
echo ok
