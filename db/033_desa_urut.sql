-- The villages in the order a typed village name is resolved in (working area
-- first, then by code; desa_resolve, for every patient a registration or an
-- import checks). Without it each resolve sorted the whole table: 16% of a
-- patient import's work at eight villages (issue 29).
CREATE INDEX desa_urut ON desa (wilayah DESC, kode);
