-- Exit pages and visit duration (api-contract section 9). session_state keeps each visit's
-- last pageview (path and time), so the writer can move the visit's exit page when a later
-- pageview arrives; rollup_buckets.duration_ms sums, over the visits that started in the
-- bucket, the time from their first to their last event. Visits begun before this
-- migration count their exit page from their next pageview on, and their duration from
-- their next event on.
ALTER TABLE session_state ADD COLUMN exit_path TEXT;
ALTER TABLE session_state ADD COLUMN exit_at BIGINT;
ALTER TABLE rollup_buckets ADD COLUMN duration_ms BIGINT NOT NULL DEFAULT 0;
