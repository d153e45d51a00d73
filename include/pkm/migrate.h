/* SQL migrations, compiled in from db/NNN_name.sql (see src/embed.sh). */
#ifndef PKM_MIGRATE_H
#define PKM_MIGRATE_H

struct migration {
	const char *name;
	const char *sql;
};

extern const struct migration pkm_migrations[];
extern const int pkm_migration_count;

#endif
