# `pkm pcare peserta` shows P-Care's words, never obeys them: a member whose
# name carries ESC sequences, CR/LF and a bidi override is printed escaped
# and kept in pcare_peserta with none of them.
. "$(dirname "$0")/pcare_lib.sh"
python3 "$HERE/pcare_hostile_member.py" "$WORK" "$CONS" "$PSECRET" &
PSERVER="$PSERVER $!"
HPORT=$(server_port "$WORK/hostile_port" "hostile P-Care")
sed -i "s|127.0.0.1:$PPORT|127.0.0.1:$HPORT|" "$WORK/pkm.ini"
pkm kirim status >/dev/null	# the database
pkm pcare peserta 0001234567890 >"$WORK/out"
if grep -q "$(printf '[\033\r\007]')" "$WORK/out"; then echo "a control character printed" >&2; exit 1; fi
grep -q "^Nama       SRI ?\[2J?\]0;x?A??B?C$" "$WORK/out" || { cat -v "$WORK/out"; exit 1; }
expect "lines printed" "$(wc -l <"$WORK/out")" 7
expect "kept clean" "$(sql "SELECT nama FROM pcare_peserta WHERE no_kartu = '0001234567890'")" "SRI ?[2J?]0;x?A??B?C"
expect "no control character kept" "$(sql "SELECT count(*) FROM pcare_peserta WHERE nama || keterangan || nm_provider
	|| jenis GLOB '*[$(printf '\001-\037')]*'")" 0
exit 0
