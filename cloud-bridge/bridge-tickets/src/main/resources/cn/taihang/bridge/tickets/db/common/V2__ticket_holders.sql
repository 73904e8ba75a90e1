-- The hash of each sold ticket's holder capability (cn.taihang.bridge.module.HolderToken), given out once when it was ordered.
CREATE TABLE ticket_holders (ticket BIGINT PRIMARY KEY, token_hash TEXT NOT NULL);
