# pkm kirim dhis2 against the DHIS2 test server (dhis2_server.py) with the LB3
# fixture (tests/golden/fixture2): a dry run with a conflict shown and nothing
# imported, not even after it; --paksa sends anyway; a clean import (the
# values at the server checked), sent again only updated/ignored; the 2.38+
# and the old summary shapes; a 409; time-outs (dry run, import); Basic and
# ApiToken; a hostile answer shown escaped, a huge one refused; the secret
# file and the URL checked like the other senders'.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
DB="$WORK/pkm.db"
TOKEN="d2pat_uji$$abcdef0123456789"
KNOWN="pKmLb3Set01,DiWp4PkmOu1,KiAnc000001,KiAnc000004,KiAnc000006,CocPerempn1,CocLakilak1"
python3 "$HERE/dhis2_server.py" "$WORK" pkmuji "Sandi-D2-$$" "$TOKEN" "$KNOWN" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
i=0
while [ ! -s "$WORK/dhis2_port" ]; do
	i=$((i + 1)); [ $i -lt 100 ] || { echo "DHIS2 test server did not start" >&2; exit 1; }
	sleep 0.05
done
PORT=$(cat "$WORK/dhis2_port")
die() { echo "$*" >&2; exit 1; }
ask() { python3 "$HERE/ask.py" "$PORT" "$1"; }
fault() { python3 "$HERE/ask.py" "$PORT" --fault "$@"; }
expect() { [ "$2" = "$3" ] || die "$1: expected '$3', got '$2'"; }

FIX="$HERE/../golden/fixture2"
( cd "$FIX"
  for f in pasien kunjungan obat stok; do "$PKM_BIN" --config pkm.ini --db "$DB" impor $f $f.csv >/dev/null; done
  sqlite3 "$DB" <forms.sql )
printf 'sandi = Sandi-D2-%s\n' "$$" >"$WORK/dhis2.rahasia"
chmod 600 "$WORK/dhis2.rahasia"
write_config() {	# write_config [extra [dhis2] lines]
	cat "$FIX/pkm.ini" - >"$WORK/pkm.ini" <<INI
[dhis2]
url = http://127.0.0.1:$PORT/
pengguna = pkmuji
rahasia = $WORK/dhis2.rahasia
batas_waktu = 1
$*
INI
}
write_config
pkm() { "$PKM_BIN" --db "$DB" --config "$WORK/pkm.ini" "$@"; }
# k1,P = 1, k4,P = 1, k6,P = 0; KiAnc000099 is a data element DHIS2 does not know
cat >"$WORK/peta.ini" <<'INI'
[dhis2]
dataSet = pKmLb3Set01
orgUnit = DiWp4PkmOu1
nol = kirim
[peta]
k1,P = KiAnc000001 CocPerempn1
k4,P = KiAnc000004 CocPerempn1
k6,P = KiAnc000006 CocPerempn1
k1,L = KiAnc000099 CocLakilak1
INI
kirim() { pkm kirim dhis2 --month 10-2026 --laporan lb3 --peta "$WORK/peta.ini" "$@" 2>"$WORK/err"; }

# a conflict in the dry run (2.38+: HTTP 409, the summary in `response`): shown, nothing imported
if kirim >"$WORK/out"; then die "sent despite a conflict"; fi
grep -q "^Uji (dryRun): status WARNING, 3 diimpor, 0 diperbarui, 1 diabaikan, 0 dihapus, 1 konflik$" "$WORK/out" ||
	die "dry-run summary not shown: $(cat "$WORK/out" "$WORK/err")"
grep -q "^  konflik KiAnc000099: Data element not found or not accessible$" "$WORK/out" || die "conflict not shown"
grep -q "tidak dikirim: uji menemukan 1 konflik" "$WORK/err" || die "no word why it was not sent"
expect "values after a dry run" "$(ask 'len(s["values"])')" 0
expect "requests" "$(ask 'len(s["requests"])')" 1
ask 's["requests"][0]' | grep -q "^/api/dataValueSets?idScheme=uid&dryRun=true$" || die "dry run not asked as such"

# --paksa: the import anyway, the conflicting value left out by DHIS2
kirim --paksa >"$WORK/out" && die "conflicts in the import but exit 0"
grep -q "^Impor: status WARNING, 3 diimpor" "$WORK/out" || die "import summary not shown: $(cat "$WORK/out")"
expect "values imported" "$(ask 'sorted(s["values"].items())')" \
	"[('KiAnc000001/202610/DiWp4PkmOu1/CocPerempn1', '1'), ('KiAnc000004/202610/DiWp4PkmOu1/CocPerempn1', '1'), ('KiAnc000006/202610/DiWp4PkmOu1/CocPerempn1', '0')]"
