package quant.core.settings;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The business settings a company keeps in its database (DESIGN.md, "Business settings"): each with
 * its key in the {@code business_setting} table, what it means, its unit, its default and the range
 * it must lie in. Analyses take these as the defaults of their specs; a command line option or a
 * view's control overrides them for one run without changing what is stored.
 */
public enum Setting {
    INACTIVITY_DAYS(
            "customers.inactivityDays",
            "Churn inactivity window",
            Unit.DAYS,
            "365",
            "30",
            "3650",
            "A customer with no paid completed job for this many days before the as-of date counts as churned."),
    ANNUAL_DISCOUNT_RATE(
            "customers.annualDiscountRate",
            "Discount rate for future value",
            Unit.FRACTION_PER_YEAR,
            "0.10",
            "0",
            "1",
            "Future margin is discounted at this yearly rate in lifetime value (0.10 = 10 %)."),
    CLV_HORIZON_MONTHS(
            "customers.clvHorizonMonths",
            "Lifetime value horizon",
            Unit.MONTHS,
            "36",
            "1",
            "240",
            "How far ahead future transactions and margin are counted in lifetime value."),
    HIGH_RISK_FROM(
            "customers.highRiskFrom",
            "High churn risk from",
            Unit.PROBABILITY,
            "0.50",
            "0.02",
            "0.99",
            "Customers with at least this churn probability are high risk: immediate outreach."),
    MEDIUM_RISK_FROM(
            "customers.mediumRiskFrom",
            "Medium churn risk from",
            Unit.PROBABILITY,
            "0.25",
            "0.01",
            "0.98",
            "Customers with at least this churn probability (and below high) are medium risk: proactive engagement."),
    OPENING_CASH(
            "cash.openingBalance",
            "Opening cash balance",
            Unit.MONEY,
            null,
            "-1000000000",
            "10000000000",
            "Cash in the bank at the as-of date; the cash-flow forecast runs its balance from it (empty: flows only)."),
    STAGE_ORDER(
            "pipeline.stageOrder",
            "Pipeline stage order",
            Unit.NAMES,
            null,
            null,
            null,
            "The open deal stages in order, separated by commas (empty: the order the stage history shows)."),
    ROUTE_ROAD_FACTOR(
            "routing.roadFactor",
            "Road distance factor",
            Unit.FACTOR,
            "1.3",
            "1",
            "5",
            "Road distance is the straight-line (great-circle) distance times this factor."),
    ROUTE_MINUTES_PER_TRIP(
            "routing.minutesPerTrip",
            "Minutes per trip",
            Unit.MINUTES,
            "8",
            "0",
            "120",
            "Every drive takes these minutes to get going and park, on top of the minutes per road km."),
    ROUTE_MINUTES_PER_KM(
            "routing.minutesPerKm",
            "Minutes per road km",
            Unit.MINUTES,
            "1.6",
            "0.1",
            "30",
            "Driving time per road kilometre."),
    ROUTE_COST_PER_KM(
            "routing.costPerKm",
            "Vehicle cost per km",
            Unit.MONEY,
            "0.24",
            "0",
            "100",
            "Fuel and wear per road kilometre driven."),
    ROUTE_RETURN_HOME(
            "routing.returnHome",
            "Plan the drive home",
            Unit.SWITCH,
            "0",
            "0",
            "1",
            "1: a day ends back at the technician's home base by the shift end and the drive home counts; 0: it ends"
                    + " when the last job is done, as recorded travel minutes count it."),
    ROUTE_TRAVEL_WEIGHT(
            "routing.travelWeight",
            "Weight of driving time",
            Unit.WEIGHT,
            "1",
            "0",
            "1000",
            "Route planning: the cost of one minute of driving."),
    ROUTE_FUEL_WEIGHT(
            "routing.fuelWeight",
            "Weight of vehicle cost",
            Unit.WEIGHT,
            "1",
            "0",
            "1000",
            "Route planning: the cost of one unit of money spent per km (see vehicle cost per km)."),
    ROUTE_BALANCE_WEIGHT(
            "routing.balanceWeight",
            "Weight of workload balance",
            Unit.WEIGHT,
            "0.1",
            "0",
            "1000",
            "Route planning: the cost of one minute of imbalance between technicians' working days."),
    ROUTE_LATENESS_WEIGHT(
            "routing.latenessWeight",
            "Weight of lateness",
            Unit.WEIGHT,
            null,
            "0",
            "1000",
            "Route planning: the cost of arriving one minute after a job's window closes (empty: windows are hard;"
                    + " no job is planned late)."),
    ROUTE_WEIGHT_LOW(
            "routing.priorityWeight.low",
            "Priority weight: low",
            Unit.WEIGHT,
            "1",
            "0",
            "1000000",
            "Route planning: leaving a low-priority job unplanned weighs this much; jobs with more weight are planned"
                    + " first."),
    ROUTE_WEIGHT_NORMAL(
            "routing.priorityWeight.normal",
            "Priority weight: normal",
            Unit.WEIGHT,
            "3",
            "0",
            "1000000",
            "Route planning: leaving a normal job unplanned weighs this much."),
    ROUTE_WEIGHT_HIGH(
            "routing.priorityWeight.high",
            "Priority weight: high",
            Unit.WEIGHT,
            "10",
            "0",
            "1000000",
            "Route planning: leaving a high-priority job unplanned weighs this much."),
    ROUTE_WEIGHT_EMERGENCY(
            "routing.priorityWeight.emergency",
            "Priority weight: emergency",
            Unit.WEIGHT,
            "100",
            "0",
            "1000000",
            "Route planning: leaving an emergency unplanned weighs this much."),
    COMPANY_NAME(
            "company.name",
            "Company name",
            Unit.TEXT,
            null,
            null,
            null,
            "The company's name as report packs print it on their cover and in their running header (empty:"
                    + " none)."),
    CURRENCY(
            "company.currency",
            "Currency",
            Unit.CURRENCY,
            null,
            null,
            null,
            "The currency of every amount, as a three-letter code such as USD, EUR or GBP (empty: the"
                    + " computer's own, from its locale)."),
    BACKUPS_KEEP(
            "backups.keep",
            "Backups kept",
            Unit.COUNT,
            "5",
            "1",
            "1000",
            "How many backups of this database are kept in the data folder's backups (the newest; older ones"
                    + " are deleted), for File ▸ Back up…, quant db backup and the backup before a migration."),
    PAPER(
            "report.paper",
            "Paper size",
            Unit.PAPER,
            null,
            null,
            null,
            "The paper exported PDF documents are laid out for: a4 or letter (empty: the computer's own,"
                    + " Letter in the Americas that use it, A4 elsewhere)."),
    TECH_WEIGHT_TIME(
            "technicians.weightTime",
            "Score weight: time",
            Unit.SHARE,
            "0.3",
            "0",
            "1",
            "The technician score's weight on time (actual against estimated hours); the three weights add up to 1."),
    TECH_WEIGHT_QUALITY(
            "technicians.weightQuality",
            "Score weight: quality",
            Unit.SHARE,
            "0.4",
            "0",
            "1",
            "The technician score's weight on quality (first-time fix: jobs without a callback)."),
    TECH_WEIGHT_RATING(
            "technicians.weightRating",
            "Score weight: rating",
            Unit.SHARE,
            "0.3",
            "0",
            "1",
            "The technician score's weight on the customers' average rating."),
    KEY_PERSON_SHARE(
            "technicians.keyPersonShare",
            "Key-person share",
            Unit.SHARE,
            "0.35",
            "0.05",
            "1",
            "A service line depends on one technician when that technician carries more than this share of its"
                    + " revenue or hours."),
    OVERHEAD_BY(
            "profitability.overheadBy",
            "Allocate overhead by",
            Unit.RULE,
            null,
            null,
            null,
            "How expenses without a service line are shared out over jobs: hours (labour hours, the default), jobs"
                    + " (job count) or revenue. Expenses of a service line stay with its jobs."),
    DSO_WARNING(
            "receivables.dsoWarning",
            "DSO warning from",
            Unit.DAYS,
            "45",
            "1",
            "365",
            "Days sales outstanding at or above this is a warning."),
    DSO_CRITICAL(
            "receivables.dsoCritical",
            "DSO critical from",
            Unit.DAYS,
            "60",
            "1",
            "365",
            "Days sales outstanding at or above this is critical."),
    OVERDUE_WARNING(
            "receivables.overdue60Warning",
            "Over 60 days warning from",
            Unit.SHARE,
            "0.15",
            "0",
            "1",
            "The share of open receivables more than 60 days past due at or above which it is a warning."),
    OVERDUE_CRITICAL(
            "receivables.overdue60Critical",
            "Over 60 days critical from",
            Unit.SHARE,
            "0.25",
            "0",
            "1",
            "The share of open receivables more than 60 days past due at or above which it is critical."),
    COLLECTION_WARNING(
            "receivables.collectionWarning",
            "Collection efficiency warning below",
            Unit.SHARE,
            "0.90",
            "0",
            "1",
            "Collection efficiency (collected ÷ collectible over the last 90 days) below this is a warning."),
    COLLECTION_CRITICAL(
            "receivables.collectionCritical",
            "Collection efficiency critical below",
            Unit.SHARE,
            "0.80",
            "0",
            "1",
            "Collection efficiency below this is critical."),
    TOP5_WARNING(
            "finance.top5Warning",
            "Top-5 share warning from",
            Unit.SHARE,
            "0.40",
            "0",
            "1",
            "The five largest customers' share of invoiced revenue over 12 months at or above which it is a warning."),
    TOP5_CRITICAL(
            "finance.top5Critical",
            "Top-5 share critical from",
            Unit.SHARE,
            "0.50",
            "0",
            "1",
            "The five largest customers' share at or above which it is critical."),
    HHI_WARNING(
            "finance.hhiWarning",
            "Concentration index warning from",
            Unit.SHARE,
            "0.15",
            "0",
            "1",
            "The Herfindahl index of customers' revenue shares at or above which it is a warning (0.15 is the"
                    + " usual line for moderate concentration)."),
    HHI_CRITICAL(
            "finance.hhiCritical",
            "Concentration index critical from",
            Unit.SHARE,
            "0.25",
            "0",
            "1",
            "The Herfindahl index at or above which it is critical (high concentration)."),
    GROSS_MARGIN_WARNING(
            "finance.grossMarginWarning",
            "Gross margin warning below",
            Unit.SHARE,
            "0.35",
            "-1",
            "1",
            "A month's gross margin (revenue less job costs, ÷ revenue) below this is a warning."),
    GROSS_MARGIN_CRITICAL(
            "finance.grossMarginCritical",
            "Gross margin critical below",
            Unit.SHARE,
            "0.25",
            "-1",
            "1",
            "A month's gross margin below this is critical."),
    OPERATING_MARGIN_WARNING(
            "finance.operatingMarginWarning",
            "Operating margin warning below",
            Unit.SHARE,
            "0.10",
            "-1",
            "1",
            "A month's operating margin (after expenses and marketing spend) below this is a warning."),
    OPERATING_MARGIN_CRITICAL(
            "finance.operatingMarginCritical",
            "Operating margin critical below",
            Unit.SHARE,
            "0.05",
            "-1",
            "1",
            "A month's operating margin below this is critical."),
    VOLATILITY_WARNING(
            "finance.volatilityWarning",
            "Revenue volatility warning from",
            Unit.SHARE,
            "0.25",
            "0",
            "5",
            "Monthly revenue's coefficient of variation (after seasonality) at or above which it is a warning."),
    VOLATILITY_CRITICAL(
            "finance.volatilityCritical",
            "Revenue volatility critical from",
            Unit.SHARE,
            "0.40",
            "0",
            "5",
            "Monthly revenue's coefficient of variation at or above which it is critical."),
    SERVICE_INTERVAL(
            "equipment.serviceIntervalDays",
            "Service interval",
            Unit.DAYS,
            "90",
            "7",
            "730",
            "Days between planned services of an asset: a service is due this long after the one before."),
    SERVICE_GRACE(
            "equipment.serviceGraceDays",
            "Service grace",
            Unit.DAYS,
            "14",
            "0",
            "180",
            "A service done up to this many days after its due date still counts as on time."),
    RISK_HORIZON(
            "equipment.riskHorizonDays",
            "Failure risk horizon",
            Unit.DAYS,
            "30",
            "1",
            "365",
            "The window the suggested service date looks ahead: the chance of failing within this many days."),
    RISK_LEVEL(
            "equipment.riskLevel",
            "Service when failure risk reaches",
            Unit.PROBABILITY,
            "0.10",
            "0.001",
            "0.99",
            "Suggest a service from the age at which the chance of failing within the horizon reaches this."),
    SKILL_MULTIPLIER(
            "pricing.skillMultiplier",
            "Skill multiplier",
            Unit.FACTOR,
            "1",
            "0.5",
            "3",
            "Labour in a quote: the line's labour cost an hour × the hours × this."),
    EQUIPMENT_LIFE(
            "pricing.equipmentLifeYears",
            "Equipment life",
            Unit.YEARS,
            "7",
            "1",
            "40",
            "Years over which a machine's cost is written off, per hour of its use, in a quote."),
    MATERIAL_WASTE(
            "pricing.materialWaste",
            "Material waste factor",
            Unit.FACTOR,
            "1.05",
            "1",
            "3",
            "Materials in a quote: their cost × this, for offcuts and spares."),
    MATERIAL_MARKUP(
            "pricing.materialMarkup",
            "Material markup",
            Unit.SHARE,
            "0.35",
            "0",
            "5",
            "Materials are priced at their cost (with waste) × (1 + this)."),
    TARGET_MARGIN(
            "pricing.targetMargin",
            "Target margin",
            Unit.SHARE,
            "0.25",
            "0",
            "0.9",
            "The share of the labour, equipment and overhead price that is margin: that price = their cost ÷ (1 − this)."),
    PRIORITY_LOW(
            "pricing.priorityLow",
            "Low priority factor",
            Unit.FACTOR,
            "0.95",
            "0.1",
            "5",
            "A quote for a low-priority job is multiplied by this (normal priority: 1)."),
    PRIORITY_HIGH(
            "pricing.priorityHigh",
            "High priority factor",
            Unit.FACTOR,
            "1.15",
            "0.1",
            "5",
            "A quote for a high-priority job is multiplied by this."),
    PRIORITY_EMERGENCY(
            "pricing.priorityEmergency",
            "Emergency factor",
            Unit.FACTOR,
            "1.5",
            "0.1",
            "5",
            "A quote for an emergency is multiplied by this."),
    SEGMENT_COMMERCIAL(
            "pricing.segmentCommercial",
            "Commercial factor",
            Unit.FACTOR,
            "1",
            "0.1",
            "5",
            "A quote for a commercial customer is multiplied by this."),
    SEGMENT_RESIDENTIAL(
            "pricing.segmentResidential",
            "Residential factor",
            Unit.FACTOR,
            "1",
            "0.1",
            "5",
            "A quote for a residential customer is multiplied by this."),
    BUSY_FROM(
            "pricing.busyFrom",
            "Busy from utilisation",
            Unit.SHARE,
            "0.85",
            "0",
            "5",
            "A week whose forecast utilisation of the line's skill is at least this is busy."),
    BUSY_FACTOR(
            "pricing.busyFactor",
            "Busy-week factor",
            Unit.FACTOR,
            "1.1",
            "0.1",
            "5",
            "A quote for a busy week is multiplied by this."),
    QUIET_BELOW(
            "pricing.quietBelow",
            "Quiet below utilisation",
            Unit.SHARE,
            "0.5",
            "0",
            "5",
            "A week whose forecast utilisation of the line's skill is below this is quiet."),
    QUIET_FACTOR(
            "pricing.quietFactor",
            "Quiet-week factor",
            Unit.FACTOR,
            "0.95",
            "0.1",
            "5",
            "A quote for a quiet week is multiplied by this."),
    KPI_WARNING_VARIANCE(
            "kpi.warningVariance",
            "Warning off target or last year",
            Unit.SHARE,
            "0.10",
            "0.01",
            "0.9",
            "A KPI without its own levels is a warning this far off its target, or off the same period last year"
                    + " when it has no target (0.10 = 10 %)."),
    KPI_CRITICAL_VARIANCE(
            "kpi.criticalVariance",
            "Critical off target or last year",
            Unit.SHARE,
            "0.20",
            "0.02",
            "0.95",
            "Likewise for critical; it must lie beyond the warning share."),
    HEALTH_FINANCE(
            "kpi.weightFinance",
            "Health weight: finance",
            Unit.WEIGHT,
            "30",
            "0",
            "100",
            "How much the finance KPIs count in the health score (weights are relative)."),
    HEALTH_OPERATIONS(
            "kpi.weightOperations",
            "Health weight: operations",
            Unit.WEIGHT,
            "20",
            "0",
            "100",
            "How much the operations KPIs count in the health score."),
    HEALTH_CUSTOMERS(
            "kpi.weightCustomers",
            "Health weight: customers",
            Unit.WEIGHT,
            "20",
            "0",
            "100",
            "How much the customer KPIs count in the health score."),
    HEALTH_SALES(
            "kpi.weightSales",
            "Health weight: sales and marketing",
            Unit.WEIGHT,
            "15",
            "0",
            "100",
            "How much the sales and marketing KPIs count in the health score."),
    HEALTH_RISK(
            "kpi.weightRisk",
            "Health weight: risk",
            Unit.WEIGHT,
            "15",
            "0",
            "100",
            "How much the risk KPIs count in the health score."),
    ALERT_SUDDEN_CHANGE(
            "kpi.suddenChange",
            "Sudden change alert",
            Unit.SHARE,
            "0.40",
            "0.05",
            "5",
            "A week whose revenue or jobs differ from the mean of the eight weeks before by more than this share"
                    + " raises an alert (0.40 = 40 %)."),
    ALERT_COOLDOWN(
            "kpi.alertCooldownDays",
            "Alert cooldown",
            Unit.DAYS,
            "30",
            "1",
            "365",
            "After an alert, the same rule on the same KPI raises no new one for this many days unless it gets worse.");

