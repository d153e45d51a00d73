# A NIK that belongs to another patient never throws the new form away: the
# registered patient is shown beside what was typed; going back keeps every
# field, and the clerk may open the registered patient instead.
. "$(dirname "$0")/lib.sh"
start_app
wait_for "Cari:"
keys F5; wait_for "Pasien baru"
type_text "Siti Aminah"; keys Tab; type_text "p"; keys Tab; type_text "05-08-1980"
keys Tab Tab; type_text "3204104508800001"; keys F2
wait_for "Kunjungan hari ini"
keys Escape
wait_for "Cari:"
# a second registration with the same NIK, a slightly different name
keys F5; wait_for "Pasien baru"
type_text "Siti Amina"; keys Tab; type_text "p"; keys Tab; type_text "05-08-1980"
keys Tab Tab; type_text "3204104508800001"; keys Tab Tab Tab; type_text "Jl. Melati 3"
keys F2
wait_for "NIK ini milik No. RM 000001: Siti Aminah, Perempuan, lahir 05-08-1980"
wait_for "Yang diketik: Siti Amina, Perempuan, lahir 05-08-1980"
keys t
wait_for "NIK ini milik Siti Aminah (No. RM 000001)"
screen | grep -q "Siti Amina " || screen | grep -q "Siti Amina$" || fail "the typed name was lost"
screen | grep -q "Jl. Melati 3" || fail "the typed address was lost"
expect_sql "SELECT count(*) FROM pasien" 1
# this time open the registered patient
keys F2
wait_for "NIK ini milik No. RM 000001:"
keys y
wait_for "Kunjungan hari ini"
wait_for "Siti Aminah"
expect_sql "SELECT count(*) FROM pasien" 1
echo ok
