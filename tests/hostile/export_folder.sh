# F7 "simpan ke berkas" on the screens: a file name only, saved in the export
# folder ([keluaran] folder, default ~/pkm-keluaran, made 0700); a path, a
# configuration, secret or database name, or a link to pkm.ini or the database
# is refused; an existing file is replaced only when the user says so. As
# PELAPORAN in the report viewer, whose F7 once wrote over pkm.ini.
. "$(dirname "$0")/../e2e/lib.sh"
die() { echo "FAIL: $*" >&2; screen >&2; exit 1; }
INI="$WORK/.config/pkm/pkm.ini"
OUT="$WORK/pkm-keluaran"
mkdir -p "$WORK/.config/pkm"
printf '[puskesmas]\nnama = Puskesmas Uji\n' >"$INI"
ini_before=$(sha256sum <"$INI")
LOGIN_AS=laras:PELAPORAN start_app
wait_for "Lebar kertas"
keys C-u; type_text "2026-10"; keys Enter
wait_for "baris 1-"
save_as() { keys F7; wait_for "Simpan ke berkas"; keys C-u; type_text "$1"; keys Enter; }
refused_as() {	# refused_as NAME TEXT: saving as NAME is refused with TEXT
	save_as "$1"
	wait_for "Tidak tersimpan: $2"
	keys Escape Enter	# the viewer again (Escape leaves a message)
	wait_for "baris 1-"
}
for name in "$INI" "~/.config/pkm/pkm.ini" "../pkm.ini" ".bashrc" ""; do
	refused_as "$name" "tulis nama berkas saja"
done
for name in pkm.ini salinan.DB pkm.db-wal pkm.db-shm satusehat.rahasia; do
	refused_as "$name" "$name: berkas"
done
# the proposed name, in the folder
keys F7; wait_for "Simpan ke berkas: lb1-2026-10.txt"; keys Enter
wait_for "Laporan disimpan ke $OUT/lb1-2026-10.txt"
grep -q "LB1" "$OUT/lb1-2026-10.txt" || die "the report is not in the export folder"
[ "$(stat -c %a "$OUT")" = 700 ] || die "the export folder is not owner-only"
ln -s "$INI" "$OUT/catatan.txt"
ln -s "$DB" "$OUT/data.txt"
for name in catatan.txt data.txt; do
	refused_as "$name" "$name: berkas ini adalah pengaturan"
done
# an existing file: asked; no keeps it, yes replaces it
echo lama >"$OUT/lb1-2026-10.txt"
keys F7; wait_for "Simpan ke berkas:"; keys Enter
wait_for "sudah ada. Timpa? (y = ya, t = tidak)"
keys t
wait_for "Tidak disimpan"
[ "$(cat "$OUT/lb1-2026-10.txt")" = lama ] || die "replaced without a yes"
keys F7; wait_for "Simpan ke berkas:"; keys Enter
wait_for "sudah ada. Timpa?"
keys y
wait_for "Laporan disimpan ke"
grep -q "LB1" "$OUT/lb1-2026-10.txt" || die "not replaced after yes"
[ "$(sha256sum <"$INI")" = "$ini_before" ] || die "pkm.ini changed"
[ "$(sql 'PRAGMA integrity_check')" = ok ] || die "database damaged"
[ "$(readlink "$OUT/data.txt")" = "$DB" ] || die "the link was replaced"
keys Escape F10
sleep 0.3

# [keluaran] folder: the configured folder, "~/" the home folder; the stock card's F7 too
printf '[keluaran]\nfolder = ~/laporan-saya\n' >>"$INI"
FX=$(cd "$(dirname "$0")/../fixtures" && pwd)
"$PKM_BIN" --db "$DB" import obat "$FX/obat.csv" >/dev/null
"$PKM_BIN" --db "$DB" import stok "$FX/stok.csv" >/dev/null
add_user fina FARMASI
LOGIN_AS=fina:FARMASI start_app
wait_for "F10 Keluar"
keys F11
wait_for "Antrian resep"
keys F5
wait_for "Farmasi: stok obat"
keys Enter
wait_for "KARTU STOK"
save_as "kartu.txt"
wait_for "disimpan ke $WORK/laporan-saya/kartu.txt"
grep -q "KARTU STOK" "$WORK/laporan-saya/kartu.txt" || die "the stock card is not in the configured folder"
save_as "$INI"
wait_for "Tidak tersimpan: tulis nama berkas saja"
[ "$(sha256sum <"$INI")" != "$ini_before" ] || die "the test did not add [keluaran]"
echo ok
