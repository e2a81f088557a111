package quant.core.customer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import quant.core.store.Store;
import quant.core.store.StoreException;

/**
 * One customer as a person looks them up from a list: who they are and how to reach them, every job,
 * invoice and payment, and the figures behind their value and risk — margin to date, callbacks, low
 * ratings and late invoices over the last year and ever, the open balance — as the data hold them at
 * the as-of date (the last day a job of theirs, or anyone's, was requested or completed; never the
 * wall clock). Read by indexed lookups on the customer's id.
 *
 * @param asOf the day the "last year" and "late" figures are measured at
 * @param jobs newest first
 * @param invoices newest first
 * @param payments newest first
 */
public record CustomerProfile(
        long id,
        String reference,
        String name,
        String segment,
        String channel,
        String address,
        String city,
        String phone,
        String email,
        LocalDate acquiredOn,
        LocalDate asOf,
        Totals totals,
        List<Job> jobs,
        List<Invoice> invoices,
        List<Payment> payments) {

    /**
     * @param revenue revenue of completed jobs to the as-of date
     * @param margin revenue less labour, material and equipment costs of those jobs (callbacks' costs
     *     included)
     * @param openBalance owed on invoices that are not void: amount less payments
     */
    public record Totals(
            int completedJobs,
            double revenue,
            double margin,
            LocalDate firstPurchase,
            LocalDate lastPurchase,
            int callbacksLastYear,
            int callbacksEver,
            int lowRatingsLastYear,
            int lowRatingsEver,
            int lateInvoicesLastYear,
            int lateInvoicesEver,
            double openBalance) {}

    /** One job; {@code day} is the completion day, else the requested day. */
    public record Job(
            String reference,
            LocalDate day,
            String serviceLine,
            String status,
            String technician,
            double revenue,
            double cost,
            Integer rating,
            boolean callback) {}

    /** One invoice; {@code paid} sums its payments, {@code daysLate} is null when paid on time or not yet due. */
    public record Invoice(
            String number,
            LocalDate issued,
            LocalDate due,
            double amount,
            String status,
            double paid,
            Integer daysLate) {}

    public record Payment(LocalDate paidOn, double amount, String method, String invoice) {}

    /**
     * Reads a customer's profile.
     *
     * @throws StoreException (not found) when there is no customer with this id
     */
    public static CustomerProfile read(Store store, long id) {
        try (Connection c = store.readConnection()) {
            LocalDate asOf = asOf(c);
            int yearAgo = (int) asOf.minusYears(1).toEpochDay();
            Head head = head(c, id);
            List<Job> jobs = jobs(c, id);
            List<Invoice> invoices = invoices(c, id, asOf);
            List<Payment> payments = payments(c, id);
            int completed = 0;
            double revenue = 0;
            double margin = 0;
            LocalDate first = null;
            LocalDate last = null;
            int[] callbacks = new int[2];
            int[] low = new int[2];
            for (Job j : jobs) {
                if (!"completed".equals(j.status())
                        || j.day() == null
                        || j.day().isAfter(asOf)) {
                    continue;
                }
                completed++;
                revenue += j.revenue();
                margin += j.revenue() - j.cost();
                if (j.revenue() > 0) {
                    first = first == null || j.day().isBefore(first) ? j.day() : first;
                    last = last == null || j.day().isAfter(last) ? j.day() : last;
                }
                boolean recent = j.day().toEpochDay() > yearAgo;
                if (j.callback()) {
                    callbacks[1]++;
                    callbacks[0] += recent ? 1 : 0;
                }
                if (j.rating() != null && j.rating() <= 2) {
                    low[1]++;
                    low[0] += recent ? 1 : 0;
                }
            }
            int[] late = new int[2];
            double open = 0;
            for (Invoice i : invoices) {
                if ("void".equals(i.status())) {
                    continue;
                }
                open += Math.max(0, i.amount() - i.paid());
                if (i.daysLate() != null || "disputed".equals(i.status())) {
                    late[1]++;
                    late[0] += i.issued() != null && i.issued().toEpochDay() > yearAgo ? 1 : 0;
                }
            }
            Totals totals = new Totals(
                    completed,
                    cents(revenue),
                    cents(margin),
                    first,
                    last,
                    callbacks[0],
                    callbacks[1],
                    low[0],
                    low[1],
                    late[0],
                    late[1],
                    cents(open));
            return new CustomerProfile(
                    id,
                    head.reference,
                    head.name,
                    head.segment,
                    head.channel,
                    head.address,
                    head.city,
                    head.phone,
                    head.email,
                    head.acquired,
                    asOf,
                    totals,
                    List.copyOf(jobs),
                    List.copyOf(invoices),
                    List.copyOf(payments));
        } catch (SQLException e) {
            throw new StoreException(
                    StoreException.Kind.IO, "Could not read customer " + id + ": " + e.getMessage(), e);
        }
    }

    private record Head(
            String reference,
            String name,
            String segment,
            String channel,
            String address,
            String city,
            String phone,
            String email,
            LocalDate acquired) {}

    private static Head head(Connection c, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT external_ref, name, segment, acquisition_channel,"
                + " address, city, phone, email, acquired_on FROM customer WHERE id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException(StoreException.Kind.NOT_FOUND, "There is no customer " + id + ".");
                }
                return new Head(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getObject(9, LocalDate.class));
            }
        }
    }

    /** The data's as-of date: the last day any job was requested or completed (today's date never). */
    private static LocalDate asOf(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT MAX(d) FROM (SELECT MAX(CAST(requested_at AS DATE)) d"
                        + " FROM job UNION ALL SELECT MAX(CAST(completed_at AS DATE)) FROM job)");
                ResultSet rs = st.executeQuery()) {
            LocalDate d = rs.next() ? rs.getObject(1, LocalDate.class) : null;
            return d == null ? LocalDate.of(1970, 1, 1) : d;
        }
    }

    private static List<Job> jobs(Connection c, long id) throws SQLException {
        List<Job> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT j.external_ref, j.completed_at, j.requested_at,"
                + " l.name, j.status, t.name, j.revenue, COALESCE(j.labour_cost, 0) + COALESCE(j.material_cost, 0)"
                + " + COALESCE(j.equipment_cost, 0), j.rating, j.callback_of_job_id IS NOT NULL FROM job j"
                + " LEFT JOIN service_line l ON l.id = j.service_line_id LEFT JOIN technician t ON t.id ="
                + " j.technician_id WHERE j.customer_id = ? ORDER BY COALESCE(j.completed_at, j.requested_at) DESC,"
                + " j.id DESC")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Timestamp done = rs.getTimestamp(2);
                    Timestamp asked = rs.getTimestamp(3);
                    LocalDate day = done != null
                            ? done.toLocalDateTime().toLocalDate()
                            : asked == null ? null : asked.toLocalDateTime().toLocalDate();
                    Integer rating = rs.getObject(9) == null ? null : rs.getInt(9);
                    out.add(new Job(
                            rs.getString(1),
                            day,
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            money(rs.getBigDecimal(7)),
                            money(rs.getBigDecimal(8)),
                            rating == null || rating == 0 ? null : rating,
                            rs.getBoolean(10)));
                }
            }
        }
        return out;
    }

    private static List<Invoice> invoices(Connection c, long id, LocalDate asOf) throws SQLException {
        List<Invoice> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT i.invoice_number, i.issued_on, i.due_on, i.amount,"
                + " i.status, (SELECT COALESCE(SUM(p.amount), 0) FROM payment p WHERE p.invoice_id = i.id),"
                + " (SELECT MAX(p.paid_on) FROM payment p WHERE p.invoice_id = i.id) FROM invoice i"
                + " WHERE i.customer_id = ? ORDER BY i.issued_on DESC, i.id DESC")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    LocalDate issued = rs.getObject(2, LocalDate.class);
                    LocalDate due = rs.getObject(3, LocalDate.class);
                    double amount = money(rs.getBigDecimal(4));
                    double paid = money(rs.getBigDecimal(6));
                    LocalDate lastPaid = rs.getObject(7, LocalDate.class);
                    boolean settled = paid >= amount - 0.005;
                    LocalDate until = settled ? lastPaid : asOf;
                    Integer late = due == null || until == null || !until.isAfter(due)
                            ? null
                            : (int) (until.toEpochDay() - due.toEpochDay());
                    out.add(new Invoice(rs.getString(1), issued, due, amount, rs.getString(5), paid, late));
                }
            }
        }
        return out;
    }

    private static List<Payment> payments(Connection c, long id) throws SQLException {
        List<Payment> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT p.paid_on, p.amount, p.method, i.invoice_number FROM"
                + " payment p JOIN invoice i ON i.id = p.invoice_id WHERE i.customer_id = ? ORDER BY p.paid_on DESC,"
                + " p.id DESC")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Payment(
                            rs.getObject(1, LocalDate.class),
                            money(rs.getBigDecimal(2)),
                            rs.getString(3),
                            rs.getString(4)));
                }
            }
        }
        return out;
    }

    private static double money(BigDecimal v) {
        return v == null ? 0 : v.doubleValue();
    }

    private static double cents(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
