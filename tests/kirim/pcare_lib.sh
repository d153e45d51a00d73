# The P-Care test server (pcare_server.py) beside the SATUSEHAT one of lib.sh,
# a configuration with [pcare] on and SATUSEHAT off, and BPJS patients.
# Source it; both servers stop when the test ends.
SS_AKTIF=tidak
. "$(dirname "$0")/../kirim/lib.sh"
CONS=27001
PSECRET="konsumen-$$-b41d"
printf 'rahasia = %s\nsandi = Sandi-PCare-%s\nuser_key = kunci-%s\n' "$PSECRET" "$$" "$$" >"$WORK/pcare.rahasia"
chmod 600 "$WORK/pcare.rahasia"
python3 "$HERE/pcare_server.py" "$WORK" "$CONS" "$PSECRET" pkmuji "Sandi-PCare-$$" "kunci-$$" 0114A026 &
PSERVER=$!
PPORT=$(server_port "$WORK/pcare_port" "P-Care test server")
write_pcare_config() {	# write_pcare_config [extra [pcare] lines]
	PCARE_INI="[pcare]
aktif = ya
mulai = 2026-11-01
url = http://127.0.0.1:$PPORT/pcare-rest
cons_id = $CONS
rahasia = $WORK/pcare.rahasia
pengguna = pkmuji
kd_provider = 0114A026
dokter = 131
batas_waktu = 1
jeda = 0
poli_K3 = 003
poli_IGD = 020
tindakan_f_gigi.scaling = 01001
$*"
	write_config
}
write_pcare_config
pask() { python3 "$HERE/ask.py" "$PPORT" "$1"; }
pfault() { python3 "$HERE/ask.py" "$PPORT" --fault "$@"; }
p_no_violations() { expect "P-Care rules broken" "$(pask 's["violations"]')" "[]"; }
# BPJS patients: two active cards, an inactive one, one at another
# FKTP; one paying themselves. Visits on 2026-11-23 with diagnoses.
add_bpjs_visits() {
	cat >"$WORK/pasien.csv" <<CSV
no_rm,nik,no_bpjs,nama,jenis_kelamin,tanggal_lahir,alamat,desa,penjamin
400001,3204014101900001,0001234567890,Sri Wahyuni,P,1990-01-01,Jl. Mawar 1,Sukamaju,BPJS_PBI
400002,3204010202800002,0001000000002,Budi Santoso,L,1980-02-02,Jl. Mawar 2,Sukamaju,BPJS_NON_PBI
400003,3204010303700003,0009000000003,Citra Dewi,P,1970-03-03,Jl. Mawar 3,Sukasari,BPJS_PBI
400004,3204010404600004,0008000000004,Dedi Kurnia,L,1960-04-04,Jl. Mawar 4,Sukasari,BPJS_PBI
400005,3204010505500005,,Eka Putri,P,1995-05-05,Jl. Mawar 5,Sukasari,UMUM
CSV
	cat >"$WORK/kunjungan.csv" <<CSV
no_rm,tanggal,unit,penjamin,icd10,kasus
400001,2026-11-23,K3,,I10,B
400002,2026-11-23,K3,,J06.9,B
400003,2026-11-23,K3,,K29.7,B
400004,2026-11-23,K3,,R51,B
400005,2026-11-23,K3,,I10,B
400001,2026-10-20,K3,,I10,B
CSV
	pkm import pasien "$WORK/pasien.csv" >/dev/null
	pkm import kunjungan "$WORK/kunjungan.csv" >/dev/null
}
visit_of() {	# visit_of NO_RM [UNIT]: the visit of 2026-11-23
	sql "SELECT k.id FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id WHERE p.no_rm = '$1'
	     AND k.tanggal = '2026-11-23' AND k.unit = '${2:-K3}'"
}
item_of() { sql "SELECT o.id FROM kirim o WHERE o.tujuan = 'pcare' AND o.kunjungan_id = $(visit_of "$@")"; }
