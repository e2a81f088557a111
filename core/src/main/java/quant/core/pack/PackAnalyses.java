package quant.core.pack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import quant.core.analysis.CustomerFilter;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.catalog.AnalysisCatalog;
import quant.core.job.JobMonitor;
import quant.core.kpi.HealthReport;
import quant.core.kpi.HealthScore;
import quant.core.kpi.KpiBoard;
import quant.core.kpi.KpiInputs;
import quant.core.kpi.KpiPeriod;
import quant.core.kpi.KpiReport;
import quant.core.kpi.KpiResult;
import quant.core.kpi.Outlooks;
import quant.core.kpi.SummaryReport;
import quant.core.kpi.SummaryWriter;
import quant.core.report.Report;
import quant.core.settings.BusinessSettings;

/**
 * What a pack's section may name: every analysis of the {@link AnalysisCatalog}, and the owner's three
 * read-outs of the KPI registry — {@code kpis} (every KPI with its target and status), {@code health}
 * (the health score) and {@code summary} (the summary in words) — which share one KPI computation per
 * pack.
 */
public final class PackAnalyses {
    private PackAnalyses() {}

    /** What a section runs with: the snapshot, the settings, the day, the period's length and the filter. */
    public static final class Context {
        final Snapshot snapshot;
        final BusinessSettings settings;
        final LocalDate asOf;
        final KpiPeriod kpiPeriod;
        final CustomerFilter filter;
        final KpiInputs inputs;
        final JobMonitor monitor;
        private KpiResult kpis;

        Context(
                Snapshot snapshot,
                BusinessSettings settings,
                LocalDate asOf,
                KpiPeriod kpiPeriod,
                CustomerFilter filter,
                KpiInputs inputs,
                JobMonitor monitor) {
            this.snapshot = snapshot;
            this.settings = settings;
            this.asOf = asOf;
            this.kpiPeriod = kpiPeriod;
            this.filter = filter;
            this.inputs = inputs;
            this.monitor = monitor;
        }

        /** The KPIs over the pack's period, computed once for every section that shows them. */
        KpiResult kpis() {
            if (kpis == null) {
                kpis = KpiBoard.run(snapshot, new KpiBoard.Spec(kpiPeriod, Optional.of(asOf)), inputs, monitor);
            }
            return kpis;
        }
    }

    /**
     * An analysis a section may name.
     *
     * @param id what the definition writes, e.g. {@code finance}
     * @param title the section's heading unless the definition gives one
     * @param parts the parts of the data it reads
     * @param filterable whether the pack's customer filter applies to it
     * @param run computes its report
     */
    public record Entry(
            String id, String title, List<Part<?>> parts, boolean filterable, Function<Context, Report> run) {}

    private static List<Part<?>> summaryParts() {
        LinkedHashSet<Part<?>> all = new LinkedHashSet<>(KpiBoard.PARTS);
        all.addAll(Outlooks.PARTS);
        return List.copyOf(all);
    }

    /** Every analysis a section may name: the KPI read-outs first, then the catalog's. */
    public static final List<Entry> ENTRIES = entries();

    private static List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        out.add(new Entry(KpiReport.ID, "KPIs", KpiBoard.PARTS, false, c -> KpiReport.of(c.kpis())));
        out.add(new Entry(
                HealthReport.ID,
                "Health score",
                KpiBoard.PARTS,
                false,
                c -> HealthReport.of(HealthScore.of(c.kpis(), c.inputs.rules()))));
        out.add(new Entry(SummaryReport.ID, "Summary", summaryParts(), false, c -> {
            Outlooks outlooks = Outlooks.run(c.snapshot, c.settings, c.asOf, c.monitor);
            return SummaryReport.of(SummaryWriter.write(c.kpis(), c.snapshot, outlooks));
        }));
        for (AnalysisCatalog.Entry e : AnalysisCatalog.ENTRIES) {
            out.add(new Entry(
                    e.id(),
                    e.title(),
                    e.parts(),
                    e.filterable(),
                    c -> e.report(c.snapshot, c.settings, Optional.of(c.asOf), c.filter, c.monitor)));
        }
        return List.copyOf(out);
    }

    /** The ids a section may name, in order. */
    public static List<String> ids() {
        return ENTRIES.stream().map(Entry::id).toList();
    }

    /**
     * The entry with this id.
     *
     * @throws InvalidSpecException naming the ids there are
     */
    public static Entry byId(String id) {
        return ENTRIES.stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new InvalidSpecException("There is no analysis \"" + id
                        + "\"; a section names one of " + String.join(", ", ids()) + "."));
    }
}
