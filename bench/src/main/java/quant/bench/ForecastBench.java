package quant.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import quant.core.forecast.Forecasters;
import quant.core.forecast.M4Evaluation;
import quant.core.forecast.M4Files;
import quant.core.forecast.Method;
import quant.core.store.DomainTable;
import quant.samples.SampleCompany;
import quant.samples.SampleCompanyGenerator;
import quant.samples.SampleTable;

/**
 * Forecasting speed: series per second of every method on M4 Weekly and Hourly (in parallel over the
 * series, as {@code forecast evaluate} runs), the whole default evaluation (auto on both files,
 * scored), and {@code auto} on the 48-month job-count series of generated companies (one series per
 * service line), single-threaded, warm.
 *
 * <pre>
 * java -cp "bench/target/classes:app/target/lib/*" quant.bench.ForecastBench ../shared/benchdata/m4 200
 * </pre>
 *
 * Arguments: the M4 folder, the number of generated companies (seeds 1 … N), and {@code monthly} to
 * run only the generated companies' part.
 */
public final class ForecastBench {
    private ForecastBench() {}

    public static void main(String[] args) throws Exception {
        Path m4 = Path.of(args.length > 0 ? args[0] : "../shared/benchdata/m4");
        int companies = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        System.out.printf(
                Locale.ROOT,
                "ForecastBench: %d cores, Java %s%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        if (args.length > 2 && args[2].equals("monthly")) {
            monthly(companies, new int[] {80, 95});
            return;
        }
        List<M4Files.Series> weekly = M4Files.read(m4.resolve("Weekly-train.csv"), m4.resolve("Weekly-test.csv"));
        List<M4Files.Series> hourly = M4Files.read(m4.resolve("Hourly-train.csv"), m4.resolve("Hourly-test.csv"));
        int[] levels = {80, 95};
        // warm-up: a few series of each through every method
        for (Method method : Method.values()) {
            for (M4Files.Series s : weekly.subList(0, 5)) {
                try {
                    Forecasters.forecast(method, s.train(), 1, 13, levels);
                } catch (RuntimeException notApplicable) {
                    // intermittent methods refuse some series; the warm-up only loads the code
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%-28s %14s %14s%n", "method", "Weekly s/s", "Hourly s/s");
        for (Method method : Method.values()) {
            double w = rate(weekly, method, 1, 13, levels, weekly.size());
            // ARIMA on 700-point hourly series refits seasonal models by exact likelihood: a sample of 20
            int hourlySample = method == Method.ARIMA ? 20 : hourly.size();
            double h = rate(hourly, method, 24, 48, levels, hourlySample);
            System.out.printf(
                    Locale.ROOT,
                    "%-28s %14.1f %14.1f%s%n",
                    method.label(),
                    w,
                    h,
                    hourlySample < hourly.size() ? "  (hourly: first " + hourlySample + " series)" : "");
        }
        long started = System.nanoTime();
        List<M4Evaluation.Row> w =
                M4Evaluation.evaluate(weekly, 1, 13, List.of(Method.THETA, Method.COMB, Method.AUTO));
        List<M4Evaluation.Row> h =
                M4Evaluation.evaluate(hourly, 24, 48, List.of(Method.THETA, Method.COMB, Method.AUTO));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%nM4 Weekly + Hourly evaluation of Naive2, Theta, Comb and auto: %.1f s (target < 120 s)%n",
                seconds);
        for (var rows : List.of(w, h)) {
            for (M4Evaluation.Row r : rows) {
                System.out.printf(
                        Locale.ROOT,
                        "  %-26s sMAPE %7.3f  MASE %6.3f  OWA %6.3f  coverage95 %5.1f%n",
                        r.method().label(),
                        r.smape(),
                        r.mase(),
                        r.owa(),
                        r.coverage95());
            }
        }
        monthly(companies, levels);
    }

    /** auto on the generated companies' monthly series, one thread, after a warm-up. */
    private static void monthly(int companies, int[] levels) {
        List<double[]> monthly = companySeries(companies);
        for (double[] y : monthly.subList(0, Math.min(50, monthly.size()))) {
            Forecasters.forecast(Method.AUTO, y, 12, 12, levels);
        }
        double[] millis = new double[monthly.size()];
        for (int i = 0; i < monthly.size(); i++) {
            long t0 = System.nanoTime();
            Forecasters.forecast(Method.AUTO, monthly.get(i), 12, 12, levels);
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(millis);
        double mean = Arrays.stream(millis).average().orElse(0);
        System.out.printf(
                Locale.ROOT,
                "%nauto on %d monthly series of %d points (%d companies × service lines), one thread, warm:%n"
                        + "  mean %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms (target < 50 ms)%n",
                monthly.size(),
                monthly.getFirst().length,
                companies,
                mean,
                millis[millis.length / 2],
                millis[(int) (millis.length * 0.95)],
                millis[millis.length - 1]);
    }

    /** Series per second of one method over the first {@code count} series, in parallel. */
    private static double rate(List<M4Files.Series> series, Method method, int m, int h, int[] levels, int count) {
        long t0 = System.nanoTime();
        IntStream.range(0, count).parallel().forEach(i -> {
            try {
                Forecasters.forecast(method, series.get(i).train(), m, h, levels);
            } catch (RuntimeException refused) {
                // counted as done: a refusal is the method's answer for that series
            }
        });
        return count / ((System.nanoTime() - t0) / 1e9);
    }

    /** Monthly requested-job counts per service line of generated companies, 2022-01 … 2025-12. */
    static List<double[]> companySeries(int companies) {
        List<double[]> out = new ArrayList<>();
        LocalDate start = SampleCompany.START;
        int months = (int) java.time.temporal.ChronoUnit.MONTHS.between(start, SampleCompany.END) + 1;
        for (long seed = 1; seed <= companies; seed++) {
            SampleTable jobs = SampleCompanyGenerator.generate(seed).table(DomainTable.JOB);
            int lineColumn = jobs.header().indexOf("service_line_ref");
            int requestedColumn = jobs.header().indexOf("requested_at");
            Map<String, double[]> byLine = new LinkedHashMap<>();
            for (String[] row : jobs.rows()) {
                LocalDate day = LocalDate.parse(row[requestedColumn].substring(0, 10));
                int k = (int)
                        java.time.temporal.ChronoUnit.MONTHS.between(start.withDayOfMonth(1), day.withDayOfMonth(1));
                if (k >= 0 && k < months) {
                    byLine.computeIfAbsent(row[lineColumn], key -> new double[months])[k]++;
                }
            }
            out.addAll(byLine.values());
        }
        return out;
    }
}
