package quant.app.cli;

import java.time.LocalDate;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import quant.core.kpi.KpiBoard;
import quant.core.kpi.KpiPeriod;

/** The options the KPI commands share: {@code --period} and {@code --as-of}. */
final class KpiOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--period",
            paramLabel = "PERIOD",
            defaultValue = "month",
            description = "month, quarter or ytd (default: ${DEFAULT-VALUE}).")
    String period;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "Compute at this date (default: the last activity in the data).")
    LocalDate asOf;

    /** The KPI board's spec; a period that is none of the three is a usage error in one sentence. */
    KpiBoard.Spec board() {
        try {
            return new KpiBoard.Spec(KpiPeriod.parse(period), Optional.ofNullable(asOf));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
