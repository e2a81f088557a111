package quant.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.io.OutputPath;
import quant.core.store.Store;
import quant.samples.SampleExporter;
import quant.samples.SampleLoader;
import quant.samples.SampleSource;

/** {@code quant sample (--out DIR | --load) [--scale N] [--deal-copies M]}: the bundled sample company. */
@Command(
        name = "sample",
        mixinStandardHelpOptions = true,
        description = "Write the sample company's files, or load it into an empty database.")
final class SampleCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Option(
                names = "--out",
                paramLabel = "DIR",
                description = "Write one CSV per table and the owner's XLSX workbook to DIR.")
        Path out;

        @Option(
                names = "--load",
                description = "Load the sample company into the database given with --db (it must be empty).")
        boolean load;
    }

    @Option(
            names = "--scale",
            paramLabel = "N",
            defaultValue = "1",
            description =
                    "Multiply the company N times, 1 to 100 (N=61 gives over 1,000,000 jobs). Default: ${DEFAULT-VALUE}.")
    int scale;

    @Option(
            names = "--deal-copies",
            paramLabel = "M",
            description =
                    "With --load: copy the deals and their stage history M times, 1 to 1,000 (at least --scale; copy k"
                            + " belongs to the customers of copy k mod N), for a sales team with many more deals."
                            + " Default: the scale.")
    Integer dealCopies;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        if (scale < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--scale must be at least 1");
        }
        int deals = dealCopies == null ? scale : dealCopies;
        if (deals < scale) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--deal-copies must be at least the scale (" + scale + ")");
        }
        if (dealCopies != null && target.out != null) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--deal-copies works with --load only");
        }
        if (target.out != null) {
            if (Files.exists(target.out) && !Files.isDirectory(target.out)) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "--out names the file " + target.out + "; give a folder");
            }
            Files.createDirectories(target.out);
            List<OutputPath.Protected> keep = parent.database().protectedFiles();
            for (String name : SampleExporter.fileNames()) {
                OutputPath.check(target.out.resolve(name), "--out", keep);
            }
            long rows = SampleExporter.export(target.out, scale, CliProgress.monitor());
            out.printf(
                    "Wrote %,d rows of the sample company (scale %d) to %s%n",
                    rows, scale, target.out.toAbsolutePath());
        } else {
            Store.writeInto(parent.databaseToWrite(), store -> {
                SampleLoader.Result result =
                        SampleLoader.load(store, new SampleSource(scale, deals), CliProgress.monitor());
                out.printf(
                        "Loaded %,d rows of the sample company (scale %d%s) into %s in %.1f s%n",
                        result.total(),
                        scale,
                        deals == scale ? "" : ", deals ×" + deals,
                        store.location().describe(),
                        result.took().toMillis() / 1000.0);
                return result;
            });
        }
        out.flush();
        return QuantCommand.OK;
    }
}