    /** What a setting's number means. */
    public enum Unit {
        DAYS("days", "a whole number of days", true),
        MONTHS("months", "a whole number of months", true),
        YEARS("years", "a whole number of years", true),
        FRACTION_PER_YEAR("fraction per year", "a yearly rate (0.1 or 10 %)", false),
        PROBABILITY("probability", "a probability (0.5 or 50 %)", false),
        MONEY("money", "an amount of money with at most two decimals", false),
        NAMES("names", "a list of names separated by commas", false),
        CURRENCY("currency", "a currency code such as USD, EUR or GBP", false),
        FACTOR("times", "a factor", false),
        MINUTES("minutes", "a number of minutes", false),
        SWITCH("(0 no, 1 yes)", "0 (no) or 1 (yes)", true),
        WEIGHT("weight", "a weight", false),
        COUNT("files", "a whole number", true),
        PAPER("paper", "a4 or letter", false),
        SHARE("share", "a share (0.3 or 30 %)", false),
        RULE("rule", "hours, jobs or revenue", false),
        TEXT("text", "text of at most 120 characters", false);

        private final String words;
        private final String noun;
        private final boolean whole;

        Unit(String words, String noun, boolean whole) {
            this.words = words;
            this.noun = noun;
            this.whole = whole;
        }

