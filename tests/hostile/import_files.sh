# Imported files: nothing is ever stored broken, cut or raw. Each bad file is
# refused whole with line (and byte) and the database is checked unchanged.
. "$(dirname "$0")/lib.sh"
pkm import pasien "$FX/cluster_pasien.csv" >/dev/null
pkm import obat "$FX/obat.csv" >/dev/null
count() { sql "SELECT (SELECT count(*) FROM pasien) || '/' || (SELECT count(*) FROM kunjungan) || '/' ||
	(SELECT count(*) FROM obat) || '/' || (SELECT count(*) FROM mutasi)"; }
start=$(count)
H='no_rm,nama,jenis_kelamin,tanggal_lahir'
bad() {	# bad KIND TEXT MESSAGE: a file with these bytes is refused with MESSAGE
	/usr/bin/printf "$2" >"$WORK/in.csv"	# coreutils: dash has no \x
	refused pkm import "$1" "$WORK/in.csv"
	said "$3"
	no_raw "$WORK/err"
	[ "$(count)" = "$start" ] || die "something was stored from: $2"
}
bad pasien "$H\n,Bud\xedi,L,1990-01-01\n" "in.csv:2: bukan teks UTF-8 (byte ke-"
bad pasien "$H\n,Bud\xedi,L,1990-01-01\n" "--encoding cp1252"
bad pasien "\xef\xbb\xbf\xef\xbb\xbf$H\n,Budi,L,1990-01-01\n" "BOM ganda"
bad pasien "\xff\xfen\x00o\x00\n" "UTF-16"
bad pasien "no_rm,nama,nama,jenis_kelamin,tanggal_lahir\n,Budi,X,L,1990-01-01\n" "kolom 'nama' disebut dua kali"
bad pasien "$H\n,Bud\x00i,L,1990-01-01\n" "byte NUL"
bad pasien "$H\n,\"Obat\x1b]0;pwned\x07\x1b[2J\",L,1990-01-01\n" "in.csv:2: nama: berisi karakter kendali"
bad pasien "$H\n,\"Budi\nSantoso\",L,1990-01-01\n" "karakter kendali"
bad pasien "$H\n,A\xe2\x80\xaeB,L,1990-01-01\n" "karakter tak terlihat"
bad pasien "$H\n,A\xc2\x9bB,L,1990-01-01\n" "karakter kendali"
bad pasien "$H,desa\n,Budi,L,1990-01-01,$(printf '%055d' 0 | sed 's/0/山/g')\n" "terlalu panjang untuk disimpan"
bad kunjungan "no_rm,tanggal,unit\n200001\x00junk,2026-11-20,K3\n" "byte NUL"
bad kunjungan "no_rm,tanggal,unit\n200001,2026-11-24,K3\n" "2026-11-24 setelah hari ini"
bad kunjungan "no_rm,tanggal,unit\n200001,2200-12-31,K3\n" "setelah hari ini"
bad obat "kode,nama,satuan\nPCT500\x00x,Parasetamol,tablet\n" "byte NUL"
bad obat "kode,nama,satuan\nX1,\"Obat\x1b]0;pwned\x07\",tablet\n" "karakter kendali"
# a P-Care drug code is a code, never a path: letters, digits, . - _ only, no leading '.'
bad obat "kode,nama,satuan,kode_pcare\nX1,Obat,tablet,../../x\n" "in.csv:2: kode_pcare: kode P-Care tidak boleh diawali '.'"
bad obat "kode,nama,satuan,kode_pcare\nX1,Obat,tablet,R.01\nX2,Obat,tablet,ab/cd\n" \
	"in.csv:3: kode_pcare: kode P-Care hanya huruf, angka, '.', '-' dan '_'"
bad obat "kode,nama,satuan,kode_pcare\nX1,Obat,tablet,A 1\n" "hanya huruf, angka"
bad obat "kode,nama,satuan,kode_pcare\nX1,Obat,tablet,123456789012345678901\n" "maksimal 20 karakter"
bad stok "kode,sumber,no_batch,kedaluwarsa,jumlah,tanggal\nPCT500,APBD2,B1\x1b,2028-01-01,10,2026-11-01\n" "karakter kendali"
bad stok "kode,sumber,no_batch,kedaluwarsa,jumlah,tanggal\nPCT500,APBD2,B1,2028-01-01,10,2026-11-24\n" "setelah hari ini"
refused pkm import pasien /dev/zero
said "byte NUL"
# the same No. RM or NIK twice in one file, each repeat named with its first line
bad pasien "$H,nik\n900001,Ana,P,1990-01-01,3204010101900001\n900002,Ani,P,1990-01-01,3204010101900001\n900001,Ayu,P,1990-01-01,\n" \
	"in.csv:4: no_rm: No. RM 900001 sudah ada di baris 2"
said "in.csv:3: nik: NIK 3204010101900001 sudah ada di baris 2"
# two lines of one visit naming different payers
bad kunjungan "no_rm,tanggal,unit,penjamin,icd10\n200001,2026-11-20,K3,UMUM,J06.9\n200001,2026-11-20,K3,JAMPERSAL,A09\n" \
	"in.csv:3: penjamin: berbeda dengan baris 2 untuk kunjungan yang sama"
# ... and apart, another visit between; the nearest earlier line is named
bad kunjungan "no_rm,tanggal,unit,penjamin,icd10\n200001,2026-11-20,K3,UMUM,J06.9\n200002,2026-11-20,K3,UMUM,A09\n200001,2026-11-20,K3,UMUM,R50.9\n200001,2026-11-20,K3,JAMPERSAL,A09\n200001,2026-11-20,K3,,K30\n" \
	"in.csv:5: penjamin: berbeda dengan baris 4 untuk kunjungan yang sama"
# accented text is kept whole (no cut in the middle of a letter), and a
# Windows-1252 file is read as such when asked
/usr/bin/printf "$H,desa\n,Bud\xedi,L,1990-01-01,Cibod\xe9\n" >"$WORK/latin.csv"
pkm import pasien "$WORK/latin.csv" --encoding cp1252 >/dev/null
[ "$(sql "SELECT nama || '|' || desa FROM pasien WHERE nama LIKE 'Bud%i'")" = "Budíi|Cibodé" ] || die "cp1252 not converted"
long=$(printf '%060d' 0 | sed 's/0/é/g')
addr=$(printf '%0190d' 0 | sed 's/0/é/g')
printf "$H,desa,alamat\n,Eko,L,1990-01-01,$long,$addr\n" >"$WORK/long.csv"
pkm import pasien "$WORK/long.csv" >/dev/null
[ "$(sql "SELECT length(desa) || ' ' || length(alamat) FROM pasien WHERE nama = 'Eko'")" = "60 190" ] ||
	die "accented letters cut"
# a cluster form's rows: the same rule for every cell, and what a form's
# fields are is never taken from the file
start=$(count)
badform() {	# badform FORM TEXT MESSAGE
	/usr/bin/printf "$2" >"$WORK/in.csv"
	refused pkm impor formulir "$1" "$WORK/in.csv"
	said "$3"
	no_raw "$WORK/err"
	[ "$(count)" = "$start" ] || die "something was stored from: $2"
}
A='no_rm,tanggal,unit,kontak,bb,td,oleh_dokter,faktor_risiko,risiko_ket'
badform k2_anc "$A\n200001,2026-11-20,K2,1,50,120/80,Y,Y,\"x\x1b]0;pwned\x07\"\n" "in.csv:2: risiko_ket: berisi karakter kendali"
badform k2_anc "$A\n200001,2026-11-20,K2,1,50,120/80,Y,Y,A\xe2\x80\xaeB\n" "karakter tak terlihat"
badform k2_anc "$A\n200001,2026-11-20,K2,1,50,120/80,Y,Y,$(printf '%0101d' 0)\n" "in.csv:2: risiko_ket: Faktor risiko terlalu panjang"
badform k2_anc "$A\n200001,2026-11-20,K2,99999999999999999999,50,120/80,Y,T,\n" "in.csv:2: kontak: Kontak ke- harus bilangan bulat 1-12"
badform k2_anc "$A,\"x\x1b[2J\"\n200001,2026-11-20,K2,1,50,120/80,Y,T,,\n" "judul kolom 10 berisi karakter kendali"
badform k2_anc "$A\n200001,2026-11-20,K2,1,50,120/80,Y,T\n" "in.csv:2: ada 8 kolom, baris judul punya 9"
badform "k2_anc.ini" "$A\n" "formulir 'k2_anc.ini' tidak ada"
# duplicate checks are n log n: 30,000 rows with an empty No. RM and one
# repeated NIK import in seconds, and the repeats are all named
awk 'BEGIN { print "no_rm,nik,nama,jenis_kelamin,tanggal_lahir";
	for (i = 0; i < 30000; i++) printf ",,Pasien %d,L,1990-01-01\n", i }' >"$WORK/many.csv"
timeout 60 "$PKM_BIN" --db "$DB" import pasien "$WORK/many.csv" >/dev/null || die "30,000 rows with empty No. RM"
awk 'BEGIN { print "kode,nama,satuan"; for (i = 0; i < 20000; i++) printf "K%d,Obat %d,tablet\n", i % 10000, i }' \
	>"$WORK/obat.csv"
if timeout 60 "$PKM_BIN" --db "$DB" import obat "$WORK/obat.csv" 2>"$WORK/err" >/dev/null; then die "repeated codes"; fi
said "kode K0 sudah ada di baris 2"
said "dan 9950 kesalahan lain"
[ "$(sql 'PRAGMA integrity_check')" = ok ]
echo ok
