package quant.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import quant.core.analysis.Snapshot;
import quant.core.analysis.SnapshotLoader;
import quant.core.explore.ChartData;
import quant.core.explore.ChartSpec;
import quant.core.explore.Explorer;
import quant.core.explore.Source;
import quant.core.job.JobMonitor;
import quant.core.store.Store;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The chart builder's grouping against Tablesaw's, on the same columns of the jobs: revenue summed
 * by service line and month of completion. The hand-written pass ({@link Explorer}) reads the
 * snapshot's arrays; Tablesaw is given its table already built (the building, a copy of every row,
 * is timed apart) and groups with {@code summarize(...).by(...)}. Both give the same sums.
 *
 * <p>Usage: {@code ChartBuilderBench DB RUNS} on a database holding the sample at a scale (61 gives
 * about a million jobs).
 */
public final class ChartBuilderBench {
    private ChartBuilderBench() {}

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Snapshot s;
        try (Store store = Store.openExisting(db)) {
            s = new SnapshotLoader(store).load(Source.JOBS.parts(), JobMonitor.NONE);
        }
        ChartSpec spec = new ChartSpec(
                "",
                "jobs",
                new ChartSpec.Axis("completed", ChartSpec.Grain.MONTH),
                new ChartSpec.Axis("line", null),
                new ChartSpec.Measure(ChartSpec.Aggregate.SUM, "revenue"),
                ChartSpec.ChartType.BAR,
                List.of(),
                null);
        int n = s.jobs().size();
        System.out.printf(Locale.ROOT, "%,d jobs%n", n);
        // the same columns as Tablesaw holds them
        long t0 = System.nanoTime();
        Table table = table(s);
        double build = (System.nanoTime() - t0) / 1e9;
        ChartData ours = null;
        Table theirs = null;
        double bestOurs = Double.MAX_VALUE;
        double bestTheirs = Double.MAX_VALUE;
        for (int r = 0; r <= runs; r++) {
            long a = System.nanoTime();
            ours = Explorer.run(s, spec, JobMonitor.NONE);
            double o = (System.nanoTime() - a) / 1e9;
            long b = System.nanoTime();
            theirs = table.summarize("revenue", AggregateFunctions.sum).by("line", "month");
            double t = (System.nanoTime() - b) / 1e9;
            if (r > 0) {
                bestOurs = Math.min(bestOurs, o);
                bestTheirs = Math.min(bestTheirs, t);
            }
            System.out.printf(
                    Locale.ROOT, "%s run: ours %.3f s, Tablesaw %.3f s%n", r == 0 ? "warm-up" : "measured", o, t);
        }
        double total = 0;
        for (double[] row : ours.values()) {
            for (double v : row) {
                total += Double.isNaN(v) ? 0 : v;
            }
        }
        double theirsTotal = theirs.doubleColumn(2).sum();
        System.out.printf(Locale.ROOT, "sums agree: %.2f vs %.2f (%d groups)%n", total, theirsTotal, theirs.rowCount());
        System.out.printf(
                Locale.ROOT,
                "best: ours %.3f s, Tablesaw %.3f s (+ %.3f s to build its table): ratio Tablesaw/ours %.2f, with"
                        + " the build %.2f%n",
                bestOurs,
                bestTheirs,
                build,
                bestTheirs / bestOurs,
                (bestTheirs + build) / bestOurs);
    }

    /** The jobs' line, month of completion and revenue, completed jobs only, as a Tablesaw table. */
    static Table table(Snapshot s) {
        Snapshot.Jobs j = s.jobs();
        StringColumn line = StringColumn.create("line");
        StringColumn month = StringColumn.create("month");
        DoubleColumn revenue = DoubleColumn.create("revenue");
        for (int i = 0; i < j.size(); i++) {
            if (!j.isCompleted(i)) {
                continue;
            }
            line.append(j.serviceLine(i) < 0 ? "(none)" : s.serviceLines().label(j.serviceLine(i)));
            month.append(
                    java.time.LocalDate.ofEpochDay(j.completedDay(i)).toString().substring(0, 7));
            revenue.append(j.revenue(i));
        }
        return Table.create("jobs", line, month, revenue);
    }
}
