package quant.core.analysis;

import java.util.Arrays;

/**
 * The smaller operational tables of a {@link Snapshot}: technicians (skills and shifts), deals with
 * their stage history, monthly expenses and marketing spend. Read by {@link OperationsReader} in the
 * same transaction as the rest of the snapshot; the same conventions hold (days since 1970-01-01 or
 * {@link Snapshot#NO_DAY}, texts as {@link Codes}, references as row indexes or {@code -1}).
 */
public final class Operations {
    /** No technicians, deals, expenses or spend. */
    public static final Operations EMPTY = new Operations(
            new Technicians(
                    new String[0],
                    new int[0][],
                    new int[0],
                    new int[0],
                    new int[0],
                    new int[0],
                    new int[0],
                    new double[0]),
            new Deals(
                    new String[0],
                    new int[0],
                    new double[0],
                    new int[0],
                    new byte[0],
                    new int[0],
                    new int[0],
                    new int[0],
                    new int[0],
                    new int[0],
                    new int[0],
                    new int[0],
                    new Codes(),
                    new Codes(),
                    new Codes(),
                    new Codes()),
            new StageHistory(new int[0], new int[0], new int[0]),
            new Expenses(new int[0], new double[0], new boolean[0], new int[0], new Codes()),
            new Spend(new int[0], new int[0], new double[0], new Codes()));

    private final Technicians technicians;
    private final Deals deals;
    private final StageHistory stageHistory;
    private final Expenses expenses;
    private final Spend spend;

    Operations(Technicians technicians, Deals deals, StageHistory stageHistory, Expenses expenses, Spend spend) {
        this.technicians = technicians;
        this.deals = deals;
        this.stageHistory = stageHistory;
        this.expenses = expenses;
        this.spend = spend;
    }

    public Technicians technicians() {
        return technicians;
    }

    public Deals deals() {
        return deals;
    }

    /** Stage moves of the deals, ordered by deal then day. */
    public StageHistory stageHistory() {
        return stageHistory;
    }

    public Expenses expenses() {
        return expenses;
    }

    public Spend spend() {
        return spend;
    }

    /** Technicians, in id order. */
    public static final class Technicians {
        final String[] name;
        final int[][] skills;
        final int[] shiftStartMinute;
        final int[] shiftEndMinute;
        final int[] workDays;
        final int[] hiredDay;
        final int[] leftDay;
        final double[] hourlyCost;

        Technicians(
                String[] name,
                int[][] skills,
                int[] shiftStartMinute,
                int[] shiftEndMinute,
                int[] workDays,
                int[] hiredDay,
                int[] leftDay,
                double[] hourlyCost) {
            this.name = name;
            this.skills = skills;
            this.shiftStartMinute = shiftStartMinute;
            this.shiftEndMinute = shiftEndMinute;
            this.workDays = workDays;
            this.hiredDay = hiredDay;
            this.leftDay = leftDay;
            this.hourlyCost = hourlyCost;
        }

        public int size() {
            return name.length;
        }

        public String name(int i) {
            return name[i];
        }

        /** The service lines (indexes in {@link Snapshot#serviceLines()}) the technician can work. */
        public int[] skills(int i) {
            return skills[i].clone();
        }

        public boolean hasSkill(int i, int line) {
            for (int s : skills[i]) {
                if (s == line) {
                    return true;
                }
            }
            return false;
        }

        /** The length of the shift in hours; 0 when the shift is not recorded. */
        public double shiftHours(int i) {
            int start = shiftStartMinute[i];
            int end = shiftEndMinute[i];
            return start < 0 || end < 0 ? 0 : Math.max(0, end - start) / 60.0;
        }

        /**
         * Whether the technician works on {@code day}: employed (hired on or before it, not yet left)
         * and the day of week among the work days.
         */
        public boolean works(int i, int day) {
            if ((hiredDay[i] != Snapshot.NO_DAY && day < hiredDay[i])
                    || (leftDay[i] != Snapshot.NO_DAY && day >= leftDay[i])) {
                return false;
            }
            int dow = Math.floorMod(day + 3, 7); // 1970-01-01 was a Thursday; 0 = Monday
            return (workDays[i] & (1 << dow)) != 0;
        }

