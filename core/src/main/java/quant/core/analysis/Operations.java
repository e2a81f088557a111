package quant.core.analysis;

import java.util.Arrays;

/**
 * The operational parts of a {@link Snapshot}: technicians (skills, shifts, cost), deals with their
 * stage history, monthly expenses, marketing spend and the product list. The same conventions hold
 * as for every part (days since 1970-01-01 or {@link Snapshot#NO_DAY}, texts as {@link Codes},
 * references as row indexes or {@code -1}).
 */
public final class Operations {
    private Operations() {}

    /** Technicians, in id order. */
    public static final class Technicians extends TableRows {
        public static final Part<Technicians> PART = Part.table("technicians", "technician", "t")
                .text("ref", "external_ref")
                .text("name", "name")
                .text("skills", "skills")
                .minute("start", "shift_start")
                .minute("end", "shift_end")
                .text("days", "work_days")
                .day("hired", "hired_on")
                .day("left", "left_on")
                .number("cost", "hourly_cost")
                .needs(Snapshot.ServiceLines.PART)
                .holdIn(Technicians::new);

        final String[] ref;
        final String[] name;
        final int[][] skills;
        final int[] shiftStartMinute;
        final int[] shiftEndMinute;
        final int[] workDays;
        final int[] hiredDay;
        final int[] leftDay;
        final double[] hourlyCost;

        Technicians(Rows r) {
            super(r);
            ref = r.texts("ref");
            name = r.texts("name");
            Codes lines = r.part(Snapshot.ServiceLines.PART).codes();
            String[] skillTexts = r.texts("skills");
            skills = new int[skillTexts.length][];
            String[] days = r.texts("days");
            workDays = new int[days.length];
            for (int i = 0; i < skills.length; i++) {
                skills[i] = skills(skillTexts[i], lines);
                workDays[i] = workDayMask(days[i]);
            }
            shiftStartMinute = r.ints("start");
            shiftEndMinute = r.ints("end");
            hiredDay = r.ints("hired");
            leftDay = r.ints("left");
            hourlyCost = r.numbersOrZero("cost");
        }

        /** The technician's {@code external_ref}: how the business names them. */
        public String ref(int i) {
            return ref[i];
        }

        public String name(int i) {
            return name[i];
        }

        /** The service lines (indexes in {@link Snapshot#serviceLines()}) the technician can work, main trade first. */
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
    public static final class Deals extends TableRows {
        public static final byte OPEN = 0;
        public static final byte WON = 1;
        public static final byte LOST = 2;

        /**
         * The stage dictionary holds the deals' current stages, then (in the order deals first entered
         * them) the stages of the history that no deal sits in now, so stage moves share its codes.
         */
        public static final Part<Deals> PART = Part.table("deals", "deal", "d")
                .leftJoin("sales_rep", "r", "sales_rep_id")
                .leftJoin("product", "p", "product_id")
                .text("ref", "external_ref")
                .ref("customer", "customer_id", Snapshot.Customers.PART)
                .number("amount", "amount")
                .code("stage", "stage")
                .code("outcome", "outcome")
                .day("created", "created_on")
                .day("engaged", "engaged_on")
                .day("expected", "expected_close_on")
                .day("closed", "closed_on")
                .code("source", "lead_source")
                .code("rep", "r.name")
                .code("product", "p.name")
                .id("lead", "lead_id")
                .vocabulary("stage", "deal_stage_history", "stage")
                .holdIn(Deals::new);

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
        final long[] leadId;
        final Codes stages;
        final Codes leadSources;
        final Codes reps;
        final Codes products;

        Deals(Rows r) {
            super(r);
            ref = r.texts("ref");
            customer = r.ints("customer");
            amount = r.numbersOrZero("amount");
            stage = r.ints("stage");
            outcome = r.bytes(
                    "outcome",
                    s -> s == null
                            ? OPEN
                            : switch (s) {
                                case "won" -> WON;
                                case "lost" -> LOST;
                                default -> OPEN;
                            });
            createdDay = r.ints("created");
            engagedDay = r.ints("engaged");
            expectedCloseDay = r.ints("expected");
            closedDay = r.ints("closed");
            leadSource = r.ints("source");
            rep = r.ints("rep");
            product = r.ints("product");
            leadId = r.longs("lead");
            stages = r.codes("stage");
            leadSources = r.codes("source");
            reps = r.codes("rep");
            products = r.codes("product");
        }

        /** The deal's {@code external_ref}: how the CRM names it. */
        public String ref(int i) {
            return ref[i];
        }

        /** The customer's row in {@link Snapshot#customers()}, or -1. */
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

