# Password fields edit like every field (^U, Home, ^L work on the stars) and a
# refused password is typed again whole: on the first start "abc" refused, then
# "Mawar-2026" is the password saved, never "abcMawar-2026" (the issue's
# "rahasia123" is refused as too common).
. "$(dirname "$0")/lib.sh"
NO_LOGIN=1 start_app
wait_for "Penyiapan pertama (1/2)"
type_text "kepala"; keys Tab; type_text "dr. Rahma"; keys Tab
type_text "abc"
screen | grep -q "Kata sandi.*\*\*\*" || fail "no stars for the password typed"
keys F2
wait_for "kata sandi paling sedikit 8 karakter"
screen | grep -q "\*\*" && fail "a refused password kept in its field"
# what the issue did: ^U in both fields, then the password
keys C-u Tab C-u BTab
type_text "Mawar-2026"; keys Tab; type_text "Mawar-2026"; keys F2
wait_for "Penyiapan pertama (2/2)"
keys Escape
wait_for "Identitas puskesmas belum diisi: isi di Admin (F12) > Puskesmas"
expect_sql "SELECT nama, ganti_sandi FROM pengguna" "kepala|0"
keys F10
sleep 0.3

# the log-in: the refused "abcMawar-2026", then the password edited with every
# key help names: ^U, Home, Delete, End, Left, ^L
NO_LOGIN=1 start_app
wait_for "Masuk dengan nama pengguna"
type_text "kepala"; keys Tab; type_text "abcMawar-2026"; keys Enter
wait_for "nama pengguna atau kata sandi salah"
screen | grep -q "\*\*" && fail "a refused log-in kept the password"
type_text "junk"; keys C-u
type_text "XMawar-2026zz"; keys Home Delete End Left Left C-l
wait_for "Kata sandi"
screen | grep -q "\*\*\*\*\*\*\*\*\*\*\*" && fail "^L left characters in the password"
keys Enter
wait_for "Selamat bekerja, dr. Rahma (ADMIN)"
expect_sql "SELECT aksi, count(*) FROM audit WHERE tabel = 'pengguna' AND aksi IN ('MASUK', 'GAGAL') GROUP BY aksi" \
	"GAGAL|1
MASUK|2"
exit 0
