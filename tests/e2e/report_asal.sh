# Where a number comes from, at 80x24, as the data officer (PELAPORAN) on the
# golden fixture2: in LB1, LB3 and LB2 the arrows move the cell cursor to a
# non-zero cell, Enter lists the rows behind it, and the listed count (title
# and Jumlah) equals the highlighted cell and the cell `--format data` prints.
# The data officer may not open a visit (told so); an administrator opens one
# from the list. Nothing the reports count changes.
FX=$(cd "$(dirname "$0")/../golden/fixture2" && pwd)
LOGIN_AS=data:PELAPORAN
. "$(dirname "$0")/lib.sh"
for f in pasien kunjungan obat stok; do "$PKM_BIN" --config "$FX/pkm.ini" --db "$DB" import $f "$FX/$f.csv" >/dev/null; done
sqlite3 "$DB" <"$FX/forms.sql"
# the fixture's configuration, and October's visits still open without a reason
mkdir -p "$WORK/.config/pkm"
sed 's/^\[laporan\]$/[kunjungan]\nubah_hari = 90\n\n&/' "$FX/pkm.ini" >"$WORK/.config/pkm/pkm.ini"
counted() {	# what the reports count, in one text
	for t in pasien kunjungan diagnosis batch mutasi resep f_anc f_persalinan f_nifas f_kb f_imunisasi lb4_agregat; do
		sqlite3 "$DB" "SELECT * FROM $t ORDER BY 1"
	done | md5sum
}
before=$(counted)

cell() {	# the highlighted cell's text, spaces trimmed
	$T capture-pane -p -e -t app | sed -n 's/.*\x1b\[7m *\([^ \x1b]*\).*/\1/p' | head -1
}
# to_nonzero KEY...: press each key (repeating the list up to 40 times) until a non-zero cell is highlighted
to_nonzero() {
	n=0
	while [ $n -lt 40 ]; do
		for k in "$@"; do keys "$k"; done
		sleep 0.05
		v=$(cell)
		[ -n "$v" ] && [ "$v" != 0 ] && [ "$v" != - ] && return 0
		n=$((n + 1))
	done
	fail "no non-zero cell reached with $*"
}
# rows_match REPORT: Enter on the highlighted cell; its rows count to it
rows_match() {
	v=$(cell)
	keys Enter
	wait_for "Asal angka: "
	title=$(screen | head -1)
	key=$(echo "$title" | sed -n 's/.*, sel \([^:]*\): \([0-9-]*\).*/\1/p')
	total=$(echo "$title" | sed -n 's/.*, sel [^:]*: \([0-9-]*\).*/\1/p')
	[ "$total" = "$v" ] || fail "$1: cell $v, rows total $total"
	screen | grep -q "^Jumlah: $v (" || fail "$1: Jumlah is not $v"
	# the report's own data cells that the key takes: a cell itself, or for a
	# printed LB1 column (BAND.KASUS.SEX, * for all, + between names) their sum
	data=$("$PKM_BIN" --config "$WORK/.config/pkm/pkm.ini" --db "$DB" laporan "$1" --month 10-2026 --format data |
		awk -F, -v key="$key" '
		function takes(want, got,   n, i, a) {
			if (want == "*" || want == got) return 1
			n = split(want, a, "+")
			for (i = 1; i <= n; i++) if (a[i] == got) return 1
			return 0
		}
		BEGIN { split(key, k, ","); nw = split(k[2], w, ".") }
		NR > 1 && $1 == k[1] {
			if ($2 == k[2]) { sum += $3; next }
			if (nw != 3 || split($2, g, ".") != 3) next
			if (takes(w[1], g[1]) && takes(w[2], g[2]) && takes(w[3], g[3])) sum += $3
		}
		END { print sum + 0 }')
	[ "$data" = "$v" ] || fail "$1 $key: --format data says $data, the screen $v"
}

# lb1_cell: from the main screen, LB1 of last month and the rows of a non-zero
# cell: the cursor starts on the first cell; Down goes through the first
# panel's rows (all zero at 80 columns) into the next panel, Right along it
lb1_cell() {
	wait_for "F10 Keluar"
	keys F4
	wait_for "Lebar kertas"
	keys Enter
	wait_for "LAPORAN BULANAN DATA KESAKITAN (LB1)"
	to_nonzero Down
	to_nonzero Right
	rows_match lb1
}

start_app
lb1_cell
screen | grep -q "^[0-9-]* *[0-9]* .*  *1$" || fail "LB1 rows not listed"
# the data officer sees the list only
keys Enter
wait_for "Peran Anda tidak membuka kunjungan"
keys Escape
wait_for "LAPORAN BULANAN DATA KESAKITAN (LB1)"
keys Escape
wait_for "Lebar kertas"

# LB3: the report two to the right
keys Up Space Space
wait_for "LB3 - gizi"
keys Enter
wait_for "LB3"
to_nonzero Down
rows_match lb3
keys Escape Escape
wait_for "Lebar kertas"

# LB2: back one
keys Space Space Space Space
wait_for "LB2 - LPLPO"
keys Enter
wait_for "LPLPO"
to_nonzero Right
rows_match lb2
keys Escape Escape
wait_for "Lebar kertas"
keys F10
sleep 0.3

# an administrator opens a visit from the list
$T kill-server 2>/dev/null || true
sleep 0.2
LOGIN_AS=uji:ADMIN
start_app
lb1_cell
name=$(screen | sed -n '4p' | cut -c23-46 | sed 's/ *$//')
keys Enter
wait_for "Kunjungan pasien"
wait_for "$name"
keys Escape
wait_for "Asal angka: "
keys Escape Escape
wait_for "Lebar kertas"

[ "$(counted)" = "$before" ] || fail "the database changed"
