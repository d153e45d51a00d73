# The P-Care sender refuses a secret file others can read or one missing a
# line, plain HTTP to another host, and a [pcare] missing what P-Care needs
# or naming a procedure column badly; messages name the file and the key,
# never a secret. An unmapped unit or a worker without a P-Care code stops
# the item with what to write.
. "$(dirname "$0")/pcare_lib.sh"
add_bpjs_visits
chmod 644 "$WORK/pcare.rahasia"
set +e; out=$(pkm kirim pcare --sekali 2>&1); rc=$?; set -e
expect "exit code" "$rc" 1
echo "$out" | grep -q "berkas rahasia $WORK/pcare.rahasia dapat dibaca pengguna lain .*chmod 600" || { echo "$out"; exit 1; }
chmod 600 "$WORK/pcare.rahasia"
cp "$WORK/pcare.rahasia" "$WORK/pcare.rahasia.good"
sed -i "/^sandi/d" "$WORK/pcare.rahasia"
set +e; out=$(pkm kirim pcare --sekali 2>&1); set -e
echo "$out" | grep -q "berkas rahasia $WORK/pcare.rahasia harus punya baris sandi = ..." || { echo "$out"; exit 1; }
echo "$out" | grep -qF -e "$PSECRET" && { echo "a secret in a message" >&2; exit 1; }
cp "$WORK/pcare.rahasia.good" "$WORK/pcare.rahasia"
expect "nothing attempted" "$(sql "SELECT sum(percobaan) FROM kirim")" 0

write_pcare_config && sed -i "s|^url = .*|url = http://example.org/pcare-rest|" "$WORK/pkm.ini"
set +e; out=$(pkm kirim status 2>&1); rc=$?; set -e
expect "plain HTTP refused" "$rc" 1
echo "$out" | grep -q "pkm.ini:[0-9]*: url harus alamat https://" || { echo "$out"; exit 1; }

write_pcare_config "tindakan_scaling = 01001" && sed -i "/^cons_id/d" "$WORK/pkm.ini"
set +e; out=$(pkm kirim status 2>&1); set -e
echo "$out" | grep -q "\[pcare\] aktif = ya memerlukan cons_id" || { echo "$out"; exit 1; }
echo "$out" | grep -q "tindakan_scaling harus tindakan_TABEL.KOLOM = kode tindakan P-Care" || { echo "$out"; exit 1; }

# K3 unmapped, and the worker's code missing where no default is set
write_pcare_config && sed -i "/^poli_K3/d; /^dokter = /d" "$WORK/pkm.ini"
expect "stopped" "$(pkm kirim pcare --sekali)" "0 terkirim, 4 gagal, 0 menunggu"
pkm kirim status | grep -q "unit K3 belum punya kode poli P-Care: tulis \[pcare\] poli_K3 = KODE, lalu kirim ulang" ||
	{ pkm kirim status; exit 1; }
write_pcare_config && sed -i "/^dokter = /d" "$WORK/pkm.ini"
pkm kirim ulang semua >/dev/null
pkm kirim pcare --sekali >/dev/null
pkm kirim status | grep -q "nakes - belum punya kode dokter P-Care: tulis \[pcare\] dokter_NAMA = KODE" ||
	{ pkm kirim status; exit 1; }
expect "registered all the same" "$(pask 'len(s["pendaftaran"])')" 3
p_no_violations
exit 0
