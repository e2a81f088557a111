package quant.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.analysis.Json;
import quant.core.churn.ChurnEvaluation;
import quant.core.churn.FeatureTable;

/** {@code quant churn evaluate|risk}: churn models on a file and churn risk on the database. */
@Command(
        name = "churn",
        mixinStandardHelpOptions = true,
        description =
                "Churn: evaluate a logistic model on a table of customers, or rank the database's customers by risk.",
        subcommands = {ChurnCommand.Evaluate.class, ChurnRiskCommand.class})
final class ChurnCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Name what to do: churn evaluate or churn risk");
    }

    @Command(
            name = "evaluate",
            mixinStandardHelpOptions = true,
            description = "Cross-validate a logistic-regression churn model on a CSV table (one row per customer).")
    static final class Evaluate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = "--table",
                required = true,
                paramLabel = "FILE",
                description = "CSV with a header, one row per customer.")
        Path table;

        @Option(
                names = "--target",
                required = true,
                paramLabel = "COLUMN",
                description = "The outcome column: yes/no, true/false or 1/0.")
        String target;

        @Option(names = "--id", paramLabel = "COLUMN", description = "A column to leave out (the customer's id).")
        String id;

        @Option(
                names = "--folds",
                defaultValue = "5",
                paramLabel = "K",
                description = "Folds, 2 to 100 (default: ${DEFAULT-VALUE}).")
        int folds;

        @Option(
                names = "--seed",
                defaultValue = "1",
                paramLabel = "N",
                description = "Seed of the fold split, any whole number (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--json", description = "Print JSON (keys in docs/cli.md).")
        boolean json;

        @picocli.CommandLine.Mixin
        ReportOutput.FilesOnly output;

        @Override
        public Integer call() throws Exception {
            output.check(null, table);
            ChurnEvaluation e =
                    ChurnEvaluation.run(FeatureTable.read(table, target, id), folds, seed, CliProgress.monitor());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(e));
            } else {
                out.printf(
                        Locale.ROOT,
                        "Logistic regression, %d-fold stratified cross-validation on %,d rows, %d features (churn rate %.1f%%)%n",
                        folds,
                        e.rows(),
                        e.features(),
                        100 * e.churnRate());
                out.printf(
                        Locale.ROOT,
                        "ROC AUC %.4f (mean of folds %.4f), accuracy %.4f%n",
                        e.auc(),
                        e.meanFoldAuc(),
                        e.accuracy());
                for (ChurnEvaluation.Fold f : e.folds()) {
                    out.printf(
                            Locale.ROOT,
                            "  fold %d: %,d rows, AUC %.4f, accuracy %.4f%n",
                            f.fold(),
                            f.rows(),
                            f.auc(),
                            f.accuracy());
                }
                out.println("Strongest features (coefficient per standard deviation; + means more churn):");
                for (ChurnEvaluation.Coefficient c : e.topFeatures()) {
                    out.printf(Locale.ROOT, "  %-40s %+.3f%n", c.feature(), c.coefficient());
                }
                e.notes().forEach(n -> out.println("Note: " + n));
            }
            out.flush();
            if (output.any()) {
                output.write(
                        quant.core.catalog.FileReports.churnEvaluation(e, folds),
                        quant.core.settings.BusinessSettings.DEFAULTS,
                        spec.commandLine().getErr());
            }
            return QuantCommand.OK;
        }
    }
}
