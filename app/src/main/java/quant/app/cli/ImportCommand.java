package quant.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.importing.ImportException;
import quant.core.importing.Problem;
import quant.core.job.JobMonitor;
import quant.core.store.Store;
import quant.importers.engine.ImportOptions;
import quant.importers.engine.ImportResult;
import quant.importers.engine.Importer;
import quant.importers.mapping.MappingProfile;
import quant.importers.mapping.Presets;

/** {@code quant import FILE --mapping PROFILE.json}: one file into one table, all or nothing by default. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import a CSV, TSV or XLSX file with a mapping profile or a preset.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:imported",
            "1:data problems (nothing written with --on-error abort)",
            "2:usage",
            "3:I/O or database error"
        })
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV, TSV or XLSX file.")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mapping how;

    static final class Mapping {
        @Option(names = "--mapping", paramLabel = "PROFILE.json", description = "A mapping profile (JSON).")
        Path profile;

        @Option(
                names = "--preset",
                paramLabel = "NAME",
                description =
                        "A shipped mapping for a known export: xero-invoices, salesforce-opportunities, generic-jobs.")
        String preset;
    }

    @Option(names = "--sheet", paramLabel = "NAME", description = "The worksheet of an XLSX file (default: the first).")
    String sheet;

    @Option(names = "--dry-run", description = "Check everything and report the counts; write nothing.")
    boolean dryRun;

    @Option(
            names = "--on-error",
            paramLabel = "abort|skip",
            defaultValue = "abort",
            description =
                    "abort: any problem writes nothing (default); skip: write the valid rows and reject the rest.")
    String onError;

    @Option(
            names = "--rejects",
            paramLabel = "PATH",
            description = "With --on-error skip: write the rejected rows here, with a reason column.")
    Path rejects;

    @Option(
            names = "--json",
            description =
                    "Print {\"read\", \"inserted\", \"updated\", \"rejected\", \"outcome\", \"problems\"} as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ImportOptions.OnError mode;
        switch (onError) {
            case "abort" -> mode = ImportOptions.OnError.ABORT;
            case "skip" -> mode = ImportOptions.OnError.SKIP;
            default -> {
                spec.commandLine().getErr().println("quant: --on-error is abort or skip, not " + onError + ".");
                return QuantCommand.USAGE;
            }
        }
        MappingProfile profile;
        try {
            profile = how.profile != null ? MappingProfile.read(how.profile) : Presets.load(how.preset);
        } catch (ImportException e) {
            spec.commandLine().getErr().println("quant: " + e.getMessage());
            return QuantCommand.USAGE;
        }
        if (sheet != null) {
            profile = profile.withReader(profile.reader().withSheet(sheet));
        }
        ImportOptions options = new ImportOptions(mode, dryRun, rejects, java.time.ZoneId.systemDefault());
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        try (Store store = Store.open(parent.database())) {
            ImportResult r = new Importer(store).run(file, profile, options, JobMonitor.NONE);
            print(out, r.read(), r.inserted(), r.updated(), r.rejected(), r.outcome(), r.problems());
            out.flush();
            return r.rejected() > 0 ? 1 : QuantCommand.OK;
        } catch (ImportException e) {
            if (json) {
                List<Problem> problems =
                        e.problems().isEmpty() ? List.of(new Problem(0, null, null, e.getMessage())) : e.problems();
                print(
                        out,
                        e.rowsRead(),
                        0,
                        0,
                        e.problemCount(),
                        e.kind() == ImportException.Kind.INVALID_DATA ? "aborted" : "failed",
                        problems);
                out.flush();
            }
            err.println("quant: " + e.getMessage());
            err.flush();
            return switch (e.kind()) {
                case INVALID_DATA -> 1;
                case SETTINGS -> QuantCommand.USAGE;
                case UNREADABLE -> QuantCommand.STORE_ERROR;
            };
        }
    }

    private void print(
            java.io.PrintWriter out,
            long read,
            long inserted,
            long updated,
            long rejected,
            String outcome,
            List<Problem> problems)
            throws Exception {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("read", read);
            doc.put("inserted", inserted);
            doc.put("updated", updated);
            doc.put("rejected", rejected);
            doc.put("outcome", outcome);
            List<Map<String, Object>> list = new ArrayList<>();
            for (Problem p : problems) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("row", p.row());
                m.put("column", p.column());
                m.put("value", p.value());
                m.put("reason", p.reason());
                list.add(m);
            }
            doc.put("problems", list);
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(doc));
        } else {
            out.printf(
                    "%s: read %,d, inserted %,d, updated %,d, rejected %,d (%s)%n",
                    file.getFileName(), read, inserted, updated, rejected, outcome);
            problems.stream().limit(20).forEach(p -> out.println("  " + p.describe()));
            if (problems.size() > 20) {
                out.printf("  … and %,d more%n", rejected - 20);
            }
        }
    }
}
