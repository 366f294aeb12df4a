-- External API bookkeeping per personal API key. Written in batches by
-- KeyBookkeeping::flush (about once a second and at shutdown), never per request.

-- Requests counted against the monthly quota, per UTC calendar month ("2026-06").
CREATE TABLE key_usage_monthly (
    key_id TEXT NOT NULL,
    month TEXT NOT NULL,
    used BIGINT NOT NULL,
    PRIMARY KEY (key_id, month)
);

-- Per UTC minute: requests let through and requests refused with 429.
CREATE TABLE key_usage_minutely (
    key_id TEXT NOT NULL,
    minute BIGINT NOT NULL,
    accepted BIGINT NOT NULL,
    rate_limited BIGINT NOT NULL,
    PRIMARY KEY (key_id, minute)
);

-- Per UTC hour and outcome: code '' counts accepted (2xx/3xx) responses, any other
-- code counts rejected responses with that error code.
CREATE TABLE key_activity_hourly (
    key_id TEXT NOT NULL,
    hour BIGINT NOT NULL,
    code TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (key_id, hour, code)
);

-- Recent requests (the newest few hundred per key are kept). Never the key itself.
CREATE TABLE key_requests (
    id INTEGER PRIMARY KEY,
    key_id TEXT NOT NULL,
    at BIGINT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    status INTEGER NOT NULL,
    code TEXT,
    latency_us BIGINT NOT NULL,
    request_id TEXT NOT NULL
);
CREATE INDEX key_requests_key_at ON key_requests (key_id, at);
