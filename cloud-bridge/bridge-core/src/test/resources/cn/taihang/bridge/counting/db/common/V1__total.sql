CREATE TABLE module_total (total BIGINT NOT NULL);
