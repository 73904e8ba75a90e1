-- The releases module's tables: releases and their bundles by content, rollouts and their gateways, site kinds for
-- maintenance windows, configuration pushes and what each gateway runs. Portable SQL (SQLite and PostgreSQL).
CREATE TABLE IF NOT EXISTS fleet_bundles (sha256 TEXT PRIMARY KEY, size BIGINT NOT NULL, uploaded BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS fleet_releases (version TEXT PRIMARY KEY, key_id TEXT NOT NULL, boards TEXT NOT NULL, bundles INTEGER NOT NULL,
  total_bytes BIGINT NOT NULL, created BIGINT NOT NULL, uploaded BIGINT NOT NULL, notes TEXT NOT NULL, envelope TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS fleet_release_bundles (version TEXT NOT NULL, symbolic_name TEXT NOT NULL, bundle_version TEXT NOT NULL,
  sha256 TEXT NOT NULL, size BIGINT NOT NULL, PRIMARY KEY (version, symbolic_name));
CREATE TABLE IF NOT EXISTS fleet_site_kinds (site TEXT PRIMARY KEY, kind TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS fleet_rollouts (id BIGINT PRIMARY KEY, release TEXT NOT NULL, status TEXT NOT NULL, reason TEXT, spec TEXT NOT NULL,
  wave INTEGER NOT NULL, created BIGINT NOT NULL, changed BIGINT NOT NULL, completed BIGINT);
CREATE INDEX IF NOT EXISTS fleet_rollouts_by_status ON fleet_rollouts (status);
CREATE TABLE IF NOT EXISTS fleet_rollout_gateways (rollout BIGINT NOT NULL, gateway TEXT NOT NULL, site TEXT NOT NULL, wave INTEGER NOT NULL,
  state TEXT NOT NULL, attempt INTEGER NOT NULL, started BIGINT, deadline BIGINT, trying_since BIGINT, finished BIGINT, step TEXT, reason TEXT,
  message TEXT, bytes BIGINT NOT NULL, PRIMARY KEY (rollout, gateway));
CREATE INDEX IF NOT EXISTS fleet_rollout_gateways_by_gateway ON fleet_rollout_gateways (gateway, state);
CREATE TABLE IF NOT EXISTS fleet_config_pushes (version BIGINT PRIMARY KEY, targets TEXT NOT NULL, fragment TEXT NOT NULL, note TEXT NOT NULL,
  created BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS fleet_gateway_config (gateway TEXT PRIMARY KEY, site TEXT NOT NULL, desired BIGINT, applied BIGINT, state TEXT,
  reason TEXT, message TEXT, hash TEXT, pids TEXT, drift TEXT, reported BIGINT);
