package quant.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.analysis.Period;
import quant.core.cohort.CohortAnalysis;
import quant.core.cohort.CohortMetric;
import quant.core.cohort.CohortReport;
import quant.core.cohort.CohortResult;
import quant.core.cohort.CohortSpec;

/** {@code quant cohort}: customer and revenue retention by acquisition cohort. */
@Command(
        name = "cohort",
        mixinStandardHelpOptions = true,
        description = "Retention by acquisition cohort: active customers, revenue and margin per period of age.")
final class CohortCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--period",
            paramLabel = "month|quarter",
            defaultValue = "month",
            description = "Cohort and age period (default: ${DEFAULT-VALUE}).")
    String period;

    @Option(
            names = "--metric",
            paramLabel = "customers|revenue|margin",
            defaultValue = "customers",
            description =
                    "The figure of the table: share of the cohort active, revenue as a share of the first period, or cumulative margin per customer (default: ${DEFAULT-VALUE}).")
    String metric;

    @Mixin
    CustomerFilterOptions filter;

    @Mixin
    ReportOutput output;

    @Override
    public Integer call() throws java.io.IOException {
        Period chosen = Period.parse(period);
        CohortMetric measured = CohortMetric.parse(metric);
        output.check(parent.database());
        CustomerFilterOptions.Loaded loaded = CustomerFilterOptions.load(parent.database());
        quant.core.analysis.Snapshot snapshot = loaded.snapshot();
        CohortSpec cohortSpec = new CohortSpec(chosen, measured, filter.filter(snapshot), filter.asOf());
        CohortResult result = CohortAnalysis.run(snapshot, cohortSpec, CliProgress.monitor());
        output.emit(
                spec,
                filter.json,
                result,
                out -> print(out, result, cohortSpec.metric(), CliMoney.of(loaded.settings())),
                () -> CohortReport.of(result, cohortSpec),
                loaded.settings());
        return QuantCommand.OK;
    }

    /** The widest line the text table is kept to. */
    static final int LINE_WIDTH = 160;

    /** A cell as text: a whole percentage for shares, a whole amount otherwise; * marks a partial period. */
    private static String cell(CohortMetric metric, CohortResult.Cell cell) {
        double v = metric.value(cell);
        String text = metric.isShare()
                ? String.format(Locale.ROOT, "%.0f%%", 100 * v)
                : String.format(Locale.ROOT, "%,.0f", v);
        return cell.partial() ? text + "*" : text;
    }

    private static void print(PrintWriter out, CohortResult r, CohortMetric metric, CliMoney money) {
        out.printf(
                "%s by %s cohort, as of %s%s%n",
                metric.title(), r.period().key(), r.asOf().describe(), metric.isShare() ? "" : " " + money.caption());
        if (r.isEmpty()) {
            out.println("No customer has a cohort with these filters.");
            return;
        }
        boolean share = metric.isShare();
        int width = share ? 4 : 2;
        for (CohortResult.Cohort c : r.cohorts()) {
            for (CohortResult.Cell cell : c.cells()) {
                width = Math.max(width, cell(metric, cell).length() + 1);
            }
        }
        // as many ages as fit a readable line; --json has every one
        int ages = Math.min(r.maxAges(), Math.max(1, (LINE_WIDTH - 16) / (width + 1)));
        String column = " %" + width + "s";
        out.printf("%-8s %6s", "cohort", "size");
        for (int age = 0; age < ages; age++) {
            out.printf(column, "+" + age);
        }
        out.println();
        for (CohortResult.Cohort c : r.cohorts()) {
            out.printf("%-8s %6d", c.label(), c.size());
            for (CohortResult.Cell cell :
                    c.cells().subList(0, Math.min(ages, c.cells().size()))) {
                out.printf(column, cell(metric, cell));
            }
            out.println();
        }
        if (ages < r.maxAges()) {
            out.printf(
                    "Ages +0 to +%d of +%d are shown; --json has them all (or try --period quarter).%n",
                    ages - 1, r.maxAges() - 1);
        }
        if (r.partialPeriod() != null) {
            out.printf("* %s is not over at the as-of date: partial, not a drop.%n", r.partialPeriod());
        }
        out.printf("%,d customers in %d cohorts.%n", r.customers(), r.cohorts().size());
    }
}
