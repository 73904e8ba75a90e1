-- The signs' tables as the bridge made them before migrations (IF NOT EXISTS: a database from then is already here).
CREATE TABLE IF NOT EXISTS signs (id TEXT PRIMARY KEY, gateway TEXT NOT NULL, site TEXT NOT NULL, role TEXT NOT NULL,
  width INTEGER NOT NULL, height INTEGER NOT NULL, colour TEXT NOT NULL, large INTEGER NOT NULL, state TEXT NOT NULL,
  link INTEGER NOT NULL, multi TEXT NOT NULL, origin TEXT NOT NULL, source TEXT NOT NULL, priority INTEGER NOT NULL,
  activated_ms BIGINT, expires_ms BIGINT, pages INTEGER NOT NULL, brightness DOUBLE PRECISION, temperature DOUBLE PRECISION,
  ambient DOUBLE PRECISION, pixel_faults DOUBLE PRECISION, warnings TEXT, status_ms BIGINT NOT NULL, png TEXT, png_ms BIGINT);
CREATE TABLE IF NOT EXISTS sign_desired (sign TEXT PRIMARY KEY, gateway TEXT NOT NULL, site TEXT NOT NULL, multi TEXT NOT NULL,
  priority INTEGER NOT NULL, duration INTEGER NOT NULL, source TEXT NOT NULL, issued_ms BIGINT NOT NULL, expires_ms BIGINT);
CREATE TABLE IF NOT EXISTS sign_parking (area TEXT NOT NULL, day TEXT NOT NULL, inbound BIGINT NOT NULL, outbound BIGINT NOT NULL,
  PRIMARY KEY (area, day));
CREATE TABLE IF NOT EXISTS sign_road_alarms (gateway TEXT NOT NULL, id TEXT NOT NULL, site TEXT NOT NULL, kind TEXT NOT NULL,
  raised_ms BIGINT NOT NULL, PRIMARY KEY (gateway, id));
CREATE TABLE IF NOT EXISTS sign_hub_notices (site TEXT PRIMARY KEY, message_id TEXT NOT NULL, lines TEXT NOT NULL,
  priority INTEGER NOT NULL, valid_until_ms BIGINT NOT NULL, received_ms BIGINT NOT NULL);
