package quant.core.settings;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import quant.core.store.Store;
import quant.core.store.StoreException;
import quant.core.store.StoreException.Kind;
import quant.core.store.repo.SettingRows;

/**
 * A company's business settings as they are stored in its database: every {@link Setting} has a
 * value, the stored one or else its default. Immutable; {@link #with} and {@link #reset} return
 * changed copies that are validated as a whole, {@link #save} writes one in a single transaction.
 * Keys in the table that this version does not know are left as they are.
 */
public final class BusinessSettings {
    /** Every setting at its default. */
    public static final BusinessSettings DEFAULTS = new BusinessSettings(new EnumMap<>(Setting.class));

    private final EnumMap<Setting, String> stored;

    private BusinessSettings(EnumMap<Setting, String> stored) {
        this.stored = stored;
    }

    /**
     * Reads the settings of {@code store}.
     *
     * @throws StoreException when a stored value is not valid for its setting (the table was edited by hand)
     */
    public static BusinessSettings read(Store store) {
        EnumMap<Setting, String> values = new EnumMap<>(Setting.class);
        for (Map.Entry<String, String> row : SettingRows.read(store).entrySet()) {
            String key = row.getKey();
            Setting s = Setting.byKey(key).orElse(null);
            if (s == null) {
                continue;
            }
            try {
                values.put(s, s.canonical(row.getValue()));
            } catch (IllegalArgumentException e) {
                throw new StoreException(
                        Kind.DAMAGED,
                        "The business setting " + key + " in "
                                + store.location().name() + " is not valid: " + e.getMessage()
                                + " Set it again with quant settings set.",
                        e);
            }
        }
        BusinessSettings read = new BusinessSettings(values);
        try {
            read.customers();
            read.technicianWeights();
            read.monitors();
            read.kpiRules();
        } catch (IllegalArgumentException e) {
            throw new StoreException(
                    Kind.DAMAGED,
                    "The business settings in " + store.location().name() + " do not agree: " + e.getMessage(),
                    e);
        }
        return read;
    }

    /**
     * These settings with {@code setting} set to a value typed by a user.
     *
     * @throws IllegalArgumentException with one sentence when the value is not valid, alone or with the others
     */
    public BusinessSettings with(Setting setting, String text) {
        return with(Map.of(setting, text));
    }

    /**
     * These settings with several values typed by a user, checked together (so that two settings
     * that must agree can change at once).
     *
     * @throws IllegalArgumentException with one sentence when a value is not valid, alone or with the others
     */
    public BusinessSettings with(Map<Setting, String> texts) {
        EnumMap<Setting, String> next = new EnumMap<>(stored);
        texts.forEach((setting, text) -> next.put(setting, setting.canonical(text)));
        return checked(next);
    }

    /**
     * These settings with {@code settings} back at their defaults.
     *
     * @throws IllegalArgumentException when the defaults do not agree with the other values
     */
    public BusinessSettings reset(Collection<Setting> settings) {
        EnumMap<Setting, String> next = new EnumMap<>(stored);
        settings.forEach(next::remove);
        return checked(next);
    }

    private static BusinessSettings checked(EnumMap<Setting, String> values) {
        BusinessSettings changed = new BusinessSettings(values);
        changed.customers();
        changed.technicianWeights();
        changed.monitors();
        changed.kpiRules();
        return changed;
    }

