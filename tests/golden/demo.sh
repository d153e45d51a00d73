# pkm demo: the same seed gives the same records, another seed others; the
# records pass the reports' own checks (LB1 foot checks, no stock below zero,
# every dispensed line taken from stock, the last day's prescriptions partly waiting);
# a database with patients is refused; Periksa data finds the data errors planted.
set -eu
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
demo() {	# demo NAME SEED
	"$PKM_BIN" demo --db "$WORK/$1.db" --years 1 --seed "$2" --patients 400 --per-day 15 >"$WORK/$1.out"
}
digest() {	# what the records are, as one line per table
	sqlite3 "$1" "SELECT 'pasien', COUNT(*), group_concat(nama || nik, ''), '' FROM pasien;
		SELECT 'kunjungan', COUNT(*), SUM(no_antrian), group_concat(unit || tanggal, '') FROM kunjungan;
		SELECT 'diagnosis', COUNT(*), group_concat(icd10 || kasus, ''), '' FROM diagnosis;
		SELECT 'mutasi', COUNT(*), SUM(jumlah), '' FROM mutasi;" | md5sum
}
demo a 7
demo b 7
demo c 8
grep -q "^demo: 400 pasien, [0-9]* kunjungan" "$WORK/a.out"
# one user per role, printed last, each able to log in without a first-start question
[ "$(tail -5 "$WORK/a.out" | awk '{ print $1 "|" $3 }' | paste -sd' ')" = \
	"admin|ADMIN daftar|PENDAFTARAN nakes|NAKES farmasi|FARMASI data|PELAPORAN" ] || { cat "$WORK/a.out" >&2; exit 1; }
[ "$(sqlite3 "$WORK/a.db" "SELECT count(*) FROM pengguna WHERE ganti_sandi = 0 AND sandi GLOB '\$y\$*'")" = 5 ]
[ "$(digest "$WORK/a.db")" = "$(digest "$WORK/b.db")" ] || { echo "same seed, different records" >&2; exit 1; }
[ "$(digest "$WORK/a.db")" != "$(digest "$WORK/c.db")" ] || { echo "another seed, same records" >&2; exit 1; }
# about 15 visits a working day for a year, as asked
n=$(sqlite3 "$WORK/a.db" "SELECT COUNT(*) FROM kunjungan")
[ "$n" -gt 4000 ] && [ "$n" -lt 5000 ] || { echo "visits: $n" >&2; exit 1; }
[ "$(sqlite3 "$WORK/a.db" "SELECT COUNT(*) FROM kunjungan WHERE strftime('%w', tanggal) = '0'")" = 0 ]
[ "$(sqlite3 "$WORK/a.db" "PRAGMA integrity_check")" = ok ]
# every code the demo generates has its name in the shipped list
unnamed=$(sqlite3 "$WORK/a.db" "SELECT group_concat(DISTINCT icd10) FROM diagnosis WHERE icd10 NOT IN (SELECT kode FROM icd10)")
[ -z "$unnamed" ] || { echo "demo codes without a name: $unnamed" >&2; exit 1; }
[ "$(sqlite3 "$WORK/a.db" "PRAGMA foreign_key_check" | wc -l)" = 0 ]
# stock: balances agree with the movements; what each line was given is its
# movements, a finished line all of it
[ "$(sqlite3 "$WORK/a.db" "SELECT COUNT(*) FROM batch b WHERE saldo <> (SELECT SUM(jumlah) FROM mutasi WHERE batch_id = b.id)")" = 0 ]
[ "$(sqlite3 "$WORK/a.db" "SELECT COUNT(*) FROM resep r WHERE r.diberi <>
	coalesce((SELECT -SUM(jumlah) FROM mutasi WHERE resep_id = r.id), 0)
	OR (diserahkan IS NOT NULL AND tutup IS NULL AND diberi <> coalesce(jumlah_beri, jumlah))")" = 0 ]
# the last day is this morning: prescriptions waiting, one given in part, the others dispensed
today=$(sqlite3 "$WORK/a.db" "SELECT max(tanggal) FROM kunjungan")
[ "$today" = "$PKM_TODAY" ] || { echo "the demo does not end today: $today" >&2; exit 1; }
[ "$(sqlite3 "$WORK/a.db" "SELECT count(DISTINCT r.kunjungan_id) > 0 FROM resep r JOIN kunjungan k ON k.id = r.kunjungan_id
	WHERE k.tanggal = '$today' AND r.diberi = 0 AND r.tutup IS NULL")" = 1 ] || { echo "no prescription waits today" >&2; exit 1; }
