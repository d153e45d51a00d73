# pkm ekspor dhis2 on the LB3 fixture (fixture2, built as lb234.sh does) and
# the LB1 one: a dataValueSet as JSON and CSV through a mapping file; zeros
# left out or sent as `nol` says; completeDate only once the month is signed
# and while its cells are the signed ones; non-zero cells no line maps warned;
# a mapping with an unknown cell key or a malformed UID refused with
# file:line; pkm periksa-formulir checks FORMS/dhis2/*.ini.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/pkm.db"
cd "$HERE/fixture2"
pkm() { "$PKM_BIN" --config pkm.ini --db "$DB" "$@"; }
die() { echo "$*" >&2; exit 1; }
. "$HERE/lib.sh"
pkm impor pasien pasien.csv >/dev/null
pkm impor kunjungan kunjungan.csv >/dev/null
pkm impor obat obat.csv >/dev/null
pkm impor stok stok.csv >/dev/null
sqlite3 "$DB" <forms.sql

# k1,P = 1 and k4,P = 1 (expected/lb3.data); k6,P and k1,L are 0; the key's
# case is kept (iniparser lower-cases keys)
cat >"$WORK/lb3.ini" <<'INI'
; LB3 to the district's data set (made-up UIDs)
[dhis2]
dataSet = pKmLb3Set01
orgUnit = DiWp4PkmOu1
idScheme = uid
nol = lewati

[peta]
k1,P = KiAnc000001 CocPerempn1
k1,L = KiAnc000001 CocLakilak1
k4,P = KiAnc000004 CocPerempn1
k6,P = KiAnc000006 CocPerempn1
skdn_s,jumlah = SkdnS000001 CocJumlah01
INI
ekspor() { pkm ekspor dhis2 --month 10-2026 --laporan lb3 --peta "$WORK/lb3.ini" "$@"; }
ekspor --out "$WORK/dhis2-lb3.json" 2>"$WORK/warn.txt"
check dhis2-lb3.json
ekspor --format csv >"$WORK/dhis2-lb3.csv" 2>/dev/null
check dhis2-lb3.csv
# every non-zero cell without a line is listed; a mapped one is not
grep -q "^bumil_ttd,P = 2 tidak dipetakan$" "$WORK/warn.txt" || die "unmapped cell not warned"
grep -q "^k1,P " "$WORK/warn.txt" && die "a mapped cell warned"
[ "$(grep -c 'tidak dipetakan$' "$WORK/warn.txt")" = \
  "$(tail -n +2 "$HERE/expected/lb3.data" | grep -v ',0$' | grep -cv '^k1,P,\|^k4,P,\|^skdn_s,jumlah,')" ] ||
	die "not every unmapped non-zero cell warned"
grep -q attributeOptionCombo "$WORK/dhis2-lb3.json" && die "an attribute option combo assumed"
grep -q "^pkm: catatan: laporan bulan ini belum FINAL; completeDate tidak ditulis$" "$WORK/warn.txt" ||
	die "no word that the month is not signed"

# nol = kirim: the zero cells too; signed: completeDate, the day it was signed
sed -i 's/^nol = lewati$/nol = kirim/' "$WORK/lb3.ini"
pkm laporan final lb3 --month 10-2026 --nama "Asep Saepudin" >/dev/null
ekspor --out "$WORK/dhis2-lb3-final.json" 2>/dev/null
check dhis2-lb3-final.json
ekspor --format csv >"$WORK/dhis2-lb3-final.csv" 2>/dev/null
check dhis2-lb3-final.csv
# a change after the signature: the cells are no longer the signed ones
sqlite3 "$DB" "DELETE FROM f_anc WHERE kontak = 4"
ekspor 2>"$WORK/changed.err" | grep -q completeDate && die "completeDate for cells changed after FINAL"
grep -q "berubah setelah FINAL; completeDate tidak ditulis" "$WORK/changed.err" || die "no word of the change"

# refused with file:line, nothing written: an unknown row, an unknown column,
# a key of another report, a malformed UID, a code under idScheme = uid
cp "$WORK/lb3.ini" "$WORK/bad.ini"
printf 'zz,P = KiAnc000001 CocPerempn1\nk1,Q = KiAnc000001 CocPerempn1\n' >>"$WORK/bad.ini"
if pkm ekspor dhis2 --month 10-2026 --laporan lb3 --peta "$WORK/bad.ini" --out "$WORK/x.json" 2>"$WORK/bad.err"; then
	die "unknown cell keys taken"
