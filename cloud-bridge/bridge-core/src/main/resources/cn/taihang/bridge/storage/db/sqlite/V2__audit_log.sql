-- The audit of state-changing HTTP calls (cn.taihang.bridge.audit.AuditLog); id orders it (SQLite: the rowid).
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  time_ms   BIGINT  NOT NULL,
  subject   TEXT    NOT NULL,
  client    TEXT,
  method    TEXT    NOT NULL,
  route     TEXT    NOT NULL,
  target    TEXT    NOT NULL,
  status    INTEGER NOT NULL,
  remote    TEXT    NOT NULL,
  note      TEXT
);