        public int hiredDay(int i) {
            return hiredDay[i];
        }

        /** The day the technician left, or {@link Snapshot#NO_DAY}. */
        public int leftDay(int i) {
            return leftDay[i];
        }

        /** Hourly cost; 0 when missing. */
        public double hourlyCost(int i) {
            return hourlyCost[i];
        }

        /**
         * The work-days column as a bit mask, Monday bit 0: seven characters, a day is worked unless
         * its character is {@code .} (so {@code MTWTF..} is Monday to Friday). Missing: Monday to Friday.
         */
        static int workDayMask(String text) {
            if (text == null || text.isBlank()) {
                return 0b0011111;
            }
            int mask = 0;
            for (int d = 0; d < Math.min(7, text.length()); d++) {
                char ch = text.charAt(d);
                if (ch != '.' && ch != '-' && ch != ' ') {
                    mask |= 1 << d;
                }
            }
            return mask;
        }
    }

    /** Deals, in id order. */
    public static final class Deals {
        public static final byte OPEN = 0;
        public static final byte WON = 1;
        public static final byte LOST = 2;

        final String[] ref;
        final int[] customer;
        final double[] amount;
        final int[] stage;
        final byte[] outcome;
        final int[] createdDay;
        final int[] engagedDay;
        final int[] expectedCloseDay;
        final int[] closedDay;
        final int[] leadSource;
        final int[] rep;
        final int[] product;
        final Codes stages;
        final Codes leadSources;
        final Codes reps;
        final Codes products;

        Deals(
                String[] ref,
                int[] customer,
                double[] amount,
                int[] stage,
                byte[] outcome,
                int[] createdDay,
                int[] engagedDay,
                int[] expectedCloseDay,
                int[] closedDay,
                int[] leadSource,
                int[] rep,
                int[] product,
                Codes stages,
                Codes leadSources,
                Codes reps,
                Codes products) {
            this.ref = ref;
            this.customer = customer;
            this.amount = amount;
            this.stage = stage;
            this.outcome = outcome;
            this.createdDay = createdDay;
            this.engagedDay = engagedDay;
            this.expectedCloseDay = expectedCloseDay;
            this.closedDay = closedDay;
            this.leadSource = leadSource;
            this.rep = rep;
            this.product = product;
            this.stages = stages;
            this.leadSources = leadSources;
            this.reps = reps;
            this.products = products;
        }

        public int size() {
            return amount.length;
        }

        /** The customer's row in {@link Snapshot#customers()}, or -1. */
        /** The deal's {@code external_ref}: how the CRM names it. */
        public String ref(int i) {
            return ref[i];
        }

        public int customer(int i) {
            return customer[i];
        }

        /** The amount; 0 when missing. */
        public double amount(int i) {
            return amount[i];
        }

        /** The current stage's code in {@link #stages()}. */
        public int stage(int i) {
            return stage[i];
        }

        public byte outcome(int i) {
            return outcome[i];
        }

        /** The creation day, else the engagement day (CRM exports without a creation date), else NO_DAY. */
        public int startDay(int i) {
            return createdDay[i] != Snapshot.NO_DAY ? createdDay[i] : engagedDay[i];
        }

        public int createdDay(int i) {
            return createdDay[i];
        }

        public int expectedCloseDay(int i) {
            return expectedCloseDay[i];
        }

        public int closedDay(int i) {
            return closedDay[i];
        }

        /** Whether the deal was open at the end of {@code day}: started by then and not closed by then. */
        public boolean isOpenAt(int i, int day) {
            int start = startDay(i);
            if (start != Snapshot.NO_DAY && start > day) {
                return false;
            }
            return outcome[i] == OPEN || closedDay[i] == Snapshot.NO_DAY || closedDay[i] > day;
        }

