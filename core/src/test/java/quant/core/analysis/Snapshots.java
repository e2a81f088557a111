package quant.core.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
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
    private final List<Object[]> assets = new ArrayList<>();
    private final List<Object[]> products = new ArrayList<>();
    private final List<Object[]> assetEvents = new ArrayList<>();
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

    /**
     * Adds a job done by a technician (index in the order {@link #technician} added them) and returns
     * its index: status completed when {@code completed} is given, else {@code status}; hours NaN
     * and travel -1 when missing; rating 0 when not rated.
     */
    public int technicianJob(
            int customer,
            String line,
            int technician,
            String status,
            LocalDate scheduled,
            LocalDate completed,
            double revenue,
            double labour,
            double material,
            double estimatedHours,
            double actualHours,
            int travelMinutes,
            int rating) {
        LocalDate requested = scheduled != null ? scheduled : completed;
        jobs.add(new Object[] {
            customer,
            line,
            completed != null ? "completed" : status,
            requested,
            completed,
            revenue,
            labour,
            rating,
            false,
            scheduled,
            estimatedHours,
            actualHours,
            travelMinutes,
            technician,
            null,
            material
        });
        return jobs.size() - 1;
    }

    /** Marks the job added last as a callback of job {@code original} (its index). */
    public Snapshots callbackOf(int original) {
        Object[] last = jobs.getLast();
        last[8] = true;
        if (last.length > 14) {
            last[14] = original;
        } else {
            Object[] longer = java.util.Arrays.copyOf(last, 16);
            longer[14] = original;
            longer[15] = 0.0;
            jobs.set(jobs.size() - 1, longer);
        }
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
        technicians.add(new Object[] {name, skills, start, end, days, hired, left, null});
        return this;
    }

    /** Gives the technician added last an hourly cost. */
    public Snapshots hourlyCost(double cost) {
        technicians.getLast()[7] = cost;
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

    /** Adds a product of a service line with its list price. */
    public Snapshots product(String name, String line, double listPrice) {
        lines.intern(line);
        products.add(new Object[] {name, line, listPrice});
        return this;
    }

    /** Gives deal {@code deal} (its index) a customer (index). */
    public Snapshots dealCustomer(int deal, int customer) {
        Object[] r = java.util.Arrays.copyOf(deals.get(deal), 10);
        r[9] = customer;
        deals.set(deal, r);
        return this;
    }

    /** Records that a deal entered a stage on a day. */
    public Snapshots move(int deal, String stage, LocalDate day) {
        moves.add(new Object[] {deal, stage, day});
        return this;
    }

    public Snapshots expense(LocalDate month, double amount, boolean fixed, String category) {
        expenses.add(new Object[] {month, amount, fixed, category, null});
        return this;
    }

    /** Adds a variable expense of one service line (by code). */
    public Snapshots lineExpense(LocalDate month, double amount, String line, String category) {
        lines.intern(line);
        expenses.add(new Object[] {month, amount, false, category, line});
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

    /**
     * Adds an asset and returns its index (its reference is "E" and its index + 1): a type such as
     * {@code van}, the service line it serves (or null), the technician it is assigned to (index, or
     * null), when it was bought, its cost, and when it was retired (or null).
     */
    public int asset(
            String type, String line, Integer technician, LocalDate purchased, double cost, LocalDate retired) {
        if (line != null) {
            lines.intern(line);
        }
        assets.add(new Object[] {null, type, line, technician, purchased, cost, retired});
        return assets.size() - 1;
    }

    /** Adds an event of an asset: {@code maintenance}, {@code failure}, {@code repair} or {@code downtime}. */
    public Snapshots assetEvent(int asset, String type, LocalDate day, double downtimeHours, double cost) {
        assetEvents.add(new Object[] {asset, type, day, downtimeHours, cost});
        return this;
    }

    /** Marks job {@code job} (its index, a job added by {@link #technicianJob}) as having used asset {@code asset}. */
    public Snapshots usedAsset(int job, int asset) {
        Object[] r = jobs.get(job);
        Object[] longer = java.util.Arrays.copyOf(r, 17);
        longer[16] = asset;
        jobs.set(job, longer);
        return this;
    }

    /**
     * The snapshot of every part, built by the same holders the store's rows go through: each row
     * added becomes a row with id 1, 2, … in the order added.
     */
    public Snapshot build() {
        java.util.Map<Part<?>, PartReader.Raw> raws = new java.util.LinkedHashMap<>();
        for (Part<?> p : SnapshotLoader.ALL) {
            CommercialRows.raw(raws, p);
        }
        PartReader.Raw lineRows = CommercialRows.raw(raws, Snapshot.ServiceLines.PART);
        for (Object[] r : jobs) {
            lines.intern((String) r[1]);
        }
        for (int k = 0; k < lines.size(); k++) {
            lineRows.add(k + 1, lines.value(k), null);
        }
        PartReader.Raw c = CommercialRows.raw(raws, Snapshot.Customers.PART);
        for (int i = 0; i < customers.size(); i++) {
            Object[] r = customers.get(i);
            c.add(i + 1, r[0], r[1], r[2], r[3], null, r[4], null, null);
        }
        PartReader.Raw t = CommercialRows.raw(raws, Operations.Technicians.PART);
        for (int k = 0; k < technicians.size(); k++) {
            Object[] r = technicians.get(k);
            t.add(k + 1, "T" + (k + 1), r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]);
        }
        PartReader.Raw j = CommercialRows.raw(raws, Snapshot.Jobs.PART);
        java.util.Map<Integer, Long> lastJobOf = new java.util.HashMap<>();
        for (int k = 0; k < jobs.size(); k++) {
            Object[] r = jobs.get(k);
            int customer = (Integer) r[0];
            long id = k + 1;
            // a callback revisits the job named, else the customer's job before it (or, when it is the first, itself)
            Long callbackOf = null;
            if (r.length > 14 && r[14] != null) {
                callbackOf = (Integer) r[14] + 1L;
            } else if ((Boolean) r[8]) {
                callbackOf = lastJobOf.getOrDefault(customer, id);
            }
            Long technician = r.length > 13 && r[13] != null ? Long.valueOf((Integer) r[13] + 1L) : null;
            lastJobOf.put(customer, id);
            boolean work = r.length > 9;
            j.add(
                    id,
                    CommercialRows.id(customer),
                    (long) lines.find((String) r[1]) + 1,
                    technician,
                    callbackOf,
                    r[2],
                    "normal",
                    r[3],
                    work ? r[9] : null,
                    r[4],
                    work ? nullIfNaN((Double) r[10]) : null,
                    work ? nullIfNaN((Double) r[11]) : null,
                    work && r[12] != null && (Integer) r[12] >= 0 ? r[12] : null,
                    r[5],
                    r[6],
                    r.length > 15 ? r[15] : 0.0,
                    0.0,
                    (Integer) r[7] == 0 ? null : r[7],
                    r.length > 16 && r[16] != null ? (Integer) r[16] + 1L : null);
        }
        PartReader.Raw inv = CommercialRows.raw(raws, Snapshot.Invoices.PART);
        PartReader.Raw pay = CommercialRows.raw(raws, Snapshot.PaymentRows.PART);
        long paymentId = 0;
        for (int k = 0; k < invoices.size(); k++) {
            Object[] r = invoices.get(k);
            inv.add(k + 1, CommercialRows.id((Integer) r[0]), null, r[1], r[2], r[3], r[4]);
            if (r[5] != null) {
                // one payment of the whole amount on the day given
                pay.add(++paymentId, k + 1L, r[5], r[3]);
            }
        }
        for (Object[] p : payments) {
            pay.add(++paymentId, (Integer) p[0] + 1L, p[1], p[2]);
        }
        PartReader.Raw d = CommercialRows.raw(raws, Operations.Deals.PART);
        for (int k = 0; k < deals.size(); k++) {
            Object[] r = deals.get(k);
            d.add(
                    k + 1,
                    "D" + (k + 1),
                    r.length > 9 && r[9] != null ? CommercialRows.id((Integer) r[9]) : null,
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    null,
                    r[4],
                    r[5],
                    r[7],
                    r[6],
                    r[8],
                    commercial.leadOf(k));
        }
        d.extend("stage", moves.stream().map(m -> (String) m[1]).toList());
        PartReader.Raw h = CommercialRows.raw(raws, Operations.StageHistory.PART);
        for (int k = 0; k < moves.size(); k++) {
            Object[] r = moves.get(k);
            h.add(k + 1, (Integer) r[0] + 1L, r[1], r[2]);
        }
        PartReader.Raw e = CommercialRows.raw(raws, Operations.Expenses.PART);
        for (int k = 0; k < expenses.size(); k++) {
            Object[] r = expenses.get(k);
            e.add(
                    k + 1,
                    r[0],
                    r[1],
                    (Boolean) r[2] ? "fixed" : "variable",
                    r[3],
                    r[4] == null ? null : (long) lines.find((String) r[4]) + 1);
        }
        PartReader.Raw sp = CommercialRows.raw(raws, Operations.Spend.PART);
        for (int k = 0; k < spend.size(); k++) {
            Object[] r = spend.get(k);
            sp.add(k + 1, r[0], r[1], r[2], commercial.campaignOf(k));
        }
        PartReader.Raw pr = CommercialRows.raw(raws, Operations.Products.PART);
        for (int k = 0; k < products.size(); k++) {
            Object[] r = products.get(k);
            pr.add(k + 1, r[0], null, (long) lines.find((String) r[1]) + 1, r[2]);
        }
        PartReader.Raw eq = CommercialRows.raw(raws, Assets.Equipment.PART);
        for (int k = 0; k < assets.size(); k++) {
            Object[] r = assets.get(k);
            Long line = r[2] == null ? null : (long) lines.find((String) r[2]) + 1;
            Long tech = r[3] == null ? null : (Integer) r[3] + 1L;
            eq.add(k + 1, "E" + (k + 1), "Asset " + (k + 1), r[1], line, tech, r[4], r[5], null, r[6]);
        }
        PartReader.Raw ev = CommercialRows.raw(raws, Assets.Events.PART);
        for (int k = 0; k < assetEvents.size(); k++) {
            Object[] r = assetEvents.get(k);
            ev.add(k + 1, (Integer) r[0] + 1L, r[1], r[2], r[3], r[4], null);
        }
        commercial.addTo(raws);
        return new Snapshot(1, PartReader.build(raws, java.util.Map.of()));
    }

    private static Double nullIfNaN(Double v) {
        return v == null || v.isNaN() ? null : v;
    }
}
