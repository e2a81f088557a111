package quant.core.analysis;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the {@link Operations} tables on a connection that is already in the snapshot's transaction:
 * one {@code SELECT} per table in id order, references resolved to row indexes here.
 */
final class OperationsReader {
    private OperationsReader() {}

    static Operations read(Connection c, long[] customerIds, Codes serviceLines) throws SQLException {
        Operations.Deals deals;
        long[] dealIds;
        {
            List<Object[]> rows = rows(
                    c,
                    "SELECT d.id, d.customer_id, d.amount, d.stage, d.outcome, d.created_on, d.engaged_on,"
                            + " d.expected_close_on, d.closed_on, d.lead_source, r.name, p.name, d.external_ref"
                            + " FROM deal d"
                            + " LEFT JOIN sales_rep r ON r.id = d.sales_rep_id"
                            + " LEFT JOIN product p ON p.id = d.product_id ORDER BY d.id");
            int n = rows.size();
            dealIds = new long[n];
            String[] ref = new String[n];
            int[] customer = new int[n];
            double[] amount = new double[n];
            int[] stage = new int[n];
            byte[] outcome = new byte[n];
            int[] created = new int[n];
            int[] engaged = new int[n];
            int[] expected = new int[n];
            int[] closed = new int[n];
            int[] leadSource = new int[n];
            int[] rep = new int[n];
            int[] product = new int[n];
            Codes stages = new Codes();
            Codes sources = new Codes();
            Codes reps = new Codes();
            Codes products = new Codes();
            for (int i = 0; i < n; i++) {
                Object[] r = rows.get(i);
                dealIds[i] = (Long) r[0];
                customer[i] = r[1] == null ? -1 : Math.max(-1, Arrays.binarySearch(customerIds, (Long) r[1]));
                amount[i] = r[2] == null ? 0 : ((Number) r[2]).doubleValue();
                stage[i] = stages.intern((String) r[3]);
                outcome[i] = switch ((String) r[4]) {
                    case "won" -> Operations.Deals.WON;
                    case "lost" -> Operations.Deals.LOST;
                    default -> Operations.Deals.OPEN;
                };
                created[i] = day(r[5]);
                engaged[i] = day(r[6]);
                expected[i] = day(r[7]);
                closed[i] = day(r[8]);
                leadSource[i] = sources.intern((String) r[9]);
                rep[i] = reps.intern((String) r[10]);
                product[i] = products.intern((String) r[11]);
                ref[i] = (String) r[12];
            }
            deals = new Operations.Deals(
                    ref,
                    customer,
                    amount,
                    stage,
                    outcome,
                    created,
                    engaged,
                    expected,
                    closed,
                    leadSource,
                    rep,
                    product,
                    stages,
                    sources,
                    reps,
                    products);
        }
        Operations.StageHistory history;
        {
            List<Object[]> rows = rows(c, "SELECT deal_id, stage, entered_on FROM deal_stage_history ORDER BY id");
            int[] deal = new int[rows.size()];
            int[] stage = new int[rows.size()];
            int[] day = new int[rows.size()];
            int kept = 0;
            for (Object[] r : rows) {
                int row = Arrays.binarySearch(dealIds, (Long) r[0]);
                if (row >= 0) {
                    deal[kept] = row;
                    stage[kept] = deals.stages.intern((String) r[1]);
                    day[kept] = day(r[2]);
                    kept++;
                }
            }
            history = Operations.StageHistory.sorted(
                    Arrays.copyOf(deal, kept), Arrays.copyOf(stage, kept), Arrays.copyOf(day, kept));
        }
        return new Operations(technicians(c, serviceLines), deals, history, expenses(c), spend(c));
    }

    private static Operations.Technicians technicians(Connection c, Codes serviceLines) throws SQLException {
        List<Object[]> rows = rows(
                c,
                "SELECT name, skills, shift_start, shift_end, work_days, hired_on, left_on, hourly_cost"
                        + " FROM technician ORDER BY id");
        int n = rows.size();
        String[] name = new String[n];
        int[][] skills = new int[n][];
        int[] start = new int[n];
        int[] end = new int[n];
        int[] days = new int[n];
        int[] hired = new int[n];
        int[] left = new int[n];
        double[] cost = new double[n];
        for (int i = 0; i < n; i++) {
            Object[] r = rows.get(i);
            name[i] = (String) r[0];
            skills[i] = skills((String) r[1], serviceLines);
            start[i] = minute(r[2]);
            end[i] = minute(r[3]);
            days[i] = Operations.Technicians.workDayMask((String) r[4]);
            hired[i] = day(r[5]);
            left[i] = day(r[6]);
            cost[i] = r[7] == null ? 0 : ((Number) r[7]).doubleValue();
        }
        return new Operations.Technicians(name, skills, start, end, days, hired, left, cost);
    }

    /** {@code HVAC;ELEC} as service-line indexes; codes the store has no line for are left out. */
    static int[] skills(String text, Codes serviceLines) {
        if (text == null || text.isBlank()) {
            return new int[0];
        }
        return Arrays.stream(text.split("[;,]"))
                .map(String::strip)
                .mapToInt(serviceLines::find)
                .filter(k -> k != Codes.NONE)
                .distinct()
                .toArray();
    }

    private static Operations.Expenses expenses(Connection c) throws SQLException {
        List<Object[]> rows = rows(c, "SELECT month_start, amount, behaviour, category FROM expense ORDER BY id");
        int n = rows.size();
        int[] month = new int[n];
        double[] amount = new double[n];
        boolean[] fixed = new boolean[n];
        int[] category = new int[n];
        Codes categories = new Codes();
        for (int i = 0; i < n; i++) {
            Object[] r = rows.get(i);
            month[i] = day(r[0]);
            amount[i] = ((Number) r[1]).doubleValue();
            fixed[i] = "fixed".equals(r[2]);
            category[i] = categories.intern((String) r[3]);
        }
        return new Operations.Expenses(month, amount, fixed, category, categories);
    }

    private static Operations.Spend spend(Connection c) throws SQLException {
        List<Object[]> rows = rows(c, "SELECT month_start, channel, amount FROM marketing_spend ORDER BY id");
        int n = rows.size();
        int[] month = new int[n];
        int[] channel = new int[n];
        double[] amount = new double[n];
        Codes channels = new Codes();
        for (int i = 0; i < n; i++) {
            Object[] r = rows.get(i);
            month[i] = day(r[0]);
            channel[i] = channels.intern((String) r[1]);
            amount[i] = ((Number) r[2]).doubleValue();
        }
        return new Operations.Spend(month, channel, amount, channels);
    }

    /** Every row of a query as objects (dates as LocalDate, times as LocalTime, ids as Long). */
    static List<Object[]> rows(Connection c, String sql) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int k = 0; k < columns; k++) {
                    row[k] = switch (rs.getMetaData().getColumnType(k + 1)) {
                        case java.sql.Types.DATE -> rs.getObject(k + 1, LocalDate.class);
                        case java.sql.Types.TIME -> rs.getObject(k + 1, LocalTime.class);
                        case java.sql.Types.BIGINT -> rs.getObject(k + 1, Long.class);
                        default -> rs.getObject(k + 1);
                    };
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static int day(Object d) {
        return d == null ? Snapshot.NO_DAY : (int) ((LocalDate) d).toEpochDay();
    }

    private static int minute(Object t) {
        return t == null ? -1 : ((LocalTime) t).toSecondOfDay() / 60;
    }
}
