package quant.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import quant.core.analysis.AsOf;

/**
 * What an analysis shows, once, for every way it leaves the computation: the window's tables and
 * key-figure cards, the CLI's text, PDF, XLSX and CSV. Each analysis has one function that builds it
 * from its result, in core beside its charts (ADR 0019).
 *
 * @param id the analysis's registry id, e.g. {@code cohorts}
 * @param title the heading, e.g. "Cohort retention"
 * @param asOf the day computed at and whether it came from the data; null for an analysis of a file
 *     given on the command line, which has no as-of date
 * @param spec what was asked, in words: one line per choice ("Period: monthly", "Filters: none")
 * @param figures the headline figures
 * @param tables in order of importance: the first is the main table (a CSV export's default)
 * @param charts in the order the view shows them
 * @param notes sentences about this result (warnings, what was left out)
 * @param definitions what the figures mean, in words
 */
public record Report(
        String id,
        String title,
        AsOf asOf,
        List<String> spec,
        List<KeyFigure> figures,
        List<ReportTable<?>> tables,
        List<ReportChart> charts,
        List<String> notes,
        List<String> definitions) {
    public Report {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        spec = List.copyOf(spec);
        figures = List.copyOf(figures);
        tables = List.copyOf(tables);
        charts = List.copyOf(charts);
        notes = List.copyOf(notes);
        definitions = List.copyOf(definitions);
    }

    /** "as of 2025-12-31 (last activity in the data)", or "" for an analysis of a file. */
    public String asOfWords() {
        return asOf == null ? "" : "as of " + asOf.describe();
    }

    /** The title and, when there is one, the as-of date: "Cohort retention, as of 2025-12-31 (…)". */
    public String heading() {
        return asOf == null ? title : title + ", " + asOfWords();
    }

    /** The table with this key. */
    public ReportTable<?> table(String key) {
        return tables.stream()
                .filter(t -> t.key().equals(key))
                .findFirst()
                .orElseThrow(
                        () -> new quant.core.analysis.InvalidSpecException("The " + title + " report has no table \""
                                + key + "\"; its tables are " + String.join(", ", tableKeys()) + "."));
    }

    /** The keys of the tables, in order. */
    public List<String> tableKeys() {
        return tables.stream().map(ReportTable::key).toList();
    }

    /** The key figure with this key. */
    public KeyFigure figure(String key) {
        return figures.stream()
                .filter(f -> f.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the " + id + " report has no figure " + key));
    }

    public static Builder builder(String id, String title, AsOf asOf) {
        return new Builder(id, title, asOf);
    }

    /** Builds a report part by part, in the order it reads. */
    public static final class Builder {
        private final String id;
        private final String title;
        private final AsOf asOf;
        private final List<String> spec = new ArrayList<>();
        private final List<KeyFigure> figures = new ArrayList<>();
        private final List<ReportTable<?>> tables = new ArrayList<>();
        private final List<ReportChart> charts = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<String> definitions = new ArrayList<>();

        private Builder(String id, String title, AsOf asOf) {
            this.id = id;
            this.title = title;
            this.asOf = asOf;
        }

        /** A line of the spec in words, "Name: value". */
        public Builder spec(String name, String value) {
            spec.add(name + ": " + value);
            return this;
        }

        public Builder figure(KeyFigure f) {
            figures.add(f);
            return this;
        }

        public Builder table(ReportTable<?> t) {
            tables.add(t);
            return this;
        }

        public Builder chart(ReportChart c) {
            charts.add(c);
            return this;
        }

        public Builder chart(String key, String title, java.util.function.Supplier<org.jfree.chart.JFreeChart> c) {
            return chart(new ReportChart(key, title, c));
        }

        public Builder note(String n) {
            if (n != null && !n.isBlank()) {
                notes.add(n);
            }
            return this;
        }

        public Builder notes(List<String> n) {
            n.forEach(this::note);
            return this;
        }

        public Builder definitions(List<String> d) {
            definitions.addAll(d);
            return this;
        }

        public Report build() {
            return new Report(id, title, asOf, spec, figures, tables, charts, notes, definitions);
        }
    }
}
