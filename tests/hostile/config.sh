# The configuration: bounded, malformed lines refused with file:line, a
# Notepad BOM accepted.
. "$(dirname "$0")/lib.sh"
conf() { /usr/bin/printf "$1" >"$WORK/c.ini"; }
run() { "$PKM_BIN" --config "$WORK/c.ini" --db "$DB" report lb1 --month 2026-11; }
conf '[puskesmas]\nnama = Sukamaju\n'
run >/dev/null
for case in 'nama = X\n[puskesmas]\n|c.ini:1: kunci di luar bagian' \
	'[puskesmas]\nnama = "Sukamaju\n|c.ini:2: tanda kutip tidak ditutup' \
	'[puskesmas]\nnama = Suka\\\nmaju\n|c.ini:2: ' \
	'[puskesmas]\nnama = Suka\x1b[2Jmaju\n|c.ini:2: berisi karakter kendali' \
	'[puskesmas\nnama = X\n|c.ini:1: judul bagian tanpa' \
	'[puskesmas]\nnama = A\x00B\n|byte NUL'; do
	conf "${case%|*}"
	refused run
	said "${case#*|}"
	said "konfigurasi tidak sah"
done
# a BOM is fine
conf '\xef\xbb\xbf[puskesmas]\nnama = Puskesmas Sukamaju\n'
run | grep -q "Puskesmas Sukamaju" || die "a configuration with a BOM was not read"
# bounded: a device, a folder, a huge file, many sections
refused timeout 10 "$PKM_BIN" --config /dev/zero --db "$DB" report lb1 --month 2026-11
said "lebih dari 256 KiB"
refused "$PKM_BIN" --config "$WORK" --db "$DB" report lb1 --month 2026-11
said "folder"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "[s%d]\n", i }' >"$WORK/c.ini"
refused timeout 10 "$PKM_BIN" --config "$WORK/c.ini" --db "$DB" report lb1 --month 2026-11
said "lebih dari 256 KiB"
awk 'BEGIN { for (i = 0; i < 600; i++) printf "[s%d]\n", i }' >"$WORK/c.ini"
refused timeout 10 "$PKM_BIN" --config "$WORK/c.ini" --db "$DB" report lb1 --month 2026-11
said "lebih dari 500 bagian"
refused "$PKM_BIN" --config "" report lb1 --month 2026-11
echo ok
