package quant.core.pack;

import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quant.core.analysis.AsOf;
import quant.core.analysis.CustomerFilter;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.analysis.SnapshotLoader;
import quant.core.forecast.business.ForecastLog;
import quant.core.job.JobMonitor;
import quant.core.kpi.KpiInputs;
import quant.core.kpi.KpiPeriod;
import quant.core.kpi.KpiReport;
import quant.core.kpi.KpiResult;
import quant.core.kpi.KpiValue;
import quant.core.pack.PackDefinition.Section;
import quant.core.pack.PackDefinition.Selection;
import quant.core.report.Column;
import quant.core.report.KeyFigure;
import quant.core.report.PaperSize;
import quant.core.report.Report;
import quant.core.report.ReportChart;
import quant.core.report.ReportTable;
import quant.core.report.pack.Logo;
import quant.core.report.pack.Pack;
import quant.core.report.pack.PackStyle;
import quant.core.settings.BusinessSettings;
import quant.core.settings.Setting;
import quant.core.store.Store;

/**
 * Computes a report pack from the store: resolves the period rule at the data's as-of date (or at the
 * clock's date when asked), loads one snapshot of every part the sections read, runs each section's
 * analysis at the period's last day (or the data's last activity when that is earlier), and cuts each
 * report to the figures, tables and charts the definition chose. A section whose analysis cannot run
 * on these data (no deals imported, too little history) keeps its one-sentence reason instead of
 * failing the pack; a mistake of the definition itself — a figure, table or chart the analysis does
 * not have, a filter value the data do not hold — fails it with one sentence before anything is
 * written.
 */
