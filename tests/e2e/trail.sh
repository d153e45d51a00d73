# Shared by the e2e and hostile tests (both set PKM_BIN and DB).
# The trail as pkm audit reads it back (a save as the rows it changed), one
# entry per line: "time  user  AKSI tabel #row  RM x | lama ... | baru ...".
trail() {
	"$PKM_BIN" --db "$DB" audit | awk '/^[0-9][0-9]-[0-9][0-9]-[0-9][0-9][0-9][0-9] / { if (h != "") print h " | " l " | " b; h = $0; l = ""; b = ""; next }
		/^    lama / { l = substr($0, 10) } /^    baru / { b = substr($0, 10) } END { if (h != "") print h " | " l " | " b }'
}
