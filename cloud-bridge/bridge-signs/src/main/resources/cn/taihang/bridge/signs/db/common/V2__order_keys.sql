-- Records arrive in any order (a failed batch is resent after newer ones): each row keeps the order key
-- (record time, gateway, seq) of what it shows, and a record is applied only if it is newer.
ALTER TABLE signs ADD COLUMN status_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE signs ADD COLUMN png_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE signs ADD COLUMN readings_ms BIGINT;
ALTER TABLE signs ADD COLUMN readings_seq BIGINT NOT NULL DEFAULT 0;
-- A cleared alarm stays as a row with active = 0, so that its raise arriving later is known to be older.
ALTER TABLE sign_road_alarms ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE sign_road_alarms ADD COLUMN event_ms BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sign_road_alarms ADD COLUMN event_seq BIGINT NOT NULL DEFAULT 0;
UPDATE sign_road_alarms SET event_ms = raised_ms;
