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
    private final List<Object[]> payments = new ArrayList<>();
    private final List<Object[]> technicians = new ArrayList<>();
    private final List<Object[]> deals = new ArrayList<>();
    private final List<Object[]> moves = new ArrayList<>();
    private final List<Object[]> expenses = new ArrayList<>();
    private final List<Object[]> spend = new ArrayList<>();
    private final CommercialRows commercial = new CommercialRows();

    public Snapshots() {
        lines.intern("HVAC");
        lines.intern("PLUMB");
    }

    /** Leads, campaigns, market figures and targets, and the links of deals and spend to them. */
    public CommercialRows commercial() {
        return commercial;
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

    /**
     * Adds a job with its work columns: status completed, scheduled or cancelled; {@code completed}
     * null unless completed; hours NaN and travel -1 when missing.
     */
    public Snapshots workJob(
            int customer,
            String line,
            String status,
            LocalDate requested,
            LocalDate scheduled,
            LocalDate completed,
            double revenue,
            double cost,
            double estimatedHours,
            double actualHours,
            int travelMinutes) {
        jobs.add(new Object[] {
            customer,
            line,
            status,
            requested,
            completed,
            revenue,
            cost,
            0,
            false,
            scheduled,
            estimatedHours,
            actualHours,
            travelMinutes
        });
        return this;
    }

    /** Marks the job added last as a warranty callback. */
    public Snapshots asCallback() {
        jobs.getLast()[8] = true;
        return this;
    }

    /** Adds a payment of part of an invoice (by its index in the order added). */
    public Snapshots payment(int invoice, LocalDate day, double amount) {
        payments.add(new Object[] {invoice, day, amount});
        return this;
    }

    /** Adds a technician: skills as {@code HVAC;PLUMB}, shift as "08:00", days as {@code MTWTF..}. */
    public Snapshots technician(
            String name, String skills, String start, String end, String days, LocalDate hired, LocalDate left) {
        technicians.add(new Object[] {name, skills, start, end, days, hired, left});
        return this;
    }

    /** Adds a deal (outcome open, won or lost) and returns its index. */
    public int deal(
            double amount, String stage, String outcome, LocalDate created, LocalDate expectedClose, LocalDate closed) {
        return deal(amount, stage, outcome, created, expectedClose, closed, null, null, null);
    }

    /** Adds a deal with its sales rep, lead source and product (each may be null). */
    public int deal(
            double amount,
            String stage,
            String outcome,
            LocalDate created,
            LocalDate expectedClose,
            LocalDate closed,
            String rep,
            String source,
            String product) {
        deals.add(new Object[] {amount, stage, outcome, created, expectedClose, closed, rep, source, product});
        return deals.size() - 1;
    }

    /** Records that a deal entered a stage on a day. */
    public Snapshots move(int deal, String stage, LocalDate day) {
        moves.add(new Object[] {deal, stage, day});
        return this;
    }

    public Snapshots expense(LocalDate month, double amount, boolean fixed, String category) {
        expenses.add(new Object[] {month, amount, fixed, category});
        return this;
    }

    public Snapshots spend(LocalDate month, String channel, double amount) {
        spend.add(new Object[] {month, channel, amount});
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
        Snapshot.Jobs.Work work = Snapshot.Jobs.Work.missing(m);
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
            if (r.length > 9) {
                work.scheduledDay()[j] = day((LocalDate) r[9]);
                work.estimatedHours()[j] = (Double) r[10];
                work.actualHours()[j] = (Double) r[11];
                work.travelMinutes()[j] = (Integer) r[12];
            }
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
        Snapshot.Payments partial = partialPayments(paid, lastPaid);
        return new Snapshot(
                1,
                new Snapshot.Customers(
                        id, name, segment, channel, city, acquired, segments, channels, cities, null, null),
                new Snapshot.Jobs(customer, line, status, requested, completed, revenue, cost, rating, callback, work),
                new Snapshot.Invoices(invCustomer, issued, due, amount, invStatus, paid, lastPaid, partial),
                lines,
                operations(),
                commercial.build(deals.size(), spend.size()));
    }

    /**
     * One payment of the whole amount per invoice added with a payment day, then the partial
     * payments added one by one (which also update the invoices' sums).
     */
    private Snapshot.Payments partialPayments(double[] paid, int[] lastPaid) {
        int[] whole = java.util.stream.IntStream.range(0, paid.length)
                .filter(i -> lastPaid[i] != Snapshot.NO_DAY)
                .toArray();
        int n = whole.length + payments.size();
        int[] invoice = new int[n];
        int[] day = new int[n];
        double[] amount = new double[n];
        for (int k = 0; k < whole.length; k++) {
            invoice[k] = whole[k];
            day[k] = lastPaid[whole[k]];
            amount[k] = paid[whole[k]];
        }
        for (int k = 0; k < payments.size(); k++) {
            Object[] p = payments.get(k);
            int i = (Integer) p[0];
            invoice[whole.length + k] = i;
            day[whole.length + k] = day((LocalDate) p[1]);
            amount[whole.length + k] = (Double) p[2];
            paid[i] += (Double) p[2];
            lastPaid[i] = Math.max(lastPaid[i], day((LocalDate) p[1]));
        }
        return new Snapshot.Payments(invoice, day, amount);
    }

    private Operations operations() {
        int t = technicians.size();
        String[] name = new String[t];
        int[][] skills = new int[t][];
        int[] start = new int[t];
        int[] end = new int[t];
        int[] days = new int[t];
        int[] hired = new int[t];
        int[] left = new int[t];
        for (int k = 0; k < t; k++) {
            Object[] r = technicians.get(k);
            name[k] = (String) r[0];
            skills[k] = OperationsReader.skills((String) r[1], lines);
            start[k] = java.time.LocalTime.parse((String) r[2]).toSecondOfDay() / 60;
            end[k] = java.time.LocalTime.parse((String) r[3]).toSecondOfDay() / 60;
            days[k] = Operations.Technicians.workDayMask((String) r[4]);
            hired[k] = day((LocalDate) r[5]);
            left[k] = day((LocalDate) r[6]);
        }
        int d = deals.size();
        double[] amount = new double[d];
        int[] stage = new int[d];
        byte[] outcome = new byte[d];
        int[] created = new int[d];
        int[] expected = new int[d];
        int[] closed = new int[d];
        int[] none = new int[d];
        java.util.Arrays.fill(none, Snapshot.NO_DAY);
        int[] noCustomer = new int[d];
        java.util.Arrays.fill(noCustomer, -1);
        Codes stages = new Codes();
        int[] rep = new int[d];
        int[] source = new int[d];
        int[] product = new int[d];
        Codes reps = new Codes();
        Codes sources = new Codes();
        Codes products = new Codes();
        for (int k = 0; k < d; k++) {
            Object[] r = deals.get(k);
            rep[k] = reps.intern((String) r[6]);
            source[k] = sources.intern((String) r[7]);
            product[k] = products.intern((String) r[8]);
            amount[k] = (Double) r[0];
            stage[k] = stages.intern((String) r[1]);
            outcome[k] = switch ((String) r[2]) {
                case "won" -> Operations.Deals.WON;
                case "lost" -> Operations.Deals.LOST;
                default -> Operations.Deals.OPEN;
            };
            created[k] = day((LocalDate) r[3]);
            expected[k] = day((LocalDate) r[4]);
            closed[k] = day((LocalDate) r[5]);
        }
        int h = moves.size();
        int[] moveDeal = new int[h];
        int[] moveStage = new int[h];
        int[] moveDay = new int[h];
        for (int k = 0; k < h; k++) {
            Object[] r = moves.get(k);
            moveDeal[k] = (Integer) r[0];
            moveStage[k] = stages.intern((String) r[1]);
            moveDay[k] = day((LocalDate) r[2]);
        }
        int e = expenses.size();
        int[] month = new int[e];
        double[] expenseAmount = new double[e];
        boolean[] fixed = new boolean[e];
        int[] category = new int[e];
        Codes categories = new Codes();
        for (int k = 0; k < e; k++) {
            Object[] r = expenses.get(k);
            month[k] = day((LocalDate) r[0]);
            expenseAmount[k] = (Double) r[1];
            fixed[k] = (Boolean) r[2];
            category[k] = categories.intern((String) r[3]);
        }
        int sp = spend.size();
        int[] spendMonth = new int[sp];
        int[] channel = new int[sp];
        double[] spendAmount = new double[sp];
        Codes channels = new Codes();
        for (int k = 0; k < sp; k++) {
            Object[] r = spend.get(k);
            spendMonth[k] = day((LocalDate) r[0]);
            channel[k] = channels.intern((String) r[1]);
            spendAmount[k] = (Double) r[2];
        }
        return new Operations(
                new Operations.Technicians(name, skills, start, end, days, hired, left, new double[t]),
                new Operations.Deals(
                        java.util.stream.IntStream.range(0, noCustomer.length)
                                .mapToObj(i -> "D" + (i + 1))
                                .toArray(String[]::new),
                        noCustomer,
                        amount,
                        stage,
                        outcome,
                        created,
                        none,
                        expected,
                        closed,
                        source,
                        rep,
                        product,
                        stages,
                        sources,
                        reps,
                        products),
                Operations.StageHistory.sorted(moveDeal, moveStage, moveDay),
                new Operations.Expenses(month, expenseAmount, fixed, category, categories),
                new Operations.Spend(spendMonth, channel, spendAmount, channels));
    }

    private static int day(LocalDate d) {
        return d == null ? Snapshot.NO_DAY : (int) d.toEpochDay();
    }
}
