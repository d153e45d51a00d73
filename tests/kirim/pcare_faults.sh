# P-Care failing: 500s are retried and the visit then goes once; a request
# that hangs past the time-out (and was processed) is found at P-Care and
# not made twice; a refused one (metaData 412) waits for a person with
# P-Care's words and goes after `pkm kirim ulang`; dropped connections stop
# an item after five attempts; a wrong secret is told as a refused log-in.
. "$(dirname "$0")/pcare_lib.sh"
add_bpjs_visits
sql "DELETE FROM kirim WHERE kunjungan_id <> $(visit_of 400001)"
id=$(item_of 400001)
send() { set +e; out=$(pkm kirim pcare --sekali); rc=$?; set -e; }

pfault 500 1 "GET peserta"
send
expect "after a 500" "$rc:$out" "3:0 terkirim, 0 gagal, 1 menunggu"
pkm kirim status | grep -q "server P-Care galat (HTTP 500)" || { pkm kirim status; exit 1; }
sleep 2.1
pfault 500 1 "POST pendaftaran"
send
expect "after another" "$rc:$out" "3:0 terkirim, 0 gagal, 1 menunggu"
send
expect "a 500 may have done part of it: P-Care is asked after 2 s" "$rc:$out" "3:0 terkirim, 0 gagal, 1 menunggu"
sleep 2.1
send
expect "sent after the 500s" "$rc:$out" "0:1 terkirim, 0 gagal, 0 menunggu"
expect "one registration" "$(pask 'len(s["pendaftaran"])')" 1
expect "one visit" "$(pask 'len(s["kunjungan"])')" 1

# a second visit: its registration and its visit both hang (processed, answered late)
cat >"$WORK/k2.csv" <<CSV
no_rm,tanggal,unit,penjamin,icd10,kasus
400002,2026-11-23,IGD,,J06.9,B
CSV
pkm import kunjungan "$WORK/k2.csv" >/dev/null
id2=$(item_of 400002 IGD)
pfault hang 1 "POST pendaftaran"
send
expect "timed out" "$rc" 3
pkm kirim status | grep -q "batas waktu habis" || { pkm kirim status; exit 1; }
sleep 2.5	# the hung request finishes at P-Care
expect "registered there" "$(pask 'len(s["pendaftaran"])')" 2
pfault hang 1 "POST kunjungan"
send	# asks first: takes the registration's noUrut, then the visit hangs
sleep 2.5
send	# asks again: takes the visit's number
expect "recovered" "$out" "1 terkirim, 0 gagal, 0 menunggu"
p_no_violations
expect "still one registration each" "$(pask 'len(s["pendaftaran"])')" 2
expect "and one visit each" "$(pask 'len(s["kunjungan"])')" 2
expect "numbers kept" "$(sql "SELECT group_concat(jenis, ',') FROM (SELECT jenis FROM kirim_sumber WHERE kirim_id = $id2 ORDER BY jenis)")" \
	"kunjungan,pendaftaran"

# P-Care refuses: the item waits for a person, with P-Care's words
sql "INSERT INTO diagnosis (kunjungan_id, icd10, kasus) VALUES ($(visit_of 400002 IGD), 'R50.9', 'B')"
puts=$(pask 's["puts"]')	# a visit found at P-Care was updated to what pkm has
pfault 412 1 "PUT kunjungan"
send
expect "refused" "$rc:$out" "0:0 terkirim, 1 gagal, 0 menunggu"
pkm kirim status | grep -q "gagal: perlu diperiksa: ditolak P-Care (kode 412): Kode poli tidak sesuai dengan data pendaftaran" ||
	{ pkm kirim status; exit 1; }
expect "sent again" "$(pkm kirim ulang "$id2")" "1 antrean dikirim lagi pada kesempatan berikut"
send
expect "then sent as an update" "$out:$(pask 's["puts"]')" "1 terkirim, 0 gagal, 0 menunggu:$((puts + 1))"

# a dropped connection: asked about after it settles, then sent
sql "INSERT INTO diagnosis (kunjungan_id, icd10, kasus) VALUES ($(visit_of 400001), 'E11.9', 'B')"
pfault refuse 1 "PUT kunjungan"
send
pkm kirim status | grep -q "server memutus sambungan tanpa jawaban" || { pkm kirim status; exit 1; }
sleep 2.1
send
expect "after the dropped connection" "$out" "1 terkirim, 0 gagal, 0 menunggu"

# P-Care out of reach: five attempts, then the item waits for a person
sql "INSERT INTO diagnosis (kunjungan_id, icd10, kasus) VALUES ($(visit_of 400001), 'R10.4', 'B')"
cp "$WORK/pkm.ini" "$WORK/pkm.ini.good"
sed -i "s#^url = .*#url = http://127.0.0.1:9/pcare-rest#" "$WORK/pkm.ini"
for i in 1 2 3 4 5; do send; done
expect "stopped" "$(sql "SELECT status || ' ' || percobaan FROM kirim WHERE id = $id")" "gagal 5"
pkm kirim status | grep -q "tidak dapat tersambung ke server" || { pkm kirim status; exit 1; }
cp "$WORK/pkm.ini.good" "$WORK/pkm.ini"
pkm kirim ulang semua >/dev/null
send
expect "after the network came back" "$out" "1 terkirim, 0 gagal, 0 menunggu"

# a wrong consumer secret: the log-in is refused, in words
printf 'rahasia = salah\nsandi = Sandi-PCare-%s\nuser_key = kunci-%s\n' "$$" "$$" >"$WORK/pcare.rahasia"
sql "INSERT INTO diagnosis (kunjungan_id, icd10, kasus) VALUES ($(visit_of 400001), 'R51', 'B')"
send
pkm kirim status | grep -q "P-Care menolak login (kode 401)" || { pkm kirim status; exit 1; }
expect "the server saw a bad signature" "$(pask 'sum("X-signature" in v for v in s["violations"])')" 1
exit 0
