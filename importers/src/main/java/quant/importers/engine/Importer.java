package quant.importers.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.IntFunction;
import quant.core.importing.ImportException;
import quant.core.io.AtomicFile;
import quant.core.io.OutputPath;
import quant.core.job.JobMonitor;
import quant.core.runs.RunJournal;
import quant.core.store.RunOutcome;
import quant.core.store.Store;
import quant.core.store.TableSchema;
import quant.importers.check.HeaderColumns;
import quant.importers.mapping.ColumnMapping;
import quant.importers.mapping.MappingProfile;
import quant.importers.parse.DateOrder;
import quant.importers.parse.NumberParser;
import quant.importers.read.FileProbe;
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

    /**
     * Reads {@code file} once before the import (see {@link FileProbe#whole}): its size and SHA-256
     * for the audit, and the settings to read it with — the profile's, completed by detection and,
     * for the date order, by what the values of the columns the table stores as dates prove.
     */
    FileProbe probe(Path file, MappingProfile profile) throws IOException {
        Set<String> dates = dateColumns(profile);
        return FileProbe.whole(
                file,
                profile.reader(),
                dates.isEmpty()
                        ? FileProbe.DateColumns.NONE
                        : header -> {
                            List<Integer> indexes = new ArrayList<>();
                            for (ColumnMapping c : profile.columns()) {
                                if (c.from() != null && dates.contains(c.to())) {
                                    int index = HeaderColumns.indexOf(header, c.names());
                                    if (index >= 0) {
                                        indexes.add(index);
                                    }
                                }
                            }
                            return indexes.stream().mapToInt(Integer::intValue).toArray();
                        });
    }

    /** The mapped target columns whose type is a date or a date-time (from the table, not from names). */
    private Set<String> dateColumns(MappingProfile profile) {
        TableSchema schema = TableSchema.of(store, profile.targetTable());
        Set<String> dates = new HashSet<>();
        for (ColumnMapping c : profile.columns()) {
            if (c.from() != null
                    && c.to() != null
                    && schema.column(c.to()).map(col -> col.type().isTemporal()).orElse(false)) {
                dates.add(c.to());
            }
        }
        return dates;
    }

    /** One file and the profile that maps it, for {@link #runTogether}. */
    public record ImportJob(Path file, MappingProfile profile) {}

    /**
     * Runs the import.
     *
     * @throws ImportException when the file cannot be read, the settings are incomplete, or (with
     *     ABORT) any row has a problem; nothing is written then
     * @throws quant.core.io.UnsafeOutputException when the rejects file would overwrite the database
     *     or the input; nothing is written
     * @throws CancellationException when the monitor is cancelled; nothing is written
     */
    public ImportResult run(Path file, MappingProfile profile, ImportOptions options, JobMonitor monitor)
            throws IOException {
        Path rejectsPath = null;
        if (options.rejects() != null && options.onError() == ImportOptions.OnError.SKIP && !options.dryRun()) {
            List<OutputPath.Protected> keep = new ArrayList<>(store.protectedFiles());
            keep.add(new OutputPath.Protected(file, "the file being imported"));
            rejectsPath = OutputPath.check(options.rejects(), "The rejects file", keep);
        }
        if (options.dryRun()) {
            return dryRun(file, profile, options, monitor);
        }
        try (AtomicFile rejects = rejectsPath == null ? null : AtomicFile.create(rejectsPath)) {
            store.checkWritable();
            JobMonitor guarded = store.guarded(monitor);
            ImportResult r = write(List.of(new ImportJob(file, profile)), options, i -> guarded, rejects)
                    .getFirst();
            if (rejects != null) {
                rejects.commit();
            }
            return r;
        }
    }

    /**
     * Imports several files as one: all of them or none (any rejected row aborts every file), with one
     * audit run per file; for loads such as the sample company.
     *
     * @param monitors the monitor of the i-th file
     */
    public List<ImportResult> runTogether(List<ImportJob> jobs, ImportOptions options, IntFunction<JobMonitor> monitors)
            throws IOException {
        ImportOptions strict = new ImportOptions(ImportOptions.OnError.ABORT, false, null, options.zone());
        store.checkWritable();
        store.guarded(JobMonitor.NONE); // refuses before anything starts on a full disk
        return write(jobs, strict, i -> store.guarded(monitors.apply(i)), null);
    }

    /**
     * Imports from several sources — files, or the objects of a connector's sync — as one: every
     * source's rows or none, with one audit run per source; a connector's run records the watermark its
     * records reached. With {@link ImportOptions.OnError#SKIP} the valid rows are written and the others
     * counted as rejected (no rejects file); with {@code ABORT} any problem writes nothing.
     *
     * @param monitors the monitor of the i-th source
     * @throws CancellationException when a monitor is cancelled; nothing is written
     */
    public List<ImportResult> runSources(
            List<? extends ImportSource> sources, ImportOptions options, IntFunction<JobMonitor> monitors)
            throws IOException {
        if (options.dryRun()) {
            throw new IllegalArgumentException("a dry run takes one file");
        }
        store.checkWritable();
        store.guarded(JobMonitor.NONE);
        return writeSources(
                List.copyOf(sources),
                new ImportOptions(options.onError(), false, null, options.zone()),
                i -> store.guarded(monitors.apply(i)),
                null);
    }

    /** How records from an API are read: ISO dates, a decimal point. */
    static final ReaderSettings RECORD_SETTINGS =
            new ReaderSettings("UTF-8", null, 1, null, DateOrder.YMD, NumberParser.DecimalMark.DOT);

    private List<ImportResult> write(
            List<ImportJob> jobs, ImportOptions options, IntFunction<JobMonitor> monitors, AtomicFile rejects)
            throws IOException {
        return writeSources(
                jobs.stream()
                        .<ImportSource>map(j -> new ImportSource.File(j.file(), j.profile()))
                        .toList(),
                options,
                monitors,
                rejects);
    }

    private List<ImportResult> writeSources(
            List<ImportSource> jobs, ImportOptions options, IntFunction<JobMonitor> monitors, AtomicFile rejects)
            throws IOException {
        OffsetDateTime startedAt = OffsetDateTime.now();
        List<FileProbe> probes = new ArrayList<>();
        List<RunJournal.RunStart> starts = new ArrayList<>();
        for (ImportSource job : jobs) {
            check(job.profile());
            switch (job) {
                case ImportSource.File f -> {
                    FileProbe probe = probe(f.file(), f.profile());
                    probes.add(probe);
                    starts.add(new RunJournal.RunStart(
                            f.file().getFileName().toString(),
                            probe.size(),
                            probe.sha256(),
                            f.profile().targetTable(),
                            f.profile().source(),
                            f.profile().description(),
                            startedAt));
                }
                case ImportSource.Records r -> {
                    probes.add(null);
                    starts.add(RunJournal.RunStart.ofConnector(
                            r.connector(),
                            r.object(),
                            r.profile().targetTable(),
                            r.profile().source(),
                            r.profile().description(),
                            startedAt));
                }
            }
        }
        return RunJournal.write(store, starts, (tx, runs) -> {
            List<ImportResult> results = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                long started = System.nanoTime();
                ImportSource job = jobs.get(i);
                int run = i;
                BatchWriter.ChangeLog log = new BatchWriter.ChangeLog() {
                    @Override
                    public void inserted(long[] ids, int count) {
                        runs.inserted(run, ids, count);
                    }

                    @Override
                    public void beforeUpdate(List<RunJournal.Previous> rows) {
                        runs.beforeUpdate(run, rows);
                    }
                };
                BatchWriter.Outcome o;
                FileProbe probe = probes.get(i);
                try (TableReader reader = job instanceof ImportSource.Records r ? r.open() : TableReaders.open(probe)) {
                    o = new BatchWriter(
                                    tx,
                                    job.profile(),
                                    options,
                                    log,
                                    monitors.apply(i),
                                    rejects == null ? null : rejects.stream())
                            .importAll(reader, probe == null ? RECORD_SETTINGS : probe.settings(), options.zone());
                }
                String watermark = job instanceof ImportSource.Records r ? r.watermark() : null;
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                if (o.rejected() > 0 && options.onError() == ImportOptions.OnError.ABORT) {
                    runs.end(i, new RunJournal.RunEnd(o.read(), 0, 0, o.rejected(), RunOutcome.ABORTED, took));
                    throw new ImportException(
                            ImportException.Kind.INVALID_DATA,
                            (jobs.size() > 1 ? label(job) + ": " : "") + o.rejected() + " of "
                                    + o.read() + " rows cannot be imported; nothing was written. "
                                    + o.problems().getFirst().describe(),
                            o.problems(),
                            o.rejected(),
                            o.read());
                }
                RunOutcome outcome = outcomeOf(o);
                runs.end(
                        i,
                        new RunJournal.RunEnd(
                                o.read(), o.inserted(), o.updated(), o.rejected(), outcome, took, watermark));
                results.add(result(runs.id(i), o, outcome, took));
            }
            monitors.apply(jobs.size() - 1).checkCancelled();
            return results;
        });
    }

    /** A source for people: the file's name, or the connector and its object. */
    static String label(ImportSource source) {
        return switch (source) {
            case ImportSource.File f -> f.file().getFileName().toString();
            case ImportSource.Records r -> r.connector() + " " + r.object();
        };
    }

    private ImportResult dryRun(Path file, MappingProfile profile, ImportOptions options, JobMonitor monitor)
            throws IOException {
        long started = System.nanoTime();
        check(profile);
        FileProbe probe = probe(file, profile);
        try {
            store.write(tx -> {
                BatchWriter.Outcome o;
                try (TableReader reader = TableReaders.open(probe)) {
                    o = new BatchWriter(tx, profile, options, BatchWriter.ChangeLog.NONE, monitor, null)
                            .importAll(reader, probe.settings(), options.zone());
                }
                // everything was written to check the database's own rules; none of it stays
                throw new Rollback(o);
            });
            throw new IllegalStateException("a dry run always rolls back");
        } catch (Rollback r) {
            return result(0, r.outcome, RunOutcome.DRY_RUN, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static void check(MappingProfile profile) {
        profile.targetTable();
        if (profile.source() == null || profile.source().isBlank()) {
            throw new ImportException(ImportException.Kind.SETTINGS, "The mapping gives no source for the rows.");
        }
    }

    private static RunOutcome outcomeOf(BatchWriter.Outcome o) {
        if (o.rejected() > 0) {
            return RunOutcome.IMPORTED_WITH_REJECTS;
        }
        return o.inserted() + o.updated() == 0 ? RunOutcome.UNCHANGED : RunOutcome.IMPORTED;
    }

    private static ImportResult result(long runId, BatchWriter.Outcome o, RunOutcome outcome, Duration took) {
        return new ImportResult(
                runId, o.read(), o.inserted(), o.updated(), o.unchanged(), o.rejected(), outcome, o.problems(), took);
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
