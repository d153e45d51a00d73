# SATUSEHAT did the work but its answer is of no use (the connection closed
# before any answer, a page that is no JSON): the Bundle is not resent by
# the HTTP layer, the item stays in doubt, and the next attempt finds the
# Encounter and updates it: one of each. A Patient search whose answer is
# malformed is told as such, not as an unknown NIK.
. "$(dirname "$0")/lib.sh"
add_visits
sql "DELETE FROM kirim WHERE kunjungan_id NOT IN (SELECT k.id FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id
     WHERE p.no_rm = '300001' AND k.tanggal = '2026-11-23')"
send() { set +e; out=$(pkm kirim satusehat --sekali 2>&1); rc=$?; set -e; }
code=50
for mode in lost garbled; do
	code=$((code + 1))
	posts=$(ask 's["bundle_posts"]')
	fault $mode 1
	send
	expect "$mode: waits" "$rc:$out" "3:1 terkirim, 0 gagal, 1 menunggu"
	expect "$mode: each Bundle posted once" "$(ask 's["bundle_posts"]')" $((posts + 2))
	expect "$mode: in doubt" "$(sql "SELECT group_concat(ragu) FROM kirim WHERE status = 'menunggu'")" "1"
	sleep 2.1
	send
	expect "$mode: then sent" "$rc:$out" "0:1 terkirim, 0 gagal, 0 menunggu"
	expect "$mode: one Encounter a visit" "$(ask 'len(s["store"]["Encounter"])')" 2
	no_violations
	sql "INSERT INTO diagnosis (kunjungan_id, icd10, kasus) SELECT kunjungan_id, 'R$code', 'B' FROM kirim"
done
# a malformed search answer
sql "DELETE FROM kirim_ihs"
sql "INSERT INTO diagnosis (kunjungan_id, icd10, kasus) SELECT kunjungan_id, 'R50.9', 'B' FROM kirim"
fault badsearch 1
send
expect "malformed search" "$rc:$out" "3:1 terkirim, 0 gagal, 1 menunggu"
pkm kirim status | grep -q "jawaban pencarian Patient dari SATUSEHAT tidak sah" || { pkm kirim status; exit 1; }
if pkm kirim status | grep -q "tidak dikenal SATUSEHAT"; then pkm kirim status; exit 1; fi
send
expect "after the malformed answer" "$rc:$out" "0:1 terkirim, 0 gagal, 0 menunggu"
exit 0
