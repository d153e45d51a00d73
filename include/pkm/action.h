/* Every user action, once: this list makes the enum, the key table, the help
 * screen and the key-hint bar. No curses here: keys use pkm's own codes. */
#ifndef PKM_ACTION_H
#define PKM_ACTION_H
#include "pkm/user.h"

/* pkm key codes: printable characters are their Unicode code point; the rest
 * live above Unicode. */
#define K_BASE 0x200000
#define K_F(n) (K_BASE + (n))
#define K_CTRL(c) (K_BASE + 0x100 + ((c) & 0x1f))
enum {
	K_ENTER = K_BASE + 0x200, K_ESC, K_TAB, K_BTAB, K_UP, K_DOWN, K_LEFT, K_RIGHT,
	K_HOME, K_END, K_PGUP, K_PGDN, K_BACKSPACE, K_DELETE, K_RESIZE, K_CLEFT, K_CRIGHT,
};

/* Where an action applies. */
enum {
	CTX_MAIN = 1,		/* the three main screens */
	CTX_SEARCH = 2,		/* Pendaftaran */
	CTX_VISITS = 4,		/* Kunjungan hari ini */
	CTX_DIAG = 8,		/* diagnoses of a visit */
	CTX_FORM = 16,		/* a form being filled */
	CTX_VIEWER = 32,	/* report viewer */
	CTX_PICK = 64,		/* a pick list */
	CTX_STOCK = 128,	/* Farmasi: stock of every drug */
	CTX_RESEP = 256,	/* prescriptions of a visit */
	CTX_REPSEL = 512,	/* Laporan: choosing a report */
	CTX_USERS = 1024,	/* Admin: the users */
	CTX_LOGIN = 2048,	/* the log-in and the locked screen */
	CTX_OUTBOX = 4096,	/* Laporan: what waits to go to SATUSEHAT or P-Care */
	CTX_FILTER = 8192,	/* a filter to fill before a list (the audit trail) */
	CTX_CARD = 16384,	/* Farmasi: the stock card of a drug */
	CTX_QUEUE = 32768,	/* Antrian resep: the pharmacy's queue (its home) */
	CTX_MONTHREP = 65536,	/* the viewer of a monthly report (LB1-LB4, Jampersal) */
	CTX_DESA = 131072,	/* Admin: the villages of the working area */
	CTX_ALL = 262143,
};

/*  X(id, function key, ctrl letter, other key, hint label, help text, contexts,
 *    rights needed (R_* of pkm/user.h, 0 = every role)) */
