package quant.core.explore;

import java.util.List;
import java.util.Locale;
import quant.core.analysis.Codes;
import quant.core.analysis.Commercial;
import quant.core.analysis.Operations;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;

/**
 * What the chart builder can chart: seven tables of the snapshot, each with its text, date and number
 * fields — its own columns and derived ones (a job's city, segment and acquisition channel are its
 * customer's; a payment's are its invoice's customer's).
 */
public enum Source {
    JOBS("Jobs", List.of(Snapshot.Customers.PART, Snapshot.Jobs.PART, Operations.Technicians.PART)),
    INVOICES("Invoices", List.of(Snapshot.Customers.PART, Snapshot.Invoices.PART)),
    PAYMENTS("Payments", List.of(Snapshot.Customers.PART, Snapshot.Invoices.PART)),
    DEALS("Deals", List.of(Snapshot.Customers.PART, Operations.Deals.PART)),
    LEADS("Leads", List.of(Commercial.Leads.PART, Commercial.Campaigns.PART)),
    CUSTOMERS("Customers", List.of(Snapshot.Customers.PART)),
    EXPENSES("Expenses", List.of(Operations.Expenses.PART));

    /** Missing day. */
    static final int NO_DAY = Snapshot.NO_DAY;

    private final String title;
    private final List<Part<?>> parts;

    Source(String title, List<Part<?>> parts) {
        this.title = title;
        this.parts = parts;
    }

    /** "Jobs". */
    public String title() {
        return title;
    }

    /** The parts of the data it reads. */
    public List<Part<?>> parts() {
        return parts;
    }