        /** The id of the lead the deal came from (a row of {@link Snapshot#leads()}), or {@link TableRows#NO_ID}. */
        public long leadId(int i) {
            return leadId[i];
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

    /** Stage moves: deal row, stage code (in the deals' {@link Deals#stages()}), day entered; by deal, then day. */
    public static final class StageHistory extends TableRows {
        public static final Part<StageHistory> PART = Part.table("stage moves", "deal_stage_history", "h")
                .ref("deal", "deal_id", Deals.PART)
                .text("stage", "stage")
                .day("entered", "entered_on")
                .holdIn(StageHistory::new);

        final int[] deal;
        final int[] stage;
        final int[] day;

        StageHistory(Rows r) {
            super(r);
            int[] dealOf = r.ints("deal");
            String[] stageText = r.texts("stage");
            int[] entered = r.ints("entered");
            Codes stages = r.part(Deals.PART).stages();
            int n = dealOf.length;
            Integer[] order = new Integer[n];
            Arrays.setAll(order, k -> k);
            // by deal, then day, then order of recording; moves of deals that are not there are left out
            Arrays.sort(
                    order,
                    (a, b) -> dealOf[a] != dealOf[b]
                            ? Integer.compare(dealOf[a], dealOf[b])
                            : entered[a] != entered[b]
                                    ? Integer.compare(entered[a], entered[b])
                                    : Integer.compare(a, b));
            int[] d = new int[n];
            int[] s = new int[n];
            int[] t = new int[n];
            int kept = 0;
            for (int k : order) {
                if (dealOf[k] >= 0) {
                    d[kept] = dealOf[k];
                    s[kept] = stages.find(stageText[k]);
                    t[kept] = entered[k];
                    kept++;
                }
            }
            deal = Arrays.copyOf(d, kept);
            stage = Arrays.copyOf(s, kept);
            day = Arrays.copyOf(t, kept);
        }

        @Override
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
    }

    /** Monthly expenses: the month's first day, amount, fixed or variable, category, service line. */
    public static final class Expenses extends TableRows {
        public static final Part<Expenses> PART = Part.table("expenses", "expense", "e")
                .day("month", "month_start")
                .number("amount", "amount")
                .code("behaviour", "behaviour")
                .code("category", "category")
                .ref("line", "service_line_id", Snapshot.ServiceLines.PART)
                .holdIn(Expenses::new);

        final int[] monthDay;
        final double[] amount;
        final boolean[] fixed;
        final int[] category;
        final Codes categories;
        final int[] serviceLine;

        Expenses(Rows r) {
            super(r);
            monthDay = r.ints("month");
            amount = r.numbersOrZero("amount");
            int[] behaviour = r.ints("behaviour");
            int fixedCode = r.codes("behaviour").find("fixed");
            fixed = new boolean[behaviour.length];
            for (int i = 0; i < fixed.length; i++) {
                fixed[i] = behaviour[i] == fixedCode && fixedCode != Codes.NONE;
            }
            category = r.ints("category");
            categories = r.codes("category");
            serviceLine = r.ints("line");
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

        /** The service line the expense belongs to (index in {@link Snapshot#serviceLines()}), or -1 for overhead. */
        public int serviceLine(int i) {
            return serviceLine[i];
        }
    }

    /** Monthly marketing spend: the month's first day, channel, amount, campaign. */
    public static final class Spend extends TableRows {
        public static final Part<Spend> PART = Part.table("marketing spend", "marketing_spend", "s")
                .day("month", "month_start")
                .code("channel", "channel")
                .number("amount", "amount")
                .id("campaign", "campaign_id")
                .holdIn(Spend::new);

        final int[] monthDay;
        final int[] channel;
        final double[] amount;
        final long[] campaignId;
        final Codes channels;

        Spend(Rows r) {
            super(r);
            monthDay = r.ints("month");
            channel = r.ints("channel");
            amount = r.numbersOrZero("amount");
            campaignId = r.longs("campaign");
            channels = r.codes("channel");
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

        /** The id of the campaign the spend is booked to (a row of {@link Snapshot#campaigns()}), or {@link TableRows#NO_ID}. */
        public long campaignId(int i) {
            return campaignId[i];
        }

        public Codes channels() {
            return channels;
        }
    }

    /** The product list: name, service line, list price. */
    public static final class Products extends TableRows {
        public static final Part<Products> PART = Part.table("products", "product", "p")
                .text("name", "name")
                .code("family", "family")
                .ref("line", "service_line_id", Snapshot.ServiceLines.PART)
                .number("price", "list_price")
                .holdIn(Products::new);

        final String[] name;
        final int[] family;
        final Codes families;
        final int[] serviceLine;
        final double[] listPrice;

        Products(Rows r) {
            super(r);
            name = r.texts("name");
            family = r.ints("family");
            families = r.codes("family");
            serviceLine = r.ints("line");
            listPrice = r.numbers("price");
        }

        public String name(int i) {
            return name[i];
        }

        public int family(int i) {
            return family[i];
        }

        public Codes families() {
            return families;
        }

        /** The service line's index in {@link Snapshot#serviceLines()}, or -1. */
        public int serviceLine(int i) {
            return serviceLine[i];
        }

        /** The list price; {@code NaN} when none is recorded. */
        public double listPrice(int i) {
            return listPrice[i];
        }
    }
}
