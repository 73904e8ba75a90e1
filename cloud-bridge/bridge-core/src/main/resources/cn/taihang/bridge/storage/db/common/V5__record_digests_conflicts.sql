-- Store incarnation (issue 16): each record keeps the SHA-256 content hash (cn.taihang.wire.RecordDigest) and the
-- incarnation of the store that sent it. A repeated (gateway, seq) with the same digest is a duplicate; with another
-- digest (a restored backup or a cloned card reissued the number) it is a conflict, kept here with its body — never
-- counted as a duplicate. Rows from before this migration have no digest and are compared by key only.
ALTER TABLE records ADD COLUMN digest TEXT;
ALTER TABLE records ADD COLUMN incarnation BIGINT;
ALTER TABLE rejected ADD COLUMN digest TEXT;
ALTER TABLE rejected ADD COLUMN incarnation BIGINT;
CREATE TABLE conflicts (
  gateway           TEXT    NOT NULL,
  seq               BIGINT  NOT NULL,
  digest            TEXT    NOT NULL,
  incarnation       BIGINT  NOT NULL,  -- 0: a version-1 batch, which does not say
  site              TEXT    NOT NULL,
  device            TEXT    NOT NULL,
  kind              TEXT    NOT NULL,
  time_ms           BIGINT  NOT NULL,
  received_ms       BIGINT  NOT NULL,
  priority          INTEGER NOT NULL,
  body              ${blob} NOT NULL,  -- the conflicting record's SenML CBOR body, as received
  kept_digest       TEXT    NOT NULL,
  kept_incarnation  BIGINT,
  kept_values_json  TEXT,              -- the record stored first under the key (null if it is in `rejected`)
  PRIMARY KEY (gateway, seq, digest)
) ${without_rowid};
CREATE INDEX conflicts_by_received ON conflicts (received_ms);
