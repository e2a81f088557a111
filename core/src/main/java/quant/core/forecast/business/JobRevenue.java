package quant.core.forecast.business;

import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Snapshot;

/**
 * The revenue of completed jobs by calendar month of completion up to an as-of date, with the
 * revenue and job costs of the twelve months before it.
 *
 * @param grid the months, from the first month with a completed job
 * @param monthly revenue per complete month of the grid
 * @param monthlyCost the labour, material and equipment cost of those jobs per month
 * @param yearRevenue revenue of the jobs completed in the 365 days up to the as-of date
 * @param yearCost their labour, material and equipment cost
 */
record JobRevenue(MonthGrid grid, double[] monthly, double[] monthlyCost, double yearRevenue, double yearCost) {
    /**
     * @throws InvalidSpecException when no job was completed by the as-of date
     */
    /**
     * The standard deviation of the monthly cost share (cost ÷ revenue) over the last twelve complete
     * months with revenue; 0 with fewer than three such months.
     */
    double costShareSpread() {
        java.util.List<Double> shares = new java.util.ArrayList<>();
        for (int m = Math.max(0, monthly.length - 12); m < monthly.length; m++) {
            if (monthly[m] > 0) {
                shares.add(monthlyCost[m] / monthly[m]);
            }
        }
        if (shares.size() < 3) {
            return 0;
        }
        double mean = shares.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double sum = 0;
        for (double v : shares) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (shares.size() - 1));
    }

    static JobRevenue of(Snapshot s, java.time.LocalDate asOf) {
        int day = (int) asOf.toEpochDay();
        Snapshot.Jobs jobs = s.jobs();
        int firstDay = Integer.MAX_VALUE;
        for (int i = 0; i < jobs.size(); i++) {
            if (jobs.isCompleted(i) && jobs.completedDay(i) <= day) {
                firstDay = Math.min(firstDay, jobs.completedDay(i));
            }
        }
        if (firstDay == Integer.MAX_VALUE) {
            throw new InvalidSpecException(
                    "No job was completed on or before " + asOf + ", so there is no revenue to forecast.");
        }
        MonthGrid grid = MonthGrid.of(firstDay, asOf);
        double[] monthly = new double[grid.complete()];
        double[] monthlyCost = new double[grid.complete()];
        int yearAgo = (int) asOf.minusYears(1).toEpochDay();
        double revenue = 0;
        double cost = 0;
        for (int i = 0; i < jobs.size(); i++) {
            if (!jobs.isCompleted(i) || jobs.completedDay(i) > day) {
                continue;
            }
            int m = grid.index(jobs.completedDay(i));
            if (m >= 0 && m < monthly.length) {
                monthly[m] += jobs.revenue(i);
                monthlyCost[m] += jobs.cost(i);
            }
            if (jobs.completedDay(i) > yearAgo) {
                revenue += jobs.revenue(i);
                cost += jobs.cost(i);
            }
        }
        return new JobRevenue(grid, monthly, monthlyCost, revenue, cost);
    }
}
