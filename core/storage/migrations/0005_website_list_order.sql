-- Website lists are ordered by (created_at DESC, id). With id in the index, a one-team
-- list is read in index order (no temporary sort B-tree per request).
CREATE INDEX websites_team_order ON websites (team_id, created_at DESC, id);
DROP INDEX websites_team;
