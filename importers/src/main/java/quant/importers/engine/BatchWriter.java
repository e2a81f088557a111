package quant.importers.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import quant.core.importing.Problem;
import quant.core.job.JobMonitor;
import quant.core.runs.RunJournal;
import quant.core.store.DomainTable;
import quant.core.store.StoredValues;
import quant.core.store.TableSchema;
import quant.core.store.TableWriter;
import quant.core.store.Transaction;
import quant.importers.check.BoundMapping;
import quant.importers.check.CheckedRow;
import quant.importers.check.RowChecker;
import quant.importers.check.ValueReader;
import quant.importers.mapping.MappingProfile;
import quant.importers.parse.NumberParser;
import quant.importers.read.ReaderSettings;
import quant.importers.read.TableReader;

/**
 * Writes the rows of one import in batches of {@value #BATCH}: each row is read and checked on its
 * own ({@link RowChecker}) by a {@link RowFeed} on a thread of its own, then per batch references
 * are resolved, existing rows looked up by their source key and conflicts with other sources found,
 * and the rows inserted or updated through core's {@link TableWriter}. Memory holds the batch being
 * written, the batches read ahead, and the keys already seen (for duplicates in the file).
 */
final class BatchWriter {
    static final int BATCH = 1_000;

    /** Rows with the same natural key from different sources are conflicts, never merged. */
    private static final Map<DomainTable, String> NATURAL_KEYS = Map.of(
            DomainTable.SERVICE_LINE, "code",
            DomainTable.PRODUCT, "name",
            DomainTable.SALES_REP, "name",
            DomainTable.CAMPAIGN, "name",
            DomainTable.INVOICE, "invoice_number");

    record Outcome(long read, long inserted, long updated, long unchanged, long rejected, List<Problem> problems) {}

    /** Where the writer reports what it changed: the crash journal, or nothing in a dry run. */
    interface ChangeLog {
        ChangeLog NONE = new ChangeLog() {
            @Override
            public void inserted(long[] ids, int count) {}

            @Override
            public void beforeUpdate(List<RunJournal.Previous> rows) {}
        };

        void inserted(long[] ids, int count);

        void beforeUpdate(List<RunJournal.Previous> rows);
    }

    private final Transaction tx;
    private final MappingProfile profile;
    private final ImportOptions options;
    private final ChangeLog changeLog;
    private final JobMonitor monitor;
    private final OutputStream rejectsOut;
    private final List<Problem> problems = new ArrayList<>();
    /** Ids of referenced rows already resolved, by table and reference source, then by key. */
    private final Map<String, Map<String, Long>> ids = new HashMap<>();

    private TableSchema schema;
    private BoundMapping binding;
    private TableWriter writer;
    private RejectsFile rejects;
    /** No row of the profile's source was in the table when the import began: no lookups of existing rows. */
    private boolean sourceWasEmpty;

    private long read;
    private long inserted;
    private long updated;
    private long unchanged;
    private long rejected;

    BatchWriter(
            Transaction tx,
            MappingProfile profile,
            ImportOptions options,
            ChangeLog changeLog,
            JobMonitor monitor,
            OutputStream rejectsOut) {
        this.tx = tx;
        this.profile = profile;
        this.options = options;
        this.changeLog = changeLog;
        this.monitor = monitor;
        this.rejectsOut = rejectsOut;
    }

    Outcome importAll(TableReader reader, ReaderSettings settings, ZoneId zone) throws IOException {
        schema = TableSchema.of(tx, profile.targetTable());
        binding = BoundMapping.bind(profile, schema, reader.header());
        ValueReader values = new ValueReader(
                settings.decimalMark() == null ? NumberParser.DecimalMark.DOT : settings.decimalMark(),
                settings.dateOrder(),
                zone,
                profile.extraDecimals() == MappingProfile.ExtraDecimals.ROUND_HALF_EVEN);
        RowChecker checker = new RowChecker(binding, profile, values, reader.fixedWidth());
        try (TableWriter w = new TableWriter(tx, schema, profile.source(), binding.columns())) {
            writer = w;
            sourceWasEmpty = w.sourceIsEmpty();
            if (rejectsOut != null) {
                rejects = new RejectsFile(rejectsOut, binding.header());
            }
            boolean skipDecoration = profile.rowsWithoutKey() == MappingProfile.RowsWithoutKey.SKIP;
            try (RowFeed feed = new RowFeed(reader, checker, skipDecoration, selfReferences())) {
                for (List<CheckedRow> batch = feed.next(); batch != null; batch = feed.next()) {
                    read += batch.size();
                    flush(batch);
                    monitor.progress(
                            read, -1, "Importing " + schema.table().label().toLowerCase(Locale.ROOT));
                }
            }
        } finally {
            if (rejects != null) {
                rejects.close();
            }
        }
        return new Outcome(read, inserted, updated, unchanged, rejected, problems);
    }

    /** The mapped columns that refer to the table being written (a callback job's job). */
    private int[] selfReferences() {
        List<Integer> self = new ArrayList<>();
        for (int j = 0; j < binding.mapped().size(); j++) {
            if (binding.mapped().get(j).column().references() == schema.table()) {
                self.add(j);
            }
        }
        return self.stream().mapToInt(Integer::intValue).toArray();
    }

