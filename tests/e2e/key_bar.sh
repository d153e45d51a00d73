# The key bar at 80x24 shows every key a role may use on a screen (a second
# line when one is full, never a key dropped); F1 lists this screen's keys
# first with what each does here, then those of every main screen; nobody is
# offered a key they may not use; Esc on the reports does what the bar says.
. "$(dirname "$0")/lib.sh"
import_cluster_visits
add_user rina PENDAFTARAN
add_user budi FARMASI
add_user laras PELAPORAN
bar() { screen | tail -2; }
quit() { keys F10; sleep 0.3; }

# the administrator: two key lines, the screen's own above the main screens'
start_app
wait_for "F12 Admin"
for k in "F4 Laporan" "F9 Ganti pengguna" "F10 Keluar" "F11 Farmasi" "F12 Admin" "F5 Baru" "Esc Kosongkan"; do
	bar | grep -qF "$k" || fail "the administrator's bar lacks $k"
done
screen | sed -n 23p | grep -q "^F1 Bantuan F5 Baru F6 Ubah F7 Riwayat" || fail "the search's own keys are not first"
screen | sed -n 22p | grep -q "Selamat bekerja" || fail "the message is not just above the two key lines"
keys F11
wait_for "Antrian resep"
keys F5
wait_for "Farmasi: stok obat"
for k in "F5 Terima" "F6 Keluarkan" "F7 Opname" "F12 Admin"; do
	bar | grep -qF "$k" || fail "the pharmacy bar lacks $k"
done
quit

# the desk: F9 Ganti pengguna; F1 on the visit list: its keys first, then the main screens'
LOGIN_AS=rina:PENDAFTARAN start_app
wait_for "Cari:"
bar | grep -qF "F9 Ganti pengguna" || fail "the desk's bar lacks F9 Ganti pengguna"
keys F3
wait_for "Unit: semua"
for k in "F6 Unit" "F7 Tanggal" "F8 Koreksi" "< Kemarin" "> Besok" "F2 Daftar" "F9 Ganti pengguna" "F10 Keluar"; do
	bar | grep -qF "$k" || fail "the desk's visit list bar lacks $k"
done
keys F1
wait_for "Di layar ini:"
help=$(screen)
line() { echo "$help" | grep -n -- "$1" | head -1 | cut -d: -f1; }
here=$(line "Di layar ini:"); every=$(line "Di setiap layar utama:")
for k in "F6/Tab/^U *Ganti unit" "F7/^T *Kunjungan hari lain" "F8/^X *Koreksi kunjungan" "< *Kunjungan sehari sebelumnya"; do
	n=$(line "$k")
	[ -n "$n" ] && [ "$n" -gt "$here" ] && [ "$n" -lt "$every" ] || fail "help of the visit list: '$k' not among its own keys"
done
for k in "F2/^D *Layar pendaftaran" "F9/^A *Ganti pengguna" "F10/^Q *Keluar"; do
	n=$(line "$k")
	[ -n "$n" ] && [ "$n" -gt "$every" ] || fail "help of the visit list: '$k' not among the main screens' keys"
done
echo "$help" | grep -q "Pasien baru\|Diagnosis baru\|Kirim\|Serahkan\|Tutup/buka" && fail "the desk's help lists keys of other screens"
keys Escape
wait_for "Unit: semua"
keys Enter
wait_for "Diagnosis dan formulir hanya untuk"
screen | grep -q "F5\|F8" && fail "the desk is told of keys for diagnoses"
keys Escape
wait_for "Unit: semua"
quit

# the pharmacist: the queue first, F5 to the stock and F8 its report, F11 Farmasi
LOGIN_AS=budi:FARMASI start_app
wait_for "Antrian resep"
for k in "F5 Stok obat" "F8 Lap. stok" "F11 Farmasi"; do
	bar | grep -qF "$k" || fail "the pharmacist's queue bar lacks $k"
done
keys F5
wait_for "Farmasi: stok obat"
for k in "F5 Terima" "F6 Keluarkan" "F7 Opname" "F8 Data obat" "F11 Farmasi"; do
	bar | grep -qF "$k" || fail "the pharmacist's stock bar lacks $k"
done
keys F11
wait_for "Antrian resep"
quit

# a K2 nurse writes a prescription and is never told to dispense it
LOGIN_AS="siti:NAKES K2" start_app
wait_for "Ani Lestari"
keys Enter
wait_for "Resep obat: 0 obat"
keys End Enter
wait_for "Belum ada obat. F5 atau ^N: tambah obat."
screen | grep -qi "F9\|serahkan" && fail "a nurse is told to dispense"
keys Escape Escape
wait_for "Kunjungan hari ini"
quit

# the data officer: help without patient or visit keys; Esc on the reports
LOGIN_AS=laras:PELAPORAN start_app
wait_for "LB1"
bar | grep -q "Esc" && fail "the reports offer Esc"
keys Escape
sleep 0.2
screen | grep -q "| Laporan" || fail "Esc left the reports"
keys F1
wait_for "Di layar ini:"
help=$(screen)
echo "$help" | grep -q "Pasien baru\|Riwayat pasien\|^ *[<>] " && fail "the data officer's help lists keys they cannot use"
echo "$help" | grep -q "F7/^T *Periksa data" || fail "the data officer's help lacks F7 Periksa"
echo "$help" | grep -q "F5/^O *Antrean kirim" || fail "the data officer's help lacks F5 Kirim"
keys Escape
wait_for "LB1"
quit

# the audit filter: F2 shows the trail, no field is required
start_app
wait_for "F12 Admin"
keys F12
wait_for "Jejak audit"
keys Down Enter
wait_for "Admin: jejak audit"
bar | grep -qF "F2 Tampilkan" || fail "the audit filter's F2 does not say what it does"
bar | grep -q "Simpan" && fail "the audit filter offers to save"
screen | sed -n 3,12p | grep -q "\*" && fail "a filter field is marked required"
keys Tab Tab C-u; type_text "31-02-2026"; keys F2
wait_for "Belum ditampilkan: lihat pesan di bawah isian"
keys C-u
keys C-u F2
wait_for "Jejak audit (terbaru dulu)"
exit 0