fi
grep -q "bad.ini:14: sel zz,P tidak ada di laporan lb3: baris lb3 tidak dikenal: 'zz'" "$WORK/bad.err" ||
	die "unknown row not refused with file:line: $(cat "$WORK/bad.err")"
grep -q "bad.ini:15: sel k1,Q tidak ada di laporan lb3: kolom lb3 tidak dikenal: 'Q'" "$WORK/bad.err" ||
	die "unknown column not refused with file:line"
[ ! -e "$WORK/x.json" ] || die "a file written from a refused mapping"
pkm ekspor dhis2 --month 10-2026 --laporan lb4 --peta "$WORK/lb3.ini" 2>"$WORK/lb4.err" && die "LB3 keys taken for LB4"
grep -q "lb3.ini:9: sel k1,P tidak ada di laporan lb4" "$WORK/lb4.err" || die "LB3 keys for LB4 not told"
cp "$WORK/lb3.ini" "$WORK/uid.ini"
printf 'k6,L = 1KiAnc00006 CocPerempn1\nk6,jumlah = KiAnc000006 Coc-Jml\n' >>"$WORK/uid.ini"
pkm ekspor dhis2 --month 10-2026 --laporan lb3 --peta "$WORK/uid.ini" 2>"$WORK/uid.err" && die "malformed UID taken"
grep -q "uid.ini:14: '1KiAnc00006' bukan UID DHIS2" "$WORK/uid.err" || die "UID with a digit first not refused"
grep -q "uid.ini:15: 'Coc-Jml' bukan UID DHIS2" "$WORK/uid.err" || die "short UID not refused"
sed 's/^idScheme = uid$/idScheme = kode/' "$WORK/lb3.ini" >"$WORK/scheme.ini"
pkm ekspor dhis2 --month 10-2026 --laporan lb3 --peta "$WORK/scheme.ini" 2>"$WORK/scheme.err" && die "idScheme kode taken"
grep -q "scheme.ini:5: idscheme harus 'uid' atau 'code'" "$WORK/scheme.err" || die "bad idScheme not told"

# LB2: a drug's cells (the optimum, a formula, too); a drug not in the list refused
printf '[dhis2]\ndataSet = LB2\norgUnit = P1\nidScheme = code\n[peta]\n%s = IBU_SISA X\n%s = IBU_OPT X\n' \
	"$(sed -n 2p "$HERE/expected/lb2.data" | cut -d, -f1),sisa" "$(sed -n 2p "$HERE/expected/lb2.data" | cut -d, -f1),stok_optimum" \
	>"$WORK/lb2.ini"
pkm ekspor dhis2 --month 10-2026 --laporan lb2 --peta "$WORK/lb2.ini" --format csv 2>/dev/null | grep -q "^IBU_OPT,202610,P1,X,," ||
	die "LB2 cells not exported"
printf 'OBAT_TIDAK_ADA,sisa = X Y\n' >>"$WORK/lb2.ini"
pkm ekspor dhis2 --month 10-2026 --laporan lb2 --peta "$WORK/lb2.ini" 2>"$WORK/lb2.err" && die "unknown drug taken"
grep -q "lb2.ini:8: sel OBAT_TIDAK_ADA,sisa tidak ada di laporan lb2: obat tidak dikenal" "$WORK/lb2.err" ||
	die "unknown drug not told: $(cat "$WORK/lb2.err")"

