-- Accounts: sign-in sessions and the audit log.
-- Sessions are stored by the SHA-256 (hex) of their bearer token, never the token.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    ip TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- Security-relevant events. Never a password, a session token or a full API key:
-- keys appear by id and prefix, unknown sign-in emails only as a truncated SHA-256.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at BIGINT NOT NULL,
    action TEXT NOT NULL,
    actor_user_id TEXT,
    ip TEXT,
    target_type TEXT,
    target_id TEXT,
    details TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
