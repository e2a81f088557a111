package quant.core.analysis;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Arrays;

/** Reads the job table for {@link SnapshotLoader}: one streaming {@code SELECT} in id order. */
final class JobsReader {
    private JobsReader() {}

    /** The jobs as read, their customers still as ids (the customers may be read at the same time). */
    record JobRows(
            long[] customerId,
            int[] line,
            byte[] status,
            int[] requested,
            int[] completed,
            double[] revenue,
            double[] cost,
            byte[] rating,
            boolean[] callback,
            Snapshot.Jobs.Work work) {
        /** The jobs with their customers as row indexes of {@code customerIds} (negative when not there). */
        Snapshot.Jobs resolve(long[] customerIds) {
            int[] customer = new int[customerId.length];
            for (int i = 0; i < customer.length; i++) {
                customer[i] = Arrays.binarySearch(customerIds, customerId[i]);
            }
            return new Snapshot.Jobs(
                    customer, line, status, requested, completed, revenue, cost, rating, callback, work);
        }
    }

    static JobRows read(Connection c, SnapshotLoader.Progress progress, int n, long[] serviceLineIds)
            throws SQLException {
        long[] customer = new long[n];
        int[] line = new int[n];
        byte[] status = new byte[n];
        int[] requested = new int[n];
        int[] completed = new int[n];
        double[] revenue = new double[n];
        double[] cost = new double[n];
        byte[] rating = new byte[n];
        boolean[] callback = new boolean[n];
        int[] scheduled = new int[n];
        double[] estimated = new double[n];
        double[] actual = new double[n];
        int[] travel = new int[n];
        int i = 0;
        try (Statement st = c.createStatement()) {
            st.setFetchSize(SnapshotLoader.CHUNK);
            try (ResultSet rs = st.executeQuery("SELECT customer_id, service_line_id, status, requested_at,"
                    + " completed_at, revenue, labour_cost, material_cost, equipment_cost, rating,"
                    + " callback_of_job_id, scheduled_at, estimated_hours, actual_hours, travel_minutes"
                    + " FROM job ORDER BY id")) {
                while (rs.next()) {
                    if (i == customer.length) {
                        int more = SnapshotLoader.grown(i);
                        customer = Arrays.copyOf(customer, more);
                        line = Arrays.copyOf(line, more);
                        status = Arrays.copyOf(status, more);
                        requested = Arrays.copyOf(requested, more);
                        completed = Arrays.copyOf(completed, more);
                        revenue = Arrays.copyOf(revenue, more);
                        cost = Arrays.copyOf(cost, more);
                        rating = Arrays.copyOf(rating, more);
                        callback = Arrays.copyOf(callback, more);
                        scheduled = Arrays.copyOf(scheduled, more);
                        estimated = Arrays.copyOf(estimated, more);
                        actual = Arrays.copyOf(actual, more);
                        travel = Arrays.copyOf(travel, more);
                    }
                    customer[i] = rs.getLong(1);
                    line[i] = Arrays.binarySearch(serviceLineIds, rs.getLong(2));
                    status[i] = jobStatus(rs.getString(3));
                    requested[i] = SnapshotLoader.day(rs.getObject(4, LocalDateTime.class));
                    completed[i] = SnapshotLoader.day(rs.getObject(5, LocalDateTime.class));
                    revenue[i] = rs.getDouble(6);
                    cost[i] = rs.getDouble(7) + rs.getDouble(8) + rs.getDouble(9);
                    rating[i] = (byte) rs.getInt(10);
                    rs.getLong(11);
                    callback[i] = !rs.wasNull();
                    scheduled[i] = SnapshotLoader.day(rs.getObject(12, LocalDateTime.class));
                    estimated[i] = rs.getDouble(13);
                    if (rs.wasNull()) {
                        estimated[i] = Double.NaN;
                    }
                    actual[i] = rs.getDouble(14);
                    if (rs.wasNull()) {
                        actual[i] = Double.NaN;
                    }
                    travel[i] = rs.getInt(15);
                    if (rs.wasNull()) {
                        travel[i] = -1;
                    }
                    i++;
                    progress.row(i, "Reading jobs");
                }
            }
        }
        return new JobRows(
                Arrays.copyOf(customer, i),
                Arrays.copyOf(line, i),
                Arrays.copyOf(status, i),
                Arrays.copyOf(requested, i),
                Arrays.copyOf(completed, i),
                Arrays.copyOf(revenue, i),
                Arrays.copyOf(cost, i),
                Arrays.copyOf(rating, i),
                Arrays.copyOf(callback, i),
                new Snapshot.Jobs.Work(
                        Arrays.copyOf(scheduled, i),
                        Arrays.copyOf(estimated, i),
                        Arrays.copyOf(actual, i),
                        Arrays.copyOf(travel, i)));
    }

    private static byte jobStatus(String s) {
        return switch (s) {
            case "completed" -> Snapshot.Jobs.COMPLETED;
            case "cancelled" -> Snapshot.Jobs.CANCELLED;
            default -> Snapshot.Jobs.SCHEDULED;
        };
    }
}
