package quant.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.analysis.InvalidSpecException;
import quant.core.catalog.AnalysisCatalog;
import quant.core.report.Report;
import quant.core.report.TextReport;

/**
 * {@code quant report NAME}: any registered analysis ({@link AnalysisCatalog}) with its default spec,
 * printed as its report's text and written to {@code --out} files — one command for scripts and cron,
 * whatever the analysis.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Run an analysis with its default settings and print or export its report; --list names them.")
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "NAME",
            description = "The analysis, e.g. cohorts (see --list).")
    String name;

    @Option(names = "--list", description = "List the analyses by name, with the question each answers.")
    boolean list;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "Compute at this date (default: the last activity in the data).")
    LocalDate asOf;

    @Mixin
    ReportOutput output;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            for (AnalysisCatalog.Entry e : AnalysisCatalog.ENTRIES) {
                out.printf("%-16s %-26s %s%n", e.id(), e.title(), e.question());
            }
            out.flush();
            return QuantCommand.OK;
        }
        if (name == null) {
            throw new InvalidSpecException("Name the analysis to report (quant report --list names them).");
        }
        AnalysisCatalog.Entry entry = AnalysisCatalog.byId(name.strip());
        output.check(parent.database());
        CustomerFilterOptions.Loaded loaded = CustomerFilterOptions.load(parent.database(), entry.parts());
        Report report =
                entry.report(loaded.snapshot(), loaded.settings(), Optional.ofNullable(asOf), CliProgress.monitor());
        String currency = loaded.settings().currency().getCurrencyCode();
        output.emit(spec, false, report, o -> TextReport.write(report, currency, o), () -> report, loaded.settings());
        return QuantCommand.OK;
    }
}
