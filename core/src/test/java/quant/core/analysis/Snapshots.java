package quant.core.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Snapshots built by hand for tests: customers and jobs added one by one, with readable defaults. */
public final class Snapshots {
    private final List<Object[]> customers = new ArrayList<>();
    private final List<Object[]> jobs = new ArrayList<>();
    private final List<Object[]> invoices = new ArrayList<>();
    private final Codes lines = new Codes();

    public Snapshots() {
        lines.intern("HVAC");
        lines.intern("PLUMB");
    }

    /** Adds a customer and returns its index. */
    public int customer(String name, String segment, String channel, String city, LocalDate acquired) {
        customers.add(new Object[] {name, segment, channel, city, acquired});
        return customers.size() - 1;
    }

    /** Adds a completed job (rating 0 = not rated). */
    public Snapshots job(
            int customer, String line, LocalDate completed, double revenue, double cost, int rating, boolean callback) {
        jobs.add(new Object[] {customer, line, "completed", completed, completed, revenue, cost, rating, callback});
        return this;
    }

    /** Adds a completed job of the first service line, 100 revenue, 60 cost, not rated. */
    public Snapshots job(int customer, LocalDate completed) {
        return job(customer, "HVAC", completed, 100, 60, 0, false);
    }

    /** Adds a job in another status (scheduled or cancelled), requested on the day. */
    public Snapshots openJob(int customer, String status, LocalDate requested) {
        jobs.add(new Object[] {customer, "HVAC", status, requested, null, 0.0, 0.0, 0, false});
        return this;
    }

    /** Adds an invoice; {@code paidOn} null when unpaid. */
    public Snapshots invoice(
            int customer, LocalDate issued, LocalDate due, double amount, String status, LocalDate paidOn) {
        invoices.add(new Object[] {customer, issued, due, amount, status, paidOn});
        return this;
    }

    public Snapshot build() {
        int n = customers.size();
        long[] id = new long[n];
        String[] name = new String[n];
        int[] segment = new int[n];
        int[] channel = new int[n];
        int[] city = new int[n];
        int[] acquired = new int[n];
        Codes segments = new Codes();
        Codes channels = new Codes();
        Codes cities = new Codes();
        for (int i = 0; i < n; i++) {
            Object[] c = customers.get(i);
            id[i] = i + 1;
            name[i] = (String) c[0];
            segment[i] = segments.intern((String) c[1]);
            channel[i] = channels.intern((String) c[2]);
            city[i] = cities.intern((String) c[3]);
            acquired[i] = day((LocalDate) c[4]);
        }
        int m = jobs.size();
        int[] customer = new int[m];
        int[] line = new int[m];
        byte[] status = new byte[m];
        int[] requested = new int[m];
        int[] completed = new int[m];
        double[] revenue = new double[m];
        double[] cost = new double[m];
        byte[] rating = new byte[m];
        boolean[] callback = new boolean[m];
        for (int j = 0; j < m; j++) {
            Object[] r = jobs.get(j);
            customer[j] = (Integer) r[0];
            line[j] = lines.intern((String) r[1]);
            status[j] = switch ((String) r[2]) {
                case "completed" -> Snapshot.Jobs.COMPLETED;
                case "cancelled" -> Snapshot.Jobs.CANCELLED;
                default -> Snapshot.Jobs.SCHEDULED;
            };
            requested[j] = day((LocalDate) r[3]);
            completed[j] = day((LocalDate) r[4]);
            revenue[j] = (Double) r[5];
            cost[j] = (Double) r[6];
            rating[j] = (byte) (int) (Integer) r[7];
            callback[j] = (Boolean) r[8];
        }
        int k = invoices.size();
        int[] invCustomer = new int[k];
        int[] issued = new int[k];
        int[] due = new int[k];
        double[] amount = new double[k];
        byte[] invStatus = new byte[k];
        double[] paid = new double[k];
        int[] lastPaid = new int[k];
        Arrays.fill(lastPaid, Snapshot.NO_DAY);
        for (int i = 0; i < k; i++) {
            Object[] r = invoices.get(i);
            invCustomer[i] = (Integer) r[0];
            issued[i] = day((LocalDate) r[1]);
            due[i] = day((LocalDate) r[2]);
            amount[i] = (Double) r[3];
            invStatus[i] = switch ((String) r[4]) {
                case "paid" -> Snapshot.Invoices.PAID;
                case "disputed" -> Snapshot.Invoices.DISPUTED;
                case "void" -> Snapshot.Invoices.VOID;
                default -> Snapshot.Invoices.OPEN;
            };
            if (r[5] != null) {
                paid[i] = amount[i];
                lastPaid[i] = day((LocalDate) r[5]);
            }
        }
        return new Snapshot(
                1,
                new Snapshot.Customers(id, name, segment, channel, city, acquired, segments, channels, cities),
                new Snapshot.Jobs(customer, line, status, requested, completed, revenue, cost, rating, callback),
                new Snapshot.Invoices(invCustomer, issued, due, amount, invStatus, paid, lastPaid),
                lines);
    }

    private static int day(LocalDate d) {
        return d == null ? Snapshot.NO_DAY : (int) d.toEpochDay();
    }
}
