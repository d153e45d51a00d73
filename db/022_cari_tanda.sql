-- Names are found with their marks ignored (issue 30): "nuraini", "syafii" and
-- "aini" all find Nur'aini Syafi'i. pasien_kata now holds each word without its
-- apostrophes, hyphens and dots, and the parts those marks split it into, as
-- pkm_kata() (name_search_words in src/ident.c) gives them; patient_words
-- writes the same. The stored names are unchanged. Rebuilt for every patient
-- (one pass, as in 010), the mother's words with their '@'.
DELETE FROM pasien_kata;
WITH RECURSIVE w(id, pre, rest, word) AS (
  SELECT id, '', pkm_kata(nama) || ' ', '' FROM pasien
  UNION ALL
  SELECT id, '@', pkm_kata(nama_ibu) || ' ', '' FROM pasien WHERE nama_ibu <> ''
  UNION ALL
  SELECT id, pre, substr(rest, instr(rest, ' ') + 1), substr(rest, 1, instr(rest, ' ') - 1) FROM w WHERE rest <> ''
)
INSERT OR IGNORE INTO pasien_kata (kata, pasien_id) SELECT pre || word, id FROM w WHERE word <> '';
