-- Key lockers report handovers in any arrival order: each car keeps the order key (record time, gateway, seq) of the
-- newest handover applied to it, and an older one arriving late changes its reservation but not the car.
ALTER TABLE rental_cars ADD COLUMN handover_ms BIGINT;
ALTER TABLE rental_cars ADD COLUMN handover_gateway TEXT;
ALTER TABLE rental_cars ADD COLUMN handover_seq BIGINT;
CREATE INDEX rental_locker_events_reservation ON rental_locker_events (reservation, kind, outcome);
