package quant.core.pricing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import quant.core.analysis.Codes;
import quant.core.analysis.Operations;
import quant.core.analysis.Snapshot;
import quant.core.pipeline.PipelineAnalysis;

/**
 * The quote history: the deals that reached the quote stage ({@code quote_sent}, else the first stage
 * whose name says quote or proposal; or a later open stage in the pipeline's order; every won deal) and
 * were won or lost by the as-of date, each with its price ratio (amount ÷ its product's list price), its
 * customer's segment and its product's service line.
 */
final class QuoteHistory {
    private QuoteHistory() {}

    /** One decided quote, with its product's list price. */
    record Quote(double lnRatio, boolean won, String segment, String line, double listPrice) {}

    /** The quote stage's code: {@code quote_sent}, else the first stage naming a quote or a proposal. */
    static int quoteStage(Codes stages) {
        for (int k = 0; k < stages.size(); k++) {
            if ("quote_sent".equalsIgnoreCase(stages.value(k))) {
                return k;
            }
        }
        for (int k = 0; k < stages.size(); k++) {
            String v = stages.value(k).toLowerCase(Locale.ROOT);
            if (v.contains("quote") || v.contains("proposal")) {
                return k;
            }
        }
        return Codes.NONE;
    }

    /** The stages at or after the quote stage in the pipeline's order. */
    static boolean[] fromQuote(Snapshot s, int quoteStage, List<String> stageOrder) {
        Codes stages = s.deals().stages();
        boolean[] out = new boolean[stages.size()];
        boolean after = false;
        for (int st : PipelineAnalysis.stageOrder(s, stageOrder)) {
            after |= st == quoteStage;
            // a move to won or lost says nothing of how far the deal got
            out[st] = after && !quant.core.forecast.business.StageWinRates.isClosing(stages.value(st));
        }
        out[quoteStage] = true;
        return out;
    }

    /** Whether each deal reached the quote stage: a move to it or a later open stage, or a win. */
    static boolean[] reached(Snapshot s, int quoteStage, List<String> stageOrder) {
        Operations.Deals deals = s.deals();
        boolean[] late = fromQuote(s, quoteStage, stageOrder);
        boolean[] reached = new boolean[deals.size()];
        Operations.StageHistory h = s.stageHistory();
        for (int k = 0; k < h.size(); k++) {
            if (h.stage(k) >= 0 && late[h.stage(k)]) {
                reached[h.deal(k)] = true;
            }
        }
        for (int i = 0; i < deals.size(); i++) {
            reached[i] |= deals.outcome(i) == Operations.Deals.WON;
        }
        return reached;
    }

    static List<Quote> quotes(Snapshot s, int quoteStage, List<String> stageOrder, int end, List<String> notes) {
        Operations.Deals deals = s.deals();
        boolean[] reached = reached(s, quoteStage, stageOrder);
        Map<String, Integer> productRow = productRows(s);
        List<Quote> out = new ArrayList<>();
        int unpriced = 0;
        for (int i = 0; i < deals.size(); i++) {
            if (!reached[i] || !deals.isClosedBy(i, end)) {
                continue;
            }
            Integer p = deals.product(i) == Codes.NONE
                    ? null
                    : productRow.get(deals.products().value(deals.product(i)));
            double list = p == null ? Double.NaN : s.products().listPrice(p);
            double amount = deals.amount(i);
            if (!(list > 0) || !(amount > 0)) {
                unpriced++;
                continue;
            }
            out.add(new Quote(
                    Math.log(amount / list),
                    deals.outcome(i) == Operations.Deals.WON,
                    segmentOf(s, deals.customer(i)),
                    p == null ? "(none)" : lineOf(s, s.products().serviceLine(p)),
                    list));
        }
        if (unpriced > 0) {
            notes.add(unpriced + " decided quote" + (unpriced == 1 ? " has" : "s have")
                    + " no amount or no product with a list price and " + (unpriced == 1 ? "is" : "are")
                    + " left out.");
        }
        return out;
    }

    static Map<String, Integer> productRows(Snapshot s) {
        Map<String, Integer> out = new HashMap<>();
        Operations.Products products = s.products();
        for (int p = 0; p < products.size(); p++) {
            out.putIfAbsent(products.name(p), p);
        }
        return out;
    }

    static String segmentOf(Snapshot s, int customer) {
        if (customer < 0) {
            return "(none)";
        }
        String v = s.customers().segments().value(s.customers().segment(customer));
        return v == null || v.isBlank() ? "(none)" : v;
    }

    static String lineOf(Snapshot s, int line) {
        String v = line < 0 ? null : s.serviceLines().value(line);
        return v == null ? "(none)" : v;
    }
}