    private void flush(List<CheckedRow> batch) {
        if (batch.isEmpty()) {
            return;
        }
        monitor.checkCancelled();
        resolveReferences(batch);
        findExisting(batch);
        findConflicts(batch);
        List<CheckedRow> inserts = new ArrayList<>();
        List<CheckedRow> updates = new ArrayList<>();
        for (CheckedRow p : batch) {
            if (!p.ok() || p.repeat) {
                continue;
            }
            if (p.existingId == 0) {
                inserts.add(p);
            } else if (p.previous == null) {
                unchanged++;
            } else {
                updates.add(p);
            }
        }
        // Dry runs and aborted imports write too, inside the transaction that is then rolled back,
        // so that the database's own rules are checked the same way in every mode.
        insert(inserts);
        update(updates);
        for (CheckedRow p : batch) {
            if (!p.ok()) {
                reject(p);
            }
        }
        batch.clear();
    }

    private void reject(CheckedRow p) {
        rejected++;
        for (Problem problem : p.problems) {
            if (problems.size() < Importer.MAX_PROBLEMS) {
                problems.add(problem);
            }
        }
        if (rejects != null) {
            rejects.write(p.cells, p.problems);
        }
    }

    private void resolveReferences(List<CheckedRow> batch) {
        for (int j = 0; j < binding.mapped().size(); j++) {
            DomainTable ref = binding.mapped().get(j).column().references();
            if (ref == null) {
                continue;
            }
            String source =
                    profile.referenceSource(binding.mapped().get(j).column().name());
            Map<String, Long> cache = ids.computeIfAbsent(ref.sqlName() + " " + source, t -> new HashMap<>());
            Set<String> missing = new HashSet<>();
            for (CheckedRow p : batch) {
                if (p.refs[j] != null && !cache.containsKey(p.refs[j])) {
                    missing.add(p.refs[j]);
                }
            }
            if (!missing.isEmpty()) {
                cache.putAll(writer.ids(ref, source, missing));
            }
            for (CheckedRow p : batch) {
                if (p.refs[j] == null || !p.ok()) {
                    continue;
                }
                Long id = cache.get(p.refs[j]);
                if (id == null) {
                    p.problems.add(new Problem(
                            p.row,
                            binding.nameOf(j),
                            p.refs[j],
                            "matches no " + ref.sqlName().replace('_', ' ') + " (source \"" + source + "\")"));
                } else {
                    p.values[j] = id;
                }
            }
        }
    }

    private void findExisting(List<CheckedRow> batch) {
        if (sourceWasEmpty) {
            return; // nothing of this source existed, and a key repeated in the file is handled apart
        }
        for (CheckedRow p : batch) {
            if (!p.ok()) {
                continue;
            }
            Optional<TableWriter.Existing> existing = writer.existing(p.key);
            if (existing.isEmpty()) {
                continue;
            }
            p.existingId = existing.get().id();
            Map<String, String> previous = new LinkedHashMap<>();
            boolean changed = false;
            Object[] stored = existing.get().values();
            for (int j = 0; j < stored.length; j++) {
                previous.put(binding.mapped().get(j).column().name(), StoredValues.toText(stored[j]));
                changed |= !StoredValues.same(stored[j], p.values[j]);
            }
            p.previous = changed ? previous : null;
        }
    }

    private void findConflicts(List<CheckedRow> batch) {
        String natural = NATURAL_KEYS.get(schema.table());
        if (natural == null) {
            return;
        }
        int j = -1;
        for (int i = 0; i < binding.mapped().size(); i++) {
            if (binding.mapped().get(i).column().name().equals(natural)) {
                j = i;
            }
        }
        if (j < 0) {
            return;
        }
        for (CheckedRow p : batch) {
            if (!p.ok() || p.existingId != 0 || p.values[j] == null) {
                continue;
            }
            Optional<String> other = writer.conflictingSource(natural, p.values[j]);
            if (other.isPresent()) {
                p.problems.add(new Problem(
                        p.row,
                        binding.nameOf(j),
                        p.values[j].toString(),
                        "conflicts with the " + schema.table().sqlName().replace('_', ' ') + " of the same "
                                + natural + " from source \"" + other.get()
                                + "\"; rows from different sources are never merged"));
            }
        }
    }

    private void insert(List<CheckedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>(rows.size());
        List<Object[]> values = new ArrayList<>(rows.size());
        for (CheckedRow p : rows) {
            keys.add(p.key);
            values.add(p.values);
        }
        TableWriter.Inserted result = writer.insert(keys, values);
        long[] newIds = new long[rows.size()];
        int n = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (result.refusals()[i] != null) {
                rows.get(i).problems.add(new Problem(rows.get(i).row, null, null, result.refusals()[i]));
            } else {
                newIds[n++] = result.ids()[i];
            }
        }
        inserted += n;
        changeLog.inserted(newIds, n);
    }

    private void update(List<CheckedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<RunJournal.Previous> previous = new ArrayList<>(rows.size());
        for (CheckedRow p : rows) {
            previous.add(new RunJournal.Previous(p.existingId, p.previous));
        }
        changeLog.beforeUpdate(previous);
        for (CheckedRow p : rows) {
            Optional<String> refused = writer.update(p.existingId, p.values);
            if (refused.isPresent()) {
                p.problems.add(new Problem(p.row, null, null, refused.get()));
            } else {
                updated++;
            }
        }
    }
}
