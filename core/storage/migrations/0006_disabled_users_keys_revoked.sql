-- Disabling a user revokes their API keys, so enabling the user again does not revive
-- them (AccountService::updateUser). Users disabled before that rule still hold keys
-- that were never revoked: revoke them now, as if at the moment they were disabled, and
-- say so in the audit log (one row per such user). :now is the time this runs.
INSERT INTO audit_log (at, action, actor_user_id, ip, target_type, target_id, details)
SELECT :now, 'user.keys_revoked', NULL, NULL, 'user', u.id,
       '{"reason":"disabled before keys were revoked on disabling"}'
FROM users u
WHERE u.disabled = 1
  AND EXISTS (SELECT 1 FROM api_keys k WHERE k.user_id = u.id AND k.revoked_at IS NULL);
UPDATE api_keys SET revoked_at = :now
WHERE revoked_at IS NULL
  AND user_id IN (SELECT id FROM users WHERE disabled = 1);