#define PKM_ACTIONS(X) \
	X(HELP, 1, 'G', 0, "Bantuan", "Bantuan: daftar tombol", CTX_ALL, 0) \
	X(REGISTER, 2, 'D', 0, "Daftar", "Layar pendaftaran: cari atau daftarkan pasien", CTX_MAIN, R_REGISTER) \
	X(SAVE, 2, 'S', 0, "Simpan", "Simpan isian", CTX_FORM, 0) \
	X(LOGIN, 2, 'S', 0, "Masuk", "Masuk dengan nama pengguna dan kata sandi", CTX_LOGIN, 0) \
	X(VISITS, 3, 'K', 0, "Kunjungan", "Kunjungan hari ini per unit", CTX_MAIN, R_VISITS) \
	X(DISPLINE, 3, 'E', 0, "Serahkan baris", "Serahkan baris terpilih (sebagian bila stok kurang)", CTX_RESEP, \
	  R_PHARMACY) \
	X(REPORTS, 4, 'R', 0, "Laporan", "Laporan bulanan LB1-LB4 dan Jampersal: lihat, simpan, cetak", CTX_MAIN, R_REPORTS) \
	X(LABEL, 4, 'P', 0, "Etiket", "Cetak ulang etiket baris terpilih ke [farmasi] printer_etiket", CTX_RESEP, \
	  R_PHARMACY) \
	X(FILTER, 2, 'S', 0, "Tampilkan", "Tampilkan daftar dengan saringan ini", CTX_FILTER, 0) \
	X(NEW, 5, 'N', 0, "Baru", "Pasien baru: isi datanya, lalu daftarkan kunjungannya", CTX_SEARCH, R_REGISTER) \
	X(NEWUSER, 5, 'N', 0, "Baru", "Pengguna baru", CTX_USERS, R_ADMIN) \
	X(ADD, 5, 'N', 0, "Baru", "Diagnosis baru: cari kode ICD-10", CTX_DIAG, R_CLINICAL) \
	X(ADDDRUG, 5, 'N', 0, "Baru", "Obat baru di resep", CTX_RESEP, R_CLINICAL) \
	X(STOCK, 5, 'N', 0, "Stok obat", "Stok obat: kartu stok, penerimaan, opname, data obat", CTX_QUEUE, \
	  R_PHARMACY) \
	X(RECEIVE, 5, 'N', 0, "Terima", "Catat penerimaan obat (batch, kedaluwarsa, sumber dana)", CTX_STOCK, R_PHARMACY) \
	X(FINAL, 5, 'N', 0, "Final", "Tandatangani laporan bulan ini (FINAL): nama, waktu, sidik", CTX_MONTHREP, \
	  R_REPORTS) \
	X(EDIT, 6, 'B', 0, "Ubah", "Ubah data pasien terpilih (umur di kunjungannya dihitung ulang)", CTX_SEARCH, R_REGISTER) \
	X(CHANGEDRUG, 6, 'U', 0, "Ubah/ganti", "Ubah jumlah atau signa, atau ganti obat, dengan alasan", CTX_RESEP, \
	  R_PHARMACY) \
	X(UNIT, 6, 'U', K_TAB, "Unit", "Ganti unit yang ditampilkan", CTX_VISITS, R_VISITS) \
	X(DAY, 7, 'T', 0, "Tanggal", "Kunjungan hari lain: ketik tanggalnya", CTX_VISITS, R_VISITS) \
	X(CORRECT, 8, 'X', 0, "Koreksi", "Koreksi kunjungan: unit, penjamin, pasien, atau batalkan", CTX_VISITS, \
	  R_REGISTER) \
	X(PREVDAY, 0, 0, '<', "Kemarin", "Kunjungan sehari sebelumnya", CTX_VISITS, R_VISITS) \
	X(NEXTDAY, 0, 0, '>', "Besok", "Kunjungan sehari sesudahnya (sampai hari ini)", CTX_VISITS, R_VISITS) \
	X(ISSUE, 6, 'E', 0, "Keluarkan", "Keluarkan obat rusak, kedaluwarsa atau mutasi dari satu batch", CTX_STOCK, R_PHARMACY) \
	X(OUTBOX, 5, 'O', 0, "Kirim", "Antrean kirim SATUSEHAT, P-Care: yang menunggu dan yang gagal", CTX_REPSEL, \
	  R_REPORTS) \
	X(MONTHLY, 6, 'B', 0, "Isian bulanan", "Isi kegiatan bulanan LB4 (penyuluhan, posyandu, kesling, UKS)", CTX_REPSEL, R_REPORTS) \
	X(RESETPW, 6, 'E', 0, "Sandi", "Atur ulang kata sandi pengguna terpilih (diganti saat ia masuk)", CTX_USERS, R_ADMIN) \
	X(CARDMONTH, 5, 'B', 0, "Bulan", "Kartu stok satu bulan dengan jumlahnya (MM-YYYY; kosong: semua)", \
	  CTX_CARD, R_PHARMACY) \
	X(STOCKTAKE, 7, 'T', 0, "Opname", "Stok opname: hasil hitung fisik satu batch, selisihnya dicatat", CTX_STOCK, R_PHARMACY) \
	X(STOCKREPORT, 8, 'Y', 0, "Lap. stok", "Laporan stok: batch hampir kedaluwarsa, obat di bawah optimum", \
	  CTX_QUEUE, R_PHARMACY) \
	X(CLOSELINE, 7, 'T', 0, "Tutup sisa", "Tutup sisa baris terpilih dengan alasan (stok kosong, dst.)", \
	  CTX_RESEP, R_PHARMACY) \
	X(CHECKS, 7, 'T', 0, "Periksa", "Periksa data bulan ini sebelum ditandatangani", \
	  CTX_REPSEL, R_REPORTS) \
	X(TOFILE, 7, 'O', 0, "Ke berkas", "Simpan laporan ke berkas teks", CTX_VIEWER, 0) \
	X(ALLERGY, 6, 'R', 0, "Alergi", "Alergi pasien: catat alergi obat atau makanan, ubah statusnya", CTX_DIAG, \
	  R_CLINICAL) \
	X(PROCEDURE, 9, 'T', 0, "Tindakan", "Tindakan (ICD-9-CM) kunjungan ini: tambah atau hapus", CTX_DIAG, \
	  R_CLINICAL) \
	X(HISTORY, 7, 'L', 0, "Riwayat", "Riwayat pasien: kunjungan, diagnosis, resep, formulir", CTX_SEARCH | CTX_DIAG, R_VISITS) \
	X(RESEND, 6, 'E', 0, "Kirim ulang", "Kirim ulang antrean terpilih (gagal atau menunggu data)", CTX_OUTBOX, \
	  R_REPORTS) \
	X(PLATFORM, 7, 'T', 0, "SATUSEHAT/P-Care", "Ganti antrean yang dilihat: SATUSEHAT atau P-Care", CTX_OUTBOX, \
	  R_REPORTS) \
	X(DASBOR, 5, 'E', 0, "Dasbor", "Dasbor PWS klaster Anda: cakupan per desa, yang belum dilayani", CTX_VISITS, \
	  R_CLINICAL) \
	X(DASBORLAP, 0, 'E', 0, "Dasbor", "Dasbor PWS (ILP): cakupan per desa, yang belum dilayani", CTX_REPSEL, \
	  R_REPORTS) \
	X(BACKUP, 8, 'W', 0, "Cadangkan", "Buat cadangan database sekarang (aman selagi desk lain bekerja)", CTX_REPSEL, R_REPORTS) \
	X(DRUGS, 8, 'O', 0, "Data obat", "Daftar obat: obat baru, ubah, tutup atau hapus obat terpilih", CTX_STOCK, \
	  R_PHARMACY) \
	X(DELETE, 8, 'X', 0, "Hapus", "Hapus diagnosis terpilih (dengan konfirmasi)", CTX_DIAG, R_CLINICAL) \
	X(DELDRUG, 8, 'X', 0, "Hapus", "Hapus obat resep terpilih (dengan konfirmasi)", CTX_RESEP, R_CLINICAL) \
	X(ACTIVE, 8, 'X', 0, "Tutup/buka", "Tutup akun terpilih, atau buka lagi akun yang ditutup", CTX_USERS, R_ADMIN) \
	X(NEWDESA, 5, 'N', 0, "Baru", "Desa baru: kode Kemendagri, nama, wilayah, pustu, posyandu", CTX_DESA, \
	  R_ADMIN) \
	X(OLDTEXTS, 6, 'U', 0, "Teks lama", "Teks desa lama pasien: jumlahnya dan desa terdekat", CTX_DESA, R_ADMIN) \
	X(PUSKESMAS, 7, 'K', 0, "Puskesmas", "Identitas puskesmas untuk kop dan tanda tangan laporan", CTX_USERS, \
	  R_ADMIN) \
	X(PRINT, 9, 'P', 0, "Cetak", "Cetak laporan dengan perintah printer", CTX_VIEWER, 0) \
	X(DISPENSE, 9, 'Y', 0, "Serahkan semua", "Serahkan semua baris yang menunggu, kedaluwarsa terdekat dulu", \
	  CTX_RESEP, R_PHARMACY) \
	X(SWITCH, 9, 'A', 0, "Ganti pengguna", "Ganti pengguna: kembali ke layar masuk tanpa menutup pkm", CTX_MAIN, 0) \
	X(QUIT, 10, 'Q', 0, "Keluar", "Keluar dari pkm", CTX_MAIN, 0) \
	X(PHARMACY, 11, 'F', 0, "Farmasi", "Farmasi: antrian resep hari ini, stok obat, laporan stok", CTX_MAIN, R_PHARMACY) \
	X(ADMIN, 12, 'V', 0, "Admin", "Admin: pengguna, jejak audit, pasien dobel, identitas puskesmas", CTX_MAIN, R_ADMIN) \
	X(OPEN, 0, 0, K_ENTER, "Pilih", "Buka / pilih baris terpilih; di isian: ke kolom berikut", CTX_ALL, 0) \
	X(BACK, 0, 'C', K_ESC, "Kembali", "Kembali atau batal (isian yang berubah ditanyakan dulu)", \
	  CTX_ALL & ~(CTX_MAIN | CTX_SEARCH | CTX_STOCK | CTX_VISITS | CTX_REPSEL | CTX_QUEUE), 0) \
	X(CLEAR, 0, 0, K_ESC, "Kosongkan", "Kosongkan teks pencarian", CTX_SEARCH | CTX_STOCK, 0)