        /** Whether the deal was won or lost on or before {@code day}. */
        public boolean isClosedBy(int i, int day) {
            return outcome[i] != OPEN && closedDay[i] != Snapshot.NO_DAY && closedDay[i] <= day;
        }

        public int leadSource(int i) {
            return leadSource[i];
        }

        /** The sales rep's code in {@link #reps()} (their name), or {@link Codes#NONE}. */
        public int rep(int i) {
            return rep[i];
        }

        /** The product's code in {@link #products()} (its name), or {@link Codes#NONE}. */
        public int product(int i) {
            return product[i];
        }

        /** The engagement day, or NO_DAY. */
        public int engagedDay(int i) {
            return engagedDay[i];
        }

        public Codes stages() {
            return stages;
        }

        public Codes leadSources() {
            return leadSources;
        }

        public Codes reps() {
            return reps;
        }

        public Codes products() {
            return products;
        }
    }

    /** Stage moves: deal row, stage code (in the deals' {@link Deals#stages()}), day entered. */
    public static final class StageHistory {
        final int[] deal;
        final int[] stage;
        final int[] day;

        StageHistory(int[] deal, int[] stage, int[] day) {
            this.deal = deal;
            this.stage = stage;
            this.day = day;
        }

        public int size() {
            return deal.length;
        }

        public int deal(int i) {
            return deal[i];
        }

        public int stage(int i) {
            return stage[i];
        }

        public int day(int i) {
            return day[i];
        }

        /** The first move of {@code dealRow}, or {@code size()} when it has none (moves are sorted by deal). */
        public int firstOf(int dealRow) {
            int lo = 0;
            int hi = deal.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (deal[mid] < dealRow) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** Sorted by deal, then day, then order of recording. */
        static StageHistory sorted(int[] deal, int[] stage, int[] day) {
            Integer[] order = new Integer[deal.length];
            Arrays.setAll(order, k -> k);
            Arrays.sort(
                    order,
                    (a, b) -> deal[a] != deal[b]
                            ? Integer.compare(deal[a], deal[b])
                            : day[a] != day[b] ? Integer.compare(day[a], day[b]) : Integer.compare(a, b));
            int[] d = new int[deal.length];
            int[] s = new int[deal.length];
            int[] t = new int[deal.length];
            for (int k = 0; k < order.length; k++) {
                d[k] = deal[order[k]];
                s[k] = stage[order[k]];
                t[k] = day[order[k]];
            }
            return new StageHistory(d, s, t);
        }
    }

    /** Monthly expenses: the month's first day, amount, fixed or variable, category. */
    public static final class Expenses {
        final int[] monthDay;
        final double[] amount;
        final boolean[] fixed;
        final int[] category;
        final Codes categories;

        Expenses(int[] monthDay, double[] amount, boolean[] fixed, int[] category, Codes categories) {
            this.monthDay = monthDay;
            this.amount = amount;
            this.fixed = fixed;
            this.category = category;
            this.categories = categories;
        }

        public int size() {
            return amount.length;
        }

        /** The first day of the expense's month. */
        public int monthDay(int i) {
            return monthDay[i];
        }

        public double amount(int i) {
            return amount[i];
        }

        public boolean isFixed(int i) {
            return fixed[i];
        }

        public int category(int i) {
            return category[i];
        }

        public Codes categories() {
            return categories;
        }
    }

    /** Monthly marketing spend: the month's first day, channel, amount. */
    public static final class Spend {
        final int[] monthDay;
        final int[] channel;
        final double[] amount;
        final Codes channels;

        Spend(int[] monthDay, int[] channel, double[] amount, Codes channels) {
            this.monthDay = monthDay;
            this.channel = channel;
            this.amount = amount;
            this.channels = channels;
        }

        public int size() {
            return amount.length;
        }

        public int monthDay(int i) {
            return monthDay[i];
        }

        public int channel(int i) {
            return channel[i];
        }

        public double amount(int i) {
            return amount[i];
        }

        public Codes channels() {
            return channels;
        }
    }
}
