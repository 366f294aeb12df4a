-- Visitors (api-contract section 9): a keyed hash of (website, client address, user
-- agent) under a random salt of the UTC day the event was received. One salt per day,
-- deleted two days later (VisitorIds), after which no stored id can be tied back to an
-- address. events.visitor_id is NULL for events stored before this migration; those
-- count their session_id as the visitor, as before.
CREATE TABLE visitor_salts (
    day BIGINT PRIMARY KEY,
    salt BLOB NOT NULL
);
ALTER TABLE events ADD COLUMN visitor_id BLOB;
