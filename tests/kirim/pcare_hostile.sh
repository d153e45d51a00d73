# P-Care did the work but its answer is of no use (not base64, bad AES
# padding, an HTML page with HTTP 200, no number, 100 MB, the connection
# closed before any answer, a number of the wrong form, a 412 for a
# registration it has): the item stays in doubt, rests, and the next attempt
# takes what P-Care has instead of making it again. The same when the
# database is locked as the answer comes, and when the sender is killed
# while P-Care answers. Every visit ends with one pendaftaran and one
# kunjungan at P-Care; no number of the wrong form is kept or used.
. "$(dirname "$0")/pcare_lib.sh"
add_bpjs_visits
sql "DELETE FROM kirim"
send() { set +e; out=$(pkm kirim pcare --sekali 2>&1); rc=$?; set -e; }
day=1
new_visit() {	# a visit of 400002 on the next day of November: its item id in $id
	day=$((day + 1))
	d=$(printf '2026-11-%02d' $day)
	printf 'no_rm,tanggal,unit,penjamin,icd10,kasus\n400002,%s,K3,,J06.9,B\n' "$d" >"$WORK/k.csv"
	pkm import kunjungan "$WORK/k.csv" >/dev/null
	id=$(sql "SELECT o.id FROM kirim o JOIN kunjungan k ON k.id = o.kunjungan_id WHERE k.tanggal = '$d'")
	pdate=$(printf '%02d-11-2026' $day)
}
one_each() {	# one_each WHAT: one registration and one visit at P-Care for the day
	expect "$1: registrations" "$(pask "len([r for r in s['pendaftaran'].values() if r['tglDaftar'] == '$pdate'])")" 1
	expect "$1: visits" "$(pask "len([k for k in s['kunjungan'].values() if k['tglDaftar'] == '$pdate'])")" 1
	p_no_violations
}
in_doubt() {	# in_doubt WHAT: the attempt left the item in doubt, resting
	expect "$1: waits" "$rc" 3
	expect "$1: in doubt" "$(sql "SELECT ragu || status FROM kirim WHERE id = $id")" 1menunggu
	send
	expect "$1: rests while its request may still run" "$(sql "SELECT percobaan FROM kirim WHERE id = $id")" 1
	sleep 2.1
	send
	expect "$1: then sent" "$rc:$out" "0:1 terkirim, 0 gagal, 0 menunggu"
	one_each "$1"
}

for mode in b64 padding html nofield huge lost badid; do
	for step in "POST pendaftaran" "POST kunjungan"; do
		new_visit
		pfault $mode 1 "$step"
		send
		in_doubt "$mode on $step"
	done
done
expect "nothing deleted" "$(pask 's["deleted"]')" "[]"
expect "only numbers of their form kept" \
	"$(sql "SELECT count(*) FROM kirim_sumber WHERE sumber_id GLOB '*[^A-Za-z0-9]*' OR length(sumber_id) > 32")" 0

# a registration P-Care made but answered 412 "sudah terdaftar": looked up and taken
new_visit
pfault done412 1 "POST pendaftaran"
send
expect "a 412 for what P-Care has" "$rc:$out" "0:1 terkirim, 0 gagal, 0 menunggu"
one_each "done412"

# the database locked (a desk's long save) while P-Care answers: the number
# cannot be stored, so the item stays in doubt and P-Care is asked
new_visit
pfault late 1 "POST pendaftaran"
"$PKM_BIN" --db "$DB" --config "$WORK/pkm.ini" kirim pcare --sekali >"$WORK/busy.out" 2>&1 &
sender=$!
i=0
until [ "$(sql "SELECT percobaan FROM kirim WHERE id = $id")" = 1 ]; do
	i=$((i + 1)); [ $i -lt 200 ] || { echo "never claimed" >&2; exit 1; }
	sleep 0.02
done
python3 -c "import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute('BEGIN IMMEDIATE'); time.sleep(11.5); c.execute('ROLLBACK')" "$DB"
wait $sender || true
expect "registered while the database was locked" "$(pask "len([r for r in s['pendaftaran'].values() if r['tglDaftar'] == '$pdate'])")" 1
expect "busy: in doubt" "$(sql "SELECT ragu || status FROM kirim WHERE id = $id")" 1menunggu
sleep 2.1
send
expect "busy: then sent" "$rc:$out" "0:1 terkirim, 0 gagal, 0 menunggu"
one_each "busy database"

# killed while P-Care answers a visit it has made
new_visit
pfault late 1 "POST kunjungan"
"$PKM_BIN" --db "$DB" --config "$WORK/pkm.ini" kirim pcare --sekali >/dev/null 2>&1 &
sender=$!
i=0
until [ "$(pask "len([k for k in s['kunjungan'].values() if k['tglDaftar'] == '$pdate'])")" = 1 ]; do
	i=$((i + 1)); [ $i -lt 100 ] || { echo "never made" >&2; exit 1; }
	sleep 0.05
done
kill -9 $sender; wait $sender 2>/dev/null || true
sleep 2.1
send
expect "kill -9: then sent" "$rc:$out" "0:1 terkirim, 0 gagal, 0 menunggu"
one_each "kill -9"
exit 0
