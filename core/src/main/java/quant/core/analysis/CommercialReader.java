package quant.core.analysis;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the {@link Commercial} tables on a connection already in the snapshot's transaction: one
 * {@code SELECT} per table in id order, references resolved to row indexes.
 */
final class CommercialReader {
    private CommercialReader() {}

    static Commercial read(Connection c, long[] customerIds) throws SQLException {
        Codes channels = new Codes();
        List<Object[]> campaignRows = OperationsReader.rows(
                c, "SELECT id, name, channel, started_on, ended_on, budget FROM campaign ORDER BY id");
        int nc = campaignRows.size();
        long[] campaignIds = new long[nc];
        String[] name = new String[nc];
        int[] campaignChannel = new int[nc];
        int[] start = new int[nc];
        int[] end = new int[nc];
        double[] budget = new double[nc];
        for (int i = 0; i < nc; i++) {
            Object[] r = campaignRows.get(i);
            campaignIds[i] = (Long) r[0];
            name[i] = (String) r[1];
            campaignChannel[i] = channels.intern((String) r[2]);
            start[i] = OperationsReader.day(r[3]);
            end[i] = OperationsReader.day(r[4]);
            budget[i] = number(r[5]);
        }
        List<Object[]> leadRows = OperationsReader.rows(
                c, "SELECT id, channel, campaign_id, created_on, converted_on, customer_id FROM lead ORDER BY id");
        int nl = leadRows.size();
        long[] leadIds = new long[nl];
        int[] channel = new int[nl];
        int[] campaign = new int[nl];
        int[] created = new int[nl];
        int[] converted = new int[nl];
        int[] customer = new int[nl];
        for (int i = 0; i < nl; i++) {
            Object[] r = leadRows.get(i);
            leadIds[i] = (Long) r[0];
            channel[i] = channels.intern((String) r[1]);
            campaign[i] = row(campaignIds, r[2]);
            created[i] = OperationsReader.day(r[3]);
            converted[i] = OperationsReader.day(r[4]);
            customer[i] = row(customerIds, r[5]);
        }
        int[] dealLead = OperationsReader.rows(c, "SELECT lead_id FROM deal ORDER BY id").stream()
                .mapToInt(r -> row(leadIds, r[0]))
                .toArray();
        int[] spendCampaign = OperationsReader.rows(c, "SELECT campaign_id FROM marketing_spend ORDER BY id").stream()
                .mapToInt(r -> row(campaignIds, r[0]))
                .toArray();
        return new Commercial(
                new Commercial.Leads(channel, campaign, created, converted, customer, channels),
                new Commercial.Campaigns(name, campaignChannel, start, end, budget),
                figures(
                        c,
                        "SELECT period_start, segment, metric, market_value, CAST(NULL AS VARCHAR(64))"
                                + " FROM market_size ORDER BY id"),
                figures(
                        c,
                        "SELECT observed_on, competitor, metric, observed_value, segment"
                                + " FROM competitor_observation ORDER BY id"),
                targets(c),
                dealLead,
                spendCampaign);
    }

    private static Commercial.Figures figures(Connection c, String sql) throws SQLException {
        List<Object[]> rows = OperationsReader.rows(c, sql);
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
            day[i] = OperationsReader.day(r[0]);
            key[i] = keys.intern((String) r[1]);
            metric[i] = metrics.intern((String) r[2]);
            value[i] = number(r[3]);
            segment[i] = segments.intern((String) r[4]);
        }
        return new Commercial.Figures(day, key, metric, value, keys, metrics, segments, segment);
    }

    private static Commercial.Targets targets(Connection c) throws SQLException {
        List<Object[]> rows = OperationsReader.rows(
                c,
                "SELECT kpi, period_start, period_end, target, warning_level, critical_level, direction"
                        + " FROM kpi_target ORDER BY id");
        int n = rows.size();
        int[] kpi = new int[n];
        int[] start = new int[n];
        int[] end = new int[n];
        double[] target = new double[n];
        double[] warning = new double[n];
        double[] critical = new double[n];
        boolean[] higher = new boolean[n];
        Codes kpis = new Codes();
        for (int i = 0; i < n; i++) {
            Object[] r = rows.get(i);
            kpi[i] = kpis.intern((String) r[0]);
            start[i] = OperationsReader.day(r[1]);
            end[i] = OperationsReader.day(r[2]);
            target[i] = number(r[3]);
            warning[i] = number(r[4]);
            critical[i] = number(r[5]);
            higher[i] = !"lower".equals(r[6]);
        }
        return new Commercial.Targets(kpi, start, end, target, warning, critical, higher, kpis);
    }

    private static double number(Object v) {
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    private static int row(long[] sortedIds, Object id) {
        if (id == null) {
            return -1;
        }
        return Math.max(-1, Arrays.binarySearch(sortedIds, (Long) id));
    }
}
