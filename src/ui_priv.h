/* Shared pieces of the terminal UI (the only place that includes curses). */
#ifndef PKM_UI_PRIV_H
#define PKM_UI_PRIV_H
#include <curses.h>
#include "pkm/action.h"
#include "pkm/backup.h"
#include "pkm/config.h"
#include "pkm/form.h"
#include "pkm/lineedit.h"
#include "pkm/patient.h"
#include "pkm/user.h"
#include "pkm/visit.h"

enum pkm_screen { SCR_REGISTER, SCR_VISITS, SCR_REPORTS, SCR_PHARMACY, SCR_ADMIN, SCR_SWITCH, SCR_QUIT, SCR_QUEUE };

struct ui {
	sqlite3 *db;
	const struct pkm_config *cfg;
	struct date today;
	int color;
	char msg[256];
	int msg_err;
	struct form_set forms;	/* the cluster forms of forms/ */
	char db_path[PATH_MAX];
	struct user user;	/* who is logged in (id 0 before the log-in) */
	int locking;		/* the idle lock screen is up */
	struct backup_job backup;	/* the daily copy running beside the session (pid 0: none) */
	int backup_told;	/* its failure was put on the message line */
	int title_w;		/* the width of the title drawn last (the title bar's right never covers it) */
	unsigned ctx;		/* the contexts of the screen drawn last: F1 tells its keys */
	int bar;		/* the lines its key bar took (1 or 2) */
};

enum { PAIR_TITLE = 1, PAIR_ERR, PAIR_HINT, PAIR_OK };

/* A BPJS patient's card checked at P-Care now (at most [pcare] cek_waktu
 * seconds), the answer in words into out; 0 when there is nothing to check
 * (P-Care off, another payer, no number). *bad: the card cannot be used here. */
int ui_card_check(struct ui *u, const struct patient *p, const char *payer, char *out, size_t size, int *bad);
/* Read one key as a pkm key code; handles resizing and the too-small screen
 * (returns K_RESIZE so the caller redraws). A bracketed paste is one K_PASTE:
 * no action's key, text for ui_edit_key. */
#define K_PASTE (K_BASE + 0x400)
int ui_key(struct ui *u);
/* The same, or K_TICK when `ms` pass without a key: a screen that refreshes
 * itself waits so (Antrian resep); a tick is no key for the idle lock. */
#define K_TICK (K_BASE + 0x401)
int ui_key_tick(struct ui *u, int ms);
/* Leave the screen (pkm exits): the terminal as it was. */
void ui_end(void);
/* Clear and draw the title bar, the message line and the key hints of `ctx`. */
void ui_frame(struct ui *u, const char *title, unsigned ctx);
/* The message line, just above the key bar; a second key line moves it up one
 * and takes that row from the screen. */
