# kill -9 of the running sender at random moments, many times, while visits
# change: every visit reaches SATUSEHAT exactly once as one Encounter, with
# each diagnosis once, and the last version of each.
. "$(dirname "$0")/lib.sh"
n=40
many_visits $n 4
fault slow

desk() {	# a desk keeps working meanwhile: a second diagnosis on some visits
	sql "INSERT INTO diagnosis (kunjungan_id, icd10, kasus) SELECT id, 'I10', 'B' FROM kunjungan
		WHERE id % 15 = $1 AND id NOT IN (SELECT kunjungan_id FROM diagnosis WHERE icd10 = 'I10')"
}
kill_senders satusehat 60 desk
send_settled satusehat
no_violations
expect "encounters" "$(ask 'len(s["store"]["Encounter"])')" $n
expect "encounters created" "$(ask 's["posted"]["Encounter"]')" $n
expect "conditions" "$(ask 'len(s["store"]["Condition"])')" "$(sql "SELECT count(*) FROM diagnosis")"
expect "each visit's last version" "$(ask 'sum(len(e.get("diagnosis", [])) for e in s["store"]["Encounter"].values())')" \
	"$(sql "SELECT count(*) FROM diagnosis")"
expect "all sent" "$(sql "SELECT count(*) FROM kirim WHERE status = 'terkirim' AND versi = versi_kirim")" $n
exit 0
