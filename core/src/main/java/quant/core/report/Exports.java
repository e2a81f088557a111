package quant.core.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import quant.core.analysis.InvalidSpecException;
import quant.core.io.AtomicFile;

/**
 * Writes a report to a file in the format its name ends in — {@code .pdf}, {@code .xlsx} or {@code
 * .csv} — atomically: the file appears whole or not at all. The caller checks the path first
 * ({@link quant.core.io.OutputPath#check}) so it is never the database, an input or a device.
 */
public final class Exports {
    /** The formats a report is written in. */
    public enum Format {
        PDF,
        XLSX,
        CSV;

        public String extension() {
            return "." + name().toLowerCase(Locale.ROOT);
        }
    }

    private Exports() {}

    /**
     * The format {@code file}'s name asks for.
     *
     * @throws InvalidSpecException naming the formats when the extension is none of them
     */
    public static Format formatOf(Path file) {
        String name =
                file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (Format f : Format.values()) {
            if (name.endsWith(f.extension())) {
                return f;
            }
        }
        throw new InvalidSpecException("The file " + file + " does not end in .pdf, .xlsx or .csv, so there is no"
                + " format to write it in; name it with one of those.");
    }

    /** Writes {@code report} to {@code file} (already checked) in the format of its name. */
    public static void write(Report report, Path file, ExportOptions options) throws IOException {
        Format format = formatOf(file);
        if (format == Format.CSV && options.table() != null) {
            report.table(options.table());
        }
        AtomicFile.write(file, out -> {
            switch (format) {
                case PDF -> PdfReport.write(report, options, out);
                case XLSX -> XlsxReport.write(report, options, out);
                case CSV -> CsvReport.write(report, options, out);
            }
        });
    }
}
