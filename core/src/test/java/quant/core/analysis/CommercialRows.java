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
        targets.add(new Object[] {kpi, from, to, target, higherIsBetter, null, null});
        return this;
    }

    /** A target row set in the workbench's own target editor (source {@code workbench}). */
    public CommercialRows workbenchTarget(
            String kpi, LocalDate from, LocalDate to, double target, boolean higherIsBetter) {
        targets.add(new Object[] {kpi, from, to, target, higherIsBetter, null, null, "workbench"});
        return this;
    }

    /** A target row with its own warning and critical levels. */
    public CommercialRows target(
            String kpi,
            LocalDate from,
            LocalDate to,
            double target,
            double warning,
            double critical,
            boolean higherIsBetter) {
        targets.add(new Object[] {kpi, from, to, target, higherIsBetter, warning, critical});
        return this;
    }

    /** The id (row + 1) of the lead a deal came from, or null. */
    Long leadOf(int deal) {
        Integer lead = dealLead.get(deal);
        return lead == null ? null : lead + 1L;
    }

    /** The id (row + 1) of the campaign a spend row is booked to, or null. */
    Long campaignOf(int spendRow) {
        Integer campaign = spendCampaign.get(spendRow);
        return campaign == null ? null : campaign + 1L;
    }

    /** Adds the commercial parts' rows, ids 1, 2, … in the order added. */
    void addTo(java.util.Map<Part<?>, PartReader.Raw> raws) {
        PartReader.Raw c = raw(raws, Commercial.Campaigns.PART);
        for (int k = 0; k < campaigns.size(); k++) {
            Object[] r = campaigns.get(k);
            c.add(k + 1, r[0], r[1], r[2], r[3], r[4]);
        }
        PartReader.Raw l = raw(raws, Commercial.Leads.PART);
        for (int i = 0; i < leads.size(); i++) {
            Object[] r = leads.get(i);
            l.add(i + 1, r[0], id((Integer) r[1]), r[2], r[3], id((Integer) r[4]));
        }
        figures(raw(raws, Commercial.Figures.MARKET_SIZES), markets);
        figures(raw(raws, Commercial.Figures.COMPETITORS), competitors);
        PartReader.Raw t = raw(raws, Commercial.Targets.PART);
        for (int k = 0; k < targets.size(); k++) {
            Object[] r = targets.get(k);
            t.add(
                    k + 1,
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    r[5],
                    r[6],
                    (Boolean) r[4] ? "higher" : "lower",
                    r.length > 7 ? r[7] : "test");
        }
    }

    static PartReader.Raw raw(java.util.Map<Part<?>, PartReader.Raw> raws, Part<?> part) {
        return raws.computeIfAbsent(part, p -> new PartReader.Raw(p, 16));
    }

    /** The id of a row index (-1: none). */
    static Long id(int row) {
        return row < 0 ? null : row + 1L;
    }

    private static void figures(PartReader.Raw raw, List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            raw.add(i + 1, r[0], r[1], r[2], r[3], r[4]);
        }
    }
}
