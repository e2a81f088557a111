package quant.core.analysis;

/**
 * The commercial tables of a {@link Snapshot}: leads and campaigns (what marketing brings in),
 * imported market sizes and competitor observations (where the business stands), and KPI targets.
 * Read by {@link CommercialReader} in the snapshot's transaction, with the same conventions as the
 * rest of the snapshot (days since 1970-01-01 or {@link Snapshot#NO_DAY}, texts as {@link Codes},
 * references as row indexes or {@code -1}). Deals and spend rows, which live in {@link Operations},
 * are linked to their lead and campaign here.
 */
public final class Commercial {
    /** No leads, campaigns, market figures or targets. */
    public static final Commercial EMPTY = new Commercial(
            new Leads(new int[0], new int[0], new int[0], new int[0], new int[0], new Codes()),
            new Campaigns(new String[0], new int[0], new int[0], new int[0], new double[0]),
            new Figures(
                    new int[0],
                    new int[0],
                    new int[0],
                    new double[0],
                    new Codes(),
                    new Codes(),
                    new Codes(),
                    new int[0]),
            new Figures(
                    new int[0],
                    new int[0],
                    new int[0],
                    new double[0],
                    new Codes(),
                    new Codes(),
                    new Codes(),
                    new int[0]),
            new Targets(
                    new int[0],
                    new int[0],
                    new int[0],
                    new double[0],
                    new double[0],
                    new double[0],
                    new boolean[0],
                    new Codes()),
            new int[0],
            new int[0]);

    private final Leads leads;
    private final Campaigns campaigns;
    private final Figures marketSizes;
    private final Figures competitors;
    private final Targets targets;
    private final int[] dealLead;
    private final int[] spendCampaign;

    Commercial(
            Leads leads,
            Campaigns campaigns,
            Figures marketSizes,
            Figures competitors,
            Targets targets,
            int[] dealLead,
            int[] spendCampaign) {
        this.leads = leads;
        this.campaigns = campaigns;
        this.marketSizes = marketSizes;
        this.competitors = competitors;
        this.targets = targets;
        this.dealLead = dealLead;
        this.spendCampaign = spendCampaign;
    }

    public Leads leads() {
        return leads;
    }

    public Campaigns campaigns() {
        return campaigns;
    }

    /**
     * Market sizes: {@code key} is the segment (a service-line code in the sample), {@code metric}
     * what was measured (e.g. {@code annual_revenue}), the day the period's first day.
     */
    public Figures marketSizes() {
        return marketSizes;
    }

    /** Competitor observations: {@code key} is the competitor, the day the observation's. */
    public Figures competitors() {
        return competitors;
    }

    public Targets targets() {
        return targets;
    }

    /** The lead a deal row (of {@link Operations#deals()}) came from, or {@code -1}. */
    public int dealLead(int dealRow) {
        return dealRow < dealLead.length ? dealLead[dealRow] : -1;
    }

    /** The campaign a spend row (of {@link Operations#spend()}) belongs to, or {@code -1}. */
    public int spendCampaign(int spendRow) {
        return spendRow < spendCampaign.length ? spendCampaign[spendRow] : -1;
    }

    /** Leads in id order: channel, campaign row, created and converted days, customer row. */
    public static final class Leads {
        final int[] channel;
        final int[] campaign;
        final int[] createdDay;
        final int[] convertedDay;
        final int[] customer;
        final Codes channels;

        Leads(int[] channel, int[] campaign, int[] createdDay, int[] convertedDay, int[] customer, Codes channels) {
            this.channel = channel;
            this.campaign = campaign;
            this.createdDay = createdDay;
            this.convertedDay = convertedDay;
            this.customer = customer;
            this.channels = channels;
        }

        public int size() {
            return channel.length;
        }

        public int channel(int i) {
            return channel[i];
        }

        public int campaign(int i) {
            return campaign[i];
        }

        public int createdDay(int i) {
            return createdDay[i];
        }

        public int convertedDay(int i) {
            return convertedDay[i];
        }

        public int customer(int i) {
            return customer[i];
        }

        public Codes channels() {
            return channels;
        }
    }

    /** Campaigns in id order: name, channel (in the leads' channel codes), first and last day, budget. */
    public static final class Campaigns {
        final String[] name;
        final int[] channel;
        final int[] startDay;
        final int[] endDay;
        final double[] budget;

        Campaigns(String[] name, int[] channel, int[] startDay, int[] endDay, double[] budget) {
            this.name = name;
            this.channel = channel;
            this.startDay = startDay;
            this.endDay = endDay;
            this.budget = budget;
        }

        public int size() {
            return name.length;
        }

        public String name(int i) {
            return name[i];
        }

        public int channel(int i) {
            return channel[i];
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

    /** Dated figures by key and metric: market sizes or competitor observations. */
    public static final class Figures {
        final int[] day;
        final int[] key;
        final int[] metric;
        final double[] value;
        final Codes keys;
        final Codes metrics;
        final Codes segments;
        final int[] segment;

        Figures(
                int[] day,
                int[] key,
                int[] metric,
                double[] value,
                Codes keys,
                Codes metrics,
                Codes segments,
                int[] segment) {
            this.day = day;
            this.key = key;
            this.metric = metric;
            this.value = value;
            this.keys = keys;
            this.metrics = metrics;
            this.segments = segments;
            this.segment = segment;
        }

        public int size() {
            return day.length;
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
    public static final class Targets {
        final int[] kpi;
        final int[] startDay;
        final int[] endDay;
        final double[] target;
        final double[] warning;
        final double[] critical;
        final boolean[] higherIsBetter;
        final Codes kpis;

        Targets(
                int[] kpi,
                int[] startDay,
                int[] endDay,
                double[] target,
                double[] warning,
                double[] critical,
                boolean[] higherIsBetter,
                Codes kpis) {
            this.kpi = kpi;
            this.startDay = startDay;
            this.endDay = endDay;
            this.target = target;
            this.warning = warning;
            this.critical = critical;
            this.higherIsBetter = higherIsBetter;
            this.kpis = kpis;
        }

        public int size() {
            return kpi.length;
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

        /** The target row for a KPI whose period contains {@code day}, or {@code -1}. */
        public int find(String kpiName, int day) {
            int k = kpis.find(kpiName);
            if (k == Codes.NONE) {
                return -1;
            }
            for (int i = 0; i < kpi.length; i++) {
                if (kpi[i] == k && startDay[i] <= day && day <= endDay[i]) {
                    return i;
                }
            }
            return -1;
        }
    }
}
