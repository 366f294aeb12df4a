-- Longer ranges of the top lists (api-contract section 9, performance): for each span of
-- 2, 4, 8, 16, 32, 64 and 128 UTC days, aligned to the epoch (a span starts on a day whose
-- number since 1970-01-01 is a multiple of its length), the sums of rollup_dimensions'
-- day rows over that span. A report's range is read as a few such spans plus single days
-- (a 30-day range is typically 4 to 8 pieces rather than 30 days of rows), and the writer
-- adds every day delta to the 7 spans that contain the day, in the same transaction, so
-- the spans always equal the sums of their days. start is the span's first day (ms).
-- WITHOUT ROWID: see 0013 (SQLite only; PostgreSQL has no such clause).
CREATE TABLE rollup_dimension_spans (
    website_id TEXT NOT NULL,
    span_days INTEGER NOT NULL,
    start BIGINT NOT NULL,
    dimension INTEGER NOT NULL,
    value TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (website_id, span_days, start, dimension, value)
) WITHOUT ROWID;

-- The spans of the days stored before this migration.
-- (BIGINT: days * 86400000 outgrows 32 bits; the remainder is taken so that it rounds
-- down for days before 1970 too.)
WITH days (n) AS (VALUES (2), (4), (8), (16), (32), (64), (128)),
spans (length) AS (SELECT CAST(n AS BIGINT) * 86400000 FROM days)
INSERT INTO rollup_dimension_spans (website_id, span_days, start, dimension, value, count)
SELECT website_id, length / 86400000, day - ((day % length) + length) % length, dimension, value, SUM(count)
FROM rollup_dimensions, spans
GROUP BY website_id, length, day - ((day % length) + length) % length, dimension, value
HAVING SUM(count) <> 0;
