-- Sign-in, uniqueness and adding members find an account by its normalised address
-- (EmailAddress::normalised: NFKC, trimmed, lower-cased) in one index look-up. NFKC
-- cannot be done in SQL: new rows are written with it, and the server fills it in for
-- older rows at start-up (UserRepository::refreshEmailKeys). NULL for the later of two
-- older rows with one normalised address: that one signs in by its address as stored.
ALTER TABLE users ADD COLUMN email_key TEXT;
CREATE UNIQUE INDEX users_email_key ON users (email_key);
