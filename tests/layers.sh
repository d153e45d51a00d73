# The layers point one way: a file may include only headers of its own layer
# and those below (the order is written in the README, "Source layout").
#   sh tests/layers.sh [DIR]   checks DIR (default: this tree), then proves
#                              that an upward include in a copy is caught.
set -eu
ROOT=${1:-$(cd "$(dirname "$0")/.." && pwd)}

layer() {	# layer MODULE -> its layer number; unknown modules fail the check
	case "$1" in
	util|date|csv|icd|ident|output|export|ini|lineedit|config|digest|http|lzstring|pcare_crypto|secret|kirim_exec) echo 0 ;;
	db|audit_pack) echo 1 ;;
	dict|audit|audit_read) echo 2 ;;
	open|migrate) echo 3 ;;
	patient|patient_edit|visit|visit_fix|stock|dispense|drug|queue|user|form|calc|icd_list|sheet|import|patient_data|backup|outbox|fhir|pcare_member|puskesmas|final_month|kode|alergi|tindakan|desa) echo 4 ;;
	table|lb1|lb2|asal|stock_report|rowdef|dasbor|reports|final|periksa|etiket|demo|satusehat|pcare|dhis2|dhis2_kirim) echo 5 ;;
	main|cli_admin|cli_kirim|cli_stock|cli_resep|cli_obat|cli_puskesmas|cli_queue|cli_final|cli_periksa|cli_rekam|cli_desa|cli_dasbor|kirim_dhis2|action|formnav|ui) echo 6 ;;
	*) echo "?" ;;
	esac
}

module() {	# module FILE -> the module a source or header belongs to
	b=$(basename "$1"); b=${b%.c}; b=${b%.h}
	case "$b" in
	ui|ui_*) echo ui ;;
	form_load|form_data) echo form ;;
	rowdef_count|rowdef_desa|rowdef_priv) echo rowdef ;;
	dasbor_out|dasbor_utama) echo dasbor ;;
	fhir_load|fhir_rekam|fhir_rekam_load|fhir_priv) echo fhir ;;
	pcare_load|pcare_json) echo pcare ;;
	demo_paths|demo_priv|demo_rekam|demo_desa) echo demo ;;
	desa_impor) echo desa ;;
	config_kirim) echo config ;;
	dhis2_map) echo dhis2 ;;
	kirim_main) echo main ;;
	import_stock|import_icd|import_form) echo import ;;
	user_lock) echo user ;;
	*) echo "$b" ;;
	esac
}

check() {	# check DIR: prints each upward include, returns 1 when any
	bad=0
	for f in "$1"/src/*.c "$1"/src/*.h "$1"/include/pkm/*.h; do
		[ -e "$f" ] || continue
		m=$(module "$f"); l=$(layer "$m")
		if [ "$l" = "?" ]; then echo "$f: module $m has no layer (add it to tests/layers.sh and the README)"; bad=1; continue; fi
		for inc in $(sed -n 's/^#include "pkm\/\([a-z0-9_]*\)\.h".*/\1/p' "$f"); do
			il=$(layer "$inc")
			if [ "$il" = "?" ] || [ "$il" -gt "$l" ]; then
				echo "$f: includes pkm/$inc.h (layer $il) from $m (layer $l)"; bad=1
			fi
		done
		# curses belongs to the UI alone
		if [ "$m" != ui ] && grep -q '^#include <n\?curses' "$f"; then echo "$f: curses outside the UI"; bad=1; fi
	done
	return $bad
}

check "$ROOT"
# the check must fail on a deliberately upward include
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
mkdir -p "$copy/src" "$copy/include/pkm"
cp "$ROOT"/src/*.c "$ROOT"/src/*.h "$copy/src/"
cp "$ROOT"/include/pkm/*.h "$copy/include/pkm/"
sed -i '1i #include "pkm/reports.h"' "$copy/src/db.c"
if check "$copy" >"$copy/out"; then echo "the layer check missed db.c including reports.h"; exit 1; fi
grep -q "db.c: includes pkm/reports.h (layer 5) from db (layer 1)" "$copy/out"
echo "layers: ok"
