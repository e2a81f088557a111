-- An imported travel-time matrix (issue 11): driving minutes (and optionally road km) between places
-- named by reference — a technician's external_ref for their home base, a customer's for their site.
-- Route planning uses a pair's row when there is one (the reverse direction when only that is given)
-- and the coordinate rule otherwise. An import replaces the whole matrix in one transaction.
CREATE TABLE travel_time (
    from_ref   VARCHAR(128)     NOT NULL,
    to_ref     VARCHAR(128)     NOT NULL,
    minutes    DOUBLE PRECISION NOT NULL,
    km         DOUBLE PRECISION,
    CONSTRAINT pk_travel_time PRIMARY KEY (from_ref, to_ref),
    CONSTRAINT ck_travel_time_minutes CHECK (minutes >= 0),
    CONSTRAINT ck_travel_time_km CHECK (km IS NULL OR km >= 0)
);
