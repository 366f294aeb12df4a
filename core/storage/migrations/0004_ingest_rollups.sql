-- Tracking ingest (issue 5): applied-journal position, analytics rollups, session
-- (visit) state and ingest statistics. Times are integer ms since the epoch (UTC).
-- Portable to PostgreSQL (BLOB -> BYTEA; ON CONFLICT upserts are used by the writer).

-- events.id is the journal sequence number of the event: replaying the journal after a
-- crash can never store an event twice.
CREATE TABLE ingest_state (
    id INTEGER PRIMARY KEY,
    last_seq BIGINT NOT NULL
);
INSERT INTO ingest_state (id, last_seq) VALUES (1, 0);

-- granularity 0 = hour, 1 = day. visitors is a VisitorSketch (distinct session ids).
CREATE TABLE rollup_buckets (
    website_id TEXT NOT NULL,
    granularity INTEGER NOT NULL,
    bucket_start BIGINT NOT NULL,
    pageviews BIGINT NOT NULL DEFAULT 0,
    events BIGINT NOT NULL DEFAULT 0,
    sessions BIGINT NOT NULL DEFAULT 0,
    bounces BIGINT NOT NULL DEFAULT 0,
    visitors BLOB,
    PRIMARY KEY (website_id, granularity, bucket_start)
);

-- dimension 0 = page (pageviews by path), 1 = referrer (pageviews by referring host),
-- 2 = browser, 3 = os, 4 = device (sessions started).
CREATE TABLE rollup_dimensions (
    website_id TEXT NOT NULL,
    day BIGINT NOT NULL,
    dimension INTEGER NOT NULL,
    value TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (website_id, day, dimension, value)
);
-- Covering index for the analytics range scan (no table look-ups); the writer touches a
-- row per distinct value per batch, so keeping it costs little.
CREATE INDEX rollup_dimensions_covering ON rollup_dimensions (website_id, day, dimension, value, count);

CREATE TABLE session_state (
    website_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    visit_start BIGINT NOT NULL,
    last_seen BIGINT NOT NULL,
    pageviews BIGINT NOT NULL,
    events BIGINT NOT NULL,
    PRIMARY KEY (website_id, session_id)
);
CREATE INDEX session_state_last_seen ON session_state (last_seen);

-- outcome: 'accepted', or the reason an event was dropped ('bot', 'invalid',
-- 'invalid_json', 'rate_limited'). hour_start: the hour it was received.
CREATE TABLE ingest_stats (
    website_id TEXT NOT NULL,
    hour_start BIGINT NOT NULL,
    outcome TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (website_id, hour_start, outcome)
);

-- Events accepted through POST /api/external/v1/events, per API key and hour.
CREATE TABLE key_ingest_stats (
    key_id TEXT NOT NULL,
    hour_start BIGINT NOT NULL,
    accepted BIGINT NOT NULL,
    PRIMARY KEY (key_id, hour_start)
);
