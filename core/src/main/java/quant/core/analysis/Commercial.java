package quant.core.analysis;

/**
 * The commercial parts of a {@link Snapshot}: leads and campaigns (what marketing brings in),
 * imported market sizes and competitor observations (where the business stands), and KPI targets,
 * with the same conventions as every part (days since 1970-01-01 or {@link Snapshot#NO_DAY}, texts
 * as {@link Codes}, references as row indexes or {@code -1}).
 */
public final class Commercial {
    private Commercial() {}

    /** Campaigns in id order: name, channel, first and last day, budget. */
    public static final class Campaigns extends TableRows {
        public static final Part<Campaigns> PART = Part.table("campaigns", "campaign", "k")
                .text("name", "name")
                .code("channel", "channel")
                .day("start", "started_on")
                .day("end", "ended_on")
                .number("budget", "budget")
                .holdIn(Campaigns::new);

        final String[] name;
        final int[] channel;
        final Codes channels;
        final int[] startDay;
        final int[] endDay;
        final double[] budget;

        Campaigns(Rows r) {
            super(r);
            name = r.texts("name");
            channel = r.ints("channel");
            channels = r.codes("channel");
            startDay = r.ints("start");
            endDay = r.ints("end");
            budget = r.numbers("budget");
        }

        public String name(int i) {
            return name[i];
        }

        /** The channel's code in {@link #channels()}. */
        public int channel(int i) {
            return channel[i];
        }

        public Codes channels() {
            return channels;
        }

        public int startDay(int i) {
            return startDay[i];
        }

        public int endDay(int i) {
            return endDay[i];
        }

        /** The planned budget; {@code NaN} when none was recorded. */
        public double budget(int i) {
            return budget[i];
        }
    }

    /** Leads in id order: channel, campaign row, created and converted days, customer row. */
    public static final class Leads extends TableRows {
        public static final Part<Leads> PART = Part.table("leads", "lead", "l")
                .code("channel", "channel")
                .ref("campaign", "campaign_id", Campaigns.PART)
                .day("created", "created_on")
                .day("converted", "converted_on")
                .ref("customer", "customer_id", Snapshot.Customers.PART)
                .holdIn(Leads::new);

        final int[] channel;
        final int[] campaign;
        final int[] createdDay;
        final int[] convertedDay;
        final int[] customer;
        final Codes channels;

        Leads(Rows r) {
            super(r);
            channel = r.ints("channel");
            campaign = r.ints("campaign");
            createdDay = r.ints("created");
            convertedDay = r.ints("converted");
            customer = r.ints("customer");
            channels = r.codes("channel");
        }

        public int channel(int i) {
            return channel[i];
        }

        /** The campaign's row in {@link Snapshot#campaigns()}, or -1. */
        public int campaign(int i) {
            return campaign[i];
        }

        public int createdDay(int i) {
            return createdDay[i];
        }

        public int convertedDay(int i) {
            return convertedDay[i];
        }

        /** The customer's row in {@link Snapshot#customers()}, or -1. */
        public int customer(int i) {
            return customer[i];
        }

        public Codes channels() {
            return channels;
        }
    }

    /** Dated figures by key and metric: market sizes or competitor observations. */
    public static final class Figures extends TableRows {
        public static final Part<Figures> MARKET_SIZES = Part.table("market sizes", "market_size", "m")
                .day("day", "period_start")
                .code("key", "segment")
                .code("metric", "metric")
                .number("value", "market_value")
                .absentCode("segment")
                .holdIn(Figures::new);

        public static final Part<Figures> COMPETITORS = Part.table(
                        "competitor observations", "competitor_observation", "o")
                .day("day", "observed_on")
                .code("key", "competitor")
                .code("metric", "metric")
                .number("value", "observed_value")
                .code("segment", "segment")
                .holdIn(Figures::new);

        final int[] day;
        final int[] key;
        final int[] metric;
        final double[] value;
        final Codes keys;
        final Codes metrics;
        final Codes segments;
        final int[] segment;

