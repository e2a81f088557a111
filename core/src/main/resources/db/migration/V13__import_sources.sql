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

-- A payment taken without an invoice (a card charge or payment in Stripe) belongs to its customer; the
-- invoice-based measures (receivables, days sales outstanding) count only payments of invoices.
ALTER TABLE payment ALTER COLUMN invoice_id DROP NOT NULL;
ALTER TABLE payment ADD COLUMN customer_id BIGINT REFERENCES customer (id);
ALTER TABLE payment ADD CONSTRAINT ck_payment_of_invoice_or_customer CHECK (
    invoice_id IS NOT NULL OR customer_id IS NOT NULL);
CREATE INDEX ix_payment_customer ON payment (customer_id);

-- The API connections of this database: where each connector reaches its vendor and how often it
-- syncs while the workbench is open. The tokens are never here: they are in the credential store.
CREATE TABLE api_connection (
    connector        VARCHAR(40)  PRIMARY KEY,
    base_url         VARCHAR(400) NOT NULL,
    client_id        VARCHAR(200),
    account          VARCHAR(200),
    connected_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    sync_every_hours INTEGER,
    secret_ref       VARCHAR(64)  NOT NULL,
    CONSTRAINT ck_api_connection_hours CHECK (sync_every_hours BETWEEN 1 AND 168)
);
