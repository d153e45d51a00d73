# pkm dasbor: the PWS chart per village at 80 and 136 columns and as CSV, the
# visits counted for one village, the due list (--sasaran-belum) and the main
# dashboard's tables (visits per unit and week, diagnoses per village), on
# fixture2 with three villages of the area (Cibiru below the K1 line), one
# outside it and one patient's village typed but not mapped (dasbor/desa.sql).
# Broken definitions (dasbor/bad, one mistake each) are refused with file:line.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
. "$HERE/lib.sh"
DB="$WORK/pkm.db"
cd "$HERE/fixture2"
pkm() { "$PKM_BIN" --config pkm.ini --db "$DB" "$@"; }
pkm impor pasien pasien.csv >/dev/null
pkm impor pasien ../dasbor/pasien.csv >/dev/null
pkm impor kunjungan kunjungan.csv >/dev/null
pkm impor kunjungan ../dasbor/kunjungan.csv >/dev/null
pkm impor obat obat.csv >/dev/null
pkm impor stok stok.csv >/dev/null
sqlite3 "$DB" <forms.sql
sqlite3 "$DB" <../dasbor/desa.sql

pkm dasbor --sampai 10-2026 --klaster 2 >"$WORK/dasbor-k2-80.txt"
check dasbor-k2-80.txt
pkm dasbor --sampai 10-2026 --lebar 136 >"$WORK/dasbor-136.txt"
check dasbor-136.txt
pkm dasbor --sampai 10-2026 --format csv >"$WORK/dasbor.csv"
check dasbor.csv
pkm dasbor --sampai 10-2026 --sasaran-belum >"$WORK/dasbor-belum.txt"
check dasbor-belum.txt
pkm dasbor --sampai 10-2026 --sasaran-belum --format csv >"$WORK/dasbor-belum.csv"
check dasbor-belum.csv
pkm dasbor --sampai 10-2026 --indikator k1 --desa 3204102002 >"$WORK/dasbor-k1-mekarsari.txt"
check dasbor-k1-mekarsari.txt
pkm dasbor --sampai 10-2026 --klaster utama >"$WORK/dasbor-utama.txt"
check dasbor-utama.txt
pkm dasbor --sampai 10-2026 --indikator diagnosis_desa --format csv >"$WORK/dasbor-diagnosis.csv"
check dasbor-diagnosis.csv

# exactly one village of the area is below the K1 line, and it is Cibiru
[ "$(grep '^k2,k1,' "$WORK/dasbor.csv" | grep -c ',1$')" = 1 ]
grep -q '^k2,k1,3204102003,Cibiru,3,0,0,0.0,83.3,1$' "$WORK/dasbor.csv"
# the sum over villages is what LB3 counts, month by month
for m in 05 09 10; do
	lb3=$(pkm laporan lb3 --month 2026-$m --format data | sed -n 's/^k1,jumlah,//p')
	ours=$(pkm dasbor --sampai $m-2026 --indikator k1 --format csv | awk -F, 'NR > 1 { s += $7 } END { print s }')
	[ "$lb3" = "$ours" ] || { echo "K1 $m: LB3 $lb3, dasbor $ours" >&2; exit 1; }
done
# one village's due list; --tahun alone is the whole of a past year
pkm dasbor --sampai 10-2026 --sasaran-belum --desa 3204102001 --indikator idl | grep -q "^Tidak ada.$"
pkm dasbor --tahun 2025 --indikator k1 | grep -q "^Tahun 2025, kumulatif Januari s.d. Desember (12 bulan)$"

# wrong use: exit 2 and why
for args in "--lebar 100" "--sampai 12-2026" "--indikator k99" "--desa 3204102001" "--klaster" "--tahun 2025 --sampai 10-2026"; do
	# shellcheck disable=SC2086
	if pkm dasbor $args >/dev/null 2>"$WORK/use.err"; then echo "dasbor $args accepted" >&2; exit 1; fi
	# shellcheck disable=SC2086
	rc=0; pkm dasbor $args >/dev/null 2>&1 || rc=$?
	[ $rc = 2 ] || { echo "dasbor $args: exit $rc, not 2" >&2; exit 1; }
	[ -s "$WORK/use.err" ] || { echo "dasbor $args: no message" >&2; exit 1; }
done

# broken definitions: periksa-formulir names file:line, pkm dasbor refuses
for f in "$HERE"/dasbor/bad/*.ini; do
	rm -rf "$WORK/forms" && mkdir -p "$WORK/forms/laporan" "$WORK/forms/dasbor"
	cp "$ROOT/forms/laporan/lb3.ini" "$WORK/forms/laporan/" && cp "$f" "$WORK/forms/dasbor/"
	if "$PKM_BIN" periksa-formulir "$WORK/forms" >"$WORK/one.out"; then echo "periksa-formulir accepted $f" >&2; exit 1; fi
	grep -q "^$WORK/forms/dasbor/$(basename "$f"):[0-9][0-9]*: " "$WORK/one.out" || { echo "no file:line for $f" >&2; exit 1; }
	printf '[database]\nformulir = %s\n' "$WORK/forms" >"$WORK/bad.ini"
	if "$PKM_BIN" --config "$WORK/bad.ini" --db "$DB" dasbor >/dev/null 2>"$WORK/bad.err"; then
		echo "dasbor ran on $f" >&2; exit 1
	fi
	grep -q "periksa-formulir" "$WORK/bad.err"
done
exit 0
