-- The newest version of each retained fleet command any bridge instance has put on the broker (issue 15: published once).
CREATE TABLE IF NOT EXISTS fleet_publications (
  name         TEXT   PRIMARY KEY,
  version      BIGINT NOT NULL,
  command_id   BIGINT NOT NULL,
  published_ms BIGINT NOT NULL
);
