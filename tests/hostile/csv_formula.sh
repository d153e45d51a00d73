# CSV injection: an ICD-10 or drug name a spreadsheet would run as a formula
# (starting with = + - @) reaches a CSV report as text: "'=...", quoted. The
# counts stay plain numbers.
. "$(dirname "$0")/lib.sh"
G=$(cd "$(dirname "$0")/../golden" && pwd)
pkm import pasien "$G/fixture/pasien.csv" >/dev/null
pkm import kunjungan "$G/fixture/kunjungan.csv" >/dev/null
EVIL="=cmd|' /C calc'!A0"
printf 'kode,nama\nA09,"%s"\n' "$EVIL" >"$WORK/icd.csv"
pkm icd10 impor "$WORK/icd.csv" --timpa >/dev/null
[ "$(sql "SELECT nama FROM icd10 WHERE kode = 'A09'")" = "$EVIL" ] || die "the name did not go in as it is"
pkm laporan lb1 --month 2026-10 --format csv >"$WORK/lb1.csv"
grep -qF "A09,\"'$EVIL\"," "$WORK/lb1.csv" || { grep A09 "$WORK/lb1.csv" >&2; die "ICD-10 name not written as text"; }
if grep -q ',=' "$WORK/lb1.csv"; then die "a cell starts with ="; fi
grep "A09," "$WORK/lb1.csv" | grep -q ',[0-9]*$' || die "the counts are not numbers"
# a drug name in LB2
printf 'kode,nama,satuan,kategori,stok_optimum\nX1,"@SUM(1+1)*cmd|x",tablet,OBAT,\n' >"$WORK/obat.csv"
pkm import obat "$WORK/obat.csv" >/dev/null
pkm laporan lb2 --month 2026-11 --format csv >"$WORK/lb2.csv"
grep -qF "X1,\"'@SUM(1+1)*cmd|x / tablet\"," "$WORK/lb2.csv" || { grep X1 "$WORK/lb2.csv" >&2; die "drug name not written as text"; }
echo ok
