package quant.core.cohort;

import java.time.LocalDate;
import java.util.List;
import quant.core.analysis.AsOf;
import quant.core.analysis.Period;

/**
 * Cohort retention: one row per acquisition cohort, one cell per age (periods since the cohort's
 * first period, 0 = the period the customers were acquired in).
 *
 * @param asOf the day computed at
 * @param period months or quarters
 * @param metric the figure the heatmap shows
 * @param customers customers in all cohorts
 * @param cohorts oldest first
 * @param average per age, over the cohorts old enough to have a complete period at that age: active
 *     share and revenue retention weighted by cohort size
 * @param partialPeriod the label of the period that holds the as-of day when that period is not over
 *     yet (its cells are marked partial), or null
 * @param definitions the definitions behind the figures, in words
 */
public record CohortResult(
        AsOf asOf,
        Period period,
        CohortMetric metric,
        int customers,
        List<Cohort> cohorts,
        List<AgePoint> average,
        String partialPeriod,
        List<String> definitions)
        implements quant.core.analysis.Dated {

    public CohortResult {
        cohorts = List.copyOf(cohorts);
        average = List.copyOf(average);
        definitions = List.copyOf(definitions);
    }

    /** Whether there is nothing to show (no customer with a cohort passed the filter). */
    public boolean isEmpty() {
        return cohorts.isEmpty();
    }

    /** The largest number of cells of any cohort. */
    public int maxAges() {
        return cohorts.stream().mapToInt(c -> c.cells().size()).max().orElse(0);
    }

    /**
     * One acquisition cohort.
     *
     * @param label "2024-03" or "2024-Q1"
     * @param start the first day of the cohort's period
     * @param size customers in the cohort
     * @param cells by age, up to the period that holds the as-of day
     */
    public record Cohort(String label, LocalDate start, int size, List<Cell> cells) {
        public Cohort {
            cells = List.copyOf(cells);
        }
    }

    /**
     * One cohort in one period.
     *
     * @param age periods since the cohort's first
     * @param period the calendar period's label
     * @param active customers of the cohort with a purchase in the period
     * @param activeShare active ÷ cohort size (a fraction)
     * @param revenue revenue of the cohort's completed jobs in the period
     * @param revenueRetention revenue ÷ the cohort's revenue at age 0 (a fraction; 0 when that is 0)
     * @param margin revenue − labour − material − equipment cost of those jobs
     * @param cumulativeRevenuePerCustomer revenue from age 0 to this one ÷ cohort size
     * @param cumulativeMarginPerCustomer margin from age 0 to this one ÷ cohort size
     * @param partial whether the period is not over at the as-of day
     */
    public record Cell(
            int age,
            String period,
            int active,
            double activeShare,
            double revenue,
            double revenueRetention,
            double margin,
            double cumulativeRevenuePerCustomer,
            double cumulativeMarginPerCustomer,
            boolean partial) {}

    /**
     * The average cohort at one age.
     *
     * @param cohorts how many cohorts have a complete period at this age
     * @param activeShare Σ active ÷ Σ size over those cohorts
     * @param revenueRetention Σ revenue at this age ÷ Σ revenue at age 0 over those cohorts
     * @param cumulativeMarginPerCustomer the ages' margin increments chained: Σ over ages up to this
     *     one of (margin at that age ÷ customers of the cohorts complete at it) — the definition the
     *     lifetime-value cohort curve and the marketing payback curves share
     */
    public record AgePoint(
            int age, int cohorts, double activeShare, double revenueRetention, double cumulativeMarginPerCustomer) {}
}
