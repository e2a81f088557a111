package quant.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import quant.core.report.TextReport;
import quant.core.settings.BusinessSettings;
import quant.core.survival.SurvivalCsv;
import quant.core.survival.SurvivalFiles;

/** {@code quant stats}: statistics on a file, the generic twins of the analyses on the database. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = "Statistics on a CSV file: survival curves and Weibull fits of times to an event.",
        subcommands = {StatsCommand.Survival.class, StatsCommand.WeibullFit.class})
final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return QuantCommand.OK;
    }

    /** The columns both subcommands read. */
    static final class Columns {
        @Parameters(index = "0", paramLabel = "FILE", description = "A CSV file with a header.")
        Path file;

        @Option(
                names = "--time",
                required = true,
                paramLabel = "COL",
                description = "The column of times: of the event, or of censoring.")
        String time;

        @Option(
                names = "--event",
                required = true,
                paramLabel = "COL",
                description = "The column saying whether the event happened at that time (1/0, true/false, yes/no).")
        String event;

        @Option(
                names = "--entry",
                paramLabel = "COL",
                description = "The column of ages at which each subject came under observation (delayed entry).")
        String entry;
    }

    @Command(
            name = "survival",
            mixinStandardHelpOptions = true,
            description = "Kaplan–Meier survival with Greenwood's 95 %% intervals, per group.")
    static final class Survival implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        Columns columns;

        @Option(
                names = "--group",
                paramLabel = "COL",
                description = "A column whose values split the subjects into curves.")
        String group;

        @Option(
                names = "--json",
                description = "Print JSON: {file, delayedEntry, groups[{group, subjects, events, median, steps[{time,"
                        + " atRisk, events, survival, stdErr, lower, upper}]}]}.")
        boolean json;

        @CommandLine.Mixin
        ReportOutput output;

        @Override
        public Integer call() throws Exception {
            output.check(null, columns.file);
            SurvivalCsv data = SurvivalCsv.read(columns.file, columns.time, columns.event, columns.entry, group);
            SurvivalFiles.Survival s = SurvivalFiles.kaplanMeier(data);
            output.report(
                    spec, json, s, () -> SurvivalFiles.report(s), BusinessSettings.DEFAULTS, TextReport.DEFAULT_ROWS);
            return QuantCommand.OK;
        }
    }

    @Command(
            name = "weibull",
            mixinStandardHelpOptions = true,
            description = "A Weibull fitted by maximum likelihood to times with censoring and delayed entry:"
                    + " shape and scale with 95 %% intervals.")
    static final class WeibullFit implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        Columns columns;

        @Option(
                names = "--json",
                description = "Print JSON: {file, delayedEntry, subjects, events, shape, shapeLower, shapeUpper, scale,"
                        + " scaleLower, scaleUpper, logLikelihood}.")
        boolean json;

        @CommandLine.Mixin
        ReportOutput output;

        @Override
        public Integer call() throws Exception {
            output.check(null, columns.file);
            SurvivalCsv data = SurvivalCsv.read(columns.file, columns.time, columns.event, columns.entry, null);
            SurvivalFiles.WeibullFit w = SurvivalFiles.weibull(data);
            output.report(
                    spec, json, w, () -> SurvivalFiles.report(w), BusinessSettings.DEFAULTS, TextReport.DEFAULT_ROWS);
            return QuantCommand.OK;
        }
    }
}
