-- Per-website excluded addresses (api-contract section 9): canonical IPv4/IPv6 addresses
-- and CIDR ranges joined by ", " (Core::AddressList); events from them are dropped with
-- reason 'excluded'. Empty: none.
ALTER TABLE websites ADD COLUMN excluded_ips TEXT NOT NULL DEFAULT '';
