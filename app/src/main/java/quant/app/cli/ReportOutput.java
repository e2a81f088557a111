package quant.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import quant.core.analysis.InvalidSpecException;
import quant.core.io.OutputPath;
import quant.core.report.ExportOptions;
import quant.core.report.Exports;
import quant.core.report.Report;
import quant.core.settings.BusinessSettings;
import quant.core.store.StoreLocation;

/**
 * The {@code --out FILE} and {@code --table NAME} options every analysis command shares: the report
 * the command prints is also written to each file, in the format of its extension. Every path is
 * checked before the analysis runs, so a mistake costs no time and writes nothing.
 */
final class ReportOutput {
    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Also write the report to FILE: .pdf (a document with the charts), .xlsx (one sheet per"
                    + " table) or .csv (one table, see --table), by the file's extension. Repeat for several files.")
    List<Path> files = new ArrayList<>();

    @Option(
            names = "--table",
            paramLabel = "NAME",
            description =
                    "The table a .csv file holds (default: the report's main table; the names are in docs/cli.md).")
    String table;

    /** The checked files, once {@link #check} ran. */
    private List<Path> checked = List.of();

    /** The database whose export history records the files, once {@link #check} ran; null for none. */
    private StoreLocation database;

    /**
     * Checks every {@code --out} before work starts: a known extension, a folder that exists and can
     * be written, not the database or a file beside it, not a device, no file named twice.
     *
     * @throws InvalidSpecException or {@link quant.core.io.UnsafeOutputException} with one sentence
     */
    void check(StoreLocation database) {
        check(database, new Path[0]);
    }

    /**
     * {@link #check(Path)} for a command that also reads {@code inputs}: none of them may be written
     * either. {@code database} may be null for a command that reads only files.
     */
    void check(StoreLocation database, Path... inputs) {
        this.database = database;
        if (table != null && files.stream().noneMatch(f -> Exports.formatOf(f) == Exports.Format.CSV)) {
            throw new InvalidSpecException(
                    "--table chooses the table of a .csv file; give --out with a .csv name too.");
        }
        List<OutputPath.Protected> keep = new ArrayList<>(database == null ? List.of() : database.protectedFiles());
        for (Path input : inputs) {
            if (input != null) {
                keep.add(new OutputPath.Protected(input, "the file being read"));
            }
        }
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            Exports.formatOf(f);
            Path resolved = OutputPath.check(f, "--out", keep);
            if (out.contains(resolved)) {
                throw new InvalidSpecException("--out names " + f + " twice; give each file once.");
            }
            out.add(resolved);
        }
        checked = List.copyOf(out);
    }

    /** Whether any file is to be written. */
    boolean any() {
        return !files.isEmpty();
    }

    /**
     * What every analysis command does with its result: {@code --json} prints it as JSON, else
     * {@code text} prints it; then the report goes to every {@code --out} file.
     */
    void emit(
            picocli.CommandLine.Model.CommandSpec command,
            boolean json,
            Object result,
            java.util.function.Consumer<PrintWriter> text,
            java.util.function.Supplier<Report> report,
            BusinessSettings settings)
            throws IOException {
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(quant.core.analysis.Json.write(result));
        } else {
            text.accept(out);
        }
        out.flush();
        if (any()) {
            write(report.get(), settings, command.commandLine().getErr());
        }
    }

    /**
     * What every analysis command does with its result: {@code --json} prints the result as JSON, else
     * its report is printed as text ({@link quant.core.report.TextReport}, tables cut to {@code maxRows});
     * then the report goes to every {@code --out} file. The report is built once, when needed.
     */
    void report(
            picocli.CommandLine.Model.CommandSpec command,
            boolean json,
            Object result,
            java.util.function.Supplier<Report> report,
            BusinessSettings settings,
            int maxRows)
            throws IOException {
        Report[] built = new Report[1];
        java.util.function.Supplier<Report> once = () -> built[0] == null ? (built[0] = report.get()) : built[0];
        emit(
                command,
                json,
                result,
                out -> quant.core.report.TextReport.write(
                        once.get(), settings.currency().getCurrencyCode(), out, maxRows),
                once,
                settings);
    }

    /** Writes {@code report} to every checked file and says so on {@code err}, one line each. */
    void write(Report report, BusinessSettings settings, PrintWriter err) throws IOException {
        if (files.size() != checked.size()) {
            throw new IllegalStateException("ReportOutput.check must run before write");
        }
        ExportOptions options = settings.exportOptions().withTable(table);
        if (table != null) {
            report.table(table);
        }
        List<ExportTrail.Written> written = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            Exports.write(report, checked.get(i), options);
            err.println("quant: wrote " + files.get(i));
            written.add(new ExportTrail.Written(
                    report.title() + " (" + Exports.formatOf(checked.get(i)).name() + ")", checked.get(i)));
        }
        err.flush();
        if (database != null) {
            ExportTrail.record(database, written, err);
        }
    }

    /**
     * {@code --out} alone, for a command whose own {@code --table} names its input (churn evaluate):
     * the files are written as {@link ReportOutput} writes them, each report's main table in a CSV.
     */
    static final class FilesOnly {
        @Option(
                names = "--out",
                paramLabel = "FILE",
                description = "Also write the result to FILE: .pdf, .xlsx or .csv (the main table), by the file's"
                        + " extension. Repeat for several files.")
        List<Path> files = new ArrayList<>();

        private final ReportOutput delegate = new ReportOutput();

        void check(StoreLocation database, Path... inputs) {
            delegate.files = files;
            delegate.check(database, inputs);
        }

        boolean any() {
            return !files.isEmpty();
        }

        void write(Report report, BusinessSettings settings, PrintWriter err) throws IOException {
            delegate.write(report, settings, err);
        }
    }
}
