package quant.app.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.equipment.EquipmentAnalysis;
import quant.core.equipment.EquipmentReport;
import quant.core.equipment.EquipmentResult;
import quant.core.equipment.EquipmentSpec;
import quant.core.report.TextReport;

/** {@code quant equipment}: the fleet's reliability, each asset's failure risk, next service and return. */
@Command(
        name = "equipment",
        mixinStandardHelpOptions = true,
        description = "The fleet's reliability at a date: survival of time between failures by group (Kaplan–Meier"
                + " with a Weibull fit), each asset's chance of failing in 30 and 90 days, a suggested service date,"
                + " service compliance, costs and return.")
final class EquipmentCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--asset", paramLabel = "REF", description = "One asset by its reference, with its history.")
    String asset;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "Compute at this date (default: the last activity in the data).")
    LocalDate asOf;

    @Option(names = "--json", description = "Print the whole result as JSON (keys in docs/cli.md).")
    boolean json;

    @picocli.CommandLine.Mixin
    ReportOutput output;

    @Override
    public Integer call() throws java.io.IOException {
        output.check(parent.database());
        CustomerFilterOptions.Loaded loaded = CustomerFilterOptions.load(parent.database(), EquipmentAnalysis.PARTS);
        EquipmentSpec equipmentSpec =
                EquipmentSpec.of(loaded.settings()).withAsOf(asOf).withAsset(asset);
        EquipmentResult r = EquipmentAnalysis.run(loaded.snapshot(), equipmentSpec, CliProgress.monitor());
        output.report(spec, json, r, () -> EquipmentReport.of(r), loaded.settings(), TextReport.DEFAULT_ROWS);
        return QuantCommand.OK;
    }
}
