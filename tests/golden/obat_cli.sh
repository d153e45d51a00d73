# pkm obat: the drug master from the command line (the same core as Farmasi F8)
# and the prescriber's search as text; the output (stdout and stderr, with exit
# codes) compared with a golden file, the database checked.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/pkm.db"
FX=$(cd "$HERE/../fixtures" && pwd)
pkm() { "$PKM_BIN" --db "$DB" "$@"; }
out="$WORK/obat-cli.out"
: >"$out"
. "$HERE/lib.sh"
pkm impor obat "$FX/obat.csv" >/dev/null
pkm impor stok "$FX/stok.csv" >/dev/null

run obat tambah ALB400 --nama "Albendazol 400 mg" --satuan tablet --maks 6 --kfa 93001234
run obat tambah DEXI --nama "Deksametason injeksi 5 mg" --satuan ampul --kategori INJEKSI --fornas T
run obat tambah ALB400 --nama "Lain" --satuan botol
run obat tambah X1 --nama "" --satuan tablet --maks 0 --pcare ../a
run obat ubah ALB400 --optimum 500
expect "SELECT nama, satuan, stok_optimum, maks_resep, kode_kfa, fornas FROM obat WHERE kode = 'ALB400'" \
	"Albendazol 400 mg|tablet|500|6|93001234|1"
run obat ubah TIDAKADA --nama X
for q in alb "para 500" amox dexa a "zzz"; do run obat cari $q; done
# IBU400 has batches: closed, never deleted; ORS has none: deleted
run obat hapus IBU400
run obat tutup IBU400
run obat tutup IBU400
expect "SELECT ditutup FROM obat WHERE kode = 'IBU400'" "2026-11-23"
expect "SELECT count(*) FROM batch WHERE obat = 'IBU400'" 1
run obat cari ibu
run obat buka IBU400
run obat cari ibu
run obat hapus ORS
expect "SELECT count(*) FROM obat WHERE kode = 'ORS'" 0
run obat hapus ORS
run obat pindah ALB400
run obat ubah ALB400 --nama
# an import without the new columns keeps them; with them, sets them
printf 'kode,nama,satuan\nALB400,Albendazol 400 mg kunyah,tablet\n' >"$WORK/obat.csv"
pkm impor obat "$WORK/obat.csv" >/dev/null
expect "SELECT nama, maks_resep, kode_kfa FROM obat WHERE kode = 'ALB400'" "Albendazol 400 mg kunyah|6|93001234"
printf 'kode,nama,satuan,fornas,maks_resep\nALB400,Albendazol 400 mg,tablet,T,10\n' >"$WORK/obat.csv"
pkm impor obat "$WORK/obat.csv" >/dev/null
expect "SELECT fornas, maks_resep FROM obat WHERE kode = 'ALB400'" "0|10"
printf 'kode,nama,satuan,maks_resep\nALB400,Albendazol 400 mg,tablet,banyak\n' >"$WORK/obat.csv"
run impor obat "$WORK/obat.csv"
sed -i "s|$WORK/||g" "$out"
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$out" "$HERE/expected/obat-cli.out"; fi
diff -u "$HERE/expected/obat-cli.out" "$out"
