package quant.core.explore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Snapshot;
import quant.core.job.JobMonitor;

/**
 * Runs a chart spec over the snapshot's columns in one pass (never as SQL): each row that passes the
 * filters and the date range falls in a cell (category × series) whose count, sum and values are kept;
 * the cell's figure is the count, the sum, the mean (sum ÷ rows with a value) or the median of its
 * values. Categories of a text field are ordered by their total and cut at {@value #MAX_CATEGORIES}, the
 * rest merged into "Other"; series likewise at {@value #MAX_SERIES}; periods keep their order. Rows
 * whose measured field is missing are left out of sums, means and medians (not counts).
 */
public final class Explorer {
    public static final int MAX_CATEGORIES = 30;
    public static final int MAX_SERIES = 8;
    public static final int MAX_POINTS = 5_000;
    static final String NONE = "(none)";
    static final String OTHER = "Other";

    private Explorer() {}

    /** One cell's accumulator. */
    static final class Cell {
        long count;
        long valued;
        double sum;
        double[] values = new double[0];
        int n;

        void add(double v, boolean keep) {
            count++;
            if (!Double.isNaN(v)) {
                valued++;
                sum += v;
                if (keep) {
                    if (n == values.length) {
                        values = Arrays.copyOf(values, Math.max(8, n * 2));
                    }
                    values[n++] = v;
                }
            }
        }

        void merge(Cell o) {
            count += o.count;
            valued += o.valued;
            sum += o.sum;
            for (int i = 0; i < o.n; i++) {
                if (n == values.length) {
                    values = Arrays.copyOf(values, Math.max(8, n * 2));
                }
                values[n++] = o.values[i];
            }
        }

        double value(ChartSpec.Aggregate a) {
            return switch (a) {
                case COUNT -> count;
                case SUM -> valued == 0 ? Double.NaN : sum;
                case MEAN -> valued == 0 ? Double.NaN : sum / valued;
                case MEDIAN -> median();
            };
        }

        private double median() {
            if (n == 0) {
                return Double.NaN;
            }
            double[] v = Arrays.copyOf(values, n);
            Arrays.sort(v);
            return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        }
    }

    public static ChartData run(Snapshot s, ChartSpec spec, JobMonitor monitor) {
        Source source = Source.parse(spec.source());
        Columns c = source.columns(s);
        check(c, spec);
        IntUnaryOperator rangeDay =
                spec.range() == null ? null : c.dayOf(spec.range().field());
        int from = spec.range() == null || spec.range().from() == null
                ? Integer.MIN_VALUE
                : (int) spec.range().from().toEpochDay();
        int to = spec.range() == null || spec.range().to() == null
                ? Integer.MAX_VALUE
                : (int) spec.range().to().toEpochDay();
        List<IntFunction<String>> filterFields = new ArrayList<>();
        List<Set<String>> filterValues = new ArrayList<>();
        for (ChartSpec.Filter f : spec.filters()) {
            filterFields.add(c.textOf(f.field()));
            filterValues.add(new HashSet<>(f.values()));
        }
        IntToDoubleFunction measured = spec.measure().field() == null
                ? null
                : c.numberOf(spec.measure().field());
        boolean median = spec.measure().aggregate() == ChartSpec.Aggregate.MEDIAN;
        String xLabel = label(c, spec.x());
        String measureLabel = spec.measure().aggregate() == ChartSpec.Aggregate.COUNT
                ? "Number of " + source.title().toLowerCase(java.util.Locale.ROOT)
                : capital(spec.measure().aggregate().words()) + " of "
                        + c.field(spec.measure().field()).label().toLowerCase(java.util.Locale.ROOT);
        if (spec.type() == ChartSpec.ChartType.SCATTER) {
            Selection kept = new Selection(rangeDay, from, to, filterFields, filterValues);
            return scatter(c, spec, source, kept, xLabel, measureLabel, asOf(s), monitor);
        }
        IntFunction<String> xKey = key(c, spec.x());
        IntFunction<String> sKey = spec.split() == null ? i -> measureLabel : key(c, spec.split());
        Map<String, Map<String, Cell>> cells = new LinkedHashMap<>();
        long rows = 0;
        for (int i = 0; i < c.size(); i++) {
            if ((i & 0xFFFF) == 0) {
                monitor.checkCancelled();
            }
            if (!passes(i, rangeDay, from, to, filterFields, filterValues)) {
                continue;
            }
            String x = xKey.apply(i);
            String sr = sKey.apply(i);
            if (x == null || sr == null) {
                continue;
            }
            rows++;
            cells.computeIfAbsent(sr, k -> new HashMap<>())
                    .computeIfAbsent(x, k -> new Cell())
                    .add(measured == null ? 0 : measured.applyAsDouble(i), median);
        }
        List<String> notes = new ArrayList<>();
        boolean xIsDate = c.field(spec.x().field()).kind() == Columns.Kind.DATE;
        boolean sIsDate = spec.split() != null && c.field(spec.split().field()).kind() == Columns.Kind.DATE;
        // categories: totals over series
        Map<String, Cell> byX = new HashMap<>();
        Map<String, Cell> bySeries = new HashMap<>();
        cells.forEach((sr, m) -> m.forEach((x, cell) -> {
            byX.computeIfAbsent(x, k -> new Cell()).merge(cell);
            bySeries.computeIfAbsent(sr, k -> new Cell()).merge(cell);
        }));
        List<String> categories = order(byX, xIsDate, spec.measure().aggregate());
        List<String> series = order(bySeries, sIsDate, spec.measure().aggregate());
        if (!xIsDate && categories.size() > MAX_CATEGORIES) {
            notes.add("The " + (categories.size() - MAX_CATEGORIES + 1) + " smallest of " + categories.size() + " "
                    + xLabel.toLowerCase(java.util.Locale.ROOT) + " values are merged into \"Other\".");
            categories = merged(categories, MAX_CATEGORIES);
        }
        if (!sIsDate && series.size() > MAX_SERIES) {
            notes.add("The " + (series.size() - MAX_SERIES + 1) + " smallest of " + series.size() + " series are"
                    + " merged into \"Other\".");
            series = merged(series, MAX_SERIES);
        }
        Set<String> keptX = new HashSet<>(categories);
        Set<String> keptS = new HashSet<>(series);
        double[][] values = new double[series.size()][categories.size()];
        Map<String, Integer> xIndex = index(categories);
        Map<String, Integer> sIndex = index(series);
        Cell[][] grid = new Cell[series.size()][categories.size()];
        cells.forEach((sr, m) -> m.forEach((x, cell) -> {
            int si = sIndex.get(keptS.contains(sr) ? sr : OTHER);
            int xi = xIndex.get(keptX.contains(x) ? x : OTHER);
            if (grid[si][xi] == null) {
                grid[si][xi] = new Cell();
            }
            grid[si][xi].merge(cell);
        }));
        for (int si = 0; si < series.size(); si++) {
            for (int xi = 0; xi < categories.size(); xi++) {
                values[si][xi] = grid[si][xi] == null
                        ? (spec.measure().aggregate() == ChartSpec.Aggregate.COUNT ? 0 : Double.NaN)
                        : grid[si][xi].value(spec.measure().aggregate());
            }
        }
        if (rows == 0) {
            notes.add("No " + source.title().toLowerCase(java.util.Locale.ROOT) + " pass the filters.");
        }
        return new ChartData(spec, categories, series, values, rows, List.of(), xLabel, measureLabel, notes, asOf(s));
    }

