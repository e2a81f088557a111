package quant.core.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import quant.core.store.Store;
import quant.core.store.StoreException;
import quant.core.store.repo.CustomerRows;

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
        {
            CustomerRows.Profile rows = CustomerRows.read(store, id);
            CustomerRows.Head head = rows.head()
                    .orElseThrow(() ->
                            new StoreException(StoreException.Kind.NOT_FOUND, "There is no customer " + id + "."));
            LocalDate asOf = asOf(rows);
            int yearAgo = (int) asOf.minusYears(1).toEpochDay();
            List<Job> jobs = rows.jobs().stream().map(CustomerProfile::job).toList();
            List<Invoice> invoices =
                    rows.invoices().stream().map(i -> invoice(i, asOf)).toList();
            List<Payment> payments = rows.payments().stream()
                    .map(p -> new Payment(p.paidOn(), money(p.amount()), p.method(), p.invoice()))
                    .toList();
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
                    head.reference(),
                    head.name(),
                    head.segment(),
                    head.channel(),
                    head.address(),
                    head.city(),
                    head.phone(),
                    head.email(),
                    head.acquired(),
                    asOf,
                    totals,
                    List.copyOf(jobs),
                    List.copyOf(invoices),
                    List.copyOf(payments));
        }
    }

    /** The data's as-of date: the last day any job was requested or completed (today's date never). */
    private static LocalDate asOf(CustomerRows.Profile rows) {
        LocalDate a = rows.lastRequested();
        LocalDate b = rows.lastCompleted();
        LocalDate d = a == null ? b : b == null || a.isAfter(b) ? a : b;
        return d == null ? LocalDate.of(1970, 1, 1) : d;
    }

    private static Job job(CustomerRows.JobRow r) {
        LocalDate day = r.completedAt() != null
                ? r.completedAt().toLocalDate()
                : r.requestedAt() == null ? null : r.requestedAt().toLocalDate();
        Integer rating =
                r.rating() == null || r.rating() == 0 ? null : r.rating().intValue();
        return new Job(
                r.reference(),
                day,
                r.line(),
                r.status(),
                r.technician(),
                money(r.revenue()),
                money(r.cost()),
                rating,
                r.callback());
    }

    private static Invoice invoice(CustomerRows.InvoiceRow r, LocalDate asOf) {
        double amount = money(r.amount());
        double paid = money(r.paid());
        boolean settled = paid >= amount - 0.005;
        LocalDate until = settled ? r.lastPaid() : asOf;
        Integer late = r.due() == null || until == null || !until.isAfter(r.due())
                ? null
                : (int) (until.toEpochDay() - r.due().toEpochDay());
        return new Invoice(r.number(), r.issued(), r.due(), amount, r.status(), paid, late);
    }

    private static double money(BigDecimal v) {
        return v == null ? 0 : v.doubleValue();
    }

    private static double cents(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
