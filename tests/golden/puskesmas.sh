# pkm puskesmas: the identity reports print, from the command line. Before it is
# saved, pkm.ini's [puskesmas] is the identity; a wrong NIP or code is refused
# with nothing stored; once saved, the database's row is printed by every report:
# the heading (nama, kode, kecamatan, kabupaten) and the signature block.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/pkm.db"
cd "$HERE/fixture2"
pkm() { "$PKM_BIN" --config pkm.ini --db "$DB" "$@"; }
out="$WORK/puskesmas-cli.out"
: >"$out"
. "$HERE/lib.sh"

pkm import pasien pasien.csv >/dev/null
pkm import kunjungan kunjungan.csv >/dev/null
pkm import obat obat.csv >/dev/null
pkm import stok stok.csv >/dev/null
sqlite3 "$DB" <forms.sql

run puskesmas lihat
run puskesmas ubah --kode 3204100101 --nip-kepala 1985031220100120 --nip-petugas 19901301201503200A
expect "SELECT count(*) FROM puskesmas" 0
run puskesmas ubah --kode p3204100101 --alamat "Jl. Raya Cicalengka No. 12" --kepala "dr. Rahma Dewi, M.K.M." \
	--nip-kepala 198503122010012003 --petugas "Sari Lestari, A.Md.Kes." --nip-petugas 199001012015032001
run puskesmas lihat
run puskesmas ubah --nama ""
run puskesmas
check puskesmas-cli.out
expect "SELECT nama, kode, kecamatan, nip_kepala, nip_petugas FROM puskesmas" \
	"PUSKESMAS SUKAMAJU|P3204100101|Cicalengka|198503122010012003|199001012015032001"

# the printed report: the same as before the identity was saved, but for the
# names and NIPs in the signature block
pkm laporan jampersal --month 10-2026 --width 80 >"$WORK/puskesmas-jampersal-80.txt"
check puskesmas-jampersal-80.txt
diff "$HERE/expected/jampersal-80.txt" "$WORK/puskesmas-jampersal-80.txt" | grep '^[<>]' >"$WORK/changed" || true
if grep -v 'Rahma Dewi\|Sari Lestari\|NIP\|\.\.\.\.\.\.' "$WORK/changed" | grep -q .; then
	echo "the identity changed more than the signature block:" >&2; cat "$WORK/changed" >&2; exit 1
fi
pkm laporan lb3 --month 2026-10 --width 136 | tail -4 | grep -q "^dr. Rahma Dewi, M.K.M.  *Sari Lestari, A.Md.Kes.$" ||
	{ echo "no names at 136 columns" >&2; exit 1; }
