package quant.app.cli;

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
        CustomerFilterOptions.Loaded loaded =
                CustomerFilterOptions.load(churn.parent.database(), ChurnRiskAnalysis.PARTS);
        ChurnRiskSpec riskSpec = ChurnRiskSpec.of(loaded.settings().customers())
                .withFilter(filter.filter(loaded.snapshot()))
                .withAsOf(filter.asOf());
        if (inactivityDays != null) {
            riskSpec = riskSpec.withInactivityDays(inactivityDays);
        }
        ChurnRiskSpec finalSpec = riskSpec;
        ChurnRiskResult r = ChurnRiskAnalysis.run(loaded.snapshot(), finalSpec, CliProgress.monitor());
        output.report(
                spec, filter.json, r, () -> quant.core.churn.ChurnRiskReport.of(r, finalSpec), loaded.settings(), top);
        return QuantCommand.OK;
    }
}