enum action {
	A_NONE,
#define X(id, f, c, k, hint, help, ctx, need) A_##id,
	PKM_ACTIONS(X)
#undef X
	A_COUNT
};

struct action_info {
	enum action id;
	int fkey;		/* 1..12, 0 = none */
	char ctrl;		/* Ctrl letter, 0 = none */
	int key;		/* another pkm key code, 0 = none */
	const char *hint, *help;
	unsigned ctx;
	unsigned need;		/* rights a role must have to see and use it */
};

extern const struct action_info pkm_actions[];
extern const int pkm_action_count;

/* Only actions these rights allow are keys, hints and help from now on. */
void action_limit(unsigned rights);
unsigned action_rights(void);
int action_allowed(const struct action_info *a);
/* The action a key means in a context, A_NONE when it means none (or when the
 * role may not use it). */
enum action action_for_key(int key, unsigned ctx);
/* "F2/^S" style name of an action's keys. */
void action_keys(const struct action_info *a, char *buf, int size);

/* One key on the key bar: its line (0 the upper), column and name ("F5", "Esc"). */
struct hint {
	const struct action_info *a;
	int line, x;
	char key[8];
};
/* The key bar of a screen of contexts ctx for `rights` in `width` columns:
 * F1, this screen's keys, then those of every main screen (Enter is left to the
 * screen's own words). One line when all fit, else two, this screen's keys on
 * the first; nothing is left off at 80 columns or more. Fills out (room for
 * pkm_action_count), returns how many, *lines 1 or 2. */
int action_bar(unsigned ctx, unsigned rights, int width, struct hint *out, int *lines);
/* The help of a screen: this screen's keys (*n_here of them), then those that
 * work on every screen of its kind. Returns how many went into out (room for
 * pkm_action_count). */
int action_help(unsigned ctx, unsigned rights, const struct action_info **out, int *n_here);

#endif
