# Control characters already stored (written from the shell, past pkm's input
# checks) are printed as visible escapes in every report, export, the trail,
# the checks before signing,
# the stock card on screen, in a saved file and on the printer; typed ones are
# refused under the field with nothing saved.
. "$(dirname "$0")/../e2e/lib.sh"
FX=$(cd "$(dirname "$0")/../fixtures" && pwd)
die() { echo "FAIL: $*" >&2; exit 1; }
no_raw() { if LC_ALL=C grep -q "$(printf '[\001-\011\013\016-\037\177]')" "$1"; then die "raw control characters in $1"; fi; }
pkm() { "$PKM_BIN" --db "$DB" "$@"; }
pkm import pasien "$FX/cluster_pasien.csv" >/dev/null
pkm import obat "$FX/obat.csv" >/dev/null
pkm import stok "$FX/stok.csv" >/dev/null
EVIL="'Obat' || char(27) || ']0;pwned' || char(7) || char(27) || '[2J' || char(27) || '@' || char(8238)"
sql "UPDATE obat SET nama = $EVIL WHERE kode = 'AMX500'"
sql "UPDATE pasien SET nama = $EVIL WHERE no_rm = '200001'"
pkm report lb2 --month 2026-11 >"$WORK/lb2.txt"
pkm report lb2 --month 2026-11 --format csv >"$WORK/lb2.csv"
pkm export pasien 200001 >"$WORK/export.txt"
pkm audit >"$WORK/audit.txt"
for f in lb2.txt lb2.csv export.txt audit.txt; do
	no_raw "$WORK/$f"
	grep -qF 'Obat^[]0;pwned^G^[[2J^[@<U+202E>' "$WORK/$f" || die "no visible escape in $f"
done
# a form feed still starts a printed page
pkm report lb1 --month 2026-11 --layout formulir11 >"$WORK/lb1.txt"
grep -q "$(printf '\f')" "$WORK/lb1.txt" || die "form feeds were escaped too"

mkdir -p "$WORK/.config/pkm"
printf '[puskesmas]\nnama = Puskesmas Uji\n[laporan]\nprinter = cat > %s/printed.txt\n' "$WORK" \
	>"$WORK/.config/pkm/pkm.ini"
start_app
wait_for "F10 Keluar"
keys F11
wait_for "Antrian resep"
keys F5
wait_for "Farmasi: stok obat"
keys Enter
wait_for "KARTU STOK: AMX500"
screen | grep -qF 'Obat^[]0;pwned^G' || fail "stock card on screen not escaped"
keys F9
wait_for "dikirim ke printer"
no_raw "$WORK/printed.txt"
grep -qF 'Obat^[]0;pwned^G^[[2J^[@' "$WORK/printed.txt" || die "printer text not escaped"
save_as() { keys F7; wait_for "Simpan ke berkas"; keys C-u; type_text "$1"; keys Enter; }
save_as kartu.txt
wait_for "disimpan ke"
no_raw "$WORK/pkm-keluaran/kartu.txt"
grep -qF 'Obat^[]0;pwned^G' "$WORK/pkm-keluaran/kartu.txt" || die "saved stock card not escaped"
# the viewer's F7 onto the database itself is refused, the database intact
ln -s "$DB" "$WORK/pkm-keluaran/data.txt"
save_as data.txt
wait_for "Tidak tersimpan"
[ "$(sql 'PRAGMA integrity_check')" = ok ] || die "database damaged"
keys Escape Escape

# typed: a right-to-left override in a new patient's name
keys F2
wait_for "Cari:"
keys F5
wait_for "Pasien baru"
type_text "Siti $(printf '\342\200\256')Aminah"
keys Tab; type_text "p"
keys Tab; type_text "05-08-1980"
keys F2
wait_for "karakter tak terlihat"
expect_sql "SELECT count(*) FROM pasien WHERE nama LIKE 'Siti%'" 0

# the checks before signing list the stored name escaped (a visit without diagnosis)
pkm import kunjungan "$FX/cluster_kunjungan.csv" >/dev/null
pkm periksa --month 2026-11 >"$WORK/periksa.txt" || true
pkm periksa --month 2026-11 --format csv >"$WORK/periksa.csv" || true
for f in periksa.txt periksa.csv; do
	no_raw "$WORK/$f"
	grep -qF 'Obat^[]0;pwned^G^[[2J^[@<U+202E>' "$WORK/$f" || die "no visible escape in $f"
done
echo ok
