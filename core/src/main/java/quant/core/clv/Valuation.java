package quant.core.clv;

/**
 * P(alive), expected purchases over the horizon and discounted expected purchases of each distinct
 * (x, t_x, T): customers who share a summary share these, so each is computed once, the summaries
 * split over the processors (each value depends on its summary only, so the result does not
 * depend on how they are split).
 */
record Valuation(double[] pAlive, double[] expected, double[] discounted) {
    static Valuation of(RepeatModel model, CustomerSummaries data, ClvSpec spec) {
        int g = data.groups();
        double[] alive = new double[g];
        double[] expected = new double[g];
        double[] discounted = new double[g];
        double horizon = spec.horizonMonths() * ClvAnalysis.WEEKS_PER_MONTH;
        int chunk = 256;
        java.util.stream.IntStream.range(0, (g + chunk - 1) / chunk).parallel().forEach(c -> {
            for (int k = c * chunk; k < Math.min(g, (c + 1) * chunk); k++) {
                double x = data.groupX(k);
                double tx = data.groupTx(k);
                double t = data.groupT(k);
                alive[k] = model.pAlive(x, tx, t);
                expected[k] = model.conditionalExpectedPurchases(horizon, x, tx, t);
                discounted[k] = discountedPurchases(model, x, tx, t, spec.horizonMonths(), spec.annualDiscountRate());
            }
        });
        return new Valuation(alive, expected, discounted);
    }

    /**
     * Discounted expected purchases over the horizon: Σ over months m of [E(m·w) − E((m−1)·w)] /
     * (1+δ)^m, with w the weeks in a month and δ the monthly rate.
     */
    static double discountedPurchases(RepeatModel model, double x, double tx, double t, int months, double annual) {
        double monthly = Math.pow(1 + annual, 1.0 / 12) - 1;
        double previous = 0;
        double sum = 0;
        for (int m = 1; m <= months; m++) {
            double e = model.conditionalExpectedPurchases(m * ClvAnalysis.WEEKS_PER_MONTH, x, tx, t);
            sum += (e - previous) / Math.pow(1 + monthly, m);
            previous = e;
        }
        return sum;
    }
}
