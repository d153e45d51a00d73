# What the golden tests share (sourced after HERE and WORK are set).
# check NAME: compare $WORK/NAME with expected/NAME (UPDATE_GOLDEN=1 writes it).
check() {
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$WORK/$1" "$HERE/expected/$1"; fi
	diff -u "$HERE/expected/$1" "$WORK/$1"
}
