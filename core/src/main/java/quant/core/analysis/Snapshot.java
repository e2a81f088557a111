package quant.core.analysis;

import java.time.LocalDate;

/**
 * The columns the analyses read, held in memory as primitive arrays: dates as days since 1970-01-01
 * ({@link #NO_DAY} when missing), money as doubles, texts as {@link Codes}, and references as the
 * index of the row they point to ({@code -1} when missing). Loaded by {@link SnapshotLoader}, one
 * streaming {@code SELECT} per table; analyses never go back to the database, so they are pure
 * functions of a snapshot and a spec. A snapshot is immutable once loaded and may be shared by
 * threads.
 */
public final class Snapshot {
    /** A missing date. */
    public static final int NO_DAY = Integer.MIN_VALUE;

    private final long dataVersion;
    private final Customers customers;
    private final Jobs jobs;
    private final Invoices invoices;
    private final Codes serviceLines;
    private final Operations operations;
    private final Commercial commercial;
    private final int lastActivityDay;

    Snapshot(
            long dataVersion,
            Customers customers,
            Jobs jobs,
            Invoices invoices,
            Codes serviceLines,
            Operations operations) {
        this(dataVersion, customers, jobs, invoices, serviceLines, operations, Commercial.EMPTY);
    }

    Snapshot(
            long dataVersion,
            Customers customers,
            Jobs jobs,
            Invoices invoices,
            Codes serviceLines,
            Operations operations,
            Commercial commercial) {
        this.commercial = commercial;
        this.dataVersion = dataVersion;
        this.customers = customers;
        this.jobs = jobs;
        this.invoices = invoices;
        this.serviceLines = serviceLines;
        this.operations = operations;
        int last = NO_DAY;
        for (int i = 0; i < jobs.size(); i++) {
            last = Math.max(last, Math.max(jobs.requestedDay[i], jobs.completedDay[i]));
        }
        this.lastActivityDay = last;
    }

    /** The store's data version the snapshot was loaded at. */
    public long dataVersion() {
        return dataVersion;
    }

    public Customers customers() {
        return customers;
    }

    public Jobs jobs() {
        return jobs;
    }

    public Invoices invoices() {
        return invoices;
    }

    /** Service lines by code (their {@code code} column); jobs refer to them by index. */
    public Codes serviceLines() {
        return serviceLines;
    }

    /** Technicians, deals, expenses and marketing spend. */
    public Operations operations() {
        return operations;
    }

    /** Leads, campaigns, market sizes, competitor observations and KPI targets. */
    public Commercial commercial() {
        return commercial;
    }

    /** The latest day a job was requested or completed; {@link #NO_DAY} without jobs. */
    public int lastActivityDay() {
        return lastActivityDay;
    }

    /** Whether there is nothing to analyse: no customers or no jobs. */
    public boolean isEmpty() {
        return customers.size() == 0 || jobs.size() == 0;
    }

    /** A day column's value as a date, or null for {@link #NO_DAY}. */
    public static LocalDate date(int day) {
        return day == NO_DAY ? null : LocalDate.ofEpochDay(day);
    }

    /** Customers, in id order. */
    public static final class Customers {
        final long[] id;
        final String[] name;
        final int[] segment;
        final int[] channel;
        final int[] city;
        final int[] acquiredDay;
        final Codes segments;
        final Codes channels;
        final Codes cities;
        final String[] phone;
        final String[] email;

        /** Each customer's columns; null phone or e-mail arrays mean none recorded. */
        Customers(
                long[] id,
                String[] name,
                int[] segment,
                int[] channel,
                int[] city,
                int[] acquiredDay,
                Codes segments,
                Codes channels,
                Codes cities,
                String[] phone,
                String[] email) {
            this.phone = phone;
            this.email = email;
            this.id = id;
            this.name = name;
            this.segment = segment;
            this.channel = channel;
            this.city = city;
            this.acquiredDay = acquiredDay;
            this.segments = segments;
            this.channels = channels;
            this.cities = cities;
        }

        public int size() {
            return id.length;
        }

        /** The row's id in the database. */
        public long id(int i) {
            return id[i];
        }

        public String name(int i) {
            return name[i];
        }

        /** The customer's phone number, or null. */
        public String phone(int i) {
            return phone == null ? null : phone[i];
        }

        /** The customer's e-mail address, or null. */
        public String email(int i) {
            return email == null ? null : email[i];
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
    }