expect "no attribute option combo" "$(ask 's["violations"]')" "[]"

# a clean mapping, the old summary shape (HTTP 200, top level), with an ApiToken
sed -i '/^k1,L/d' "$WORK/peta.ini"
printf 'token = d2pat_salah\n' >"$WORK/dhis2.rahasia"
kirim >/dev/null && die "a wrong token ended 0"
grep -q "Uji (dryRun): DHIS2 menjawab HTTP 401" "$WORK/err" || die "401 not told: $(cat "$WORK/err")"
printf 'token = %s\n' "$TOKEN" >"$WORK/dhis2.rahasia"
fault old 2
kirim >"$WORK/out" || die "a clean import failed: $(cat "$WORK/err")"
expect "old shape, again" "$(cat "$WORK/out")" "Uji (dryRun): status SUCCESS, 0 diimpor, 0 diperbarui, 3 diabaikan, 0 dihapus, 0 konflik
  Import process completed successfully
Impor: status SUCCESS, 0 diimpor, 0 diperbarui, 3 diabaikan, 0 dihapus, 0 konflik
  Import process completed successfully"
# changed data: updated (2.38+ shape), the values at the server follow
sqlite3 "$DB" "DELETE FROM f_anc WHERE kontak = 4"
kirim >"$WORK/out" || die "import after a change failed"
grep -q "^Impor: status SUCCESS, 0 diimpor, 1 diperbarui, 2 diabaikan, 0 dihapus, 0 konflik$" "$WORK/out" ||
	die "update not shown: $(cat "$WORK/out")"
expect "value updated" "$(ask 's["values"]["KiAnc000004/202610/DiWp4PkmOu1/CocPerempn1"]')" 0

# an org unit DHIS2 does not know: the whole set refused, as HTTP 409
sed -i 's/^orgUnit = .*/orgUnit = XyzUnknown1/' "$WORK/peta.ini"
n=$(ask 'len(s["requests"])')
kirim >"$WORK/out" && die "unknown org unit sent"
grep -q "^  konflik XyzUnknown1: Org unit not found or not accessible$" "$WORK/out" || die "409 not read"
expect "requests after a refused dry run" "$(ask 'len(s["requests"])')" $((n + 1))
sed -i 's/^orgUnit = .*/orgUnit = DiWp4PkmOu1/' "$WORK/peta.ini"

# a time-out: a clear message, exit non-zero, nothing resent
n=$(ask 'len(s["requests"])')
fault hang
kirim >"$WORK/out" && die "a time-out ended 0"
grep -q "Uji (dryRun) gagal: batas waktu habis (server tidak menjawab)" "$WORK/err" || die "time-out not told: $(cat "$WORK/err")"
expect "requests after a time-out" "$(ask 'len(s["requests"])')" $((n + 1))
sleep 2.2	# the hung answer of the dry run gone
fault hang 1 import
n=$(ask 'len(s["requests"])')
kirim >"$WORK/out" && die "a timed-out import ended 0"
grep -q "Impor gagal: batas waktu habis.*kirim lagi" "$WORK/err" || die "timed-out import not told: $(cat "$WORK/err")"
expect "requests after a timed-out import" "$(ask 'len(s["requests"])')" $((n + 2))

# a hostile answer: escapes shown, never obeyed; a huge one refused past maks_jawaban (1 MB)
fault hostile 1 dryRun
kirim >"$WORK/out" && die "a hostile conflict sent"
grep -qF '  konflik ^[]0;judul^G^[[2J: nilai' "$WORK/out" || die "escapes not shown: $(od -c "$WORK/out" | head)"
grep -q "$(printf '\033')" "$WORK/out" && die "an escape reached the terminal"
grep -q "$(printf '\342\200\256')" "$WORK/out" && die "a bidi override reached the terminal"
write_config "maks_jawaban = 1"
fault huge 1 dryRun
kirim >"$WORK/out" && die "a huge answer taken"
grep -q "Uji (dryRun) gagal: jawaban server terlalu besar" "$WORK/err" || die "huge answer not told: $(cat "$WORK/err")"
write_config

# the secret file: owner-only; the URL: https, or http to this machine only
chmod 644 "$WORK/dhis2.rahasia"
kirim >/dev/null && die "a secret others can read taken"
grep -q "chmod 600" "$WORK/err" || die "secret mode not told"
chmod 600 "$WORK/dhis2.rahasia"
write_config "url = http://dhis2.example.org"
sed -i '0,/^url = http:\/\/127/{/^url = http:\/\/127/d}' "$WORK/pkm.ini"
kirim >/dev/null && die "plain http to another host taken"
grep -q "url harus alamat https://" "$WORK/err" || die "http URL not refused: $(cat "$WORK/err")"
echo "dhis2 kirim ok"
