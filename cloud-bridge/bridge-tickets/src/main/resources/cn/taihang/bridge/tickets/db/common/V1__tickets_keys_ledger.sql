-- The ticket service's tables as the bridge made them before migrations (IF NOT EXISTS: a database from then is already here).
CREATE TABLE IF NOT EXISTS ticket_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ticket_keys (id INTEGER PRIMARY KEY, public_key TEXT NOT NULL, private_key TEXT NOT NULL, state TEXT NOT NULL,
  created BIGINT NOT NULL, changed BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS ticket_capacity (product TEXT NOT NULL, day TEXT NOT NULL, sold INTEGER NOT NULL, capacity INTEGER NOT NULL,
  PRIMARY KEY (product, day));
CREATE TABLE IF NOT EXISTS tickets (id BIGINT PRIMARY KEY, holder_ref TEXT NOT NULL, key_id INTEGER NOT NULL, issued BIGINT NOT NULL,
  valid_until BIGINT NOT NULL, status TEXT NOT NULL, status_changed BIGINT, items TEXT NOT NULL, qr TEXT NOT NULL, price DOUBLE PRECISION NOT NULL);
CREATE INDEX IF NOT EXISTS tickets_by_status ON tickets (status, valid_until);
CREATE TABLE IF NOT EXISTS ticket_redemptions (gateway TEXT NOT NULL, seq BIGINT NOT NULL, site TEXT NOT NULL, device TEXT NOT NULL,
  ticket BIGINT NOT NULL, entitlement INTEGER NOT NULL, time BIGINT NOT NULL, received BIGINT NOT NULL, place BIGINT, use BIGINT,
  PRIMARY KEY (gateway, seq));
CREATE INDEX IF NOT EXISTS ticket_redemptions_by_ticket ON ticket_redemptions (ticket, entitlement);
CREATE TABLE IF NOT EXISTS ticket_conflicts (ticket BIGINT NOT NULL, entitlement INTEGER NOT NULL, detected BIGINT NOT NULL,
  uses INTEGER NOT NULL, redeemed INTEGER NOT NULL, PRIMARY KEY (ticket, entitlement));
CREATE TABLE IF NOT EXISTS ticket_rental_passes (reservation TEXT NOT NULL, action TEXT NOT NULL, ticket BIGINT NOT NULL, car TEXT,
  PRIMARY KEY (reservation, action));
