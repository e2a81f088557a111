package quant.importers.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;
import quant.core.importing.ImportException;
import quant.core.job.JobMonitor;
import quant.core.store.Store;
import quant.core.store.StoreException;
import quant.importers.mapping.ColumnMapping;
import quant.importers.mapping.MappingProfile;
import quant.importers.parse.DateOrder;
import quant.importers.read.ReaderSettings;
import quant.importers.read.TableReader;
import quant.importers.read.TableReaders;

/**
 * Imports one file into one table with a mapping profile, in one transaction.
 *
 * <p>Every row is read, converted and checked (required values, types, references, duplicates in
 * the file, conflicts with rows from another source); valid rows are inserted or, when a row with
 * the same source key exists and differs, updated. With {@link ImportOptions.OnError#ABORT} any
 * problem writes nothing; with {@code SKIP} the valid rows are written and the others rejected.
 * Every run, aborted ones too, is recorded in {@code import_run}; what a run inserted and the
 * previous values of what it updated go to {@code import_change}, so it can be undone.
 */
public final class Importer {
    /** Problems kept in memory and reported; more are only counted. */
    public static final int MAX_PROBLEMS = 1_000;

    private final Store store;

    public Importer(Store store) {
        this.store = store;
    }

    /** Reads the settings that would be used for {@code file}: the profile's, completed by detection and by the data. */
    public static ReaderSettings settingsFor(Path file, MappingProfile profile) throws IOException {
        ReaderSettings settings = TableReaders.resolve(file, profile.reader());
        if (settings.dateOrder() != null || !hasDateColumns(profile)) {
            return settings;
        }
        return settings.withDateOrder(proveDateOrder(file, settings, profile));
    }

    private static boolean hasDateColumns(MappingProfile profile) {
        return profile.columns().stream()
                .anyMatch(c -> c.from() != null
                        && (c.to().endsWith("_on")
                                || c.to().endsWith("_at")
                                || c.to().startsWith("window_")
                                || c.to().equals("month_start")
                                || c.to().equals("period_start")));
    }

    private static DateOrder proveDateOrder(Path file, ReaderSettings settings, MappingProfile profile)
            throws IOException {
        DateOrder.Evidence evidence = new DateOrder.Evidence();
        String column = null;
        try (TableReader reader = TableReaders.open(file, settings)) {
            List<Integer> indexes = new ArrayList<>();
            for (var c : profile.columns()) {
                if (c.from() != null
                        && (c.to().endsWith("_on")
                                || c.to().endsWith("_at")
                                || c.to().startsWith("window_")
                                || c.to().equals("month_start")
                                || c.to().equals("period_start"))) {
                    int i = indexOf(reader.header(), c.names());
                    if (i >= 0) {
                        indexes.add(i);
                        column = column == null ? c.from() : column;
                    }
                }
            }
            for (TableReader.Row row = reader.next(); row != null; row = reader.next()) {
                for (int i : indexes) {
                    if (i < row.cells().length) {
                        evidence.add(row.cells()[i]);
                    }
                }
            }
        }
        return evidence.order()
                .orElseThrow(
                        () -> new ImportException(
                                ImportException.Kind.SETTINGS,
                                "Dates such as \"" + evidence.example()
                                        + "\" could be day/month/year or month/day/year, and no date in the"
                                        + " file tells which; set the date order (DMY or MDY) in the mapping's reader settings."));
    }

