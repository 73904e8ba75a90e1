-- Dispatch's tables as the bridge made them before migrations (IF NOT EXISTS: a database from then is already here).
CREATE TABLE IF NOT EXISTS dispatch_flow (place TEXT NOT NULL, hour_ms BIGINT NOT NULL, scans DOUBLE PRECISION NOT NULL,
  vehicles DOUBLE PRECISION NOT NULL, PRIMARY KEY (place, hour_ms));
CREATE TABLE IF NOT EXISTS dispatch_plans (day TEXT PRIMARY KEY, created_ms BIGINT NOT NULL, plan_json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS dispatch_vehicles (id TEXT PRIMARY KEY, plate TEXT NOT NULL, lat DOUBLE PRECISION NOT NULL,
  lon DOUBLE PRECISION NOT NULL, free INTEGER NOT NULL, ride TEXT);
CREATE TABLE IF NOT EXISTS dispatch_rides (id TEXT PRIMARY KEY, hub TEXT NOT NULL, passengers INTEGER NOT NULL, state TEXT NOT NULL,
  vehicle TEXT, eta_minutes INTEGER, road_km DOUBLE PRECISION, requested_ms BIGINT NOT NULL, assigned_ms BIGINT, completed_ms BIGINT);
