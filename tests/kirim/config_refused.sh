# The sender refuses a secret file others can read, and a configuration that
# would send patient data in the clear or is missing what SATUSEHAT needs; the
# messages name the file and the key, never the secret.
. "$(dirname "$0")/lib.sh"
add_visits
chmod 644 "$WORK/satusehat.rahasia"
set +e; out=$(pkm kirim satusehat --sekali 2>&1); rc=$?; set -e
expect "exit code" "$rc" 1
echo "$out" | grep -q "berkas rahasia $WORK/satusehat.rahasia dapat dibaca pengguna lain .*chmod 600" || { echo "$out"; exit 1; }
echo "$out" | grep -qF "$SECRET" && { echo "secret in a message" >&2; exit 1; }
expect "nothing attempted" "$(sql "SELECT sum(percobaan) FROM kirim")" 0
chmod 600 "$WORK/satusehat.rahasia"

write_config && sed -i "s|^url_fhir = .*|url_fhir = http://example.org/fhir|" "$WORK/pkm.ini"
set +e; out=$(pkm kirim status 2>&1); rc=$?; set -e
expect "plain HTTP refused" "$rc" 1
echo "$out" | grep -q "pkm.ini:[0-9]*: url_fhir harus alamat https://" || { echo "$out"; exit 1; }

# the address is parsed, not prefix-matched: a user name before the real host,
# or a local-looking host name, does not pass for this machine
write_config && sed -i "s|^url_auth = .*|url_auth = http://127.0.0.1:$PORT@evil.invalid/oauth2/v1|" "$WORK/pkm.ini"
sed -i "s|^url_fhir = .*|url_fhir = http://127.0.0.1.evil.invalid:$PORT/fhir|" "$WORK/pkm.ini"
set +e; out=$(pkm kirim satusehat --sekali 2>&1); rc=$?; set -e
expect "hostile addresses refused" "$rc" 1
echo "$out" | grep -q "pkm.ini:[0-9]*: url_auth tidak boleh memuat nama pengguna (@)" || { echo "$out"; exit 1; }
echo "$out" | grep -q "pkm.ini:[0-9]*: url_fhir harus alamat https://" || { echo "$out"; exit 1; }
expect "nothing attempted" "$(sql "SELECT sum(percobaan) FROM kirim")" 0

write_config && sed -i "/^client_id/d" "$WORK/pkm.ini"
set +e; out=$(pkm kirim status 2>&1); set -e
echo "$out" | grep -q "aktif = ya memerlukan client_id" || { echo "$out"; exit 1; }

write_config "lokasi_K9 =" && sed -i "s/^zona = .*/zona = Europe\/Paris/" "$WORK/pkm.ini"
set +e; out=$(pkm kirim status 2>&1); set -e
echo "$out" | grep -q "zona harus Asia/Jakarta" || { echo "$out"; exit 1; }
echo "$out" | grep -q "lokasi_k9 harus lokasi_UNIT = id Location" || { echo "$out"; exit 1; }

# wrong client secret: the token is refused, said in words, and retried later
write_config
printf 'salah\n' >"$WORK/satusehat.rahasia"
expect "token refused" "$(pkm kirim satusehat --sekali || true)" "0 terkirim, 0 gagal, 4 menunggu"
pkm kirim status | grep -q "token ditolak (HTTP 401): periksa client_id dan berkas rahasia" || { pkm kirim status; exit 1; }
exit 0
