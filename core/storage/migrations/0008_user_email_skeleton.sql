-- The confusable skeleton (Unicode TS #39, through ICU) of each user's normalised
-- address: a new address whose skeleton an existing user's has looks like that user's
-- address and is refused (409 EMAIL_TAKEN). Not unique: older rows may share one. Like
-- email_key, computed in C++ (UserRepository::refreshEmailKeys at start-up).
ALTER TABLE users ADD COLUMN email_skeleton TEXT;
CREATE INDEX users_email_skeleton ON users (email_skeleton);
