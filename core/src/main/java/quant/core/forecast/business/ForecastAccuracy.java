package quant.core.forecast.business;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import quant.core.analysis.AsOf;
import quant.core.analysis.Money;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.job.JobMonitor;

/**
 * How saved forecasts compared with what happened: for each saved month that is over by the data's
 * last activity date, the actual value of the subject (jobs requested of the line, cancelled ones
 * left out; or revenue of the jobs completed in the month — the same definitions the forecasts use),
 * the error (actual − forecast), whether the actual fell inside the 80 % and 95 % bounds, and per
 * forecast the mean absolute error, the mean absolute percentage error (months with an actual of 0
 * left out), the bias (mean error) and the share of months inside each band.
 */
public final class ForecastAccuracy {
    /** The parts of the data it reads. */
    public static final List<Part<?>> PARTS = List.of(Snapshot.Jobs.PART);

    private ForecastAccuracy() {}

    /**
     * @param actual the actual value, or null while the month is not over (or for a subject the data no longer has)
     */
    public record Month(
            String month, double mean, double lower80, double upper80, double lower95, double upper95, Double actual) {}

    /**
     * @param compared months with an actual value
     * @param mae mean |actual − forecast| over them, or null with none
     * @param mape mean |actual − forecast| ÷ actual, a fraction, or null
     * @param bias mean (actual − forecast), or null
     * @param coverage80 share of the months inside the 80 % bounds, or null
     * @param coverage95 share inside the 95 % bounds, or null
     */
    public record Run(
            long id,
            String savedAt,
            String subject,
            String label,
            String model,
            String asOf,
            String note,
            List<Month> months,
            int compared,
            Double mae,
            Double mape,
            Double bias,
            Double coverage80,
            Double coverage95) {}

    /** @param dataAsOf the data's last activity date, up to which months count as over */
    public record Result(String dataAsOf, List<Run> runs) {}

    public static Result run(Snapshot s, List<SavedForecast> saved, JobMonitor monitor) {
        LocalDate last = s.lastActivityDay() == Snapshot.NO_DAY
                ? null
                : AsOf.resolve(s, java.util.Optional.empty()).date();
        List<Run> runs = new ArrayList<>();
        for (SavedForecast f : saved) {
            monitor.checkCancelled();
            List<Month> months = new ArrayList<>();
            double absolute = 0;
            double percent = 0;
            int percentCount = 0;
            double error = 0;
            int in80 = 0;
            int in95 = 0;
            int compared = 0;
            for (SavedForecast.Point p : f.points()) {
                LocalDate end = p.month().plusMonths(1).minusDays(1);
                Double actual = last != null && !end.isAfter(last) ? actual(s, f.subject(), p.month()) : null;
                months.add(new Month(
                        p.month().toString().substring(0, 7),
                        p.mean(),
                        p.lower80(),
                        p.upper80(),
                        p.lower95(),
                        p.upper95(),
                        actual));
                if (actual == null) {
                    continue;
                }
                compared++;
                double e = actual - p.mean();
                error += e;
                absolute += Math.abs(e);
                if (actual != 0) {
                    percent += Math.abs(e) / Math.abs(actual);
                    percentCount++;
                }
                in80 += actual >= p.lower80() && actual <= p.upper80() ? 1 : 0;
                in95 += actual >= p.lower95() && actual <= p.upper95() ? 1 : 0;
            }
            runs.add(new Run(
                    f.id(),
                    f.savedAt().toString(),
                    f.subject(),
                    f.label(),
                    f.model(),
                    f.asOf().toString(),
                    f.note(),
                    List.copyOf(months),
                    compared,
                    compared == 0 ? null : Money.cents(absolute / compared),
                    percentCount == 0 ? null : percent / percentCount,
                    compared == 0 ? null : Money.cents(error / compared),
                    compared == 0 ? null : in80 / (double) compared,
                    compared == 0 ? null : in95 / (double) compared));
        }
        return new Result(last == null ? null : last.toString(), List.copyOf(runs));
    }

    /** The subject's value in the month starting {@code month}, or null for a line the data does not have. */
    static Double actual(Snapshot s, String subject, LocalDate month) {
        int from = (int) month.toEpochDay();
        int to = (int) month.plusMonths(1).toEpochDay();
        Snapshot.Jobs jobs = s.jobs();
        if (SavedForecast.REVENUE.equals(subject)) {
            double sum = 0;
            for (int i = 0; i < jobs.size(); i++) {
                if (jobs.isCompleted(i) && jobs.completedDay(i) >= from && jobs.completedDay(i) < to) {
                    sum += jobs.revenue(i);
                }
            }
            return Money.cents(sum);
        }
        int line = s.serviceLines().find(subject.substring("jobs:".length()));
        if (line < 0) {
            return null;
        }
        int count = 0;
        for (int i = 0; i < jobs.size(); i++) {
            if (jobs.serviceLine(i) == line
                    && jobs.status(i) != Snapshot.Jobs.CANCELLED
                    && jobs.requestedDay(i) >= from
                    && jobs.requestedDay(i) < to) {
                count++;
            }
        }
        return (double) count;
    }
}