    /** Jobs, in id order. */
    public static final class Jobs {
        /** Status codes (the schema allows these three). */
        public static final byte SCHEDULED = 0;

        public static final byte COMPLETED = 1;
        public static final byte CANCELLED = 2;

        final int[] customer;
        final int[] serviceLine;
        final byte[] status;
        final int[] requestedDay;
        final int[] completedDay;
        final double[] revenue;
        final double[] cost;
        final byte[] rating;
        final boolean[] callback;
        final Work work;

        Jobs(
                int[] customer,
                int[] serviceLine,
                byte[] status,
                int[] requestedDay,
                int[] completedDay,
                double[] revenue,
                double[] cost,
                byte[] rating,
                boolean[] callback,
                Work work) {
            this.customer = customer;
            this.serviceLine = serviceLine;
            this.status = status;
            this.requestedDay = requestedDay;
            this.completedDay = completedDay;
            this.revenue = revenue;
            this.cost = cost;
            this.rating = rating;
            this.callback = callback;
            this.work = work;
        }

        /** The day the job is or was scheduled for, or {@link Snapshot#NO_DAY}. */
        public int scheduledDay(int i) {
            return work.scheduledDay[i];
        }

        /** Estimated hours; NaN when missing. */
        public double estimatedHours(int i) {
            return work.estimatedHours[i];
        }

        /** Actual hours; NaN when missing. */
        public double actualHours(int i) {
            return work.actualHours[i];
        }

        /** Travel minutes to the job; -1 when missing. */
        public int travelMinutes(int i) {
            return work.travelMinutes[i];
        }

        public int size() {
            return customer.length;
        }

        /** The customer's index in {@link Snapshot#customers()}. */
        public int customer(int i) {
            return customer[i];
        }

        /** The service line's index in {@link Snapshot#serviceLines()}. */
        public int serviceLine(int i) {
            return serviceLine[i];
        }

        public byte status(int i) {
            return status[i];
        }

        public boolean isCompleted(int i) {
            return status[i] == COMPLETED && completedDay[i] != NO_DAY;
        }

        public int requestedDay(int i) {
            return requestedDay[i];
        }

        /** The day the job was completed, or {@link Snapshot#NO_DAY}. */
        public int completedDay(int i) {
            return completedDay[i];
        }

        /** Revenue; 0 when missing. */
        public double revenue(int i) {
            return revenue[i];
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

        /** Whether the job is a callback (a warranty revisit of another job). */
        public boolean isCallback(int i) {
            return callback[i];
        }

        /**
         * Whether the job is a purchase: completed with revenue above 0 (warranty callbacks have
         * revenue 0 and are not purchases).
         */
        public boolean isTransaction(int i) {
            return isCompleted(i) && revenue[i] > 0;
        }

        /** The jobs' scheduling and hours columns, which only the operational analyses read. */
        record Work(int[] scheduledDay, double[] estimatedHours, double[] actualHours, int[] travelMinutes) {
            /** Every column missing, for {@code n} jobs. */
            static Work missing(int n) {
                int[] noDay = new int[n];
                java.util.Arrays.fill(noDay, NO_DAY);
                double[] nan = new double[n];
                java.util.Arrays.fill(nan, Double.NaN);
                int[] none = new int[n];
                java.util.Arrays.fill(none, -1);
                return new Work(noDay, nan, nan.clone(), none);
            }
        }
    }

    /** Invoices, in id order, with their payments summed. */
    public static final class Invoices {
        /** Status codes (the schema allows these four). */
        public static final byte OPEN = 0;

        public static final byte PAID = 1;
        public static final byte DISPUTED = 2;
        public static final byte VOID = 3;

        final int[] customer;
        final int[] issuedDay;
        final int[] dueDay;
        final double[] amount;
        final byte[] status;
        final double[] paid;
        final int[] lastPaymentDay;
        final Payments payments;

        Invoices(
                int[] customer,
                int[] issuedDay,
                int[] dueDay,
                double[] amount,
                byte[] status,
                double[] paid,
                int[] lastPaymentDay,
                Payments payments) {
            this.customer = customer;
            this.issuedDay = issuedDay;
            this.dueDay = dueDay;
            this.amount = amount;
            this.status = status;
            this.paid = paid;
            this.lastPaymentDay = lastPaymentDay;
            this.payments = payments;
        }

        /** The payments one by one, for figures at an as-of date before the last payment. */
        public Payments payments() {
            return payments;
        }

        public int size() {
            return customer.length;
        }

        public int customer(int i) {
            return customer[i];
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
