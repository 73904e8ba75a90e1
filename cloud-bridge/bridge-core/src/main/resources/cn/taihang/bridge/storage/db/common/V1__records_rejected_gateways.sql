-- The core's tables as the bridge made them before migrations (IF NOT EXISTS: a database from then is already here).
-- (gateway, seq) is the idempotency key: a record is stored once, in `records` or in `rejected`.
CREATE TABLE IF NOT EXISTS records (
  gateway      TEXT    NOT NULL,
  seq          BIGINT  NOT NULL,
  site         TEXT    NOT NULL,
  device       TEXT    NOT NULL,
  kind         TEXT    NOT NULL,
  time_ms      BIGINT  NOT NULL,
  received_ms  BIGINT  NOT NULL,
  priority     INTEGER NOT NULL,
  historical   INTEGER NOT NULL,
  values_json  TEXT    NOT NULL,
  units_json   TEXT    NOT NULL,
  PRIMARY KEY (gateway, seq)
) ${without_rowid};
CREATE INDEX IF NOT EXISTS records_by_time ON records (time_ms, gateway, seq);
CREATE INDEX IF NOT EXISTS records_by_gateway_time ON records (gateway, time_ms, seq);
CREATE TABLE IF NOT EXISTS rejected (
  gateway      TEXT    NOT NULL,
  seq          BIGINT  NOT NULL,
  site         TEXT    NOT NULL,
  device       TEXT    NOT NULL,
  kind         TEXT    NOT NULL,
  time_ms      BIGINT  NOT NULL,
  received_ms  BIGINT  NOT NULL,
  priority     INTEGER NOT NULL,
  historical   INTEGER NOT NULL,
  reason       TEXT    NOT NULL,
  detail       TEXT    NOT NULL,
  body         ${blob} NOT NULL,
  PRIMARY KEY (gateway, seq)
) ${without_rowid};
CREATE TABLE IF NOT EXISTS gateways (
  id            TEXT    PRIMARY KEY,
  site          TEXT    NOT NULL,
  site_name     TEXT,
  online        INTEGER NOT NULL DEFAULT 0,
  last_seen_ms  BIGINT  NOT NULL,
  bd_seq        BIGINT,
  birth_ms      BIGINT,
  software      TEXT,
  bundles_json  TEXT    NOT NULL DEFAULT '{}',
  devices_json  TEXT    NOT NULL DEFAULT '[]',
  console_url   TEXT,
  config_hash   TEXT
);
