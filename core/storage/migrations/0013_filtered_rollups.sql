-- Filters (api-contract section 9): for each filterable dimension and value (page,
-- referrer, browser, os, device, utm_source, utm_medium, utm_campaign, event, country;
-- `filter` holds the Dimension number), the rollups of the events that carry that value,
-- computed exactly as rollup_buckets / rollup_dimensions are for all events, visits
-- included (a filtered visit is a run of the matching events of one session less than
-- 30 minutes apart). A filtered report reads these rows, so one filter costs what no
-- filter costs. Events stored before this migration are not in them.
-- filtered_dimensions is WITHOUT ROWID (SQLite; PostgreSQL has no such clause): its small
-- rows live in their primary key's B-tree, so the writer's upserts touch one tree per
-- row instead of a table and its key index, and a filtered range scan reads neighbouring
-- pages (as a covering index would, without keeping a third copy).
CREATE TABLE filtered_buckets (
    website_id TEXT NOT NULL,
    filter INTEGER NOT NULL,
    filter_value TEXT NOT NULL,
    granularity INTEGER NOT NULL,
    bucket_start BIGINT NOT NULL,
    pageviews BIGINT NOT NULL DEFAULT 0,
    events BIGINT NOT NULL DEFAULT 0,
    sessions BIGINT NOT NULL DEFAULT 0,
    bounces BIGINT NOT NULL DEFAULT 0,
    duration_ms BIGINT NOT NULL DEFAULT 0,
    visitors BLOB,
    PRIMARY KEY (website_id, filter, filter_value, granularity, bucket_start)
);
-- The CSV export reads every value's day rows of a range.
CREATE INDEX filtered_buckets_by_day ON filtered_buckets (website_id, granularity, bucket_start);

CREATE TABLE filtered_dimensions (
    website_id TEXT NOT NULL,
    filter INTEGER NOT NULL,
    filter_value TEXT NOT NULL,
    day BIGINT NOT NULL,
    dimension INTEGER NOT NULL,
    value TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (website_id, filter, filter_value, day, dimension, value)
) WITHOUT ROWID;

-- The filtered visits of a session's current visit (EventStore's own binary form; NULL or
-- unreadable: none).
ALTER TABLE session_state ADD COLUMN filtered BLOB;

-- When filtered rollups began (ms; 0 on a new installation): a filtered report whose
-- range starts earlier says so (filters_since).
CREATE TABLE filters_state (
    id INTEGER PRIMARY KEY,
    since BIGINT NOT NULL
);
INSERT INTO filters_state (id, since) SELECT 1, COALESCE(MAX(occurred_at) + 1, 0) FROM events;