    /** The rows a spec keeps: in the date range, with a kept value of each filtered field. */
    record Selection(
            IntUnaryOperator rangeDay, int from, int to, List<IntFunction<String>> fields, List<Set<String>> values) {
        boolean passes(int i) {
            return Explorer.passes(i, rangeDay, from, to, fields, values);
        }
    }

    private static ChartData scatter(
            Columns c,
            ChartSpec spec,
            Source source,
            Selection selection,
            String xLabel,
            String measureLabel,
            quant.core.analysis.AsOf asOf,
            JobMonitor monitor) {
        IntToDoubleFunction x = c.numberOf(spec.x().field());
        IntToDoubleFunction y = c.numberOf(spec.measure().field());
        IntFunction<String> sKey = spec.split() == null ? i -> source.title() : key(c, spec.split());
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            if ((i & 0xFFFF) == 0) {
                monitor.checkCancelled();
            }
            if (selection.passes(i)
                    && !Double.isNaN(x.applyAsDouble(i))
                    && !Double.isNaN(y.applyAsDouble(i))
                    && sKey.apply(i) != null) {
                kept.add(i);
            }
        }
        List<String> notes = new ArrayList<>();
        int step = Math.max(1, (kept.size() + MAX_POINTS - 1) / MAX_POINTS);
        if (step > 1) {
            notes.add("Every " + step + "th of the " + kept.size() + " points is drawn.");
        }
        List<ChartData.Point> points = new ArrayList<>();
        Map<String, Cell> bySeries = new HashMap<>();
        for (int k = 0; k < kept.size(); k += step) {
            int i = kept.get(k);
            String sr = sKey.apply(i);
            points.add(new ChartData.Point(x.applyAsDouble(i), y.applyAsDouble(i), sr));
            bySeries.computeIfAbsent(sr, z -> new Cell()).add(0, false);
        }
        List<String> series = order(bySeries, false, ChartSpec.Aggregate.COUNT);
        return new ChartData(
                spec,
                List.of(),
                series,
                new double[0][0],
                kept.size(),
                points,
                xLabel,
                c.field(spec.measure().field()).label(),
                notes,
                asOf);
    }

    /** The data's last activity day, or null when there is none. */
    static quant.core.analysis.AsOf asOf(Snapshot s) {
        int last = s.lastActivityDay();
        return last == Snapshot.NO_DAY ? null : new quant.core.analysis.AsOf(LocalDate.ofEpochDay(last), true);
    }

    static boolean passes(
            int i,
            IntUnaryOperator rangeDay,
            int from,
            int to,
            List<IntFunction<String>> fields,
            List<Set<String>> values) {
        if (rangeDay != null) {
            int d = rangeDay.applyAsInt(i);
            if (d == Source.NO_DAY || d < from || d > to) {
                return false;
            }
        }
        for (int f = 0; f < fields.size(); f++) {
            String v = fields.get(f).apply(i);
            if (!values.get(f).contains(v == null ? NONE : v)) {
                return false;
            }
        }
        return true;
    }

    /** The key of a row along a dimension: the text (or "(none)"), or the period; null to leave the row out. */
    static IntFunction<String> key(Columns c, ChartSpec.Axis a) {
        Columns.Field f = c.field(a.field());
        if (f.kind() == Columns.Kind.DATE) {
            IntUnaryOperator day = c.dayOf(a.field());
            ChartSpec.Grain g = a.grain() == null ? ChartSpec.Grain.MONTH : a.grain();
            return i -> {
                int d = day.applyAsInt(i);
                return d == Source.NO_DAY ? null : g.label(LocalDate.ofEpochDay(d));
            };
        }
        IntFunction<String> text = c.textOf(a.field());
        return i -> {
            String v = text.apply(i);
            return v == null ? NONE : v;
        };
    }

    private static List<String> order(Map<String, Cell> totals, boolean byTime, ChartSpec.Aggregate a) {
        List<String> keys = new ArrayList<>(totals.keySet());
        if (byTime) {
            keys.sort(Comparator.naturalOrder());
        } else {
            keys.sort(Comparator.comparingDouble((String k) -> {
                        double v = a == ChartSpec.Aggregate.COUNT ? totals.get(k).count : totals.get(k).sum;
                        return -v;
                    })
                    .thenComparing(Comparator.naturalOrder()));
        }
        return keys;
    }

    private static List<String> merged(List<String> keys, int max) {
        List<String> out = new ArrayList<>(keys.subList(0, max - 1));
        out.add(OTHER);
        return out;
    }

    private static Map<String, Integer> index(List<String> keys) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            m.put(keys.get(i), i);
        }
        return m;
    }

    private static String label(Columns c, ChartSpec.Axis a) {
        Columns.Field f = c.field(a.field());
        return f.kind() == Columns.Kind.DATE
                ? capital(a.grain() == null ? "month" : a.grain().name().toLowerCase(java.util.Locale.ROOT)) + " ("
                        + f.label().toLowerCase(java.util.Locale.ROOT) + ")"
                : f.label();
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * Checks the spec against the source's fields.
     *
     * @throws InvalidSpecException saying what is wrong in one sentence
     */
    static void check(Columns c, ChartSpec spec) {
        String src = spec.source();
        if (spec.x() == null || c.field(spec.x().field()) == null) {
            throw new InvalidSpecException("Choose what goes along the axis: one of the " + src + "' fields.");
        }
        Columns.Field x = c.field(spec.x().field());
        boolean scatter = spec.type() == ChartSpec.ChartType.SCATTER;
        if (scatter && x.kind() != Columns.Kind.NUMBER) {
            throw new InvalidSpecException("A scatter needs a number along the axis, not " + x.label() + ".");
        }
        if (!scatter && x.kind() == Columns.Kind.NUMBER) {
            throw new InvalidSpecException(
                    x.label() + " is a number: group by a text or a date field, or draw a scatter.");
        }
        if (spec.split() != null) {
            Columns.Field s = c.field(spec.split().field());
            if (s == null || s.kind() == Columns.Kind.NUMBER) {
                throw new InvalidSpecException("Split by a text or a date field of the " + src + ".");
            }
        }
        if (spec.type() == ChartSpec.ChartType.HEATMAP && spec.split() == null) {
            throw new InvalidSpecException("A heatmap needs a split: the rows of the grid.");
        }
        ChartSpec.Measure m = spec.measure();
        if (m == null || m.aggregate() == null) {
            throw new InvalidSpecException("Choose a measure: count, sum, mean or median.");
        }
        if (m.aggregate() != ChartSpec.Aggregate.COUNT || scatter) {
            Columns.Field f = m.field() == null ? null : c.field(m.field());
            if (f == null || f.kind() != Columns.Kind.NUMBER) {
                throw new InvalidSpecException(
                        "The " + (scatter ? "scatter's height" : m.aggregate().words())
                                + " needs a number field of the " + src + ".");
            }
        }
        for (ChartSpec.Filter f : spec.filters()) {
            Columns.Field field = c.field(f.field());
            if (field == null || field.kind() != Columns.Kind.TEXT) {
                throw new InvalidSpecException("Filters keep values of a text field; the " + src
                        + " have no text field \"" + f.field() + "\".");
            }
        }
        if (spec.range() != null) {
            Columns.Field field = c.field(spec.range().field());
            if (field == null || field.kind() != Columns.Kind.DATE) {
                throw new InvalidSpecException("The date range needs a date field of the " + src + ".");
            }
            if (spec.range().from() != null
                    && spec.range().to() != null
                    && spec.range().to().isBefore(spec.range().from())) {
                throw new InvalidSpecException(
                        "The date range ends (" + spec.range().to() + ") before it starts ("
                                + spec.range().from() + ").");
            }
        }
    }
}
