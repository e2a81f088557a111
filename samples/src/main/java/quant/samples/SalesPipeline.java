package quant.samples;

import java.time.LocalDate;
import java.util.List;
import quant.core.store.DomainTable;

/**
 * The quote pipeline for replacements and installations: a catalogue, estimators (sales reps) and
 * deals that move through {@code new → site_visit → quote_sent → negotiation → won | lost}, each
 * move recorded in the stage history. The first two steps are passed with a probability that depends
 * on the rep's skill and the product. Once the quote is sent, the customer accepts its price with the
 * probability of a logistic curve in the log of the amount against the product's list price ({@link
 * SampleCompany.PriceTruth}); a deal whose price is refused is lost, at quote_sent or in negotiation,
 * with the reason "Price", and an accepted one is won unless it stalls. Deals still in progress at the
 * end of the history stay open. Deals of leads that never converted are lost before a quote.
 */
final class SalesPipeline {
    static final String[] STAGES = {"new", "site_visit", "quote_sent", "negotiation"};
    /** Reasons for a loss other than the price. */
    private static final String[] LOST_REASONS = {"Chose a competitor", "Timing", "No decision", "Financing"};

    /** How quotes are accepted: the slope in ln(amount ÷ list price), and the level of the curve. */
    static final SampleCompany.PriceTruth PRICE = new SampleCompany.PriceTruth(4.0, 1.2, 1.6);

    private record Product(String ref, String name, ServiceLineSpec line, double price) {}

    private record Rep(String ref, String name, String manager, String office, double skill) {}

    /** Share of deals that stall at one step: the wait before the next move is 60–300 days. */
    static final double STALL_SHARE = 0.25;
    /** How long a deal must have been waiting in a stall at the end to count as stalled then. */
    static final int STALLED_AT_END_DAYS = 30;
    /** The step (quote_sent → negotiation) from which the quote's price decides the deal. */
    static final int QUOTE_DECIDED_FROM = 3;

    /** Share of the leads that never converted which asked for a quote first. */
    static final double LOST_LEAD_QUOTE_SHARE = 0.06;

    private final Rng rng;
    private final SampleTable deals;
    private final SampleTable history;
    private final SampleCompany company;
    private int dealSeq;
    private int historySeq;

    private SalesPipeline(Rng rng, SampleTable deals, SampleTable history, SampleCompany company) {
        this.rng = rng;
        this.deals = deals;
        this.history = history;
        this.company = company;
    }

    /**
     * Generates the catalogue, the sales team and the deals, drawing from {@code rng} (a stream of
     * its own, so the pipeline's draws do not shift the rest of the company).
     */
    static void generate(Rng rng, SampleCompany company, List<Customer> customers, MarketingPlan marketing) {
        List<Product> products = List.of(
                new Product("PR01", "Furnace replacement", ServiceLineSpec.HVAC, 5200),
                new Product("PR02", "Central AC installation", ServiceLineSpec.HVAC, 7400),
                new Product("PR03", "Heat pump system", ServiceLineSpec.HVAC, 11800),
                new Product("PR04", "HVAC maintenance plan (annual)", ServiceLineSpec.HVAC, 289),
                new Product("PR05", "Tankless water heater", ServiceLineSpec.PLUMBING, 3900),
                new Product("PR06", "Whole-house repipe", ServiceLineSpec.PLUMBING, 9800),
                new Product("PR07", "Sewer line replacement", ServiceLineSpec.PLUMBING, 8600),
                new Product("PR08", "Panel upgrade (200 A)", ServiceLineSpec.ELECTRICAL, 3400),
                new Product("PR09", "EV charger installation", ServiceLineSpec.ELECTRICAL, 1650),
                new Product("PR10", "Standby generator", ServiceLineSpec.ELECTRICAL, 12500),
                new Product("PR11", "Irrigation system", ServiceLineSpec.LANDSCAPING, 4800),
                new Product("PR12", "Landscape redesign", ServiceLineSpec.LANDSCAPING, 9500),
                new Product("PR13", "Seasonal lawn care plan", ServiceLineSpec.LANDSCAPING, 1200),
                new Product("PR14", "Roof replacement (asphalt)", ServiceLineSpec.ROOFING, 14500),
                new Product("PR15", "Roof repair", ServiceLineSpec.ROOFING, 1900),
                new Product("PR16", "Gutter system", ServiceLineSpec.ROOFING, 2300));
        SampleTable productTable = new SampleTable(
                DomainTable.PRODUCT, "external_ref", "name", "family", "service_line_ref", "list_price", "unit");
        for (Product p : products) {
            productTable.add(
                    p.ref(),
                    p.name(),
                    p.line().name(),
                    p.line().code(),
                    Values.money(p.price()),
                    p.price() < 1500 ? "plan" : "project");
        }
        company.put(productTable);

        String[] managers = {"Dana Whitfield", "Marcus Ortega"};
        String[] offices = {"Riverton", "Brookfield"};
        List<Rep> reps = new java.util.ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            reps.add(new Rep(
                    "SR%02d".formatted(i),
                    rng.pick(Names.FIRST) + " " + rng.pick(Names.LAST),
                    managers[i % 2],
                    offices[i % 2],
                    0.75 + 0.06 * i + rng.uniform(-0.05, 0.05)));
        }
        SampleTable repTable = new SampleTable(DomainTable.SALES_REP, "external_ref", "name", "manager", "office");
        for (Rep r : reps) {
            repTable.add(r.ref(), r.name(), r.manager(), r.office());
        }
        company.put(repTable);

