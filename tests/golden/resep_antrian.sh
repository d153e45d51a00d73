# pkm resep antrian: the pharmacy's queue (src/queue.c, the screen's core) as
# text and CSV, against golden files. A small database made here: visits of
# today and of 20-11-2026 with prescription lines that arrived at fixed times,
# some given in part or whole, one line closed, one quantity changed, a
# cancelled visit (left out). Today's minutes waiting are fixed by setting the
# lines' arrival a whole number of minutes before now, in a time zone where
# "now" is around noon (no midnight in between).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/pkm.db"
export PKM_TODAY=2026-11-23
h=$(date -u +%H | sed 's/^0//')
if [ "$h" -le 12 ]; then TZ="PKM-$((12 - h))"; else TZ="PKM+$((h - 12))"; fi
export TZ
pkm() { "$PKM_BIN" --db "$DB" "$@"; }
. "$HERE/lib.sh"

cat >"$WORK/pasien.csv" <<'EOF'
no_rm,nama,jenis_kelamin,tanggal_lahir,penjamin,no_bpjs
500001,Ani Menunggu,P,1990-05-01,UMUM,
500002,Budi Sebagian,L,1985-02-10,UMUM,
500003,Cici Diubah,P,2024-09-01,UMUM,
500004,Dodi Ditutup,L,1970-07-07,UMUM,
500005,Eka Selesai,P,2001-12-12,UMUM,
500006,Xena Batal,P,1999-01-01,UMUM,
500007,"Yuni Kemarin, S.Pd.",P,1980-03-03,UMUM,
500008,Zaki Kemarin,L,2026-11-01,UMUM,
EOF
cat >"$WORK/kunjungan.csv" <<'EOF'
no_rm,tanggal,unit,penjamin,icd10,kasus
500001,2026-11-23,K3,UMUM,,
500002,2026-11-23,K3,UMUM,,
500003,2026-11-23,K2,UMUM,,
500004,2026-11-23,K4,UMUM,,
500005,2026-11-23,IGD,UMUM,,
500006,2026-11-23,K3,UMUM,,
500007,2026-11-20,GIGI,UMUM,,
500008,2026-11-20,K2,UMUM,,
EOF
cat >"$WORK/obat.csv" <<'EOF'
kode,nama,satuan,kategori,stok_optimum
PCT,Parasetamol 500 mg,tablet,OBAT,
AMX,Amoksisilin 500 mg,kaplet,ANTIBIOTIK,
ORS,Oralit,sachet,OBAT,
EOF
pkm impor pasien "$WORK/pasien.csv" >/dev/null
pkm impor kunjungan "$WORK/kunjungan.csv" >/dev/null
pkm impor obat "$WORK/obat.csv" >/dev/null

# arrival N minutes before now, as pkm reads the clock (today's date, local time)
ago() { printf '%s %s' "$PKM_TODAY" "$(date -d "-$1 min" +%H:%M:%S)"; }
v() { echo "(SELECT k.id FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id WHERE p.no_rm = '$1')"; }
sqlite3 "$DB" <<EOF
INSERT INTO pengguna (nama, nama_lengkap, peran, sandi) VALUES
 ('dr.siti', 'dr. Siti Rahmawati', 'NAKES', '\$y\$x'), ('bidan.ani', '', 'NAKES', '\$y\$x');
INSERT INTO resep (kunjungan_id, obat, jumlah, signa, dibuat, penulis, diberi, tutup, jumlah_beri) VALUES
 ($(v 500001), 'PCT', 10, '3x1', '$(ago 25)', 1, 0, NULL, NULL),
 ($(v 500001), 'AMX', 15, '3x1', '$(ago 24)', 1, 0, NULL, NULL),
 ($(v 500002), 'PCT', 10, '3x1', '$(ago 40)', 2, 4, NULL, NULL),
 ($(v 500003), 'ORS', 6, '', '$(ago 5)', 1, 4, NULL, 4),
 ($(v 500004), 'ORS', 6, '', '$(ago 12)', NULL, 0, 'STOK_KOSONG', NULL),
 ($(v 500004), 'PCT', 10, '3x1', '$(ago 11)', NULL, 0, NULL, NULL),
 ($(v 500005), 'PCT', 10, '3x1', '$(ago 50)', 1, 10, NULL, NULL),
 ($(v 500006), 'PCT', 10, '3x1', '$(ago 45)', 1, 0, NULL, NULL),
 ($(v 500007), 'AMX', 15, '3x1', '2026-11-20 09:15:00', 1, 0, NULL, NULL),
 ($(v 500008), 'ORS', 3, '', '2026-11-20 08:05:00', 2, 3, NULL, NULL);
UPDATE kunjungan SET batal = 'salah pasien' WHERE id = $(v 500006);
EOF

# today: not finished first in arrival order with their minutes, then the finished
pkm resep antrian >"$WORK/resep-antrian-hari-ini.txt"
check resep-antrian-hari-ini.txt
# another day, as typed on the screen or as stored: no minutes
pkm resep antrian --tanggal 20-11-2026 >"$WORK/resep-antrian-lalu.txt"
check resep-antrian-lalu.txt
pkm resep antrian --tanggal 2026-11-20 --format csv >"$WORK/resep-antrian-lalu.csv"
check resep-antrian-lalu.csv
# today's CSV: one row per visit, status words, the minutes of the waiting ones only
pkm resep antrian --format csv >"$WORK/today.csv"
[ "$(cut -d, -f3,9,10 "$WORK/today.csv" | tr '\n' ' ')" = \
  "no_rm,menit,status 500002,40,sebagian 500001,25,menunggu 500004,12,sebagian 500005,,selesai 500003,,selesai " ] ||
	{ echo "today's CSV:" >&2; cat "$WORK/today.csv" >&2; exit 1; }
pkm resep antrian --tanggal 01-11-2026 | grep -qx "Antrian resep 01-11-2026: 0 resep, 0 belum selesai"

# wrong use: exit 2 and why
for bad in "antrian --tanggal 31-02-2026" "antrian --format xml" "antrian --tanggal" "antre" ""; do
	rc=0
	pkm resep $bad >/dev/null 2>"$WORK/err" || rc=$?
	[ "$rc" -eq 2 ] || { echo "pkm resep $bad: exit $rc" >&2; exit 1; }
done
pkm resep antre 2>&1 | grep -q "resep: antrian, lihat, serahkan, tutup, ubah atau etiket"
pkm resep antrian --tanggal 31-02-2026 2>&1 | grep -q "tanggal tidak sah (tulis DD-MM-YYYY): 31-02-2026"
