INSERT INTO module_total (total) VALUES (0);
