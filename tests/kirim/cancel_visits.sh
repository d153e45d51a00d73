# A visit cancelled at the desk (the correction screen writes kunjungan.batal):
# one SATUSEHAT already has goes again as its Encounter marked
# entered-in-error, a PUT to the same id; one never sent is closed without a
# request. (The review's open end of the SATUSEHAT issue.)
. "$(dirname "$0")/lib.sh"
add_visits
set +e; pkm kirim satusehat --sekali >/dev/null; set -e	# Sri's two visits go; Budi and Citra wait
expect "sent" "$(ask 'len(s["store"]["Encounter"])')" 2
sent=$(sql "SELECT k.id FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id WHERE p.no_rm = '300001' AND k.unit = 'K3'
	AND k.tanggal = '2026-11-23'")
waiting=$(sql "SELECT k.id FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id WHERE p.no_rm = '300002'")
enc=$(sql "SELECT s.sumber_id FROM kirim_sumber s JOIN kirim o ON o.id = s.kirim_id WHERE o.kunjungan_id = $sent
	AND s.jenis = 'Encounter'")
bundles=$(ask 's["bundles"]')
sql "UPDATE kunjungan SET batal = 'pasien salah daftar' WHERE id IN ($sent, $waiting)"
set +e; out=$(pkm kirim satusehat --sekali); set -e
expect "both closed" "$out" "2 terkirim, 0 gagal, 1 menunggu"
no_violations
expect "the sent one marked in error" "$(ask "s['store']['Encounter']['$enc']['status']")" entered-in-error
expect "as an update" "$(ask 's["puts"] > 0 and s["posted"]["Encounter"]')" 2
expect "one bundle: the never-sent visit needed none" "$(ask 's["bundles"]')" $((bundles + 1))
expect "items" "$(sql "SELECT group_concat(status, ' ') FROM kirim WHERE kunjungan_id IN ($sent, $waiting)")" \
	"terkirim terkirim"
exit 0
