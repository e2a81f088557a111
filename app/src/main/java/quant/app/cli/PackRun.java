package quant.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import quant.core.analysis.InvalidSpecException;
import quant.core.io.AtomicFile;
import quant.core.io.OutputPath;
import quant.core.pack.PackBuilder;
import quant.core.pack.PackDefinition;
import quant.core.pack.PackDefinitions;
import quant.core.report.pack.Pack;
import quant.core.report.pack.PackPdf;
import quant.core.report.pack.PackPptx;
import quant.core.report.pack.PackXlsx;
import quant.core.store.Store;
import quant.core.store.StoreException;
import quant.core.store.StoreLocation;

/**
 * {@code quant report --definition}: a report pack from a definition, written as PDF (and its XLSX
 * and PPTX twins) for the operating system's scheduler. When the window holds the database, the pack
 * is made from a read-only copy of it as it is at that moment, and a note on standard error says so.
 */
final class PackRun {
    /** What the command line asked. */
    record Ask(String definition, String period, boolean clock, Path pdf, Path xlsx, Path pptx, boolean json) {}

    private PackRun() {}

    static int run(StoreLocation database, Ask ask, PrintWriter out, PrintWriter err) throws IOException {
        PackDefinition def = PackDefinitions.load(ask.definition());
        if (ask.pdf() == null && ask.xlsx() == null && ask.pptx() == null && !ask.json()) {
            throw new InvalidSpecException("Say where the pack goes: --out FILE.pdf, --xlsx FILE.xlsx or --pptx"
                    + " FILE.pptx (or --json to print its figures).");
        }
        List<Path> files = checked(database, ask);
        PackBuilder.Request request = new PackBuilder.Request(
                Optional.ofNullable(ask.period()), ask.clock() ? Optional.of(LocalDate.now()) : Optional.empty());
        Pack pack;
        try (Store store = open(database, err)) {
            pack = PackBuilder.build(store, def, request, CliProgress.monitor());
        }
        write(pack, files, ask, err, database);
        if (ask.json()) {
            out.println(quant.core.analysis.Json.write(pack.summary()));
        } else {
            long failed = pack.sections().stream().filter(s -> !s.ran()).count();
            out.printf(
                    "%s, period %s (%s to %s), figures as of %s: %d sections%s.%n",
                    pack.style().title(),
                    pack.period(),
                    pack.from(),
                    pack.to(),
                    pack.asOf().date(),
                    pack.sections().size(),
                    failed == 0 ? "" : ", " + failed + " could not run");
            for (Pack.Section s : pack.sections()) {
                if (!s.ran()) {
                    out.println("  " + s.title() + ": " + s.problem());
                }
            }
        }
        out.flush();
        return QuantCommand.OK;
    }

    /**
     * The store to read: the database itself, or — when another program holds it — a read-only copy
     * of it as it is now.
     */
    static Store open(StoreLocation database, PrintWriter err) {
        try {
            return Store.openExisting(database);
        } catch (StoreException e) {
            if (e.kind() != StoreException.Kind.LOCKED) {
                throw e;
            }
            Store copy = Store.openReadOnlyCopy(database);
            err.println("quant: note: " + database.name() + " is open in another program;"
                    + " the pack is made from a copy of it as it is now.");
            err.flush();
            return copy;
        }
    }

    private static List<Path> checked(StoreLocation database, Ask ask) {
        List<OutputPath.Protected> keep = new ArrayList<>(database.protectedFiles());
        if (!PackDefinitions.SHIPPED.contains(ask.definition().strip().toLowerCase(Locale.ROOT))) {
            keep.add(new OutputPath.Protected(Path.of(ask.definition().strip()), "the definition being read"));
        }
        List<Path> out = new ArrayList<>();
        out.add(check(ask.pdf(), "--out", ".pdf", keep, out));
        out.add(check(ask.xlsx(), "--xlsx", ".xlsx", keep, out));
        out.add(check(ask.pptx(), "--pptx", ".pptx", keep, out));
        return out;
    }

    private static Path check(
            Path file, String option, String ending, List<OutputPath.Protected> keep, List<Path> taken) {
        if (file == null) {
            return null;
        }
        String name =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(ending)) {
            throw new InvalidSpecException(
                    option + " writes a " + ending + " file; name it with that ending, not " + file + ".");
        }
        Path resolved = OutputPath.check(file, option, keep);
        if (taken.contains(resolved)) {
            throw new InvalidSpecException(file + " is named twice; give each file once.");
        }
        return resolved;
    }

    private static void write(Pack pack, List<Path> files, Ask ask, PrintWriter err, StoreLocation database)
            throws IOException {
        Path[] given = {ask.pdf(), ask.xlsx(), ask.pptx()};
        String[] kinds = {"PDF", "XLSX", "PPTX"};
        List<ExportTrail.Written> written = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            if (f == null) {
                continue;
            }
            int kind = i;
            AtomicFile.write(f, o -> {
                switch (kind) {
                    case 0 -> PackPdf.write(pack, o);
                    case 1 -> PackXlsx.write(pack, o);
                    default -> PackPptx.write(pack, o);
                }
            });
            err.println("quant: wrote " + given[i]);
            written.add(new ExportTrail.Written(pack.style().title() + " " + pack.period() + " (" + kinds[i] + ")", f));
        }
        err.flush();
        ExportTrail.record(database, written, err);
    }
}