        Figures(Rows r) {
            super(r);
            day = r.ints("day");
            key = r.ints("key");
            metric = r.ints("metric");
            value = r.numbers("value");
            keys = r.codes("key");
            metrics = r.codes("metric");
            segments = r.codes("segment");
            segment = r.ints("segment");
        }

        public int day(int i) {
            return day[i];
        }

        public int key(int i) {
            return key[i];
        }

        public int metric(int i) {
            return metric[i];
        }

        public double value(int i) {
            return value[i];
        }

        /** For competitor observations, the segment observed in ({@link Codes#NONE} when not given). */
        public int segment(int i) {
            return segment[i];
        }

        public Codes keys() {
            return keys;
        }

        public Codes metrics() {
            return metrics;
        }

        public Codes segments() {
            return segments;
        }
    }

    /** KPI targets: kpi, period, target with warning and critical levels, and which way is better. */
    public static final class Targets extends TableRows {
        public static final Part<Targets> PART = Part.table("KPI targets", "kpi_target", "t")
                .code("kpi", "kpi")
                .day("start", "period_start")
                .day("end", "period_end")
                .number("target", "target")
                .number("warning", "warning_level")
                .number("critical", "critical_level")
                .code("direction", "direction")
                .code("source", "source")
                .holdIn(Targets::new);

        /** The source of the targets set in the workbench's own target editor; they come before imported ones. */
        public static final String WORKBENCH = "workbench";

        final int[] kpi;
        final int[] startDay;
        final int[] endDay;
        final double[] target;
        final double[] warning;
        final double[] critical;
        final boolean[] higherIsBetter;
        final Codes kpis;
        final boolean[] fromWorkbench;

        Targets(Rows r) {
            super(r);
            kpi = r.ints("kpi");
            startDay = r.ints("start");
            endDay = r.ints("end");
            target = r.numbers("target");
            warning = r.numbers("warning");
            critical = r.numbers("critical");
            kpis = r.codes("kpi");
            int[] direction = r.ints("direction");
            int lower = r.codes("direction").find("lower");
            higherIsBetter = new boolean[direction.length];
            for (int i = 0; i < direction.length; i++) {
                higherIsBetter[i] = lower == Codes.NONE || direction[i] != lower;
            }
            int[] source = r.ints("source");
            int workbench = r.codes("source").find(WORKBENCH);
            fromWorkbench = new boolean[source.length];
            for (int i = 0; i < source.length; i++) {
                fromWorkbench[i] = workbench != Codes.NONE && source[i] == workbench;
            }
        }

        public int kpi(int i) {
            return kpi[i];
        }

        public int startDay(int i) {
            return startDay[i];
        }

        public int endDay(int i) {
            return endDay[i];
        }

        public double target(int i) {
            return target[i];
        }

        /** {@code NaN} when not set. */
        public double warning(int i) {
            return warning[i];
        }

        /** {@code NaN} when not set. */
        public double critical(int i) {
            return critical[i];
        }

        public boolean higherIsBetter(int i) {
            return higherIsBetter[i];
        }

        public Codes kpis() {
            return kpis;
        }

        /**
         * The target row for a KPI whose period contains {@code day}, or {@code -1}: a row set in the
         * workbench's target editor before an imported one, and among those the one added last.
         */
        public int find(String kpiName, int day) {
            int k = kpis.find(kpiName);
            if (k == Codes.NONE) {
                return -1;
            }
            int found = -1;
            for (int i = 0; i < kpi.length; i++) {
                if (kpi[i] == k && startDay[i] <= day && day <= endDay[i]) {
                    if (found < 0 || fromWorkbench[i] || !fromWorkbench[found]) {
                        found = i;
                    }
                }
            }
            return found;
        }

        /** Whether the row was set in the workbench's target editor. */
        public boolean fromWorkbench(int i) {
            return fromWorkbench[i];
        }
    }
}
