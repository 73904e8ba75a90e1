-- Security events (cn.taihang.bridge.security.SecurityEvents): one row per subject and reason.
CREATE TABLE security_events (
  subject   TEXT    NOT NULL,
  reason    TEXT    NOT NULL,
  source    TEXT    NOT NULL,
  first_ms  BIGINT  NOT NULL,
  last_ms   BIGINT  NOT NULL,
  count     BIGINT  NOT NULL,
  detail    TEXT    NOT NULL,
  PRIMARY KEY (subject, reason)
) ${without_rowid};
-- Who each gateway is, from the CA-signed certificate chain of its latest birth (not from its topics).
CREATE TABLE gateway_identities (
  gateway      TEXT    PRIMARY KEY,
  site         TEXT    NOT NULL,
  serial       TEXT    NOT NULL,
  not_after_ms BIGINT  NOT NULL,
  chain        TEXT    NOT NULL,  -- JSON array of base64 DER certificates, the gateway's first
  verified_ms  BIGINT  NOT NULL
) ${without_rowid};
