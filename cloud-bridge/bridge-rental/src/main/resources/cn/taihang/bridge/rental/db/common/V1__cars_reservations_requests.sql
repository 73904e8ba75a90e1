-- The rental's tables as the bridge made them before migrations (IF NOT EXISTS: a database from then is already here).
CREATE TABLE IF NOT EXISTS rental_cars (id TEXT PRIMARY KEY, plate TEXT NOT NULL, station TEXT, state TEXT NOT NULL,
  reservation TEXT, destination TEXT, eta_ms BIGINT, updated_ms BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS rental_reservations (id TEXT PRIMARY KEY, customer TEXT NOT NULL, pickup_station TEXT NOT NULL,
  pickup_from_ms BIGINT NOT NULL, pickup_until_ms BIGINT NOT NULL, return_station TEXT NOT NULL, return_from_ms BIGINT NOT NULL,
  return_until_ms BIGINT NOT NULL, state TEXT NOT NULL, car TEXT, fee_fen BIGINT NOT NULL, one_way_fen BIGINT NOT NULL,
  created_ms BIGINT NOT NULL, picked_up_ms BIGINT, returned_ms BIGINT);
CREATE INDEX IF NOT EXISTS rental_reservations_pickup ON rental_reservations (pickup_station, state);
CREATE INDEX IF NOT EXISTS rental_reservations_return ON rental_reservations (return_station, state);
CREATE TABLE IF NOT EXISTS rental_requests (station TEXT NOT NULL, day TEXT NOT NULL, requests INTEGER NOT NULL,
  refused INTEGER NOT NULL, PRIMARY KEY (station, day));
CREATE TABLE IF NOT EXISTS rental_locker_events (gateway TEXT NOT NULL, seq BIGINT NOT NULL, kind TEXT NOT NULL,
  reservation TEXT, station TEXT, time_ms BIGINT NOT NULL, outcome TEXT NOT NULL, PRIMARY KEY (gateway, seq));
