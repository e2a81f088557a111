package quant.app.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.churn.ChurnRiskAnalysis;
import quant.core.churn.ChurnRiskResult;
import quant.core.churn.ChurnRiskSpec;

/** {@code quant churn risk}: the database's active customers by churn risk, with reasons. */
@Command(
        name = "risk",
        mixinStandardHelpOptions = true,
        description =
                "Rank the active customers by value at risk: churn probability from explainable factors, the reasons, and what to do.")
final class ChurnRiskCommand implements Callable<Integer> {
    @ParentCommand
    ChurnCommand churn;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--top",
            defaultValue = "20",
            paramLabel = "N",
            description = "Customers listed, 0 to 100,000 (default: ${DEFAULT-VALUE}); the JSON holds all.")
    int top;

    @Option(
            names = "--inactivity-days",
            paramLabel = "DAYS",
            description =
                    "Churned after this many days without a purchase, 30 to 3,650 (default: the business setting customers.inactivityDays, 365 unless set).")
    Integer inactivityDays;

    @Mixin
    CustomerFilterOptions filter;

    @Mixin
    ReportOutput output;

    @Override
    public Integer call() throws java.io.IOException {
        output.check(churn.parent.database());
        CustomerFilterOptions.Loaded loaded = CustomerFilterOptions.load(churn.parent.database());
        ChurnRiskSpec riskSpec = ChurnRiskSpec.of(loaded.settings().customers())
                .withFilter(filter.filter(loaded.snapshot()))
                .withAsOf(filter.asOf());
        if (inactivityDays != null) {
            riskSpec = riskSpec.withInactivityDays(inactivityDays);
        }
        ChurnRiskSpec finalSpec = riskSpec;
        ChurnRiskResult r = ChurnRiskAnalysis.run(loaded.snapshot(), finalSpec, CliProgress.monitor());
        CliMoney money = CliMoney.of(loaded.settings());
        output.emit(
                spec,
                filter.json,
                r,
                out -> {
                    out.printf(
                            Locale.ROOT,
                            "Churn risk as of %s: %,d active customers%n",
                            r.asOf().describe(),
                            r.activeCustomers());
                    if (r.note() != null) {
                        out.println(r.note());
                    }
                    if (r.factors().isEmpty()) {
                        out.flush();
                        return;
                    }
                    out.println("Factors (weight per standard deviation, + raises churn; odds of churning per unit):");
                    for (ChurnRiskResult.Factor f : r.factors()) {
                        out.printf(
                                Locale.ROOT,
                                "  %-22s %+.3f  ×%.2f per %-25s %s%n",
                                f.name(),
                                f.weight(),
                                f.oddsRatioPerUnit(),
                                f.unit(),
                                f.description());
                    }
                    for (ChurnRiskResult.Candidate c : r.candidates()) {
                        out.printf(
                                Locale.ROOT,
                                "  tried %-18s time-split ROC AUC %.3f → %.3f: %s%n",
                                c.factor(),
                                c.aucBefore(),
                                c.aucWith(),
                                c.kept() ? "kept" : "left out");
                    }
                    ChurnRiskResult.Validation v = r.validation();
                    if (v != null) {
                        out.printf(
                                Locale.ROOT,
                                "Trained on %,d customers active at %s, tested on %,d active at %s: ROC AUC %.3f, churn rate %.1f%%%n",
                                v.trainCustomers(),
                                v.trainCut(),
                                v.testCustomers(),
                                v.testCut(),
                                v.auc(),
                                100 * v.churnRate());
                    }
                    for (ChurnRiskResult.Level l : r.levels()) {
                        out.printf(
                                Locale.ROOT,
                                "  %-6s (≥ %2.0f%%): %,6d customers → %s%n",
                                l.level(),
                                100 * l.from(),
                                l.customers(),
                                l.intervention());
                    }
                    out.printf("%nCall list (highest value at risk first):%n");
                    for (ChurnRiskResult.CustomerRisk c :
                            r.customers().subList(0, Math.min(top, r.customers().size()))) {
                        out.printf(
                                Locale.ROOT,
                                "  %-28s %-14s %5.1f%%  %-6s %13s at risk  %s%n",
                                c.name().length() > 28 ? c.name().substring(0, 27) + "…" : c.name(),
                                c.phone() == null ? "" : c.phone(),
                                100 * c.churnProbability(),
                                c.level(),
                                money.whole(c.valueAtRisk()),
                                c.reasons().isEmpty() ? "" : String.join("; ", c.reasons()));
                    }
                },
                () -> quant.core.churn.ChurnRiskReport.of(r, finalSpec),
                loaded.settings());
        return QuantCommand.OK;
    }
}
