package quant.core.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.churn.ChurnRiskAnalysis;
import quant.core.churn.ChurnRiskResult;
import quant.core.churn.ChurnRiskSpec;
import quant.core.equipment.EquipmentAnalysis;
import quant.core.equipment.EquipmentResult;
import quant.core.equipment.EquipmentSpec;
import quant.core.forecast.Method;
import quant.core.forecast.business.OutlookSpec;
import quant.core.forecast.business.RevenueAnalysis;
import quant.core.forecast.business.RevenueResult;
import quant.core.job.JobMonitor;
import quant.core.pipeline.PipelineAnalysis;
import quant.core.pipeline.PipelineResult;
import quant.core.pipeline.PipelineSpec;
import quant.core.settings.BusinessSettings;

/**
 * The analyses the summary takes its forecast and its three actions from — the revenue forecast,
 * churn risk (the call list), the pipeline (stalled deals) and equipment (services due) — run with
 * their default specs at the KPIs' as-of date. One that cannot run on the data (no deals, no
 * equipment) is left out with its reason.
 */
public record Outlooks(
        Optional<RevenueResult> revenue,
        Optional<ChurnRiskResult> churn,
        Optional<PipelineResult> pipeline,
        Optional<EquipmentResult> equipment,
        List<String> notes) {
    /** Every part of the data the KPIs and these analyses read. */
    public static final List<Part<?>> PARTS = union();

    private static List<Part<?>> union() {
        LinkedHashSet<Part<?>> all = new LinkedHashSet<>(KpiBoard.PARTS);
        all.addAll(RevenueAnalysis.PARTS);
        all.addAll(ChurnRiskAnalysis.PARTS);
        all.addAll(PipelineAnalysis.PARTS);
        all.addAll(EquipmentAnalysis.PARTS);
        return List.copyOf(all);
    }

    public static Outlooks run(Snapshot s, BusinessSettings b, LocalDate asOf, JobMonitor monitor) {
        List<String> notes = new ArrayList<>();
        Optional<LocalDate> at = Optional.of(asOf);
        monitor.progress(0, 4, "Revenue forecast");
        var revenue = attempt(
                "revenue forecast",
                () -> RevenueAnalysis.run(s, new OutlookSpec(at, RevenueAnalysis.DEFAULT_DAYS, Method.AUTO), monitor),
                notes);
        monitor.progress(1, 4, "Churn risk");
        var churn = attempt(
                "churn risk",
                () -> ChurnRiskAnalysis.run(s, ChurnRiskSpec.of(b.customers()).withAsOf(at), monitor),
                notes);
        monitor.progress(2, 4, "Pipeline");
        var pipeline = attempt(
                "pipeline",
                () -> PipelineAnalysis.run(s, new PipelineSpec(at, PipelineSpec.By.NONE, b.stageOrder()), monitor),
                notes);
        monitor.progress(3, 4, "Equipment");
        var equipment = attempt(
                "equipment", () -> EquipmentAnalysis.run(s, EquipmentSpec.of(b).withAsOf(asOf), monitor), notes);
        return new Outlooks(revenue, churn, pipeline, equipment, notes);
    }

    private static <T> Optional<T> attempt(String what, Supplier<T> run, List<String> notes) {
        try {
            return Optional.of(run.get());
        } catch (InvalidSpecException e) {
            notes.add("The " + what + " could not run: " + e.getMessage());
            return Optional.empty();
        }
    }
}
