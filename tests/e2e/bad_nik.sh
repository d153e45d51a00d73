# A bad NIK is refused with its message beside the field and nothing is saved;
# what was typed stays, and Esc asks before throwing it away.
. "$(dirname "$0")/lib.sh"
start_app
wait_for "Cari:"
keys F5
wait_for "Pasien baru"
type_text "Andi Wijaya"
keys Tab; type_text "l"
keys Tab; type_text "17-08-1990"
keys Tab Tab; type_text "320410170890"
keys F2
wait_for "NIK harus 16 digit"
wait_for "Belum ada yang disimpan"
expect_sql "SELECT count(*) FROM pasien" "0"
screen | grep -q "Andi Wijaya" || fail "typed name lost after failed save"
# the whole message at 80 columns
keys C-u; type_text "3204103517900001"
keys F2
wait_for "harus 01-31 atau 41-71"
# month 13 is refused too
keys C-u; type_text "3204101713900001"
keys F2
wait_for "bulan lahir (digit 9-10) harus 01-12"
expect_sql "SELECT count(*) FROM pasien" "0"
# a missing birth date and age
keys Up Up C-u
keys F2
wait_for "Isi tanggal lahir, atau umur bila tidak diketahui"
expect_sql "SELECT count(*) FROM pasien" "0"
keys Escape
wait_for "Buang perubahan?"
keys t
wait_for "Andi Wijaya"
keys Escape
wait_for "Buang perubahan?"
keys y
wait_for "Cari:"
expect_sql "SELECT count(*) FROM pasien" "0"
exit 0