public final class PackBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(PackBuilder.class);

    private PackBuilder() {}

    /**
     * What the caller asks beyond the definition.
     *
     * @param period a period rule that replaces the definition's, or empty
     * @param clock the date to resolve the period rule at instead of the data's as-of date (the
     *     command line's {@code --clock} passes today), or empty
     */
    public record Request(Optional<String> period, Optional<LocalDate> clock) {
        public static final Request DEFAULT = new Request(Optional.empty(), Optional.empty());
    }

    /** Every part of the data the sections of {@code def} read. */
    public static List<Part<?>> parts(PackDefinition def) {
        LinkedHashSet<Part<?>> parts = new LinkedHashSet<>();
        for (Section s : def.included()) {
            parts.addAll(PackAnalyses.byId(s.analysis()).parts());
        }
        return List.copyOf(parts);
    }

    /** Builds the pack of {@code def} from {@code store}. */
    public static Pack build(Store store, PackDefinition def, Request request, JobMonitor monitor) {
        BusinessSettings settings = BusinessSettings.read(store);
        KpiInputs inputs = KpiInputs.of(settings, ForecastLog.list(store));
        Snapshot snapshot = new SnapshotLoader(store).load(parts(def), monitor);
        return build(snapshot, settings, inputs, def, request, monitor);
    }

    /** Builds the pack of {@code def} from a loaded snapshot holding {@link #parts} of it. */
    public static Pack build(
            Snapshot snapshot,
            BusinessSettings settings,
            KpiInputs inputs,
            PackDefinition def,
            Request request,
            JobMonitor monitor) {
        PeriodRule rule = PeriodRule.parse(request.period().orElse(def.period()));
        LocalDate dataEnd = AsOf.resolve(snapshot, Optional.empty()).date();
        PeriodRule.Period period = rule.resolve(request.clock().orElse(dataEnd));
        if (period.from().isAfter(dataEnd)) {
            throw new InvalidSpecException("The period " + period.label() + " begins on " + period.from()
                    + ", after the last activity in the data (" + dataEnd + "); import newer data or choose an"
                    + " earlier period.");
        }
        LocalDate day = period.to().isAfter(dataEnd) ? dataEnd : period.to();
        AsOf asOf = new AsOf(day, day.equals(dataEnd));
        CustomerFilter filter = def.filters().resolve(snapshot);
        KpiPeriod kpiPeriod =
                switch (period.kind()) {
                    case WEEK, MONTH -> KpiPeriod.MONTH;
                    case QUARTER -> KpiPeriod.QUARTER;
                    case YTD -> KpiPeriod.YTD;
                };
        PackAnalyses.Context context =
                new PackAnalyses.Context(snapshot, settings, day, kpiPeriod, filter, inputs, monitor);
        List<Pack.Section> sections = new ArrayList<>();
        List<Section> included = def.included();
        for (int i = 0; i < def.sections().size(); i++) {
            Section s = def.sections().get(i);
            if (!s.on()) {
                continue;
            }
            monitor.checkCancelled();
            PackAnalyses.Entry entry = PackAnalyses.byId(s.analysis());
            String title = s.title().isEmpty() ? entry.title() : s.title();
            monitor.progress(sections.size(), included.size(), title);
            sections.add(section(def, i + 1, s, entry, title, context, filter));
        }
        monitor.progress(included.size(), included.size(), "Done");
        boolean hasKpis = included.stream().anyMatch(s -> s.analysis().equals(KpiReport.ID))
                && sections.stream().anyMatch(s -> s.analysis().equals(KpiReport.ID) && s.ran());
        return new Pack(
                def.name(),
                style(def, settings),
                period.label(),
                period.from(),
                period.to(),
                asOf,
                filter.describe(),
                inputs.currency(),
                sections,
                hasKpis ? kpiTable(context.kpis()) : null);
    }

    private static Pack.Section section(
            PackDefinition def,
            int n,
            Section s,
            PackAnalyses.Entry entry,
            String title,
            PackAnalyses.Context context,
            CustomerFilter filter) {
        Report report;
        try {
            report = entry.run().apply(context);
        } catch (CancellationException e) {
            throw e;
        } catch (InvalidSpecException e) {
            return new Pack.Section(s.analysis(), s.chapter(), title, s.intro(), null, e.getMessage(), s.rows());
        } catch (RuntimeException e) {
            LOG.warn("The {} section of the {} pack could not be computed", s.analysis(), def.name(), e);
            return new Pack.Section(
                    s.analysis(),
                    s.chapter(),
                    title,
                    s.intro(),
                    null,
                    entry.title() + " could not be computed on these data ("
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                            + ").",
                    s.rows());
        }
        String where = "The report definition " + def.name() + ", section " + n + " (" + s.analysis() + "),";
        List<KeyFigure> figures = pick(where, "figure", s.figures(), report.figures(), KeyFigure::key);
        List<ReportTable<?>> tables = pick(
                        where,
                        "table",
                        s.tables(),
                        s.tables().all()
                                ? report.tables().stream()
                                        .filter(ReportTable::printed)
                                        .toList()
                                : report.tables(),
                        ReportTable::key)
                .stream()
                .<ReportTable<?>>map(PackBuilder::printed)
                .toList();
        List<ReportChart> charts = pick(where, "chart", s.charts(), report.charts(), ReportChart::key);
        List<String> notes = new ArrayList<>(report.notes());
        if (!filter.isAll() && !entry.filterable()) {
            notes.add("This section covers every customer: the pack's customer filter applies to cohorts, lifetime"
                    + " value, churn risk and segments.");
        }
        Report cut = new Report(
                report.id(), title, report.asOf(), report.spec(), figures, tables, charts, notes, report.definitions());
        return new Pack.Section(s.analysis(), s.chapter(), title, s.intro(), cut, null, s.rows());
    }

    private static <T> ReportTable<T> printed(ReportTable<T> t) {
        return t.printed() ? t : new ReportTable<>(t.key(), t.title(), t.columns(), t.rows(), t.total(), true);
    }

    /** The items a selection names, in its order; every name must be one of {@code items}. */
    private static <T> List<T> pick(
            String where, String noun, Selection selection, List<T> items, Function<T, String> key) {
        if (selection.all()) {
            return items;
        }
        List<T> out = new ArrayList<>();
        for (String k : selection.keys()) {
            T found = items.stream()
                    .filter(i -> key.apply(i).equals(k))
                    .findFirst()
                    .orElse(null);
            if (found == null) {
                List<String> known = items.stream().map(key).toList();
                throw new InvalidSpecException(where + " names the " + noun + " \"" + k + "\", which the analysis"
                        + " does not have; "
                        + (known.isEmpty()
                                ? "it has none."
                                : "its " + noun + "s are " + String.join(", ", known) + "."));
            }
            out.add(found);
        }
        return out;
    }

    private static PackStyle style(PackDefinition def, BusinessSettings settings) {
        Logo logo = null;
        if (!def.logo().isEmpty()) {
            logo = Logo.read(
                    def.folder() == null
                            ? java.nio.file.Path.of(def.logo())
                            : def.folder().resolve(def.logo()));
        }
        String company = def.company().isEmpty() ? settings.text(Setting.COMPANY_NAME) : def.company();
        PaperSize paper = def.paper().isEmpty() ? settings.paper() : PaperSize.parse(def.paper());
        return new PackStyle(
                def.title(),
                company,
                logo,
                Color.decode(def.accent()),
                paper,
                def.landscape(),
                def.cover(),
                def.contents(),
                def.definitions());
    }

    /** The KPIs with their numbers typed, for the workbook: fractions as percentages. */
    static ReportTable<KpiValue> kpiTable(KpiResult r) {
        List<Column<KpiValue>> columns = List.of(
                Column.text("section", "Section", "", KpiValue::section),
                Column.text("kpi", "KPI", "", KpiValue::name),
                Column.text("unit", "Unit", "What the numbers count", v -> unit(v, r.currency())),
                Column.decimal("value", "Value", "", 2, "", v -> scaled(v, v.value())),
                Column.decimal("target", "Target", "", 2, "", v -> scaled(v, v.target())),
                Column.decimal("warning", "Warning level", "", 2, "", v -> scaled(v, v.warning())),
                Column.decimal("critical", "Critical level", "", 2, "", v -> scaled(v, v.critical())),
                Column.text("status", "Status", "", v -> v.level().words()),
                Column.decimal("last-year", "Same period last year", "", 2, "", v -> scaled(v, v.comparison())),
                Column.text("basis", "Judged by", "", KpiValue::basis));
        return new ReportTable<>("kpi-values", "KPIs", columns, r.kpis());
    }

    private static String unit(KpiValue v, String currency) {
        return switch (v.kpi().unit()) {
            case MONEY -> currency;
            case FRACTION -> "%";
            case COUNT -> "count";
            case DAYS -> "days";
            case MONTHS -> "months";
            case RATIO -> "times";
            case RATING -> "of 5";
        };
    }

    private static Double scaled(KpiValue v, Double x) {
        if (x == null || x.isNaN()) {
            return null;
        }
        return v.kpi().unit() == quant.core.kpi.KpiUnit.FRACTION ? x * 100 : x;
    }
}
