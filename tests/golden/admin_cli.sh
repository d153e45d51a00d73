# Users, the audit trail, a patient's data export and merging a duplicate, from
# the command line; the output is compared with tests/golden/admin/expected.txt
# (clock times and the system account masked) and the database checked.
set -eu
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/pkm.db"
FX=$(cd "$(dirname "$0")/../fixtures" && pwd)
EXP="$(dirname "$0")/admin/expected.txt"
pkm() { "$PKM_BIN" --db "$DB" "$@"; }
sql() { sqlite3 "$DB" "$1"; }
out="$WORK/out.txt"
step() { echo "== $*" >>"$out"; }
mask() { sed -E "s/[0-9]{2}-[0-9]{2}-[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2}/DD-MM-YYYY hh:mm:ss/g; s/sistem:[a-z0-9_-]+/sistem:AKUN/g"; }

pkm import pasien "$FX/cluster_pasien.csv" >/dev/null
pkm import kunjungan "$FX/cluster_kunjungan.csv" >/dev/null
# Ani registered a second time with her NIK, and a visit on another day with a diagnosis
cat >"$WORK/dobel.csv" <<'EOF'
no_rm,nik,no_bpjs,nama,jenis_kelamin,tanggal_lahir,alamat,desa,penjamin
200009,3204105003960001,,Ani Lestari,P,1996-03-10,,Sukamaju,UMUM
200010,,,Candra Wijaya,L,1970-01-01,Jl. Kenanga 5,Sukasari,UMUM
EOF
cat >"$WORK/dobel_kunjungan.csv" <<'EOF'
no_rm,tanggal,unit,penjamin,icd10,kasus
200009,2026-11-20,K2,,O21.0,B
200009,2026-11-23,K2,,,
200010,2026-11-23,K3,,I10,B
EOF
pkm import pasien "$WORK/dobel.csv" >/dev/null
pkm import kunjungan "$WORK/dobel_kunjungan.csv" >/dev/null

step "pengguna"
echo 'Kopi-Tubruk9' | pkm pengguna tambah siti.k2 NAKES K2 >>"$out"
echo 'pendek' | pkm pengguna tambah Siti NAKES 2>>"$out" && exit 1
# the commonest passwords (any case) and ones holding the user name, forwards or back
for weak in password1 BISMILLAH Puskesmas123 rahasia123 indonesia; do
	echo "$weak" | pkm pengguna tambah ani PENDAFTARAN 2>>"$out" && exit 1
done
echo 'Budi-2026x' | pkm pengguna tambah budi FARMASI 2>>"$out" && exit 1
echo 'x-iduB-2026' | pkm pengguna tambah budi FARMASI 2>>"$out" && exit 1
echo 'Farmasi2026' | pkm pengguna tambah budi FARMASI >>"$out"
echo 'Baru-2026x' | pkm pengguna sandi budi >>"$out"
# siti.k2 locked by failed log-ins: not "aktif" while the lock lasts
sql "UPDATE pengguna SET gagal = 5, kunci_sampai = datetime('now', '+10 minutes') WHERE nama = 'siti.k2'"
pkm pengguna daftar >>"$out"
sql "UPDATE pengguna SET gagal = 0, kunci_sampai = NULL WHERE nama = 'siti.k2'"
# added here or reset: either is changed at the first log-in
[ "$(sql "SELECT count(*) FROM pengguna WHERE sandi GLOB '\$y\$*' AND ganti_sandi = 1")" = 2 ]

step "gabung ditolak: kunjungan berisi data di hari dan unit yang sama"
before=$(sql "SELECT count(*) FROM kunjungan")
pkm gabung 200003 200010 2>>"$out" && exit 1
[ "$(sql "SELECT count(*) FROM kunjungan")" = "$before" ]
[ "$(sql "SELECT count(*) FROM pasien WHERE no_rm = '200010'")" = 1 ]
pkm gabung 200001 200001 2>>"$out" && exit 1
pkm gabung 200001 999999 2>>"$out" && exit 1

step "gabung 200009 ke 200001"
pkm gabung 200001 200009 >>"$out"
# the visit of the 20th (with its diagnosis) moved; the empty same-day one went
expect() { got=$(sql "$1"); [ "$got" = "$2" ] || { echo "$1: expected $2, got $got" >&2; exit 1; }; }
expect "SELECT group_concat(k.tanggal || ' ' || k.unit || ' ' || coalesce(d.icd10, '-'), '; ') FROM kunjungan k
	JOIN pasien p ON p.id = k.pasien_id LEFT JOIN diagnosis d ON d.kunjungan_id = k.id WHERE p.no_rm = '200001'
	ORDER BY k.tanggal" "2026-11-20 K2 O21.0; 2026-11-23 K2 -"
expect "SELECT nik || ' ' || alamat FROM pasien WHERE no_rm = '200001'" "3204105003960001 Jl. Mawar 1"
expect "SELECT count(*) FROM pasien WHERE no_rm = '200009'" 0
expect "SELECT count(*) FROM pasien_kata WHERE pasien_id NOT IN (SELECT id FROM pasien)" 0
expect "PRAGMA foreign_key_check" ""
pkm report lb1 --month 2026-11 --format data | grep -q "O21.0" 

step "export pasien 200001"
pkm export pasien 200001 --out "$WORK/ani.txt"
grep -q "^\[diagnosis #1\]" "$WORK/ani.txt"
grep -q "No. RM: 200001" "$WORK/ani.txt"
grep -q "GABUNG pasien #1  RM 200001" "$WORK/ani.txt"
grep -q "EKSPOR pasien #1  RM 200001" "$WORK/ani.txt"
pkm export pasien 123456 2>>"$out" && exit 1

step "audit --patient 200001"
pkm audit --patient 200001 --from "$(date +%d-%m-%Y)" --to "$(date +%F)" | grep -v "^    " | mask >>"$out"
step "audit --user siti.k2"
pkm audit --user siti.k2 >>"$out"
step "audit salah"
pkm audit --from 2026-13-01 --patient 0 2>>"$out" && exit 1
pkm audit --to 2026-01-01 | tail -1 >>"$out"

# append-only, for sqlite3 too
if sql "DELETE FROM audit" 2>/dev/null; then echo "audit deleted" >&2; exit 1; fi
if sql "UPDATE audit SET pengguna = 99" 2>/dev/null; then echo "audit changed" >&2; exit 1; fi
# the password hash never enters the trail
expect "SELECT count(*) FROM audit WHERE coalesce(lama, '') || coalesce(baru, '') LIKE '%\$y\$%'" 0

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$out" "$EXP"; fi
[ -z "${UPDATE_GOLDEN:-}" ] || cp "$out" "$EXP"
diff -u "$EXP" "$out"
