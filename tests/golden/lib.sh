# What the golden tests share (sourced after HERE and WORK are set).
# check NAME: compare $WORK/NAME with expected/NAME (UPDATE_GOLDEN=1 writes it).
check() {
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$WORK/$1" "$HERE/expected/$1"; fi
	diff -u "$HERE/expected/$1" "$WORK/$1"
}
# run ARGS...: `$ pkm ARGS`, what pkm printed (stdout and stderr) and its exit
# code, appended to $out through tidy (a test redefines it to blank what varies
# from run to run: its folder, a time).
tidy() { cat; }
run() {
	echo "\$ pkm $*" | tidy >>"$out"
	rc=0
	pkm "$@" >"$WORK/run.out" 2>&1 || rc=$?
	tidy <"$WORK/run.out" >>"$out"
	echo "[$rc]" >>"$out"
}
# expect SQL VALUE: the database holds what the commands should have left.
expect() {
	got=$(sqlite3 "$DB" "$1")
	[ "$got" = "$2" ] || { echo "query: $1 expected: $2 got: $got" >&2; exit 1; }
}
