-- The prescription's drug field is a search (issue 31): words of the name or
-- the code's start, Tab takes the one found or lists those found; a space
-- separates words, so Space lists every drug only on an empty field.
UPDATE kamus SET bantuan = 'Kode atau awal kata nama, mis. amox, para 500; Tab: ambil yang cocok '
                           || '(lebih dari satu: pilih); Spasi pada isian kosong: semua obat'
 WHERE tabel = 'resep' AND kolom = 'obat';
