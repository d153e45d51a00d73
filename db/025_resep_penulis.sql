-- Who wrote a prescription line (the pharmacy's queue names the prescriber):
-- the user logged in when resep_insert added it, NULL for lines written before
-- this column, by the demo or from the command line. The trail holds it too,
-- but only as text of a save, not something a list can read per visit.
ALTER TABLE resep ADD COLUMN penulis INTEGER REFERENCES pengguna(id);