    /** Writes these settings to {@code store} in one transaction: set values are stored, defaults removed. */
    public void save(Store store) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (Setting s : Setting.values()) {
            values.put(s.key(), stored.get(s));
        }
        SettingRows.write(store, values, LocalDateTime.now());
    }

    /** The opening cash balance the user entered, if any. */
    public java.util.OptionalDouble openingCash() {
        BigDecimal v = value(Setting.OPENING_CASH);
        return v == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(v.doubleValue());
    }

    /**
     * The value of a number setting: the stored one or its default (null for an optional setting
     * not set).
     *
     * @throws IllegalStateException for a setting that holds names
     */
    public BigDecimal value(Setting setting) {
        if (!setting.unit().isNumber()) {
            throw new IllegalStateException(setting.key() + " holds names, not a number");
        }
        String v = stored.get(setting);
        return v == null ? setting.defaultValue() : new BigDecimal(v);
    }

    /** The value of any setting as it is shown and stored: the stored text or the default's ("" for none). */
    public String text(Setting setting) {
        return stored.getOrDefault(setting, setting.defaultText());
    }

    /** How many backups of the database are kept in the data folder's backups. */
    public int backupsKeep() {
        return value(Setting.BACKUPS_KEEP).intValueExact();
    }

    /**
     * The currency of the company's amounts: the one set, else the computer's own (from its locale),
     * else the US dollar.
     */
    public java.util.Currency currency() {
        String code = text(Setting.CURRENCY);
        if (!code.isBlank()) {
            return java.util.Currency.getInstance(code);
        }
        try {
            java.util.Currency local = java.util.Currency.getInstance(java.util.Locale.getDefault());
            return local == null ? java.util.Currency.getInstance("USD") : local;
        } catch (IllegalArgumentException noCountry) {
            return java.util.Currency.getInstance("USD");
        }
    }

    /** The paper PDF documents are laid out for: the one set, else the computer's own (from its locale). */
    public quant.core.report.PaperSize paper() {
        String p = text(Setting.PAPER);
        return p.isBlank()
                ? quant.core.report.PaperSize.forLocale(java.util.Locale.getDefault(java.util.Locale.Category.FORMAT))
                : quant.core.report.PaperSize.parse(p);
    }

    /** How reports are exported: in the company's currency, on its paper. */
    public quant.core.report.ExportOptions exportOptions() {
        return new quant.core.report.ExportOptions(currency().getCurrencyCode(), paper(), null);
    }

    /** The pipeline's stage order as the user set it; empty when not set (the history decides). */
    public List<String> stageOrder() {
        return Setting.names(text(Setting.STAGE_ORDER));
    }

    /** Whether {@code setting} has a stored value (even one equal to its default). */
    public boolean isSet(Setting setting) {
        return stored.containsKey(setting);
    }

    /** The stored values as texts, by setting. */
    public Map<Setting, String> stored() {
        return Collections.unmodifiableMap(stored);
    }

    /** The customer analyses' settings, typed. */
    public CustomerSettings customers() {
        return new CustomerSettings(
                value(Setting.INACTIVITY_DAYS).intValueExact(),
                value(Setting.ANNUAL_DISCOUNT_RATE).doubleValue(),
                value(Setting.CLV_HORIZON_MONTHS).intValueExact(),
                value(Setting.HIGH_RISK_FROM).doubleValue(),
                value(Setting.MEDIUM_RISK_FROM).doubleValue());
    }

    /**
     * The technician score's weights: time, quality, rating.
     *
     * @throws IllegalArgumentException when they do not add up to 1
     */
    public double[] technicianWeights() {
        BigDecimal t = value(Setting.TECH_WEIGHT_TIME);
        BigDecimal q = value(Setting.TECH_WEIGHT_QUALITY);
        BigDecimal r = value(Setting.TECH_WEIGHT_RATING);
        BigDecimal sum = t.add(q).add(r);
        if (sum.compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("The technician score weights must add up to 1, not "
                    + Setting.show(t) + " + " + Setting.show(q) + " + " + Setting.show(r) + " = "
                    + Setting.show(sum) + ".");
        }
        return new double[] {t.doubleValue(), q.doubleValue(), r.doubleValue()};
    }

    /** The share of a line's revenue or hours above which one technician is a key person. */
    public double keyPersonShare() {
        return value(Setting.KEY_PERSON_SHARE).doubleValue();
    }

    /** The equipment analysis' rules: service interval and grace, and when to suggest a service. */
    public EquipmentRules equipmentRules() {
        return new EquipmentRules(
                value(Setting.SERVICE_INTERVAL).intValue(),
                value(Setting.SERVICE_GRACE).intValue(),
                value(Setting.RISK_HORIZON).intValue(),
                value(Setting.RISK_LEVEL).doubleValue());
    }

    /** The quote calculator's factors. */
    public PricingRules pricingRules() {
        return new PricingRules(
                value(Setting.SKILL_MULTIPLIER).doubleValue(),
                value(Setting.EQUIPMENT_LIFE).intValue(),
                value(Setting.MATERIAL_WASTE).doubleValue(),
                value(Setting.MATERIAL_MARKUP).doubleValue(),
                value(Setting.TARGET_MARGIN).doubleValue(),
                value(Setting.PRIORITY_LOW).doubleValue(),
                value(Setting.PRIORITY_HIGH).doubleValue(),
                value(Setting.PRIORITY_EMERGENCY).doubleValue(),
                value(Setting.SEGMENT_COMMERCIAL).doubleValue(),
                value(Setting.SEGMENT_RESIDENTIAL).doubleValue(),
                value(Setting.BUSY_FROM).doubleValue(),
                value(Setting.BUSY_FACTOR).doubleValue(),
                value(Setting.QUIET_BELOW).doubleValue(),
                value(Setting.QUIET_FACTOR).doubleValue());
    }

    /**
     * How KPIs are judged, scored and alerted on.
     *
     * @throws IllegalArgumentException when the critical share does not lie beyond the warning share,
     *     or every health weight is 0
     */
    public KpiRules kpiRules() {
        double warning = value(Setting.KPI_WARNING_VARIANCE).doubleValue();
        double critical = value(Setting.KPI_CRITICAL_VARIANCE).doubleValue();
        if (critical <= warning) {
            throw new IllegalArgumentException(
                    Setting.KPI_CRITICAL_VARIANCE.label() + " (" + text(Setting.KPI_CRITICAL_VARIANCE)
                            + ") must lie beyond "
                            + Setting.KPI_WARNING_VARIANCE.label().toLowerCase(java.util.Locale.ROOT)
                            + " (" + text(Setting.KPI_WARNING_VARIANCE) + ").");
        }
        Setting[] keys = {
            Setting.HEALTH_FINANCE,
            Setting.HEALTH_OPERATIONS,
            Setting.HEALTH_CUSTOMERS,
            Setting.HEALTH_SALES,
            Setting.HEALTH_RISK
        };
        double[] weights = new double[keys.length];
        double sum = 0;
        for (int i = 0; i < keys.length; i++) {
            weights[i] = value(keys[i]).doubleValue();
            sum += weights[i];
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("At least one health weight must be above 0.");
        }
        return new KpiRules(
                warning,
                critical,
                weights,
                value(Setting.ALERT_SUDDEN_CHANGE).doubleValue(),
                value(Setting.ALERT_COOLDOWN).intValue());
    }

    /** How overhead is allocated to jobs: {@code hours}, {@code jobs} or {@code revenue}. */
    public String overheadBy() {
        String rule = text(Setting.OVERHEAD_BY);
        return rule.isBlank() ? "hours" : rule;
    }

    /**
     * The finance monitors' levels.
     *
     * @throws IllegalArgumentException when a warning level lies beyond its critical level
     */
    public Monitors monitors() {
        Monitors m = new Monitors(
                higher(Setting.DSO_WARNING, Setting.DSO_CRITICAL),
                higher(Setting.OVERDUE_WARNING, Setting.OVERDUE_CRITICAL),
                lower(Setting.COLLECTION_WARNING, Setting.COLLECTION_CRITICAL),
                higher(Setting.TOP5_WARNING, Setting.TOP5_CRITICAL),
                higher(Setting.HHI_WARNING, Setting.HHI_CRITICAL),
                lower(Setting.GROSS_MARGIN_WARNING, Setting.GROSS_MARGIN_CRITICAL),
                lower(Setting.OPERATING_MARGIN_WARNING, Setting.OPERATING_MARGIN_CRITICAL),
                higher(Setting.VOLATILITY_WARNING, Setting.VOLATILITY_CRITICAL));
        return m;
    }

    private Levels higher(Setting warning, Setting critical) {
        Levels l = new Levels(value(warning).doubleValue(), value(critical).doubleValue(), true);
        if (l.warning() > l.critical()) {
            throw new IllegalArgumentException(warning.label() + " (" + text(warning) + ") must not lie above "
                    + critical.label().toLowerCase(java.util.Locale.ROOT) + " (" + text(critical) + ").");
        }
        return l;
    }

    private Levels lower(Setting warning, Setting critical) {
        Levels l = new Levels(value(warning).doubleValue(), value(critical).doubleValue(), false);
        if (l.warning() < l.critical()) {
            throw new IllegalArgumentException(warning.label() + " (" + text(warning) + ") must not lie below "
                    + critical.label().toLowerCase(java.util.Locale.ROOT) + " (" + text(critical) + ").");
        }
        return l;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BusinessSettings b && b.stored.equals(stored);
    }

    @Override
    public int hashCode() {
        return stored.hashCode();
    }

    @Override
    public String toString() {
        return "BusinessSettings" + stored;
    }
}