[ "$(sqlite3 "$WORK/a.db" "SELECT count(*) FROM resep r JOIN kunjungan k ON k.id = r.kunjungan_id
	WHERE k.tanggal = '$today' AND r.diberi > 0 AND r.diberi < r.jumlah")" -ge 1 ] || { echo "no line given in part today" >&2; exit 1; }
[ "$(sqlite3 "$WORK/a.db" "SELECT count(*) FROM resep r JOIN kunjungan k ON k.id = r.kunjungan_id
	WHERE k.tanggal = '$today' AND r.diserahkan = '$today'")" -ge 1 ] || { echo "nothing dispensed today" >&2; exit 1; }
# a line reaches the pharmacy a few minutes into its visit's day
[ "$(sqlite3 "$WORK/a.db" "SELECT count(*) FROM resep r JOIN kunjungan k ON k.id = r.kunjungan_id
	WHERE r.dibuat IS NULL OR date(r.dibuat) <> k.tanggal")" = 0 ] || { echo "resep.dibuat not the visit's day" >&2; exit 1; }
month=$(sqlite3 "$WORK/a.db" "SELECT substr(MAX(tanggal), 1, 7) FROM kunjungan")
"$PKM_BIN" --db "$WORK/a.db" report lb1 --month "$month" >"$WORK/lb1.txt"
grep -q "pasangan kunjungan-diagnosis bulan ini" "$WORK/lb1.txt"
if grep -q "TIDAK COCOK\|PEMERIKSAAN GAGAL" "$WORK/lb1.txt"; then echo "LB1 checks fail on demo data" >&2; exit 1; fi
for r in lb2 lb3 lb4 jampersal; do "$PKM_BIN" --db "$WORK/a.db" report $r --month "$month" --format data >/dev/null; done
if "$PKM_BIN" demo --db "$WORK/a.db" --years 1 2>"$WORK/again.err"; then echo "demo wrote over data" >&2; exit 1; fi
grep -q "sudah berisi data" "$WORK/again.err"
# the data errors planted in the month before the last: Periksa data finds each (exit 1)
grep -q "^demo: 6 kesalahan data untuk Periksa data di bulan " "$WORK/a.out" || { cat "$WORK/a.out" >&2; exit 1; }
prev=$(sqlite3 "$WORK/a.db" "SELECT strftime('%Y-%m', date('$PKM_TODAY', 'start of month', '-1 month'))")
if "$PKM_BIN" --db "$WORK/a.db" periksa --month "$prev" --format csv >"$WORK/periksa.csv"; then
	echo "periksa found no kesalahan in the demo" >&2; exit 1
fi
for c in tanpa_diagnosis kasus_kronis formulir anc_urutan lahir_perkiraan pasien_ganda; do
	grep -q "^[a-z]*,$c," "$WORK/periksa.csv" || { echo "the demo's planted $c is not found" >&2; exit 1; }
done
# issue 35: every resource has records: KFA codes on all drugs but two, procedures,
# drug and food allergies (no drug given after its allergy was recorded), referrals out
q() { sqlite3 "$WORK/a.db" "$1"; }
[ "$(q "SELECT count(*) - count(kode_kfa) FROM obat")" = 2 ] || { echo "drugs without KFA: not two" >&2; exit 1; }
[ "$(q "SELECT count(DISTINCT icd9) >= 6 FROM tindakan")" = 1 ] || { echo "few procedures" >&2; exit 1; }
[ "$(q "SELECT count(obat) > 0 AND count(alergen) > 0 FROM alergi")" = 1 ] || { echo "allergies missing" >&2; exit 1; }
[ "$(q "SELECT count(*) FROM resep r JOIN kunjungan k ON k.id = r.kunjungan_id JOIN alergi a ON a.pasien_id = k.pasien_id
	AND a.obat = r.obat AND k.id > a.kunjungan_id")" = 0 ] || { echo "a drug given after its allergy" >&2; exit 1; }
[ "$(q "SELECT count(*) > 0 FROM f_rujukan WHERE jenis = 'KELUAR' AND faskes <> ''")" = 1 ] || { echo "no referral" >&2; exit 1; }
