# A token answer the sender cannot trust is refused, never used: a token
# with CR/LF (it would reach the server as a header of its own) or an
# expires_in past any clock (time + it overflows). The item it was fetched
# for waits with the reason, nothing injected reaches the server, and the
# item goes once the token is sound again.
. "$(dirname "$0")/lib.sh"
add_visits
sql "UPDATE pasien SET nik = '3204010202800002' WHERE no_rm = '300002'"
sql "UPDATE pasien SET nik = '3204014303700003' WHERE no_rm = '300003'"
pkm kirim satusehat --sekali >/dev/null
visit=$(sql "SELECT kunjungan_id FROM kirim ORDER BY id LIMIT 1")
for mode in token_crlf token_expires_huge; do
	sql "INSERT INTO diagnosis (kunjungan_id, icd10, kasus) VALUES ($visit, '$([ $mode = token_crlf ] && echo E11.9 || echo R50.9)', 'B')"
	fault "$mode" 1
	expect "$mode: not sent" "$(pkm kirim satusehat --sekali || true)" "0 terkirim, 0 gagal, 1 menunggu"
	expect "$mode: the reason on the item" "$(sql "SELECT galat FROM kirim WHERE kunjungan_id = $visit")" \
		"token: jawaban server tidak dikenal"
	expect "$mode: no injected header reached the server" "$(ask 's["injected"]')" 0
	expect "$mode: sent once the token is sound" "$(pkm kirim satusehat --sekali)" "1 terkirim, 0 gagal, 0 menunggu"
done
no_violations
exit 0