# LB1 by codes (idScheme = code): the klasik cells, a zero cell sent as 0
cd "$HERE/fixture"
"$PKM_BIN" --config pkm.ini --db "$WORK/lb1.db" impor pasien pasien.csv >/dev/null
"$PKM_BIN" --config pkm.ini --db "$WORK/lb1.db" impor kunjungan kunjungan.csv >/dev/null
first=$("$PKM_BIN" --config pkm.ini --db "$WORK/lb1.db" laporan lb1 --month 10-2026 --format data | sed -n 2p)
baris=${first%%,*}
rest=${first#*,}
kolom=${rest%,*}
cat >"$WORK/lb1.ini" <<INI
[dhis2]
dataSet = LB1_BULANAN
orgUnit = P3204100101
idScheme = code
nol = kirim
[peta]
$baris,$kolom = LB1_$baris SATU
$baris,1-4t.kkl.P = LB1_$baris DUA
INI
"$PKM_BIN" --config pkm.ini --db "$WORK/lb1.db" ekspor dhis2 --month 10-2026 --laporan lb1 --peta "$WORK/lb1.ini" \
	--format csv >"$WORK/lb1.csv" 2>/dev/null
printf '%s,*.baru.L = X Y\nZ99.99,1-4t.baru.L = X Y\n' "$baris" >>"$WORK/lb1.ini"
"$PKM_BIN" --config pkm.ini --db "$WORK/lb1.db" ekspor dhis2 --month 10-2026 --laporan lb1 --peta "$WORK/lb1.ini" \
	2>"$WORK/lb1.err" && die "a printed column's sum or an unknown code taken"
grep -q "lb1.ini:9: .*kolom LB1 '\*.baru.L' adalah jumlah beberapa sel" "$WORK/lb1.err" || die "a sum taken as a cell"
grep -q "lb1.ini:10: .*baris LB1 tidak dikenal: 'Z99.99'" "$WORK/lb1.err" || die "unknown code not told"
[ "$(cat "$WORK/lb1.csv")" = "dataelement,period,orgunit,catoptcombo,attroptcombo,value
LB1_$baris,202610,P3204100101,SATU,,${rest##*,}
LB1_$baris,202610,P3204100101,DUA,,0" ] || die "LB1 by codes: $(cat "$WORK/lb1.csv")"

# pkm periksa-formulir: the forms folder's dhis2/*.ini against its reports
cp -r "$HERE/../../forms" "$WORK/forms"
mkdir "$WORK/forms/dhis2"
sed 's/^\[dhis2\]$/&\nlaporan = lb3/' "$WORK/lb3.ini" >"$WORK/forms/dhis2/lb3.ini"
"$PKM_BIN" periksa-formulir "$WORK/forms" >"$WORK/forms.out" || die "a good mapping refused: $(cat "$WORK/forms.out")"
grep -q "^1 peta DHIS2 diperiksa$" "$WORK/forms.out" || die "mapping files not checked"
cp "$WORK/bad.ini" "$WORK/forms/dhis2/lb3.ini"
"$PKM_BIN" periksa-formulir "$WORK/forms" >"$WORK/forms.out" && die "a mapping without laporan taken"
grep -q "dhis2/lb3.ini:.*laporan = lb1|lb2|lb3|lb4|jampersal diperlukan" "$WORK/forms.out" || die "laporan not required"
sed 's/^\[dhis2\]$/&\nlaporan = lb3/' "$WORK/bad.ini" >"$WORK/forms/dhis2/lb3.ini"
"$PKM_BIN" periksa-formulir "$WORK/forms" >"$WORK/forms.out" && die "unknown keys taken by periksa-formulir"
grep -q "dhis2/lb3.ini:15: sel zz,P tidak ada di laporan lb3" "$WORK/forms.out" || die "periksa-formulir: no file:line"
# LB2's drugs are a database's: their rows checked by column only, payers in full
rm "$WORK/forms/dhis2/lb3.ini"
printf '[dhis2]\nlaporan = lb2\ndataSet = LB2\norgUnit = P1\nidScheme = code\n[peta]\nPCT500,sisa = A B\n' \
	>"$WORK/forms/dhis2/lb2.ini"
"$PKM_BIN" periksa-formulir "$WORK/forms" >"$WORK/forms.out" || die "an LB2 mapping refused: $(cat "$WORK/forms.out")"
printf 'PCT500,sisaa = A B\nresep,XX = A B\n' >>"$WORK/forms/dhis2/lb2.ini"
"$PKM_BIN" periksa-formulir "$WORK/forms" >"$WORK/forms.out" && die "unknown LB2 keys taken"
grep -q "dhis2/lb2.ini:8: .*kolom LB2 tidak dikenal: 'sisaa'" "$WORK/forms.out" || die "LB2 column not checked"
grep -q "dhis2/lb2.ini:9: .*penjamin tidak dikenal: 'XX'" "$WORK/forms.out" || die "LB2 payer not checked"
echo "dhis2 ok"
