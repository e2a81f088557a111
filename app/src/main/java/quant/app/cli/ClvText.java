package quant.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import quant.core.analysis.InvalidSpecException;
import quant.core.clv.ClvFits;
import quant.core.clv.ClvResult;
import quant.core.clv.HoldoutCheck;

/** The text form of {@code quant clv} on the database. */
final class ClvText {
    enum Method {
        ALL,
        HISTORIC,
        SIMPLE,
        COHORT,
        PROBABILISTIC;

        static Method parse(String text) {
            for (Method m : values()) {
                if (m.name().equalsIgnoreCase(text.strip())) {
                    return m;
                }
            }
            throw new InvalidSpecException(
                    "The method must be all, historic, simple, cohort or probabilistic, not \"" + text + "\".");
        }

        boolean shows(Method m) {
            return this == ALL || this == m;
        }
    }

    private ClvText() {}

    static void print(PrintWriter out, ClvResult r, Method method, int top, CliMoney money) {
        out.printf(
                Locale.ROOT,
                "Customer lifetime value, as of %s: %,d customers with a purchase; horizon %d months, discount %.1f%% a year%n",
                r.asOf().describe(),
                r.customers(),
                r.horizonMonths(),
                100 * r.annualDiscountRate());
        if (method.shows(Method.HISTORIC)) {
            ClvResult.Historic h = r.historic();
            out.printf(
                    Locale.ROOT,
                    "%nHistoric (to date): revenue %s and margin %s per customer (median margin %s), total margin %s%n",
                    money.whole(h.meanRevenue()),
                    money.whole(h.meanMargin()),
                    money.whole(h.medianMargin()),
                    money.whole(h.totalMargin()));
        }
        if (method.shows(Method.SIMPLE)) {
            ClvResult.SimpleFormula f = r.simpleFormula();
            out.printf("%nSimple formula (margin per customer-month ÷ monthly churn):%n");
            if (f.marginPerCustomerMonth() != null) {
                out.printf(
                        Locale.ROOT,
                        "  margin %s per active customer-month, churn %.1f%% a year = %.2f%% a month%n",
                        money.cents(f.marginPerCustomerMonth()),
                        100 * f.annualChurnRate(),
                        100 * f.monthlyChurnRate());
            }
            out.println(f.clv() == null ? "  " + f.note() : "  CLV " + money.whole(f.clv()));
        }
        if (method.shows(Method.COHORT)) {
            ClvResult.CohortCurve c = r.cohortCurve();
            out.printf("%nCohort curve (average cohort's cumulative margin, extrapolated):%n");
            if (c.clv() != null) {
                out.printf(
                        Locale.ROOT,
                        "  %d months observed; later months %.1f·e^(−%.4f·age) (R² %.2f); CLV of a new customer over %d months %s%n",
                        c.observedMonths(),
                        c.decayA(),
                        c.decayK(),
                        c.rSquared(),
                        r.horizonMonths(),
                        money.whole(c.clv()));
            }
            if (c.note() != null) {
                out.println("  " + c.note());
            }
        }
        if (method.shows(Method.PROBABILISTIC)) {
            ClvResult.Probabilistic p = r.probabilistic();
            out.printf("%nProbabilistic (transaction model × Gamma-Gamma spend × margin ratio, discounted):%n");
            for (ClvFits.Report f : p.transactionFits()) {
                out.printf(
                        Locale.ROOT,
                        "  %-11s log L %.2f  %s%s%n",
                        f.model(),
                        f.logLikelihood(),
                        params(f),
                        !f.model().equals(p.model())
                                ? ""
                                : r.segmentFit() != null && r.segmentFit().bySegment()
                                        ? "  ← one fit for all; the customers are valued by their segment's fit (below)"
                                        : "  ← used");
            }
            if (p.spendFit() != null) {
                out.printf(
                        Locale.ROOT,
                        "  %-11s log L %.2f  %s%n",
                        p.spendFit().model(),
                        p.spendFit().logLikelihood(),
                        params(p.spendFit()));
            }
            if (p.meanClv() != null) {
                out.printf(
                        Locale.ROOT,
                        "  margin ratio %.1f%%; mean future CLV %s per customer, %s in all; %,.0f purchases expected;"
                                + " margin so far + to come %s per customer%n",
                        100 * p.marginRatio(),
                        money.whole(p.meanClv()),
                        money.whole(p.totalClv()),
                        p.expectedTransactions(),
                        money.whole(r.historic().meanMargin() + p.meanClv()));
            }
            if (p.note() != null) {
                out.println("  " + p.note());
            }
            HoldoutCheck h = r.holdout();
            if (h != null) {
                out.printf(
                        Locale.ROOT,
                        "  Holdout %s to %s: %,.0f repeat purchases predicted, %,.0f actual (%+.1f%%)%n",
                        h.split(),
                        h.end(),
                        h.predictedHoldout(),
                        h.actualHoldout(),
                        h.actualHoldout() > 0 ? 100 * (h.predictedHoldout() / h.actualHoldout() - 1) : 0);
            } else if (r.holdoutNote() != null) {
                out.println("  " + r.holdoutNote());
            }
            if (r.segmentFit() != null) {
                for (quant.core.clv.SegmentFit.Row row : r.segmentFit().rows()) {
                    out.printf(
                            Locale.ROOT,
                            "    %-14s %,6d customers: %,8.0f actual, %,8.0f by one fit (%+.1f%%)%s%n",
                            row.segment(),
                            row.customers(),
                            row.actual(),
                            row.pooled(),
                            100 * row.pooledBias(),
                            row.ownFit() == null
                                    ? ""
                                    : String.format(
                                            Locale.ROOT, ", %,.0f by its own %s", row.ownFit(), row.ownModel()));
                }
                out.println("  " + r.segmentFit().note());
            }
        }
        out.printf(
                "%nBy segment %s:%n  %-14s %9s %12s %12s %9s%n",
                money.caption(), "segment", "customers", "margin/cust", "future CLV", "P(alive)");
        for (ClvResult.SegmentValue s : r.bySegment()) {
            out.printf(
                    Locale.ROOT,
                    "  %-14s %,9d %,12.0f %12s %9s%n",
                    s.segment(),
                    s.customers(),
                    s.meanMargin(),
                    s.meanClv() == null ? "–" : String.format(Locale.ROOT, "%,.0f", s.meanClv()),
                    s.meanPAlive() == null ? "–" : String.format(Locale.ROOT, "%.2f", s.meanPAlive()));
        }
        if (top > 0 && !r.customerValues().isEmpty()) {
            out.printf(
                    "%nTop %d customers by future value %s:%n  %-28s %-12s %12s %9s %12s%n",
                    Math.min(top, r.customerValues().size()),
                    money.caption(),
                    "customer",
                    "segment",
                    "margin/date",
                    "P(alive)",
                    "future CLV");
            for (ClvResult.CustomerValue v : r.customerValues()
                    .subList(0, Math.min(top, r.customerValues().size()))) {
                out.printf(
                        Locale.ROOT,
                        "  %-28s %-12s %,12.0f %9s %12s%n",
                        v.name().length() > 28 ? v.name().substring(0, 27) + "…" : v.name(),
                        v.segment() == null ? "" : v.segment(),
                        v.marginToDate(),
                        v.pAlive() == null ? "–" : String.format(Locale.ROOT, "%.2f", v.pAlive()),
                        v.clv() == null ? "–" : String.format(Locale.ROOT, "%,.0f", v.clv()));
            }
        }
        out.printf("%nUse: %s%n", r.recommendation());
    }

    private static String params(ClvFits.Report f) {
        StringBuilder b = new StringBuilder();
        f.params().forEach((k, v) -> b.append(k)
                .append(' ')
                .append(String.format(Locale.ROOT, "%.4g", v))
                .append("  "));
        return b.toString().strip();
    }
}