    /** The index of the first of {@code names} the header has, or -1. */
    static int indexOf(List<String> header, List<String> names) {
        for (String name : names) {
            int i = indexOf(header, name);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (ColumnMapping.sameName(header.get(i), name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Runs the import.
     *
     * @throws ImportException when the file cannot be read, the settings are incomplete, or (with
     *     ABORT) any row has a problem; nothing is written then
     * @throws CancellationException when the monitor is cancelled; nothing is written
     */
    public ImportResult run(Path file, MappingProfile profile, ImportOptions options, JobMonitor monitor)
            throws IOException {
        long started = System.nanoTime();
        OffsetDateTime startedAt = OffsetDateTime.now();
        profile.targetTable();
        if (profile.source() == null || profile.source().isBlank()) {
            throw new ImportException(ImportException.Kind.SETTINGS, "The mapping gives no source for the rows.");
        }
        ReaderSettings settings = settingsFor(file, profile);
        FileFacts facts = facts(file);
        BatchWriter.Outcome outcome;
        try {
            outcome = store.inTransaction(c -> {
                long runId = options.dryRun()
                        ? 0
                        : ImportAudit.start(c, file, facts.size(), facts.sha256(), profile, startedAt);
                BatchWriter writer = new BatchWriter(c, profile, options, runId, monitor);
                BatchWriter.Outcome o;
                try (TableReader reader = TableReaders.open(file, settings)) {
                    o = writer.importAll(reader, settings, options.zone());
                } catch (IOException e) {
                    throw new SQLException(e);
                }
                if (options.dryRun()) {
                    throw new Rollback(o);
                }
                if (o.rejected() > 0 && options.onError() == ImportOptions.OnError.ABORT) {
                    throw new Rollback(o);
                }
                monitor.checkCancelled();
                ImportAudit.finish(c, runId, o, outcomeName(o), Duration.ofNanos(System.nanoTime() - started));
                if (o.inserted() + o.updated() > 0) {
                    Store.bumpDataVersion(c);
                }
                return o;
            });
        } catch (Rollback r) {
            BatchWriter.Outcome o = r.outcome;
            if (options.dryRun()) {
                return result(0, o, "dry-run", started);
            }
            recordFailure(file, facts, profile, startedAt, o.read(), o.rejected(), "aborted", started);
            throw new ImportException(
                    ImportException.Kind.INVALID_DATA,
                    o.rejected() + " of " + o.read() + " rows cannot be imported; nothing was written. "
                            + o.problems().getFirst().describe(),
                    o.problems(),
                    o.rejected(),
                    o.read());
        } catch (CancellationException e) {
            recordFailure(file, facts, profile, startedAt, 0, 0, "cancelled", started);
            throw e;
        } catch (ImportException e) {
            recordFailure(file, facts, profile, startedAt, 0, 0, "failed", started);
            throw e;
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && sql.getCause() instanceof IOException io) {
                recordFailure(file, facts, profile, startedAt, 0, 0, "failed", started);
                throw io;
            }
            throw e;
        }
        return result(outcome.runId(), outcome, outcomeName(outcome), started);
    }

    /**
     * Imports {@code file} inside the caller's transaction, for loads of several files that must
     * succeed or fail together. Any problem throws an {@link ImportException} (the caller rolls back);
     * the caller bumps the data version once at the end.
     */
    public ImportResult runWithin(
            Connection c, Path file, MappingProfile profile, ImportOptions options, JobMonitor monitor)
            throws IOException, SQLException {
        long started = System.nanoTime();
        OffsetDateTime startedAt = OffsetDateTime.now();
        ReaderSettings settings = settingsFor(file, profile);
        FileFacts facts = facts(file);
        long runId = ImportAudit.start(c, file, facts.size(), facts.sha256(), profile, startedAt);
        BatchWriter.Outcome o;
        try (TableReader reader = TableReaders.open(file, settings)) {
            o = new BatchWriter(c, profile, options, runId, monitor).importAll(reader, settings, options.zone());
        }
        if (o.rejected() > 0) {
            throw new ImportException(
                    ImportException.Kind.INVALID_DATA,
                    file.getFileName() + ": " + o.rejected() + " of " + o.read() + " rows cannot be imported. "
                            + o.problems().getFirst().describe(),
                    o.problems(),
                    o.rejected(),
                    o.read());
        }
        ImportAudit.finish(c, runId, o, outcomeName(o), Duration.ofNanos(System.nanoTime() - started));
        return result(runId, o, outcomeName(o), started);
    }

    private static String outcomeName(BatchWriter.Outcome o) {
        if (o.rejected() > 0) {
            return "imported-with-rejects";
        }
        return o.inserted() + o.updated() == 0 ? "unchanged" : "imported";
    }

    private static ImportResult result(long runId, BatchWriter.Outcome o, String outcome, long started) {
        return new ImportResult(
                runId,
                o.read(),
                o.inserted(),
                o.updated(),
                o.unchanged(),
                o.rejected(),
                outcome,
                o.problems(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private void recordFailure(
            Path file,
            FileFacts facts,
            MappingProfile profile,
            OffsetDateTime startedAt,
            long read,
            long rejected,
            String outcome,
            long started) {
        try {
            store.inTransaction(c -> {
                long id = ImportAudit.start(c, file, facts.size(), facts.sha256(), profile, startedAt);
                ImportAudit.finish(
                        c,
                        id,
                        new BatchWriter.Outcome(id, read, 0, 0, 0, rejected, List.of()),
                        outcome,
                        Duration.ofNanos(System.nanoTime() - started));
                return null;
            });
        } catch (StoreException e) {
            org.slf4j.LoggerFactory.getLogger(Importer.class)
                    .warn("Could not record the {} import of {}", outcome, file, e);
        }
    }

    record FileFacts(long size, String sha256) {}

    static FileFacts facts(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            long size = in.transferTo(java.io.OutputStream.nullOutputStream());
            return new FileFacts(
                    size,
                    HexFormat.of()
                            .formatHex(
                                    ((DigestInputStream) in).getMessageDigest().digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Ends the transaction without writing, carrying what was found. */
    static final class Rollback extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient BatchWriter.Outcome outcome;

        Rollback(BatchWriter.Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }
}