        /** The unit in words, e.g. "days". */
        public String words() {
            return words;
        }

        /** Whether values are whole numbers. */
        public boolean isWhole() {
            return whole;
        }

        /** Whether values may be typed as a percentage ("10 %"). */
        boolean takesPercent() {
            return this == FRACTION_PER_YEAR || this == PROBABILITY || this == SHARE;
        }

        /** Whether values are numbers (all units but {@link #NAMES}, {@link #CURRENCY}, {@link #PAPER}, {@link #RULE} and {@link #TEXT}). */
        public boolean isNumber() {
            return this != NAMES && this != CURRENCY && this != PAPER && this != RULE && this != TEXT;
        }
    }

    /** The overhead allocation rules {@link #OVERHEAD_BY} takes. */
    public static final List<String> OVERHEAD_RULES = List.of("hours", "jobs", "revenue");

    private final String key;
    private final String label;
    private final Unit unit;
    private final BigDecimal defaultValue;
    private final BigDecimal min;
    private final BigDecimal max;
    private final String description;

    Setting(String key, String label, Unit unit, String defaultValue, String min, String max, String description) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.defaultValue = defaultValue == null ? null : new BigDecimal(defaultValue);
        this.min = min == null ? null : new BigDecimal(min);
        this.max = max == null ? null : new BigDecimal(max);
        this.description = description;
    }

    /** The key in the database and on the command line, e.g. {@code customers.inactivityDays}. */
    public String key() {
        return key;
    }

    /** A short label for forms. */
    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }

    /** The default, or null for an optional setting (one that is simply not set until a user sets it). */
    public BigDecimal defaultValue() {
        return defaultValue;
    }

    /** Whether the setting has no default: without a stored value it is not set. */
    public boolean isOptional() {
        return defaultValue == null;
    }

    /** The least value of a number setting; null for {@link Unit#NAMES}. */
    public BigDecimal min() {
        return min;
    }

    /** The greatest value of a number setting; null for {@link Unit#NAMES}. */
    public BigDecimal max() {
        return max;
    }

    /** What values are allowed, in words: "from 30 to 3650 days" or "a list of names separated by commas". */
    public String range() {
        return unit.isNumber()
                ? "From " + show(min) + " to " + show(max) + " " + unit.words() + "."
                : unit == Unit.CURRENCY
                        ? "A three-letter currency code (ISO 4217) such as USD, EUR or GBP."
                        : unit == Unit.PAPER
                                ? "A paper size: a4 or letter."
                                : unit == Unit.RULE
                                        ? "hours, jobs or revenue."
                                        : unit == Unit.TEXT
                                                ? "Any text of at most 120 characters."
                                                : "A list of names separated by commas.";
    }

    /** The default as shown and stored: "" for none. */
    public String defaultText() {
        return show(defaultValue);
    }

    /**
     * Reads a value typed by a user and returns it as it is stored: a number as {@link #show} writes
     * it, names stripped and joined by ", ".
     *
     * @throws IllegalArgumentException with one sentence naming the setting and what it must be
     */
    public String canonical(String text) {
        if (unit.isNumber()) {
            return show(parse(text));
        }
        if (unit == Unit.CURRENCY) {
            String code = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
            try {
                return java.util.Currency.getInstance(code).getCurrencyCode();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        label + " must be a three-letter currency code such as USD, EUR or GBP, not \""
                                + (text == null ? "" : text.strip()) + "\".");
            }
        }
        if (unit == Unit.PAPER) {
            try {
                return quant.core.report.PaperSize.parse(text == null ? "" : text)
                        .key();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        label + " must be a4 or letter, not \"" + (text == null ? "" : text.strip()) + "\".");
            }
        }
        if (unit == Unit.RULE) {
            String rule = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            if (!OVERHEAD_RULES.contains(rule)) {
                throw new IllegalArgumentException(
                        label + " must be hours, jobs or revenue, not \"" + (text == null ? "" : text.strip()) + "\".");
            }
            return rule;
        }
        if (unit == Unit.TEXT) {
            String t = text == null ? "" : text.strip();
            if (t.length() > 120 || t.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException(label + " must be one line of at most 120 characters.");
            }
            return t;
        }
        List<String> names = names(text);
        if (names.isEmpty()) {
            throw new IllegalArgumentException(label + " must name at least one stage.");
        }
        if (new java.util.HashSet<>(names.stream()
                                .map(n -> n.toLowerCase(Locale.ROOT))
                                .toList())
                        .size()
                < names.size()) {
            throw new IllegalArgumentException(label + " names a stage twice: \"" + text.strip() + "\".");
        }
        String joined = String.join(", ", names);
        if (joined.length() > 200) {
            throw new IllegalArgumentException(label + " is longer than 200 characters.");
        }
        return joined;
    }

    /** The names of a {@link Unit#NAMES} value, in order; empty for a blank text. */
    public static List<String> names(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(n -> !n.isEmpty())
                .toList();
    }

    /** One sentence on what the setting does. */
    public String description() {
        return description;
    }

    /** The setting with this key, if any (keys are compared ignoring case). */
    public static Optional<Setting> byKey(String key) {
        for (Setting s : values()) {
            if (s.key.equalsIgnoreCase(key.strip())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a value typed by a user: a plain number with a dot for decimals; fractions also as a
     * percentage ("10 %" for 0.10).
     *
     * @throws IllegalArgumentException with one sentence naming the setting, its unit and range
     */
    public BigDecimal parse(String text) {
        if (!unit.isNumber()) {
            throw new IllegalStateException(key + " holds names, not a number");
        }
        String t = text == null ? "" : text.strip().replace("_", "").replace(",", "");
        boolean percent = unit.takesPercent() && t.endsWith("%");
        if (percent) {
            t = t.substring(0, t.length() - 1).strip();
        }
        String expected = label + " must be " + unit.noun + " from " + show(min) + " to " + show(max) + ", not ";
        BigDecimal v;
        try {
            v = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(expected + "\"" + (text == null ? "" : text.strip()) + "\".");
        }
        if (percent) {
            v = v.movePointLeft(2);
        }
        v = v.stripTrailingZeros();
        if ((unit.isWhole() && v.scale() > 0)
                || (unit == Unit.MONEY && v.scale() > 2)
                || v.compareTo(min) < 0
                || v.compareTo(max) > 0) {
            throw new IllegalArgumentException(expected + show(v) + ".");
        }
        return v;
    }

    /** A value as it is stored and shown: plain digits, no exponent, no trailing zeros; "" for none. */
    public static String show(BigDecimal v) {
        if (v == null) {
            return "";
        }
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString().toLowerCase(Locale.ROOT);
    }
}
