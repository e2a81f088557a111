package quant.samples;

import java.time.LocalDate;
import java.util.List;
import quant.core.store.DomainTable;

/**
 * The quote pipeline for replacements and installations: a catalogue, estimators (sales reps) and
 * deals that move through {@code new → site_visit → quote_sent → negotiation → won | lost}, each
 * move recorded in the stage history. A stage is passed with a probability that depends on the
 * rep's skill and the product; deals still in progress at the end of the history stay open.
 */
final class SalesPipeline {
    static final String[] STAGES = {"new", "site_visit", "quote_sent", "negotiation"};
    private static final String[] LOST_REASONS = {"Price", "Chose a competitor", "Timing", "No decision", "Financing"};

    private record Product(String ref, String name, ServiceLineSpec line, double price) {}

    private record Rep(String ref, String name, String manager, String office, double skill) {}

    private SalesPipeline() {}

    static void generate(Rng rng, SampleCompany company, List<SampleCompanyGenerator.Customer> customers) {
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
        int n = 0;
        int h = 0;
        for (SampleCompanyGenerator.Customer c : customers) {
            int count = rng.poisson(c.commercial ? 0.9 : 0.35);
            for (int k = 0; k < count; k++) {
                LocalDate created = c.acquiredOn.plusDays(rng.between(0, 540));
                if (created.isAfter(SampleCompany.END)) {
                    continue;
                }
                List<Product> fit = products.stream()
                        .filter(p -> c.lines.contains(p.line()))
                        .toList();
                Product product = rng.pick(fit.isEmpty() ? products : fit);
                Rep rep = rng.pick(reps);
                double amount = product.price() * rng.uniform(0.85, 1.25) * (c.commercial ? 1.6 : 1.0);
                String ref = "D%05d".formatted(++n);
                LocalDate day = created;
                LocalDate engaged = null;
                String stage = STAGES[0];
                String outcome = "open";
                LocalDate closed = null;
                String lostReason = null;
                history.add("DH%06d".formatted(++h), ref, stage, day);
                for (int s = 1; s <= STAGES.length; s++) {
                    LocalDate next = day.plusDays(rng.between(2, 12) + (s == STAGES.length ? rng.between(0, 15) : 0));
                    if (next.isAfter(SampleCompany.END)) {
                        break;
                    }
                    double pass = Math.min(0.95, 0.7 * rep.skill() * (product.price() > 9000 ? 0.85 : 1.0));
                    if (!rng.chance(pass)) {
                        outcome = "lost";
                        stage = "lost";
                        closed = next;
                        lostReason = rng.pick(LOST_REASONS);
                        history.add("DH%06d".formatted(++h), ref, stage, next);
                        break;
                    }
                    day = next;
                    stage = s == STAGES.length ? "won" : STAGES[s];
                    if (s == 1) {
                        engaged = day;
                    }
                    history.add("DH%06d".formatted(++h), ref, stage, day);
                    if (s == STAGES.length) {
                        outcome = "won";
                        closed = day;
                    }
                }
                deals.add(
                        ref,
                        c.ref,
                        product.ref(),
                        rep.ref(),
                        null,
                        c.channel,
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
        company.put(deals);
        company.put(history);
    }
}
