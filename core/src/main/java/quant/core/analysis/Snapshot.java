package quant.core.analysis;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The parts of the database an analysis reads, held in memory as primitive arrays (see {@link Part}):
 * dates as days since 1970-01-01 ({@link #NO_DAY} when missing), money as doubles, texts as {@link
 * Codes}, and references as the index of the row they point to ({@code -1} when missing). A snapshot
 * holds the parts it was asked for and the parts those need, all read at one data version; asking for
 * a part it does not hold is a programming error (the analysis did not declare it). Analyses never go
 * back to the database, so they are pure functions of a snapshot and a spec. A snapshot is immutable
 * and may be shared by threads.
 */
public final class Snapshot {
    /** A missing date. */
    public static final int NO_DAY = Integer.MIN_VALUE;

    private final long dataVersion;
    private final Map<Part<?>, TableRows> parts;

    Snapshot(long dataVersion, Map<Part<?>, TableRows> parts) {
        this.dataVersion = dataVersion;
        this.parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /** The store's data version the snapshot was loaded at. */
    public long dataVersion() {
        return dataVersion;
    }

    /** The parts held. */
    public Set<Part<?>> parts() {
        return parts.keySet();
    }

    /** Whether the snapshot holds {@code part}. */
    public boolean has(Part<?> part) {
        return parts.containsKey(part);
    }

    /**
     * A part's rows.
     *
     * @throws IllegalStateException when the snapshot was loaded without it
     */
    public <T extends TableRows> T part(Part<T> part) {
        TableRows rows = parts.get(part);
        if (rows == null) {
            throw new IllegalStateException("The snapshot was loaded without the " + part.name()
                    + " part: the analysis must declare it among the parts it reads.");
        }
        @SuppressWarnings("unchecked")
        T typed = (T) rows;
        return typed;
    }

    /** Whether both hold the same data: one data version, and the very same rows for each part this one holds. */
    public boolean sameData(Snapshot other) {
        if (other == null || other.dataVersion != dataVersion) {
            return false;
        }
        for (var e : parts.entrySet()) {
            if (other.parts.get(e.getKey()) != e.getValue()) {
                return false;
            }
        }
        return true;
    }

    public Customers customers() {
        return part(Customers.PART);
    }

    public Jobs jobs() {
        return part(Jobs.PART);
    }

    public Invoices invoices() {
        return part(Invoices.PART);
    }

    /** Service lines by code (their {@code code} column); jobs refer to them by index. */
    public Codes serviceLines() {
        return part(ServiceLines.PART).codes();
    }

    public Operations.Technicians technicians() {
        return part(Operations.Technicians.PART);
    }

    /** The fleet. */
    public Assets.Equipment equipment() {
        return part(Assets.Equipment.PART);
    }

    /** What happened to the fleet: maintenance, failures, repairs, downtime. */
    public Assets.Events equipmentEvents() {
        return part(Assets.Events.PART);
    }

    public Operations.Deals deals() {
        return part(Operations.Deals.PART);
    }

    /** Stage moves of the deals, ordered by deal then day. */
    public Operations.StageHistory stageHistory() {
        return part(Operations.StageHistory.PART);
    }

    public Operations.Expenses expenses() {
        return part(Operations.Expenses.PART);
    }

    public Operations.Spend spend() {
        return part(Operations.Spend.PART);
    }

    public Operations.Products products() {
        return part(Operations.Products.PART);
    }

    public Commercial.Leads leads() {
        return part(Commercial.Leads.PART);
    }

    public Commercial.Campaigns campaigns() {
        return part(Commercial.Campaigns.PART);
    }

    /**
     * Market sizes: {@code key} is the segment (a service-line code in the sample), {@code metric}
     * what was measured (e.g. {@code annual_revenue}), the day the period's first day.
     */
    public Commercial.Figures marketSizes() {
        return part(Commercial.Figures.MARKET_SIZES);
    }

    /** Competitor observations: {@code key} is the competitor, the day the observation's. */
    public Commercial.Figures competitors() {
        return part(Commercial.Figures.COMPETITORS);
    }

    public Commercial.Targets targets() {
        return part(Commercial.Targets.PART);
    }

    /** The latest day a job was requested or completed; {@link #NO_DAY} without jobs. */
    public int lastActivityDay() {
        return jobs().lastActivityDay();
    }

    /** Whether there is nothing to analyse: no customers or no jobs. */
    public boolean isEmpty() {
        return customers().size() == 0 || jobs().size() == 0;
    }

    /** A day column's value as a date, or null for {@link #NO_DAY}. */
    public static LocalDate date(int day) {
        return day == NO_DAY ? null : LocalDate.ofEpochDay(day);
    }

    /** Service lines in id order, as the codes jobs and skills refer to (row index = code). */
    public static final class ServiceLines extends TableRows {
        public static final Part<ServiceLines> PART = Part.table("service lines", "service_line", "l")
                .text("code", "code")
                .text("name", "name")
                .holdIn(ServiceLines::new);

        private final Codes codes = new Codes();

        ServiceLines(Rows r) {
            super(r);
            String[] code = r.texts("code");
            String[] name = r.texts("name");
            for (int i = 0; i < code.length; i++) {
                codes.label(codes.intern(code[i]), name[i]);
            }
        }

        public Codes codes() {
            return codes;
        }
    }

    /** Customers, in id order. */
    public static final class Customers extends TableRows {
        public static final Part<Customers> PART = Part.table("customers", "customer", "c")
                .text("name", "name")
                .code("segment", "segment")
                .code("channel", "acquisition_channel")
                .code("city", "city")
                .code("zip", "zip")
                .day("acquired", "acquired_on")
                .text("phone", "phone")
                .text("email", "email")
                .holdIn(Customers::new);

        final String[] name;
        final int[] segment;
        final int[] channel;
        final int[] city;
        final int[] zip;
        final int[] acquiredDay;
        final Codes segments;
        final Codes channels;
        final Codes cities;
        final Codes zips;
        final String[] phone;
        final String[] email;

        Customers(Rows r) {
            super(r);
            name = r.texts("name");
            segment = r.ints("segment");
            channel = r.ints("channel");
            city = r.ints("city");
            zip = r.ints("zip");
            acquiredDay = r.ints("acquired");
            segments = r.codes("segment");
            channels = r.codes("channel");
            cities = r.codes("city");
            zips = r.codes("zip");
            phone = r.texts("phone");
            email = r.texts("email");
        }

        public String name(int i) {
            return name[i];
        }

        /** The customer's phone number, or null. */
        public String phone(int i) {
            return phone[i];
        }

        /** The customer's e-mail address, or null. */
        public String email(int i) {
            return email[i];
        }

        /** The segment's code in {@link #segments()}, or {@link Codes#NONE}. */
        public int segment(int i) {
            return segment[i];
        }

        /** The acquisition channel's code in {@link #channels()}, or {@link Codes#NONE}. */
        public int channel(int i) {
            return channel[i];
        }

        /** The city's code in {@link #cities()}, or {@link Codes#NONE}. */
        public int city(int i) {
            return city[i];
        }

        /** The postal code's code in {@link #zips()}, or {@link Codes#NONE}. */
        public int zip(int i) {
            return zip[i];
        }

        /** The day the customer was acquired, or {@link Snapshot#NO_DAY}. */
        public int acquiredDay(int i) {
            return acquiredDay[i];
        }

        public Codes segments() {
            return segments;
        }

        public Codes channels() {
            return channels;
        }

        public Codes cities() {
            return cities;
        }

        public Codes zips() {
            return zips;
        }
    }

    /** Jobs, in id order. */
    public static final class Jobs extends TableRows {
        /** Status codes (the schema allows these three). */
        public static final byte SCHEDULED = 0;

        public static final byte COMPLETED = 1;
        public static final byte CANCELLED = 2;

        public static final Part<Jobs> PART = Part.table("jobs", "job", "j")
                .ref("customer", "customer_id", Customers.PART)
                .ref("line", "service_line_id", ServiceLines.PART)
                .ref("technician", "technician_id", Operations.Technicians.PART)
                .selfRef("callbackOf", "callback_of_job_id")
                .code("status", "status")
                .code("priority", "priority")
                .day("requested", "requested_at")
                .day("scheduled", "scheduled_at")
                .day("completed", "completed_at")
                .number("estimatedHours", "estimated_hours")
                .number("actualHours", "actual_hours")
                .whole("travel", "travel_minutes", -1)
                .number("revenue", "revenue")
                .number("labour", "labour_cost")
                .number("material", "material_cost")
                .number("equipment", "equipment_cost")
                .whole("rating", "rating", 0)
                .id("equipmentUsed", "equipment_id")
                .holdIn(Jobs::new);

        final int[] customer;
        final int[] serviceLine;
        final int[] technician;
        final int[] callbackOf;
        final byte[] status;
        final int[] priority;
        final Codes priorities;
        final int[] requestedDay;
        final int[] scheduledDay;
        final int[] completedDay;
        final double[] estimatedHours;
        final double[] actualHours;
        final int[] travelMinutes;
        final double[] revenue;
        final double[] labour;
        final double[] material;
        final double[] equipment;
        final double[] cost;
        final int[] rating;
        final long[] equipmentId;
        private final int lastActivityDay;

        Jobs(Rows r) {
            super(r);
            customer = r.ints("customer");
            serviceLine = r.ints("line");
            technician = r.ints("technician");
            callbackOf = r.ints("callbackOf");
            status = r.bytes(
                    "status",
                    s -> s == null
                            ? SCHEDULED
                            : switch (s) {
                                case "completed" -> COMPLETED;
                                case "cancelled" -> CANCELLED;
                                default -> SCHEDULED;
                            });
            priority = r.ints("priority");
            priorities = r.codes("priority");
            requestedDay = r.ints("requested");
            scheduledDay = r.ints("scheduled");
            completedDay = r.ints("completed");
            estimatedHours = r.numbers("estimatedHours");
            actualHours = r.numbers("actualHours");
            travelMinutes = r.ints("travel");
            revenue = r.numbersOrZero("revenue");
            labour = r.numbersOrZero("labour");
            material = r.numbersOrZero("material");
            equipment = r.numbersOrZero("equipment");
            rating = r.ints("rating");
            equipmentId = r.longs("equipmentUsed");
            cost = new double[revenue.length];
            int last = NO_DAY;
            for (int i = 0; i < cost.length; i++) {
                cost[i] = labour[i] + material[i] + equipment[i];
                last = Math.max(last, Math.max(requestedDay[i], completedDay[i]));
            }
            lastActivityDay = last;
        }

        /** The latest day a job was requested or completed; {@link Snapshot#NO_DAY} without jobs. */
        public int lastActivityDay() {
            return lastActivityDay;
        }

        /**
         * The id of the specialty equipment the job used (a row of {@link Snapshot#part} of {@code
         * Assets.Equipment.PART}), or {@link TableRows#NO_ID}.
         */
        public long equipmentId(int i) {
            return equipmentId[i];
        }

        /** The customer's index in {@link Snapshot#customers()}. */
        public int customer(int i) {
            return customer[i];
        }

        /** The service line's index in {@link Snapshot#serviceLines()}. */
        public int serviceLine(int i) {
            return serviceLine[i];
        }

        /** The technician's row in {@link Snapshot#technicians()}, or -1 when none was assigned. */
        public int technician(int i) {
            return technician[i];
        }

        /** The row of the job this one revisits under warranty, or -1. */
        public int callbackOf(int i) {
            return callbackOf[i];
        }

        /** Whether the job is a callback (a warranty revisit of another job). */
        public boolean isCallback(int i) {
            return callbackOf[i] >= 0;
        }

        public byte status(int i) {
            return status[i];
        }

        /** The priority's code in {@link #priorities()} ({@code low}, {@code normal}, {@code high}, {@code emergency}). */
        public int priority(int i) {
            return priority[i];
        }

        public Codes priorities() {
            return priorities;
        }

        public boolean isCompleted(int i) {
            return status[i] == COMPLETED && completedDay[i] != NO_DAY;
        }

        public int requestedDay(int i) {
            return requestedDay[i];
        }

        /** The day the job is or was scheduled for, or {@link Snapshot#NO_DAY}. */
        public int scheduledDay(int i) {
            return scheduledDay[i];
        }

        /** The day the job was completed, or {@link Snapshot#NO_DAY}. */
        public int completedDay(int i) {
            return completedDay[i];
        }

        /** Estimated hours; NaN when missing. */
        public double estimatedHours(int i) {
            return estimatedHours[i];
        }

        /** Actual hours; NaN when missing. */
        public double actualHours(int i) {
            return actualHours[i];
        }

        /** Travel minutes to the job; -1 when missing. */
        public int travelMinutes(int i) {
            return travelMinutes[i];
        }

        /** Revenue; 0 when missing. */
        public double revenue(int i) {
            return revenue[i];
        }

        /** Labour cost (the time on the job, not the travel to it); 0 when missing. */
        public double labourCost(int i) {
            return labour[i];
        }

        /** Material cost; 0 when missing. */
        public double materialCost(int i) {
            return material[i];
        }

        /** Equipment cost; 0 when missing. */
        public double equipmentCost(int i) {
            return equipment[i];
        }

        /** Labour + material + equipment cost, missing parts counted as 0. */
        public double cost(int i) {
            return cost[i];
        }

        /** Revenue − labour − material − equipment cost. */
        public double margin(int i) {
            return revenue[i] - cost[i];
        }

        /** The rating 1–5, or 0 when the job was not rated. */
        public int rating(int i) {
            return rating[i];
        }

        /**
         * Whether the job is a purchase: completed with revenue above 0 (warranty callbacks have
         * revenue 0 and are not purchases).
         */
        public boolean isTransaction(int i) {
            return isCompleted(i) && revenue[i] > 0;
        }
    }

    /** Invoices, in id order, with their payments summed. */
    public static final class Invoices extends TableRows {
        /** Status codes (the schema allows these four). */
        public static final byte OPEN = 0;

        public static final byte PAID = 1;
        public static final byte DISPUTED = 2;
        public static final byte VOID = 3;

        public static final Part<Invoices> PART = Part.table("invoices", "invoice", "i")
                .ref("customer", "customer_id", Customers.PART)
                .id("job", "job_id")
                .day("issued", "issued_on")
                .day("due", "due_on")
                .number("amount", "amount")
                .code("status", "status")
                .needs(PaymentRows.PART)
                .holdIn(Invoices::new);

        final int[] customer;
        final long[] jobId;
        final int[] issuedDay;
        final int[] dueDay;
        final double[] amount;
        final byte[] status;
        final double[] paid;
        final int[] lastPaymentDay;
        final Payments payments;

        Invoices(Rows r) {
            super(r);
            customer = r.ints("customer");
            jobId = r.longs("job");
            issuedDay = r.ints("issued");
            dueDay = r.ints("due");
            amount = r.numbersOrZero("amount");
            status = r.bytes(
                    "status",
                    s -> s == null
                            ? OPEN
                            : switch (s) {
                                case "paid" -> PAID;
                                case "disputed" -> DISPUTED;
                                case "void" -> VOID;
                                default -> OPEN;
                            });
            int n = amount.length;
            paid = new double[n];
            lastPaymentDay = new int[n];
            Arrays.fill(lastPaymentDay, NO_DAY);
            PaymentRows p = r.part(PaymentRows.PART);
            int[] invoice = new int[p.size()];
            int kept = 0;
            int[] day = new int[p.size()];
            double[] paidAmount = new double[p.size()];
            for (int k = 0; k < p.size(); k++) {
                int row = row(p.invoiceId[k]);
                if (row >= 0) {
                    paid[row] += p.amount[k];
                    lastPaymentDay[row] = Math.max(lastPaymentDay[row], p.day[k]);
                    invoice[kept] = row;
                    day[kept] = p.day[k];
                    paidAmount[kept] = p.amount[k];
                    kept++;
                }
            }
            payments = new Payments(
                    Arrays.copyOf(invoice, kept), Arrays.copyOf(day, kept), Arrays.copyOf(paidAmount, kept));
        }

        /** The payments one by one, for figures at an as-of date before the last payment. */
        public Payments payments() {
            return payments;
        }

        public int customer(int i) {
            return customer[i];
        }

        /** The id of the job the invoice bills, or {@link TableRows#NO_ID}. */
        public long jobId(int i) {
            return jobId[i];
        }

        public int issuedDay(int i) {
            return issuedDay[i];
        }

        public int dueDay(int i) {
            return dueDay[i];
        }

        public double amount(int i) {
            return amount[i];
        }

        public byte status(int i) {
            return status[i];
        }

        /** The sum of the invoice's payments. */
        public double paid(int i) {
            return paid[i];
        }

        /** The day of the latest payment, or {@link Snapshot#NO_DAY} without payments. */
        public int lastPaymentDay(int i) {
            return lastPaymentDay[i];
        }

        /**
         * Whether the invoice was late at {@code asOfDay}: paid in full after its due day, or still
         * unpaid (not void) with the due day passed.
         */
        public boolean isLate(int i, int asOfDay) {
            if (status[i] == VOID || issuedDay[i] > asOfDay) {
                return false;
            }
            boolean settled = paid[i] >= amount[i] - 0.005 && lastPaymentDay[i] <= asOfDay;
            return settled ? lastPaymentDay[i] > dueDay[i] : dueDay[i] < asOfDay;
        }
    }

    /** The payment table as read; {@link Invoices} sums it onto the invoices and keeps it as {@link Payments}. */
    public static final class PaymentRows extends TableRows {
        public static final Part<PaymentRows> PART = Part.table("payments", "payment", "p")
                .id("invoice", "invoice_id")
                .day("paid", "paid_on")
                .number("amount", "amount")
                .holdIn(PaymentRows::new);

        final long[] invoiceId;
        final int[] day;
        final double[] amount;

        PaymentRows(Rows r) {
            super(r);
            invoiceId = r.longs("invoice");
            day = r.ints("paid");
            amount = r.numbersOrZero("amount");
        }
    }

    /** Payments one by one: the invoice's row, the day paid, the amount. */
    public static final class Payments {
        final int[] invoice;
        final int[] day;
        final double[] amount;

        Payments(int[] invoice, int[] day, double[] amount) {
            this.invoice = invoice;
            this.day = day;
            this.amount = amount;
        }

        public int size() {
            return invoice.length;
        }

        /** The invoice's row in {@link Snapshot#invoices()}. */
        public int invoice(int i) {
            return invoice[i];
        }

        public int day(int i) {
            return day[i];
        }

        public double amount(int i) {
            return amount[i];
        }
    }
}
