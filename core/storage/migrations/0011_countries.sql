-- Countries (api-contract section 9): the ISO 3166-1 alpha-2 code of each event's client
-- address ('XX': not found), from the MaxMind DB file named by [geoip] database; NULL
-- when no database was configured. The address itself is not stored.
ALTER TABLE events ADD COLUMN country TEXT;