    /** {@code jobs}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The source named {@code jobs}, {@code invoices}, … (ignoring case). */
    public static Source parse(String key) {
        for (Source s : values()) {
            if (s.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("There is no source \"" + key + "\"; the sources are jobs, invoices,"
                + " payments, deals, leads, customers and expenses.");
    }

    /** The source's rows and fields in the snapshot. */
    public Columns columns(Snapshot s) {
        return switch (this) {
            case JOBS -> jobs(s);
            case INVOICES -> invoices(s);
            case PAYMENTS -> payments(s);
            case DEALS -> deals(s);
            case LEADS -> leads(s);
            case CUSTOMERS ->
                customerFields(new Columns(s.customers().size()), s, c -> c)
                        .date("acquired", "Acquired on", c -> s.customers().acquiredDay(c));
            case EXPENSES -> expenses(s);
        };
    }

    private static String label(Codes codes, int code) {
        return code < 0 ? null : codes.label(code);
    }

    /** A customer's segment, city and channel, through {@code customerOf} (row → customer row, -1 none). */
    private static Columns customerFields(Columns c, Snapshot s, java.util.function.IntUnaryOperator customerOf) {
        Snapshot.Customers cu = s.customers();
        return c.text("segment", "Segment", i -> {
                    int k = customerOf.applyAsInt(i);
                    return k < 0 ? null : label(cu.segments(), cu.segment(k));
                })
                .text("city", "City", i -> {
                    int k = customerOf.applyAsInt(i);
                    return k < 0 ? null : label(cu.cities(), cu.city(k));
                })
                .text("channel", "Acquisition channel", i -> {
                    int k = customerOf.applyAsInt(i);
                    return k < 0 ? null : label(cu.channels(), cu.channel(k));
                });
    }

    private static Columns jobs(Snapshot s) {
        Snapshot.Jobs j = s.jobs();
        Operations.Technicians t = s.technicians();
        Columns c = new Columns(j.size())
                .text("line", "Service line", i -> label(s.serviceLines(), j.serviceLine(i)))
                .text("technician", "Technician", i -> j.technician(i) < 0 ? null : t.name(j.technician(i)))
                .text("status", "Status", i -> switch (j.status(i)) {
                    case Snapshot.Jobs.COMPLETED -> "completed";
                    case Snapshot.Jobs.CANCELLED -> "cancelled";
                    default -> "scheduled";
                })
                .text("priority", "Priority", i -> label(j.priorities(), j.priority(i)))
                .text("callback", "Callback", i -> j.isCallback(i) ? "callback" : "first visit");
        customerFields(c, s, j::customer);
        return c.date("requested", "Requested on", j::requestedDay)
                .date("completed", "Completed on", i -> j.isCompleted(i) ? j.completedDay(i) : NO_DAY)
                .number("revenue", "Revenue", j::revenue)
                .number("cost", "Job cost", j::cost)
                .number("margin", "Margin", j::margin)
                .number("estimatedHours", "Estimated hours", j::estimatedHours)
                .number("actualHours", "Actual hours", j::actualHours)
                .number(
                        "travelMinutes",
                        "Travel minutes",
                        i -> j.travelMinutes(i) < 0 ? Double.NaN : j.travelMinutes(i))
                .number("rating", "Rating", i -> j.rating(i) > 0 ? j.rating(i) : Double.NaN);
    }

    private static String invoiceStatus(byte status) {
        return switch (status) {
            case Snapshot.Invoices.PAID -> "paid";
            case Snapshot.Invoices.DISPUTED -> "disputed";
            case Snapshot.Invoices.VOID -> "void";
            default -> "open";
        };
    }

    private static Columns invoices(Snapshot s) {
        Snapshot.Invoices inv = s.invoices();
        Columns c = new Columns(inv.size()).text("status", "Status", i -> invoiceStatus(inv.status(i)));
        customerFields(c, s, inv::customer);
        return c.date("issued", "Issued on", inv::issuedDay)
                .date("due", "Due on", inv::dueDay)
                .number("amount", "Amount", inv::amount)
                .number("paid", "Paid", inv::paid)
                .number(
                        "open",
                        "Open",
                        i -> inv.status(i) == Snapshot.Invoices.VOID ? 0 : Math.max(0, inv.amount(i) - inv.paid(i)));
    }

    private static Columns payments(Snapshot s) {
        Snapshot.Invoices inv = s.invoices();
        Snapshot.Payments p = inv.payments();
        Columns c = new Columns(p.size());
        customerFields(c, s, k -> inv.customer(p.invoice(k)));
        return c.date("paid", "Paid on", p::day).number("amount", "Amount", p::amount);
    }

    private static Columns deals(Snapshot s) {
        Operations.Deals d = s.deals();
        Columns c = new Columns(d.size())
                .text("stage", "Stage", i -> label(d.stages(), d.stage(i)))
                .text("outcome", "Outcome", i -> switch (d.outcome(i)) {
                    case Operations.Deals.WON -> "won";
                    case Operations.Deals.LOST -> "lost";
                    default -> "open";
                })
                .text("rep", "Sales rep", i -> label(d.reps(), d.rep(i)))
                .text("leadSource", "Lead source", i -> label(d.leadSources(), d.leadSource(i)))
                .text("product", "Product", i -> label(d.products(), d.product(i)));
        customerFields(c, s, d::customer);
        return c.date("created", "Created on", d::createdDay)
                .date("closed", "Closed on", d::closedDay)
                .date("expectedClose", "Expected close", d::expectedCloseDay)
                .number("amount", "Amount", d::amount);
    }

    private static Columns leads(Snapshot s) {
        Commercial.Leads l = s.leads();
        Commercial.Campaigns k = s.campaigns();
        return new Columns(l.size())
                .text("channel", "Channel", i -> label(l.channels(), l.channel(i)))
                .text("campaign", "Campaign", i -> l.campaign(i) < 0 ? null : k.name(l.campaign(i)))
                .text("converted", "Converted", i -> l.convertedDay(i) == NO_DAY ? "not converted" : "converted")
                .date("created", "Created on", l::createdDay)
                .date("convertedOn", "Converted on", l::convertedDay);
    }

    private static Columns expenses(Snapshot s) {
        Operations.Expenses e = s.expenses();
        return new Columns(e.size())
                .text("behaviour", "Fixed or variable", i -> e.isFixed(i) ? "fixed" : "variable")
                .text("category", "Category", i -> label(e.categories(), e.category(i)))
                .text("line", "Service line", i -> label(s.serviceLines(), e.serviceLine(i)))
                .date("month", "Month", e::monthDay)
                .number("amount", "Amount", e::amount);
    }
}
