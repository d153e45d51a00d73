# A broken report definition is told at start-up, the desk keeps working, and
# asking for that report shows its file:line problem instead of a wrong report.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$WORK/forms/laporan" "$WORK/.config/pkm"
cp "$ROOT"/forms/*.ini "$WORK/forms/"
cp "$ROOT"/forms/laporan/*.ini "$WORK/forms/laporan/"
sed 's/^syarat = kontak = 1$/syarat = kontak == 1/' "$ROOT/forms/laporan/lb3.ini" >"$WORK/forms/laporan/lb3.ini"
printf '[database]\nformulir = %s\n' "$WORK/forms" >"$WORK/.config/pkm/pkm.ini"
start_app
wait_for "1 masalah pada definisi laporan. Rincian: pkm periksa-formulir"
keys F4
wait_for "Lebar kertas"
keys Up Space Space
wait_for "LB3 - gizi, KIA, imunisasi, P2M"
keys Enter
wait_for "definisi laporan lb3 bermasalah: $WORK/forms/laporan/lb3.ini:"
# the other reports still work
keys Space
wait_for "LB4 - kegiatan puskesmas"
keys Enter
wait_for "LB4 - LAPORAN KEGIATAN PUSKESMAS"
