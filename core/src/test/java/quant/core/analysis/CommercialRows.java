package quant.core.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The commercial tables of a hand-built snapshot (see {@link Snapshots#commercial()}). */
public final class CommercialRows {
    private final List<Object[]> leads = new ArrayList<>();
    private final List<Object[]> campaigns = new ArrayList<>();
    private final List<Object[]> markets = new ArrayList<>();
    private final List<Object[]> competitors = new ArrayList<>();
    private final List<Object[]> targets = new ArrayList<>();
    private final Map<Integer, Integer> dealLead = new HashMap<>();
    private final Map<Integer, Integer> spendCampaign = new HashMap<>();

    CommercialRows() {}

    /** Adds a campaign and returns its index. */
    public int campaign(String name, String channel, LocalDate start, LocalDate end, double budget) {
        campaigns.add(new Object[] {name, channel, start, end, budget});
        return campaigns.size() - 1;
    }

    /** Adds a lead ({@code campaign} and {@code customer} −1 when none) and returns its index. */
    public int lead(String channel, int campaign, LocalDate created, LocalDate converted, int customer) {
        leads.add(new Object[] {channel, campaign, created, converted, customer});
        return leads.size() - 1;
    }

    /** Links a deal (index from {@link Snapshots#deal}) to the lead it came from. */
    public CommercialRows dealFromLead(int deal, int lead) {
        dealLead.put(deal, lead);
        return this;
    }

    /** Books a spend row (index in the order {@link Snapshots#spend} added them) to a campaign. */
    public CommercialRows spendOnCampaign(int spendRow, int campaign) {
        spendCampaign.put(spendRow, campaign);
        return this;
    }

    public CommercialRows market(String segment, LocalDate period, String metric, double value) {
        markets.add(new Object[] {period, segment, metric, value, null});
        return this;
    }

    public CommercialRows competitor(String name, LocalDate observed, String segment, String metric, double value) {
        competitors.add(new Object[] {observed, name, metric, value, segment});
        return this;
    }

    public CommercialRows target(String kpi, LocalDate from, LocalDate to, double target, boolean higherIsBetter) {
        targets.add(new Object[] {kpi, from, to, target, higherIsBetter});
        return this;
    }

    Commercial build(int deals, int spendRows) {
        int n = leads.size();
        int[] channel = new int[n];
        int[] campaign = new int[n];
        int[] created = new int[n];
        int[] converted = new int[n];
        int[] customer = new int[n];
        Codes channels = new Codes();
        int m = campaigns.size();
        String[] name = new String[m];
        int[] campaignChannel = new int[m];
        int[] start = new int[m];
        int[] end = new int[m];
        double[] budget = new double[m];
        for (int k = 0; k < m; k++) {
            Object[] r = campaigns.get(k);
            name[k] = (String) r[0];
            campaignChannel[k] = channels.intern((String) r[1]);
            start[k] = day((LocalDate) r[2]);
            end[k] = day((LocalDate) r[3]);
            budget[k] = (Double) r[4];
        }
        for (int i = 0; i < n; i++) {
            Object[] r = leads.get(i);
            channel[i] = channels.intern((String) r[0]);
            campaign[i] = (Integer) r[1];
            created[i] = day((LocalDate) r[2]);
            converted[i] = day((LocalDate) r[3]);
            customer[i] = (Integer) r[4];
        }
        int[] leadOfDeal = new int[deals];
        for (int d = 0; d < deals; d++) {
            leadOfDeal[d] = dealLead.getOrDefault(d, -1);
        }
        int[] campaignOfSpend = new int[spendRows];
        for (int k = 0; k < spendRows; k++) {
            campaignOfSpend[k] = spendCampaign.getOrDefault(k, -1);
        }
        int t = targets.size();
        int[] kpi = new int[t];
        int[] from = new int[t];
        int[] to = new int[t];
        double[] target = new double[t];
        double[] none = new double[t];
        java.util.Arrays.fill(none, Double.NaN);
        boolean[] higher = new boolean[t];
        Codes kpis = new Codes();
        for (int k = 0; k < t; k++) {
            Object[] r = targets.get(k);
            kpi[k] = kpis.intern((String) r[0]);
            from[k] = day((LocalDate) r[1]);
            to[k] = day((LocalDate) r[2]);
            target[k] = (Double) r[3];
            higher[k] = (Boolean) r[4];
        }
        return new Commercial(
                new Commercial.Leads(channel, campaign, created, converted, customer, channels),
                new Commercial.Campaigns(name, campaignChannel, start, end, budget),
                figures(markets),
                figures(competitors),
                new Commercial.Targets(kpi, from, to, target, none, none.clone(), higher, kpis),
                leadOfDeal,
                campaignOfSpend);
    }

    private static Commercial.Figures figures(List<Object[]> rows) {
        int n = rows.size();
        int[] day = new int[n];
        int[] key = new int[n];
        int[] metric = new int[n];
        double[] value = new double[n];
        int[] segment = new int[n];
        Codes keys = new Codes();
        Codes metrics = new Codes();
        Codes segments = new Codes();
        for (int i = 0; i < n; i++) {
            Object[] r = rows.get(i);
            day[i] = day((LocalDate) r[0]);
            key[i] = keys.intern((String) r[1]);
            metric[i] = metrics.intern((String) r[2]);
            value[i] = (Double) r[3];
            segment[i] = segments.intern((String) r[4]);
        }
        return new Commercial.Figures(day, key, metric, value, keys, metrics, segments, segment);
    }

    private static int day(LocalDate d) {
        return d == null ? Snapshot.NO_DAY : (int) d.toEpochDay();
    }
}
