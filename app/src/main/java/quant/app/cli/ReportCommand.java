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
 * whatever the analysis. {@code quant report --definition}: a report pack ({@link PackRun}).
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Run an analysis with its default settings and print or export its report; --list names them."
                + " With --definition, write a report pack (the board pack and others) as PDF, XLSX and PPTX.")
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

    @Option(
            names = "--definition",
            paramLabel = "NAME|FILE",
            description = "Write a report pack: board, weekly-operations, owner-summary, or a .json definition file"
                    + " (docs/report-packs.md). --out names its PDF.")
    String definition;

    @Option(
            names = "--period",
            paramLabel = "RULE",
            description = "The pack's period instead of its definition's: last-month, month:YYYY-MM, quarter:YYYY-Qn,"
                    + " ytd or last-week, at the data's as-of date.")
    String period;

    @Option(
            names = "--clock",
            description = "Resolve the period rule at today's date instead of the data's last activity.")
    boolean clock;

    @Option(
            names = "--xlsx",
            paramLabel = "FILE",
            description = "Also write the pack's workbook (one sheet per table).")
    java.nio.file.Path xlsx;

    @Option(names = "--pptx", paramLabel = "FILE", description = "Also write the pack's slides (one per chart).")
    java.nio.file.Path pptx;

    @Option(
            names = "--json",
            description = "With --definition: print the pack's figures as JSON (keys in docs/cli.md).")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (definition != null) {
            return pack(out);
        }
        if (period != null || clock || xlsx != null || pptx != null || json) {
            throw new InvalidSpecException("--period, --clock, --xlsx, --pptx and --json belong to a report pack: give"
                    + " --definition too (or use the analysis's own command for --json).");
        }
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

    private int pack(PrintWriter out) throws IOException {
        if (name != null || list || asOf != null || output.table != null) {
            throw new InvalidSpecException("A report pack takes no analysis name, --list, --as-of or --table: its"
                    + " definition names the analyses and --period the dates.");
        }
        if (output.files.size() > 1) {
            throw new InvalidSpecException(
                    "A report pack writes one PDF: give --out once (--xlsx and --pptx name its" + " twins).");
        }
        PackRun.Ask ask = new PackRun.Ask(
                definition, period, clock, output.files.isEmpty() ? null : output.files.getFirst(), xlsx, pptx, json);
        return PackRun.run(parent.database(), ask, out, spec.commandLine().getErr());
    }
}
