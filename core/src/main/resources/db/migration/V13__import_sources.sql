-- Imports from API connectors (issue 33): a run records the connector, the object (customers,
-- invoices, ...) and the watermark the sync reached instead of a file's name, size and hash. The next
-- sync of that object resumes from the newest watermark of a run that committed and was not undone.
ALTER TABLE import_run ALTER COLUMN file_name DROP NOT NULL;
ALTER TABLE import_run ALTER COLUMN file_size DROP NOT NULL;
ALTER TABLE import_run ALTER COLUMN sha256 DROP NOT NULL;
ALTER TABLE import_run ADD COLUMN connector VARCHAR(40);
ALTER TABLE import_run ADD COLUMN object_name VARCHAR(64);
ALTER TABLE import_run ADD COLUMN watermark VARCHAR(100);
ALTER TABLE import_run ADD CONSTRAINT ck_import_run_origin CHECK (
    (file_name IS NOT NULL AND file_size IS NOT NULL AND sha256 IS NOT NULL AND connector IS NULL
        AND object_name IS NULL)
    OR (connector IS NOT NULL AND object_name IS NOT NULL AND file_name IS NULL AND file_size IS NULL
        AND sha256 IS NULL));
CREATE INDEX ix_import_run_connector ON import_run (connector, object_name, id);
