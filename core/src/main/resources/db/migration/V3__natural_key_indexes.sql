-- Indexes for the natural keys the importer checks for conflicts between sources.
CREATE INDEX ix_invoice_number ON invoice (invoice_number);
CREATE INDEX ix_product_name ON product (name);
CREATE INDEX ix_sales_rep_name ON sales_rep (name);
CREATE INDEX ix_campaign_name ON campaign (name);
