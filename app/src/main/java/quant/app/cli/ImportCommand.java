package quant.app.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.analysis.Json;
import quant.core.importing.ImportException;
import quant.core.importing.Problem;
import quant.core.io.OutputPath;
import quant.core.store.Store;
import quant.core.store.StoreLocation;
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
    /** The shipped presets, for the help text. */
    static final class PresetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Presets.NAMES.iterator();
        }
    }

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
                description = "A shipped mapping for a known export: ${COMPLETION-CANDIDATES}.",
                completionCandidates = PresetNames.class)
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
        try {
            return importFile();
        } catch (Exception e) {
            if (json) {
                quant.app.errors.Failures.Report r = CliErrors.of(e);
                List<Problem> problems =
                        e instanceof ImportException ie && !ie.problems().isEmpty()
                                ? ie.problems()
                                : List.of(new Problem(0, null, null, r.sentence()));
                long read = e instanceof ImportException ie ? ie.rowsRead() : 0;
                long rejected = e instanceof ImportException ie ? ie.problemCount() : 0;
                boolean aborted = e instanceof ImportException ie && ie.kind() == ImportException.Kind.INVALID_DATA;
                print(spec.commandLine().getOut(), read, 0, 0, rejected, aborted ? "aborted" : "failed", problems);
                spec.commandLine().getOut().flush();
            }
            throw e;
        }
    }

    private int importFile() throws Exception {
        ImportOptions.OnError mode =
                switch (onError) {
                    case "abort" -> ImportOptions.OnError.ABORT;
                    case "skip" -> ImportOptions.OnError.SKIP;
                    default ->
                        throw new CommandLine.ParameterException(
                                spec.commandLine(), "--on-error is abort or skip, not " + onError);
                };
        if (rejects != null && mode != ImportOptions.OnError.SKIP) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--rejects needs --on-error skip (with abort nothing is rejected row by row)");
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.isDirectory(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), file + " is a folder, not a file to import");
        }
        if (!Files.isReadable(file)) {
            throw new AccessDeniedException(file.toString());
        }
        MappingProfile profile = how.profile != null ? MappingProfile.read(how.profile) : Presets.load(how.preset);
        if (sheet != null) {
            profile = profile.withReader(profile.reader().withSheet(sheet));
        }
        StoreLocation db = parent.databaseToWrite();
        if (rejects != null && !dryRun) {
            List<OutputPath.Protected> keep = new ArrayList<>(db.protectedFiles());
            keep.add(new OutputPath.Protected(file, "the file being imported"));
            if (how.profile != null) {
                keep.add(new OutputPath.Protected(how.profile, "the mapping profile"));
            }
            OutputPath.check(rejects, "--rejects", keep);
        }
        ImportOptions options = new ImportOptions(mode, dryRun, rejects, java.time.ZoneId.systemDefault());
        var out = spec.commandLine().getOut();
        MappingProfile mapping = profile;
        return Store.writeInto(db, store -> {
            ImportResult r = new Importer(store).run(file, mapping, options, CliProgress.monitor());
            print(
                    out,
                    r.read(),
                    r.inserted(),
                    r.updated(),
                    r.rejected(),
                    r.outcome().code(),
                    r.problems());
            out.flush();
            return r.rejected() > 0 ? CliErrors.DATA : QuantCommand.OK;
        });
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
            out.println(Json.write(doc));
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
