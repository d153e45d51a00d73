# pkm resep: the pharmacy counter from the shell on the prescription screen's
# core. A four-line prescription is dispensed line by line: amoxicillin short
# (100 of 150 given, 50 kept), paracetamol whole, ibuprofen passed over (its
# only batch expires before the 30 days of therapy end), oralit out of stock;
# ibuprofen then substituted with the reason, given in part with --jumlah, oralit
# closed with a reason; the labels on standard output and to printer_etiket, a
# failing printer leaving the dispensing done; wrong use refused.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
FX=$(cd "$HERE/../fixtures" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/pkm.db"
pkm() { "$PKM_BIN" --config "$WORK/pkm.ini" --db "$DB" "$@"; }
die() { echo "FAIL: $*" >&2; exit 1; }
. "$HERE/lib.sh"
printf '[puskesmas]\nnama = PUSKESMAS SUKAMAJU\n[farmasi]\nlebar_etiket = 36\n' >"$WORK/pkm.ini"
pkm impor pasien "$FX/cluster_pasien.csv" >/dev/null
pkm impor kunjungan "$FX/cluster_kunjungan.csv" >/dev/null
pkm impor obat "$FX/obat.csv" >/dev/null
pkm impor stok "$FX/stok.csv" >/dev/null
V=$(sqlite3 "$DB" "SELECT k.id FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id WHERE p.no_rm = '200002'")
sqlite3 "$DB" "INSERT INTO resep (kunjungan_id, obat, jumlah, signa, hari, dibuat) VALUES
	($V, 'AMX500', 150, '3x1 pc', NULL, datetime('now')), ($V, 'PCT500', 20, '3x1 sesudah makan', NULL, datetime('now')),
	($V, 'IBU400', 10, '2x1', 30, datetime('now')), ($V, 'ORS', 5, 'tiap mencret', NULL, datetime('now'))"
id() { sqlite3 "$DB" "SELECT id FROM resep WHERE obat = '$1' AND kunjungan_id = $V"; }
AMX=$(id AMX500) PCT=$(id PCT500) IBU=$(id IBU400) ORS=$(id ORS)

pkm resep lihat "$V" >"$WORK/resep-awal.out"
pkm resep serahkan "$V" >"$WORK/resep-serah.out"
[ "$(sqlite3 "$DB" "SELECT group_concat(obat || ':' || diberi || ':' || coalesce(diserahkan, '-'), ' ') FROM resep
	WHERE kunjungan_id = $V")" = "AMX500:100:- PCT500:20:2026-11-23 IBU400:0:- ORS:0:-" ] || die "first dispensing"
pkm resep etiket "$AMX" >"$WORK/resep-etiket.out"
# substitution beside the prescription (a one-letter reason refused), then a part of it, then oralit closed
if pkm resep ubah "$IBU" --obat PCT500 --alasan "x" 2>"$WORK/err"; then die "a change with a one-letter reason"; fi
grep -q "alasan: paling sedikit 3 huruf" "$WORK/err"
pkm resep ubah "$IBU" --obat PCT500 --jumlah 12 --alasan "ibuprofen kedaluwarsa sebelum terapi selesai" >/dev/null
pkm resep serahkan "$V" --baris "$IBU" --jumlah 5 >/dev/null
pkm resep tutup "$ORS" STOK_KOSONG >/dev/null
pkm resep lihat "$V" >"$WORK/resep-akhir.out"
[ "$(sqlite3 "$DB" "SELECT obat, jumlah, obat_beri, jumlah_beri, diberi, alasan_ubah FROM resep WHERE id = $IBU")" = \
	"IBU400|10|PCT500|12|5|ibuprofen kedaluwarsa sebelum terapi selesai" ] || die "substitution not beside the prescription"
[ "$(sqlite3 "$DB" "SELECT tutup || ':' || coalesce(diserahkan, '-') FROM resep WHERE id = $ORS")" = "STOK_KOSONG:-" ] ||
	die "oralit not closed"
for f in resep-awal.out resep-serah.out resep-etiket.out resep-akhir.out; do check $f; done

# the remainder after a receipt, its label to printer_etiket on standard input
printf 'AMX500,DAK,AX02,2028-01-31,60,2026-11-23\n' | cat "$FX/stok.csv" - | sed -n '1p;$p' >"$WORK/terima.csv"
pkm impor stok "$WORK/terima.csv" >/dev/null
printf 'printer_etiket = "cat > %s/etiket.txt"\n' "$WORK" >>"$WORK/pkm.ini"
pkm resep serahkan "$V" --baris "$AMX" >"$WORK/out"
grep -q "1 etiket dicetak" "$WORK/out" || die "label not printed: $(cat "$WORK/out")"
grep -q "Jumlah 150 kaplet" "$WORK/etiket.txt" || die "printed label: $(cat "$WORK/etiket.txt")"
[ "$(sqlite3 "$DB" "SELECT diberi || ':' || diserahkan FROM resep WHERE id = $AMX")" = "150:2026-11-23" ] ||
	die "remainder not given"
# a printer that fails: the dispensing stays, the message says why
sed -i 's/^printer_etiket = .*/printer_etiket = "echo kertas habis >\&2; exit 3"/' "$WORK/pkm.ini"
pkm resep serahkan "$V" --baris "$IBU" >"$WORK/out"
grep -q "etiket tidak tercetak: perintah cetak gagal.*kertas habis" "$WORK/out" || die "printer failure: $(cat "$WORK/out")"
[ "$(sqlite3 "$DB" "SELECT diberi FROM resep WHERE id = $IBU")" = 12 ] || die "a failing printer undid the dispensing"

# refused: a finished line, an unknown reason, a change after giving, wrong use
if pkm resep serahkan "$V" --baris "$PCT" 2>"$WORK/err"; then die "a finished line given again"; fi
grep -q "sudah diserahkan seluruhnya" "$WORK/err"
if pkm resep tutup "$AMX" HILANG 2>"$WORK/err"; then die "closed with an unknown reason"; fi
grep -q "harus salah satu dari" "$WORK/err"
if pkm resep ubah "$IBU" --jumlah 3 --alasan "salah hitung" 2>"$WORK/err"; then die "changed after giving"; fi
if pkm resep serahkan 999 2>"$WORK/err"; then die "a visit that does not exist"; fi
grep -q "kunjungan 999 tidak punya resep" "$WORK/err"
if pkm resep etiket "$ORS" 2>"$WORK/err"; then die "a label for nothing given"; fi
grep -q "belum diserahkan" "$WORK/err"
set +e
pkm resep serahkan "$V" --jumlah 3 2>/dev/null; [ $? = 2 ] || die "--jumlah without --baris"
pkm resep hapus 1 2>/dev/null; [ $? = 2 ] || die "an unknown subcommand"
pkm resep 2>/dev/null; [ $? = 2 ] || die "no subcommand"
echo ok