        SampleTable deals = new SampleTable(
                DomainTable.DEAL,
                "external_ref",
                "customer_ref",
                "product_ref",
                "sales_rep_ref",
                "lead_ref",
                "lead_source",
                "amount",
                "stage",
                "created_on",
                "engaged_on",
                "expected_close_on",
                "closed_on",
                "outcome",
                "lost_reason");
        SampleTable history =
                new SampleTable(DomainTable.DEAL_STAGE_HISTORY, "external_ref", "deal_ref", "stage", "entered_on");
        SalesPipeline pipeline = new SalesPipeline(rng, deals, history, company);
        for (Customer c : customers) {
            int count = rng.poisson(c.commercial ? 0.9 : 0.35);
            for (int k = 0; k < count; k++) {
                // Half the customers with a deal ask for the quote on the first visit; the deal
                // then comes from the lead that brought them. Later deals are repeat business.
                boolean fromLead = k == 0 && rng.chance(0.5);
                LocalDate created = c.acquiredOn.plusDays(fromLead ? rng.between(0, 7) : rng.between(0, 540));
                if (created.isAfter(SampleCompany.END)) {
                    continue;
                }
                List<Product> fit = products.stream()
                        .filter(p -> c.lines.contains(p.line()))
                        .toList();
                Product product = rng.pick(fit.isEmpty() ? products : fit);
                Rep rep = rng.pick(reps);
                double amount = product.price() * rng.uniform(0.85, 1.25) * (c.commercial ? 1.6 : 1.0);
                pipeline.deal(
                        c.ref,
                        fromLead ? marketing.leadOf(c.ref) : null,
                        c.channel,
                        product,
                        rep,
                        created,
                        amount,
                        c.commercial,
                        true);
            }
        }
        // Leads that asked for a quote and never became customers: their deals are all lost.
        for (MarketingPlan.LostLead lead : marketing.lostLeads()) {
            if (!rng.chance(LOST_LEAD_QUOTE_SHARE)) {
                continue;
            }
            LocalDate created = lead.created().plusDays(rng.between(1, 10));
            if (created.isAfter(SampleCompany.END)) {
                continue;
            }
            Product product = rng.pick(products);
            Rep rep = rng.pick(reps);
            pipeline.deal(
                    null,
                    lead.ref(),
                    lead.channel(),
                    product,
                    rep,
                    created,
                    product.price() * rng.uniform(0.85, 1.25),
                    false,
                    false);
        }
        company.put(deals);
        company.put(history);
    }

    /**
     * One deal through the stages: the first two steps are passed with a probability set by the rep's
     * skill (lower for products over $9,000), a failed step losing the deal with a reason; then the
     * quote's price is accepted or refused ({@link #PRICE}). A stalled step waits 60–300 days and then
     * rarely passes. Deals of leads that never converted are lost before the quote.
     */
    private void deal(
            String customerRef,
            String leadRef,
            String source,
            Product product,
            Rep rep,
            LocalDate created,
            double amount,
            boolean commercial,
            boolean canWin) {
        String ref = "D%05d".formatted(++dealSeq);
        LocalDate day = created;
        LocalDate engaged = null;
        String stage = STAGES[0];
        String outcome = "open";
        LocalDate closed = null;
        String lostReason = null;
        history.add("DH%06d".formatted(++historySeq), ref, stage, day);
        int stallAt = rng.chance(STALL_SHARE) ? rng.between(1, STAGES.length) : 0;
        int refusedAt = 0;
        for (int s = 1; s <= STAGES.length; s++) {
            boolean stall = s == stallAt;
            int wait =
                    stall ? rng.between(60, 300) : rng.between(2, 12) + (s == STAGES.length ? rng.between(0, 15) : 0);
            LocalDate next = day.plusDays(wait);
            if (next.isAfter(SampleCompany.END)) {
                if (stall && SampleCompany.END.toEpochDay() - day.toEpochDay() >= STALLED_AT_END_DAYS) {
                    company.stalledAtEnd.add(ref);
                }
                break;
            }
            boolean lose;
            String reason = null;
            if (s < QUOTE_DECIDED_FROM) {
                double pass =
                        Math.min(0.95, 0.7 * rep.skill() * (product.price() > 9000 ? 0.85 : 1.0)) * (stall ? 0.3 : 1);
                lose = !rng.chance(pass) || !canWin;
            } else {
                if (s == QUOTE_DECIDED_FROM) {
                    // the customer answers the quote's price once; a refusal shows now or in negotiation
                    double ratio = amount / product.price() / (commercial ? PRICE.commercialUplift() : 1);
                    boolean accepted =
                            rng.chance(1 / (1 + Math.exp(-(PRICE.intercept() - PRICE.slope() * Math.log(ratio)))));
                    refusedAt = accepted ? 0 : rng.chance(0.5) ? QUOTE_DECIDED_FROM : STAGES.length;
                }
                lose = s == refusedAt || (stall && !rng.chance(0.3));
                if (s == refusedAt) {
                    reason = "Price";
                }
            }
            if (lose) {
                outcome = "lost";
                stage = "lost";
                closed = next;
                lostReason = reason != null ? reason : stall ? "No decision" : rng.pick(LOST_REASONS);
                history.add("DH%06d".formatted(++historySeq), ref, stage, next);
                break;
            }
            day = next;
            stage = s == STAGES.length ? "won" : STAGES[s];
            if (s == 1) {
                engaged = day;
            }
            history.add("DH%06d".formatted(++historySeq), ref, stage, day);
            if (s == STAGES.length) {
                outcome = "won";
                closed = day;
            }
        }
        deals.add(
                ref,
                customerRef,
                product.ref(),
                rep.ref(),
                leadRef,
                source,
                Values.money(amount),
                stage,
                created,
                engaged,
                created.plusDays(30),
                closed,
                outcome,
                lostReason);
    }
}
