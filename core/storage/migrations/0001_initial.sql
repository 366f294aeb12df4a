-- Foundation schema. Times are integer milliseconds since the Unix epoch (UTC).
-- SQL here must also run on PostgreSQL: no AUTOINCREMENT, no INSERT OR REPLACE.
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_server_admin INTEGER NOT NULL DEFAULT 0,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);

CREATE TABLE teams (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    plan TEXT NOT NULL DEFAULT 'free',
    created_at BIGINT NOT NULL
);

CREATE TABLE memberships (
    team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    joined_at BIGINT NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE websites (
    id TEXT PRIMARY KEY,
    team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    url TEXT NOT NULL,
    domain TEXT NOT NULL,
    tracking_code TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);
CREATE INDEX websites_team ON websites (team_id, created_at);

-- Only the SHA-256 of a key (hex) and its display prefix are stored.
CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    permissions INTEGER NOT NULL,
    team_access_all INTEGER NOT NULL,
    billing_team_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    revoked_at BIGINT,
    last_used_at BIGINT
);
CREATE INDEX api_keys_user ON api_keys (user_id, created_at);
CREATE INDEX api_keys_prefix ON api_keys (prefix);

CREATE TABLE api_key_teams (
    key_id TEXT NOT NULL REFERENCES api_keys(id) ON DELETE CASCADE,
    team_id TEXT NOT NULL,
    PRIMARY KEY (key_id, team_id)
);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    website_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    name TEXT,
    url TEXT NOT NULL,
    path TEXT NOT NULL,
    referrer TEXT,
    session_id TEXT NOT NULL,
    user_agent TEXT NOT NULL,
    device_type TEXT NOT NULL,
    browser TEXT NOT NULL,
    os TEXT NOT NULL,
    props TEXT,
    occurred_at BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    key_id TEXT
);
CREATE INDEX events_website_time ON events (website_id, occurred_at);

CREATE TABLE plan_limits (
    plan TEXT PRIMARY KEY,
    per_minute BIGINT NOT NULL,
    per_month BIGINT NOT NULL
);
INSERT INTO plan_limits (plan, per_minute, per_month) VALUES ('free', 0, 0);
INSERT INTO plan_limits (plan, per_minute, per_month) VALUES ('pro', 30, 10000);
INSERT INTO plan_limits (plan, per_minute, per_month) VALUES ('scale', 60, 100000);
INSERT INTO plan_limits (plan, per_minute, per_month) VALUES ('enterprise', 120, 1000000);
