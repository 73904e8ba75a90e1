-- The hash of each reservation's holder capability (cn.taihang.bridge.module.HolderToken), given out once when it was booked.
CREATE TABLE rental_holders (reservation TEXT PRIMARY KEY, token_hash TEXT NOT NULL);
