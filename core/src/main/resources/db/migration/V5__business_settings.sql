-- Business settings that belong to the company's data (DESIGN.md): the churn inactivity window, the
-- discount rate for future value, risk thresholds, and later cost per km, opening cash and the like.
-- One row per setting that differs from its default; the keys, types, units and ranges are defined
-- in quant.core.settings.Setting, which validates every value before it is written.
CREATE TABLE business_setting (
    setting_key   VARCHAR(64)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(200) NOT NULL,
    updated_at    TIMESTAMP    NOT NULL
);
