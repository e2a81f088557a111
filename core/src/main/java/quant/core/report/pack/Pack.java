package quant.core.report.pack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import quant.core.analysis.AsOf;
import quant.core.report.KeyFigure;
import quant.core.report.Report;
import quant.core.report.ReportTable;
import quant.core.report.ValueText;

/**
 * A report pack, computed and ready to write as PDF, XLSX or PPTX: its style, the period it covers,
 * the as-of date its analyses ran at, the customer filter in words, and its sections in order — each
 * the report of one analysis cut to the figures, tables and charts its definition chose, or the
 * sentence saying why the analysis could not run.
 *
 * @param name the definition's name, e.g. {@code board}
 * @param style how it looks
 * @param period the period's name, e.g. "2025-11"
 * @param from the period's first day
 * @param to the period's last day
 * @param asOf the day the analyses ran at: the period's last day, or the data's last activity when
 *     that is earlier
 * @param filters the customer filter in words, e.g. "all customers"
 * @param currency the ISO code money is in
 * @param sections in order
 * @param kpis the KPI table with typed values for the workbook's first sheet, or null when the pack
 *     has no KPI section
 */
public record Pack(
        String name,
        PackStyle style,
        String period,
        LocalDate from,
        LocalDate to,
        AsOf asOf,
        String filters,
        String currency,
        List<Section> sections,
        ReportTable<?> kpis) {
    public Pack {
        Objects.requireNonNull(style);
        Objects.requireNonNull(asOf);
        sections = List.copyOf(sections);
    }

    /**
     * One section of a pack.
     *
     * @param analysis the analysis's id, e.g. {@code finance}
     * @param chapter the chapter it belongs to, or "" for none
     * @param title its heading
     * @param intro a paragraph the definition puts before it, or ""
     * @param report the analysis's report, cut to what the definition chose; null when it could not run
     * @param problem why the analysis could not run, in one sentence; null when it ran
     * @param rows the most rows of each table the document prints (the workbook holds them all)
     */
    public record Section(
            String analysis, String chapter, String title, String intro, Report report, String problem, int rows) {
        public Section {
            Objects.requireNonNull(analysis);
            Objects.requireNonNull(title);
            chapter = chapter == null ? "" : chapter;
            intro = intro == null ? "" : intro;
            if ((report == null) == (problem == null)) {
                throw new IllegalArgumentException("a section has a report or a problem, not both or neither");
            }
        }

        public boolean ran() {
            return report != null;
        }
    }

    /** A key figure of a section as the pack prints it, for {@code --json} and tests. */
    public record Figure(String section, String key, String label, Object value, String text, String status) {}

    /** Every key figure of every section that ran, in order, with the text the documents print. */
    public List<Figure> figures() {
        List<Figure> out = new ArrayList<>();
        for (Section s : sections) {
            if (s.ran()) {
                out.addAll(figures(s));
            }
        }
        return out;
    }

    private List<Figure> figures(Section s) {
        List<Figure> out = new ArrayList<>();
        for (KeyFigure f : s.report().figures()) {
            out.add(new Figure(
                    s.analysis(),
                    f.key(),
                    f.label(),
                    f.value() instanceof Double d && (d.isNaN() || d.isInfinite()) ? null : f.value(),
                    ValueText.figure(f, currency),
                    f.status() == null ? null : f.status().words()));
        }
        return out;
    }

    /** A section as {@code --json} gives it: what ran, why not, and its figures as printed. */
    public record SectionSummary(
            String analysis, String chapter, String title, boolean ran, String problem, List<Figure> figures) {}

    /** The pack in brief, for {@code --json}: its period, as-of date, filter and every section's figures. */
    public record Summary(
            String definition,
            String title,
            String company,
            String period,
            LocalDate from,
            LocalDate to,
            LocalDate asOf,
            boolean asOfFromData,
            String filters,
            String currency,
            List<SectionSummary> sections,
            List<java.util.Map<String, String>> kpis) {}

    /** The pack in brief. */
    public Summary summary() {
        List<SectionSummary> out = new ArrayList<>();
        for (Section s : sections) {
            out.add(new SectionSummary(
                    s.analysis(), s.chapter(), s.title(), s.ran(), s.problem(), s.ran() ? figures(s) : List.of()));
        }
        return new Summary(
                name,
                style.title(),
                style.company(),
                period,
                from,
                to,
                asOf.date(),
                asOf.fromData(),
                filters,
                currency,
                out,
                kpiRows());
    }

    /** The KPI section's table as printed, one map of column key to text per KPI; empty without one. */
    private List<java.util.Map<String, String>> kpiRows() {
        for (Section s : sections) {
            if (s.ran() && s.analysis().equals("kpis")) {
                return rows(s.report().table("kpis"));
            }
        }
        return List.of();
    }

    private static <T> List<java.util.Map<String, String>> rows(ReportTable<T> t) {
        List<java.util.Map<String, String>> out = new ArrayList<>();
        for (T row : t.rows()) {
            java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
            for (quant.core.report.Column<T> c : t.columns()) {
                m.put(c.key(), ValueText.of(c, row));
            }
            out.add(m);
        }
        return out;
    }

    /** The running header's lines: title, company and period; then the filter and the as-of date. */
    public List<String> runningHeader() {
        String first = style.title() + (style.company().isEmpty() ? "" : " · " + style.company()) + " · " + period;
        return List.of(first, "Customers: " + filters + " · figures as of " + asOf.describe());
    }
}