int ui_msg_y(const struct ui *u);
void ui_message(struct ui *u, int is_error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Draw text cut to `w` columns (padded with spaces). */
void ui_text(int y, int x, int w, const char *s, attr_t attr);
/* ui_text of stored text (len bytes of s): its control bytes shown escaped, never obeyed. */
void ui_text_stored(int y, int x, int w, const char *s, size_t len, attr_t attr);
/* The same over `rows` lines, broken at spaces: nothing a user must read is cut. */
void ui_text_wrap(int y, int x, int w, int rows, const char *s, attr_t attr);
/* Draw a line editor in a field; `focus` places the cursor there. */
void ui_edit(int y, int x, int w, struct lineedit *le, int focus);
/* Apply an editing key to a line editor; 1 when the key was an edit key. */
int ui_edit_key(struct lineedit *le, int key, int *changed);
/* Yes/no question on the message line: 1 for y/Y, 0 otherwise. */
int ui_confirm(struct ui *u, const char *question);
/* Warnings of the core (one a line) asked one at a time: "Perhatian: ... Simpan
 * juga?"; 1 when every one was answered yes. Frees w. */
int ui_warnings_accepted(struct ui *u, struct sbuf *w);
/* Ask for one line of text on the message line; 1 when confirmed with Enter. */
int ui_ask(struct ui *u, const char *label, struct lineedit *le);
/* The help screen of the screen drawn last: its keys, then those of every screen. */
void ui_help(struct ui *u);
/* Move a selection in a list of n rows with a page of `page` rows. */
int ui_list_move(int key, int *sel, int n, int page);
/* Keep the selected row inside a window of `rows` rows starting at *top. */
void ui_list_scroll(int sel, int *top, int rows);
attr_t ui_attr_sel(struct ui *u);

enum pkm_screen ui_register(struct ui *u);
enum pkm_screen ui_visits(struct ui *u);
enum pkm_screen ui_reports(struct ui *u);
/* Laporan > Periksa data: the checks before signing a month ("YYYY-MM"), src/ui_periksa.c. */
void ui_periksa(struct ui *u, const char *month);
/* Open a visit by id as the visit list's Enter does (src/ui_visits.c). */
void ui_visit_open(struct ui *u, long visit_id);
/* Laporan > Kirim: the SATUSEHAT outbox (src/ui_kirim.c). */
void ui_outbox(struct ui *u);
enum pkm_screen ui_pharmacy(struct ui *u);
/* Antrian resep > F8: batches near expiry and drugs below optimum (src/ui_stock_report.c). */
void ui_stock_report(struct ui *u);
/* Antrian resep: today's prescriptions as they reach the pharmacy (src/ui_queue.c). */
enum pkm_screen ui_queue(struct ui *u);
/* A backup now, with a progress bar (the daily one runs beside the session). */
void ui_backup(struct ui *u);
/* Stok obat's F8 on the drug chosen (or none): new, change, close, delete, open
 * again (src/ui_drug.c); 1 when the list should be read again. */
int ui_drug_master(struct ui *u, const char *kode);
/* The prescriptions of a visit: add, remove, dispense. */
void ui_resep(struct ui *u, const struct visit_row *row);
/* Scroll through a text (a report, a stock card); F7 saves it, F9 prints it.
 * note: a line held above the text (what the printout lacks), or NULL. */
void ui_view_text(struct ui *u, const char *title, const char *note, const char *text, size_t len,
		  const char *file_name);
/* The viewer's F5 on a monthly report (YYYY-MM): asked, then signed off as the
 * logged-in user (src/ui_final.c); the outcome on the message line. */
void ui_final_sign(struct ui *u, const char *name, const char *month);
/* Before a visit is opened to change it: one older than [kunjungan] ubah_hari
 * days or of a signed-off month asks the reason first (src/ui_visits.c); 1 to
 * open it. Every screen that opens a visit for changes asks it. */
int ui_visit_may_change(struct ui *u, const struct visit_row *row);
/* Ask the reason for a change (`label` on the message line) and record it in
 * the trail as "what; alasan: ..." on table/row: 1 when recorded, 0 when none
 * was given, -1 when the trail failed (said). */
int ui_reason_asked(struct ui *u, const char *label, const char *table, long row, long pasien_id, const char *what);
/* A change dated `day` (as typed) to a month whose `report` (lb2, lb4) is
 * signed off asks its reason first (ui_reason_asked): 1 to go on (no such
 * month, or the reason recorded), 0 when not (said). */
int ui_final_reason(struct ui *u, const char *day, const char *report, const char *table, long row, long pasien_id,
		    const char *what);
/* The report viewer's cell cursor (src/ui_asal.c): made from the cells the
 * rendered text recorded (taken from *map), moved by the arrows (1 when the key
 * was one; the view follows), drawn over the shown lines (the first on screen
 * row y0); Enter lists the rows
 * behind its cell. */
struct cell_cursor;
struct cell_map;
struct report_req;
struct cell_cursor *cursor_new(const struct report_req *req, struct cell_map *map, const char *text);
void cursor_free(struct cell_cursor *c);
int cursor_move(struct cell_cursor *c, int key, int *top, int page, int *left);
void cursor_draw(const struct cell_cursor *c, char **lines, int y0, int top, int page, int left);
void ui_asal_list(struct ui *u, const struct cell_cursor *c);
/* F7's question: a file name (proposed filled in) for the export folder, a
 * replace asked when it exists; 1 with the full path, 0 when cancelled or refused (said). */
int ui_ask_file(struct ui *u, const char *proposed, char *path, size_t size);
/* A viewer's A_TOFILE (asks the file name, file_name proposed) or A_PRINT of a text. */
void ui_text_out(struct ui *u, enum action a, const char *text, size_t len, const char *file_name);
/* A full-screen list of options; the chosen index or -1. */
int ui_pick(struct ui *u, const char *title, char (*code)[24], char (*label)[80], int n, int sel);

/* Options for Space other than the dictionary's (e.g. drugs). */
typedef int (*field_options_fn)(struct ui *u, const char *typed, char (*code)[24], char (*label)[80], int max);
/* How one field line looks (src/ui_fields.c). */
struct field_look {
	const struct column_def *def;
	struct lineedit *le;
	int width, focus, secret;
	const char *value_only;	/* a computed field: this text, no input */
	const char *beside;	/* shown right of the input instead of the option's label */
};
/* The input width of a field of this type (`shown` for a computed one). */
int ui_field_width(const struct column_def *def);
/* Label, required mark, input and the chosen option's label; sets *cy, *cx
 * to the cursor when the field has the focus. */
void ui_field_draw(struct ui *u, const struct field_look *f, int y, int label_w, int *cy, int *cx);
/* A field's message on the line under it. */
void ui_field_message(struct ui *u, int y, const char *msg);
/* A code typed in part becomes the only code it starts ("IG" is IGD) as the
 * cursor leaves the field (Tab, Enter, a save); a field with options of its own
 * (a drug: "alb", "para 500") takes its only match, or the one chosen from
 * a list of those found, its label into note. 1 when the field holds an
 * option, -1 when a search took none (why in note), 0 when there was nothing
 * to do. */
int ui_field_complete(struct ui *u, const struct column_def *def, struct lineedit *le, field_options_fn options,
		      char *note, size_t size);
/* The pick list of a field (options, or the dictionary's): 1 when le was set. */
int ui_field_pick(struct ui *u, const struct column_def *def, struct lineedit *le, field_options_fn options);

/* The field editor (src/ui_editor.c), the one set of typing rules of every
 * dialog, cluster form, the patient form and password field. The focus arrived
 * at a field: a code's first typed key replaces it ("T3" over "T2"). */
void ui_field_enter(const struct column_def *def, struct lineedit *le, field_options_fn options);
/* A key for the focused field: editing keys and pasted text on the line (masked
 * or not, the same keys), Space opens a list field's options (a search's on an
 * empty field; after a word it is a space). */
enum { FIELD_NOT_MINE, FIELD_KEPT, FIELD_TYPED, FIELD_PICKED };
int ui_field_key(struct ui *u, const struct column_def *def, struct lineedit *le, field_options_fn options, int key);

/* A small dialog of fields described in the data dictionary (kamus). */
struct dlg_field {
	const char *name;	/* the field name the core's field_errors use */
	const char *table, *column;	/* table NULL: not in kamus, def filled by the caller */
	struct column_def def;
	int secret;		/* a password: shown as stars */
	struct lineedit le;
	char err[160];
	field_options_fn options;	/* NULL = the dictionary's, for a field of a list */
	char beside[96];	/* shown right of the input (e.g. what a code means) */
};
/* Check and store what was typed; fills fe (and err for other failures). 0 when
 * stored, -1 when not, 1 when not and the save told the user itself. */
typedef int (*dlg_save_fn)(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err);
/* 1 when saved, 0 when cancelled. `intro` is shown above the fields. */
int ui_dialog(struct ui *u, const char *title, const char *intro, struct dlg_field *f, int n, dlg_save_fn save,
	      void *ctx);
/* The same with the keys of another context: CTX_LOGIN says "F2 Masuk" and
 * "Belum masuk", CTX_FILTER "F2 Tampilkan" and "Belum ditampilkan", where a
 * form says "F2 Simpan" and "Tidak tersimpan". Adding
 * DLG_ENTER_SAVES makes Enter save from any field (a short dialog). The intro
 * may have up to three lines, split by '\n'. */
#define DLG_ENTER_SAVES 0x100000
int ui_dialog_in(struct ui *u, unsigned keys, const char *title, const char *intro, struct dlg_field *f, int n,
		 dlg_save_fn save, void *ctx);
/* The patient header's allergy line (row 1 of a clinical screen): "Alergi:
 * Amoksisilin, Telur", nothing when none is recorded (src/ui_alergi.c). */
void ui_allergies(struct ui *u, long pasien_id);
/* Alergi pasien: the patient's allergies, added and marked (src/ui_alergi.c). */
void ui_alergi(struct ui *u, long pasien_id, long kunjungan_id, const char *who);
/* Tindakan: a visit's procedures, added by word starts over ICD-9-CM and
 * removed (src/ui_tindakan.c). */
void ui_tindakan(struct ui *u, const struct visit_row *row);
/* Options of a field from an imported code list by word starts or code (the
 * drug master's KFA code, a procedure). */
int ui_kfa_options(struct ui *u, const char *typed, char (*code)[24], char (*label)[80], int max);
/* Dasbor: the PWS dashboards, their charts by village and due lists (src/ui_dasbor.c). */
void ui_dasbor(struct ui *u);
/* Riwayat pasien: the patient's visits newest first (src/ui_history.c). */
void ui_history(struct ui *u, const struct patient *p);
/* The patient form: a new patient (old NULL; `query` fills the name or NIK)
 * or a correction of old. 1 with *out set when the desk goes on with a patient. */
int ui_patient_form(struct ui *u, const struct patient *old, const char *query, struct patient *out);
/* Koreksi kunjungan: 1 when the visit was corrected or cancelled. */
int ui_visit_fix(struct ui *u, const struct visit_row *row);
/* The visit dialog for a patient: 1 when a visit was opened. */
int ui_visit_dialog(struct ui *u, const struct patient *p);
/* Fill one form for a visit: 1 when it was saved. */
int ui_form(struct ui *u, const struct form *f, const struct visit_row *row);
/* First start: the first administrator, then the puskesmas identity (Esc
 * leaves it for Admin > Puskesmas). 1 when done (that administrator is logged in). */
int ui_setup(struct ui *u);
/* The puskesmas identity in its dialog (src/ui_puskesmas.c): 1 when saved. */
int ui_puskesmas(struct ui *u, const char *title, const char *intro);
/* The identity saved at any desk, read again into the session's configuration. */
void ui_puskesmas_refresh(struct ui *u);
/* "Identitas puskesmas belum lengkap: ..." into line when fields a report
 * prints are empty; returns how many (0: line untouched). */
int ui_puskesmas_incomplete(struct ui *u, char *line, size_t size);
/* The log-in screen: 1 when someone logged in, 0 when they chose to leave. */
int ui_login(struct ui *u);
/* The idle lock: back only with the password of the user logged in. */
void ui_lock(struct ui *u);
/* The audit trail a page at a time, newest first (src/ui_audit.c). */
struct audit_filter;
int ui_audit_list(struct ui *u, const struct audit_filter *f, struct sbuf *err);
/* Admin > Desa: the village master, added and changed (src/ui_desa.c). */
void ui_desa(struct ui *u);
/* The administrator's screen: users, the audit trail, merging patients. */
enum pkm_screen ui_admin(struct ui *u);
/* Global actions of the main screens: returns the next screen, or -1 to stay. */
int ui_main_action(struct ui *u, enum action a);

#endif
