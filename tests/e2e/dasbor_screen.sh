# Dasbor at 80x24 on the golden fixture2 with three villages (tests/golden/
# dasbor/desa.sql): the data officer opens it from Laporan (^E), goes from the
# indicator list to a chart of bars by village (Cibiru marked below the K1
# line), Enter on Mekarsari lists who is still due for MR1 (Intan), F9 prints
# that list; the data officer may not open a patient (told so), and opens the
# main dashboard's table of diagnoses by village. A NAKES of
# K2 opens the dashboards from Kunjungan (F5), sees Klaster 2 only, and opens
# the due patient's history from the list. Nothing is written.
FX=$(cd "$(dirname "$0")/../golden/fixture2" && pwd)
DX=$(cd "$(dirname "$0")/../golden/dasbor" && pwd)
LOGIN_AS=data:PELAPORAN
. "$(dirname "$0")/lib.sh"
for f in pasien kunjungan obat stok; do "$PKM_BIN" --config "$FX/pkm.ini" --db "$DB" impor $f "$FX/$f.csv" >/dev/null; done
for f in pasien kunjungan; do "$PKM_BIN" --config "$FX/pkm.ini" --db "$DB" impor $f "$DX/$f.csv" >/dev/null; done
sqlite3 "$DB" <"$FX/forms.sql"
sqlite3 "$DB" <"$DX/desa.sql"
mkdir -p "$WORK/.config/pkm"
printf '[laporan]\nprinter = cat > %s/cetak.txt\n' "$WORK" >"$WORK/.config/pkm/pkm.ini"
state() { sqlite3 "$DB" "SELECT * FROM pasien; SELECT * FROM kunjungan; SELECT * FROM desa; SELECT * FROM sasaran" | md5sum; }
before=$(state)

start_app
wait_for "F10 Keluar"
keys F4
wait_for "Lebar kertas"
screen | grep -q "\^E Dasbor" || fail "no ^E Dasbor on the Laporan key bar"
keys C-e
wait_for "Dasbor PWS s.d. November 2026"
screen | grep -q "^K2 k1 .*Cakupan K1 ibu hamil" || fail "K1 not listed"
screen | grep -q "^K3 " || fail "the data officer does not see Klaster 3"
keys Enter
wait_for "[k1] Cakupan K1 ibu hamil"
screen | grep -q "^Cibiru .*|.*| \*$" || fail "Cibiru not marked below the K1 line"
screen | grep -q "^Sukamaju .*100.0 |" || fail "Sukamaju's bar missing"
keys Escape
wait_for "Dasbor PWS s.d. November 2026"
# idl: the seventh indicator of Klaster 2
keys Down Down Down Down Down Down
keys Enter
wait_for "[idl] Imunisasi dasar lengkap"
keys Down Enter
wait_for "Dasbor [idl] Mekarsari"
wait_for "Belum dilayani (1)"
screen | grep -q "^300009 *Intan Bayi *20-01-2026" || fail "Intan not on the due list"
keys F9
wait_for "dikirim ke printer"
grep -q "Intan Bayi" "$WORK/cetak.txt" || fail "the printed list has not Intan"
grep -q "^\[idl\] Belum MR1" "$WORK/cetak.txt" || fail "the printed list does not say what is due"
keys Enter
wait_for "Peran Anda tidak membuka riwayat pasien"
keys Escape Escape
wait_for "Dasbor PWS s.d. November 2026"
# the main dashboard's last table: each village's commonest diagnoses
keys End Enter
wait_for "[diagnosis_desa] Sepuluh diagnosis terbanyak per desa, November 2026"
keys Escape
wait_for "Dasbor PWS s.d. November 2026"
keys Escape
wait_for "Lebar kertas"
keys F10
sleep 0.3

# a NAKES of K2: from Kunjungan, Klaster 2 only, and the patient opened
$T kill-server 2>/dev/null || true
sleep 0.2
LOGIN_AS="bidan:NAKES K2" start_app
wait_for "F10 Keluar"
keys F3
wait_for "F5 Dasbor"
keys F5
wait_for "Dasbor PWS s.d. November 2026"
screen | grep -q "^K3 " && fail "a K2 NAKES sees Klaster 3"
keys Down Down Down Down Down Down Enter
wait_for "[idl] Imunisasi dasar lengkap"
keys Down Enter
wait_for "Belum dilayani (1)"
keys Enter
wait_for "Riwayat Intan Bayi"
keys Escape
wait_for "Belum dilayani (1)"
keys Escape Escape Escape
wait_for "F5 Dasbor"
[ "$(state)" = "$before" ] || fail "the database changed"
exit 0
