package quant.importers.engine;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import quant.core.importing.ImportException;
import quant.core.importing.Problem;
import quant.core.job.JobMonitor;
import quant.core.runs.RunJournal;
import quant.core.runs.StoredValues;
import quant.core.store.DatabaseErrors;
import quant.core.store.DomainTable;
import quant.importers.mapping.ColumnMapping;
import quant.importers.mapping.MappingProfile;
import quant.importers.parse.NumberParser;
import quant.importers.read.ReaderSettings;
import quant.importers.read.TableReader;

/**
 * Checks and writes the rows of one import in batches of {@value #BATCH}: references are resolved
 * and existing rows looked up per batch by their source key, so memory holds one batch
 * plus the keys already seen (for duplicates in the file).
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

    private record Mapped(ColumnMapping mapping, int index, TargetTable.Column column) {}

    private static final class Pending {
        final long row;
        final String[] cells;
        final String key;
        final Object[] values;
        final String[] refs;
        final List<Problem> problems = new ArrayList<>();
        long existingId;
        Map<String, String> previous;
        boolean repeat;

        Pending(long row, String[] cells, String key, int width) {
            this.row = row;
            this.cells = cells;
            this.key = key;
            this.values = new Object[width];
            this.refs = new String[width];
        }
    }

    private final Connection c;
    private final MappingProfile profile;
    private final ImportOptions options;
    private final JobMonitor monitor;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<DomainTable, Map<String, Long>> ids = new EnumMap<>(DomainTable.class);
    private final Map<String, Long> seenKeys = new HashMap<>();
    private final Map<String, String> firstValues = new HashMap<>();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private TargetTable target;
    private List<Mapped> mapped;
    private List<String> header;
    private int[] keyIndexes;
    private ValueReader values;
    private CsvWriter rejects;
    private boolean fixedWidth;
    /** No row of the profile's source was in the table when the import began: no lookups of existing rows. */
    private boolean sourceWasEmpty;

    private long read;
    private long inserted;
    private long updated;
    private long unchanged;
    private long rejected;

    private final java.io.OutputStream rejectsOut;
    private final ChangeLog changeLog;

    /** Where the writer reports what it changed: the crash journal, or nothing in a dry run. */
    interface ChangeLog {
        ChangeLog NONE = new ChangeLog() {
            @Override
            public void inserted(long[] ids, int count) {}

            @Override
            public void beforeUpdate(List<RunJournal.Previous> rows) {}
        };

        void inserted(long[] ids, int count) throws SQLException;

        void beforeUpdate(List<RunJournal.Previous> rows);
    }

    BatchWriter(
            Connection c,
            MappingProfile profile,
            ImportOptions options,
            ChangeLog changeLog,
            JobMonitor monitor,
            java.io.OutputStream rejectsOut) {
        this.rejectsOut = rejectsOut;
        this.c = c;
        this.profile = profile;
        this.options = options;
        this.changeLog = changeLog;
        this.monitor = monitor;
    }

    Outcome importAll(TableReader reader, ReaderSettings settings, ZoneId zone) throws SQLException, IOException {
        target = new TargetTable(c, profile.targetTable());
        header = reader.header();
        fixedWidth = reader.fixedWidth();
        bind();
        try (PreparedStatement st =
                c.prepareStatement("SELECT 1 FROM " + target.table().sqlName() + " WHERE source = ? LIMIT 1")) {
            st.setString(1, profile.source());
            try (ResultSet rs = st.executeQuery()) {
                sourceWasEmpty = !rs.next();
            }
        }
        values = new ValueReader(
                settings.decimalMark() == null ? NumberParser.DecimalMark.DOT : settings.decimalMark(),
                settings.dateOrder(),
                zone,
                profile.extraDecimals() == MappingProfile.ExtraDecimals.ROUND_HALF_EVEN);
        if (rejectsOut != null) {
            rejects = CsvWriter.builder()
                    .lineDelimiter(LineDelimiter.CRLF)
                    .build(new java.io.OutputStreamWriter(rejectsOut, StandardCharsets.UTF_8));
            List<String> h = new ArrayList<>();
            for (String name : header) {
                h.add(defuse(name));
            }
            h.add("import_problem");
            rejects.writeRecord(h);
        }
        try {
            List<Pending> batch = new ArrayList<>(BATCH);
            Set<String> batchKeys = new HashSet<>();
            boolean skipDecoration = profile.rowsWithoutKey() == MappingProfile.RowsWithoutKey.SKIP;
            for (TableReader.Row row = reader.next(); row != null; row = reader.next()) {
                if (skipDecoration && decoration(row.cells())) {
                    continue;
                }
                read++;
                Pending p = convert(row);
                if (refersToBatch(p, batchKeys)) {
                    flush(batch);
                    batchKeys.clear();
                }
                batch.add(p);
                batchKeys.add(p.key);
                if (batch.size() == BATCH) {
                    flush(batch);
                    batchKeys.clear();
                    monitor.progress(
                            read, -1, "Importing " + target.table().label().toLowerCase(java.util.Locale.ROOT));
                }
            }
            flush(batch);
        } finally {
            if (rejects != null) {
                rejects.close();
            }
            for (PreparedStatement st : statements.values()) {
                st.close();
            }
        }
        return new Outcome(read, inserted, updated, unchanged, rejected, problems);
    }

    // ---- mapping

    private void bind() {
        mapped = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        for (ColumnMapping m : profile.columns()) {
            if (m.to() == null) {
                throw new ImportException(ImportException.Kind.SETTINGS, "A column mapping has no target column.");
            }
            TargetTable.Column col = target.column(m.to())
                    .filter(x -> !x.name().equals("id") && !x.name().equals("source"))
                    .orElseThrow(() -> new ImportException(
                            ImportException.Kind.SETTINGS,
                            "The table " + target.table().sqlName() + " has no column \"" + m.to() + "\"."));
            if (!targets.add(col.name())) {
                throw new ImportException(
                        ImportException.Kind.SETTINGS, "The column " + col.name() + " is mapped twice.");
            }
            int index = -1;
            if (m.constant() == null) {
                if (m.from() == null) {
                    throw new ImportException(
                            ImportException.Kind.SETTINGS, "The mapping of " + col.name() + " names no file column.");
                }
                index = HeaderColumns.indexOf(header, m.names());
                if (index < 0) {
                    throw new ImportException(
                            ImportException.Kind.SETTINGS,
                            "The file has no column \"" + m.from() + "\" (it has " + String.join(", ", header) + ").");
                }
            }
            if (!col.name().equals("external_ref")) {
                mapped.add(new Mapped(m, index, col));
            }
        }
        for (TargetTable.Column required : target.requiredData()) {
            if (!targets.contains(required.name())) {
                throw new ImportException(
                        ImportException.Kind.SETTINGS,
                        "The mapping does not fill " + required.name() + ", which every "
                                + target.table().sqlName() + " needs.");
            }
        }
        List<String> keyColumns = profile.key();
        if (keyColumns.isEmpty()) {
            keyColumns = profile.columns().stream()
                    .filter(m -> "external_ref".equalsIgnoreCase(m.to()) && m.from() != null)
                    .map(ColumnMapping::from)
                    .toList();
        }
        if (keyColumns.isEmpty()) {
            throw new ImportException(
                    ImportException.Kind.SETTINGS, "The mapping names no key column (what identifies a row).");
        }
        keyIndexes = new int[keyColumns.size()];
        for (int i = 0; i < keyIndexes.length; i++) {
            keyIndexes[i] = HeaderColumns.indexOf(header, profile.namesOf(keyColumns.get(i)));
            if (keyIndexes[i] < 0) {
                throw new ImportException(
                        ImportException.Kind.SETTINGS, "The file has no key column \"" + keyColumns.get(i) + "\".");
            }
        }
    }

    // ---- one row

    /**
     * Whether a row is a report's decoration rather than data: its key is empty (a total line), or
     * it is a single field below a wider table (the printed-on line).
     */
    private boolean decoration(String[] cells) {
        if (fixedWidth && cells.length == 1 && header.size() > 1) {
            return true;
        }
        for (int i : keyIndexes) {
            if (!cell(cells, i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private Pending convert(TableReader.Row row) {
        String[] cells = row.cells();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < keyIndexes.length; i++) {
            if (i > 0) {
                key.append('|');
            }
            key.append(cell(cells, keyIndexes[i]).strip());
        }
        Pending p = new Pending(row.number(), cells, key.toString(), mapped.size());
        if (fixedWidth && cells.length != header.size()) {
            boolean extra = cells.length > header.size();
            boolean extraHasData = false;
            for (int i = header.size(); i < cells.length; i++) {
                extraHasData |= !cells[i].isBlank();
            }
            if (!extra || extraHasData) {
                p.problems.add(new Problem(
                        row.number(),
                        null,
                        null,
                        "has " + cells.length + " fields but the header has " + header.size()
                                + (extra ? " (extra columns)" : " (the row is cut short)")));
                return p;
            }
        }
        for (int i = 0; i < p.key.length(); i++) {
            char ch = p.key.charAt(i);
            if (Character.isISOControl(ch)) {
                p.problems.add(new Problem(
                        row.number(),
                        header.get(keyIndexes[0]),
                        p.key,
                        "has the control character U+" + String.format("%04X", (int) ch) + " in its key"));
                return p;
            }
        }
        if (p.key.replace("|", "").isBlank()) {
            p.problems.add(new Problem(
                    row.number(), header.get(keyIndexes[0]), "", "has no key: the row cannot be identified"));
            return p;
        }
        Long first = seenKeys.putIfAbsent(p.key, row.number());
        if (first != null && profile.repeatedKeys() == MappingProfile.RepeatedKeys.REJECT) {
            p.problems.add(
                    new Problem(row.number(), header.get(keyIndexes[0]), p.key, "repeats the key of row " + first));
            return p;
        }
        for (int j = 0; j < mapped.size(); j++) {
            Mapped m = mapped.get(j);
            String raw = m.index() < 0 ? "" : cell(cells, m.index());
            String text = m.mapping().apply(raw).strip();
            String columnName = m.index() < 0 ? m.column().name() : header.get(m.index());
            if (text.isEmpty()) {
                if (m.column().required()) {
                    p.problems.add(new Problem(
                            row.number(),
                            columnName,
                            raw,
                            "is empty, but " + m.column().name() + " is required"));
                }
                continue;
            }
            if (m.column().references() != null) {
                p.refs[j] = text;
                continue;
            }
            ValueReader.Read r = values.read(
                    text,
                    m.column().name(),
                    m.column().sqlType(),
                    m.column().maxLength(),
                    m.column().scale());
            if (r.problem() != null) {
                p.problems.add(new Problem(row.number(), columnName, raw, r.problem()));
            } else {
                p.values[j] = r.value();
            }
        }
        if (first != null) {
            return repeated(p, first);
        }
        if (profile.repeatedKeys() == MappingProfile.RepeatedKeys.SAME_VALUES && p.problems.isEmpty()) {
            firstValues.put(p.key, fingerprint(p));
        }
        return p;
    }

    /** A later line of a record already read: fine when it says the same, a problem when it differs. */
    private Pending repeated(Pending p, long first) {
        if (p.problems.isEmpty()) {
            String earlier = firstValues.get(p.key);
            if (earlier != null && earlier.equals(fingerprint(p))) {
                p.repeat = true;
            } else {
                p.problems.add(new Problem(
                        p.row,
                        header.get(keyIndexes[0]),
                        p.key,
                        "repeats the key of row " + first + " with different values"));
            }
        }
        return p;
    }

    private String fingerprint(Pending p) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < mapped.size(); j++) {
            b.append(p.refs[j] != null ? p.refs[j] : StoredValues.toText(p.values[j]))
                    .append('\u0001');
        }
        return b.toString();
    }

    private static String cell(String[] cells, int i) {
        return i < cells.length ? cells[i] : "";
    }

    private boolean refersToBatch(Pending p, Set<String> batchKeys) {
        for (int j = 0; j < mapped.size(); j++) {
            if (p.refs[j] != null
                    && mapped.get(j).column().references() == target.table()
                    && batchKeys.contains(p.refs[j])) {
                return true;
            }
        }
        return false;
    }

    // ---- one batch

    private void flush(List<Pending> batch) throws SQLException, IOException {
        if (batch.isEmpty()) {
            return;
        }
        monitor.checkCancelled();
        resolveReferences(batch);
        findExisting(batch);
        findConflicts(batch);
        List<Pending> inserts = new ArrayList<>();
        List<Pending> updates = new ArrayList<>();
        for (Pending p : batch) {
            if (!p.problems.isEmpty() || p.repeat) {
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
        for (Pending p : batch) {
            if (!p.problems.isEmpty()) {
                reject(p);
            }
        }
        batch.clear();
    }

    private void reject(Pending p) throws IOException {
        rejected++;
        for (Problem problem : p.problems) {
            if (problems.size() < Importer.MAX_PROBLEMS) {
                problems.add(problem);
            }
        }
        if (rejects != null) {
            List<String> out = new ArrayList<>(p.cells.length + 1);
            for (String cell : p.cells) {
                out.add(defuse(cell));
            }
            while (out.size() < header.size()) {
                out.add("");
            }
            out.add(String.join("; ", p.problems.stream().map(Problem::describe).toList()));
            rejects.writeRecord(out);
        }
    }

    /**
     * Text that a spreadsheet would run as a formula is written with a leading apostrophe: a cell
     * starting with {@code = + - @}, or with a tab, carriage return or line feed (OWASP's CSV
     * injection guidance lists them all). Plain numbers such as {@code -5} or {@code +1.5e3} are not
     * formulas and stay as they are, so a fixed rejects file imports with the same values.
     */
    static String defuse(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean risky = "=+-@\t\r\n".indexOf(first) >= 0;
        return risky && !PLAIN_NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }

    private static final java.util.regex.Pattern PLAIN_NUMBER =
            java.util.regex.Pattern.compile("[-+]?(\\d[\\d,]*)?(\\.\\d+)?([eE][-+]?\\d+)?");

    private void resolveReferences(List<Pending> batch) throws SQLException {
        for (int j = 0; j < mapped.size(); j++) {
            DomainTable ref = mapped.get(j).column().references();
            if (ref == null) {
                continue;
            }
            String source = profile.referenceSource(mapped.get(j).column().name());
            Map<String, Long> cache = ids.computeIfAbsent(ref, t -> new HashMap<>());
            Set<String> missing = new HashSet<>();
            for (Pending p : batch) {
                if (p.refs[j] != null && !cache.containsKey(p.refs[j])) {
                    missing.add(p.refs[j]);
                }
            }
            if (!missing.isEmpty()) {
                lookUp(ref, source, missing, cache);
            }
            for (Pending p : batch) {
                if (p.refs[j] == null || !p.problems.isEmpty()) {
                    continue;
                }
                Long id = cache.get(p.refs[j]);
                if (id == null) {
                    Mapped m = mapped.get(j);
                    p.problems.add(new Problem(
                            p.row,
                            m.index() < 0 ? m.column().name() : header.get(m.index()),
                            p.refs[j],
                            "matches no " + ref.sqlName().replace('_', ' ') + " (source \"" + source + "\")"));
                } else {
                    p.values[j] = id;
                }
            }
        }
    }

    /**
     * A statement prepared once per import and reused. Point lookups by the (source, external_ref)
     * index are used instead of {@code IN (...)} lists, which H2 evaluates by scanning every row of
     * the source.
     */
    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement st = statements.get(sql);
        if (st == null) {
            st = c.prepareStatement(sql);
            statements.put(sql, st);
        }
        return st;
    }

    private void lookUp(DomainTable table, String source, Set<String> refs, Map<String, Long> cache)
            throws SQLException {
        PreparedStatement st =
                statement("SELECT id FROM " + table.sqlName() + " WHERE source = ? AND external_ref = ?");
        for (String ref : refs) {
            st.setString(1, source);
            st.setString(2, ref);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    cache.put(ref, rs.getLong(1));
                }
            }
        }
    }

    private void findExisting(List<Pending> batch) throws SQLException {
        if (sourceWasEmpty) {
            return; // nothing of this source existed, and a key repeated in the file is handled apart
        }
        StringBuilder cols = new StringBuilder("id");
        for (Mapped m : mapped) {
            cols.append(", ").append(m.column().name());
        }
        PreparedStatement st = statement(
                "SELECT " + cols + " FROM " + target.table().sqlName() + " WHERE source = ? AND external_ref = ?");
        for (Pending p : batch) {
            if (!p.problems.isEmpty()) {
                continue;
            }
            st.setString(1, profile.source());
            st.setString(2, p.key);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    continue;
                }
                p.existingId = rs.getLong(1);
                Map<String, String> previous = new LinkedHashMap<>();
                boolean changed = false;
                for (int j = 0; j < mapped.size(); j++) {
                    Object stored = rs.getObject(j + 2);
                    previous.put(mapped.get(j).column().name(), StoredValues.toText(stored));
                    changed |= !StoredValues.same(stored, p.values[j]);
                }
                p.previous = changed ? previous : null;
            }
        }
    }

    private void findConflicts(List<Pending> batch) throws SQLException {
        String natural = NATURAL_KEYS.get(target.table());
        if (natural == null) {
            return;
        }
        int j = -1;
        for (int i = 0; i < mapped.size(); i++) {
            if (mapped.get(i).column().name().equals(natural)) {
                j = i;
            }
        }
        if (j < 0) {
            return;
        }
        PreparedStatement st = statement("SELECT source FROM " + target.table().sqlName() + " WHERE " + natural
                + " = ? AND source <> ? LIMIT 1");
        Mapped m = mapped.get(j);
        for (Pending p : batch) {
            if (!p.problems.isEmpty() || p.existingId != 0 || p.values[j] == null) {
                continue;
            }
            st.setString(1, p.values[j].toString());
            st.setString(2, profile.source());
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    p.problems.add(new Problem(
                            p.row,
                            m.index() < 0 ? natural : header.get(m.index()),
                            p.values[j].toString(),
                            "conflicts with the " + target.table().sqlName().replace('_', ' ') + " of the same "
                                    + natural + " from source \"" + rs.getString(1)
                                    + "\"; rows from different sources are never merged"));
                }
            }
        }
    }

    private void insert(List<Pending> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder cols = new StringBuilder("source, external_ref");
        for (Mapped m : mapped) {
            cols.append(", ").append(m.column().name());
        }
        String sql =
                "INSERT INTO " + target.table().sqlName() + " (" + cols + ") VALUES (" + marks(mapped.size() + 2) + ")";
        Map<String, Long> own = ids.computeIfAbsent(target.table(), t -> new HashMap<>());
        try (PreparedStatement st = c.prepareStatement(sql, new String[] {"ID"})) {
            Savepoint before = c.setSavepoint();
            try {
                for (Pending p : rows) {
                    bindInsert(st, p);
                    st.addBatch();
                }
                st.executeBatch();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    int i = 0;
                    while (keys.next()) {
                        own.put(rows.get(i++).key, keys.getLong(1));
                    }
                }
                inserted += rows.size();
                recordInserts(rows, own);
            } catch (SQLException batchFailure) {
                c.rollback(before);
                st.clearBatch();
                insertOneByOne(st, rows, own);
            }
        }
    }

    private void insertOneByOne(PreparedStatement st, List<Pending> rows, Map<String, Long> own) throws SQLException {
        List<Pending> done = new ArrayList<>();
        for (Pending p : rows) {
            Savepoint sp = c.setSavepoint();
            try {
                bindInsert(st, p);
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                    keys.next();
                    own.put(p.key, keys.getLong(1));
                }
                done.add(p);
            } catch (SQLException e) {
                c.rollback(sp);
                p.problems.add(new Problem(p.row, null, null, DatabaseErrors.explainRow(c, e)));
            }
        }
        inserted += done.size();
        recordInserts(done, own);
    }

    private void bindInsert(PreparedStatement st, Pending p) throws SQLException {
        st.setString(1, profile.source());
        st.setString(2, p.key);
        for (int j = 0; j < mapped.size(); j++) {
            bind(st, j + 3, p.values[j], mapped.get(j).column().sqlType());
        }
    }

    private static void bind(PreparedStatement st, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            st.setNull(index, sqlType);
        } else {
            st.setObject(index, value);
        }
    }

    private void recordInserts(List<Pending> rows, Map<String, Long> own) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        long[] newIds = new long[rows.size()];
        for (int i = 0; i < newIds.length; i++) {
            newIds[i] = own.get(rows.get(i).key);
        }
        changeLog.inserted(newIds, newIds.length);
    }

    private void update(List<Pending> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<RunJournal.Previous> previous = new ArrayList<>(rows.size());
        for (Pending p : rows) {
            previous.add(new RunJournal.Previous(p.existingId, p.previous));
        }
        changeLog.beforeUpdate(previous);
        StringBuilder sets = new StringBuilder();
        for (Mapped m : mapped) {
            sets.append(sets.isEmpty() ? "" : ", ").append(m.column().name()).append(" = ?");
        }
        String sql = "UPDATE " + target.table().sqlName() + " SET " + sets + " WHERE id = ?";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (Pending p : rows) {
                Savepoint sp = c.setSavepoint();
                try {
                    for (int j = 0; j < mapped.size(); j++) {
                        bind(st, j + 1, p.values[j], mapped.get(j).column().sqlType());
                    }
                    st.setLong(mapped.size() + 1, p.existingId);
                    st.executeUpdate();
                    updated++;
                } catch (SQLException e) {
                    c.rollback(sp);
                    p.problems.add(new Problem(p.row, null, null, DatabaseErrors.explainRow(c, e)));
                }
            }
        }
    }

    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
