/* Starting pkm-kirim, which lives beside pkm (the build folder, or the
 * installed bin): for `pkm kirim ...`, and for the desk's card check, which
 * must never keep the desk waiting longer than [pcare] cek_waktu. */
#ifndef PKM_KIRIM_EXEC_H
#define PKM_KIRIM_EXEC_H
#include <stddef.h>

/* The path of pkm-kirim beside this program. 0 on success. */
int kirim_exe(char *out, size_t size);

/* What a card check came to. */
enum card_check { CARD_ACTIVE, CARD_INACTIVE, CARD_UNKNOWN, CARD_NO_ANSWER };
/* Run `pkm-kirim peserta NUMBER` for at most `seconds` (then it is killed):
 * its answer is kept in pcare_peserta for the caller to read. */
enum card_check kirim_card_check(const char *db_path, const char *config_file, const char *number, long seconds);

#endif
