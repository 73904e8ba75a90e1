-- The command keys (a key set of their own): private_key is the signing key store's handle, never the clear key.
CREATE TABLE IF NOT EXISTS command_keys (
  id               INTEGER PRIMARY KEY,
  public_key       TEXT    NOT NULL,
  private_key      TEXT    NOT NULL,
  state            TEXT    NOT NULL,
  created_ms       BIGINT  NOT NULL,
  changed_ms       BIGINT  NOT NULL,
  rotation_id      BIGINT,
  rotation_command TEXT
);
-- Each gateway's X25519 sealing public key, from its latest birth that announced one.
CREATE TABLE IF NOT EXISTS gateway_sealing_keys (
  gateway      TEXT    PRIMARY KEY,
  public_key   TEXT    NOT NULL,
  announced_ms BIGINT  NOT NULL
);
