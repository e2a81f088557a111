package quant.app.dashboard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import quant.core.analysis.Commercial;
import quant.core.kpi.Kpi;
import quant.importers.mapping.MappingProfile;

/**
 * A year of KPI targets as the target editor shows them, one row per KPI, and how an edited sheet is
 * saved: as a CSV file of its own source ({@value Commercial.Targets#WORKBENCH}) imported through the
 * import engine, so the change is an audited import run that the import history lists and undo takes
 * back. Rows edited in the workbench come before imported ones for the same days ({@link
 * Commercial.Targets#find}); the imported rows are never rewritten.
 */
final class TargetSheet {
    /** One KPI's target for the year, as typed: numbers in the target's own unit (percent for a {@code _pct}). */
    record Row(Kpi kpi, String target, String warning, String critical, boolean higherIsBetter) {}

    private TargetSheet() {}

    /** The year's rows: each KPI's target row for the middle of the year when there is one, else blanks. */
    static List<Row> of(Commercial.Targets targets, int year) {
        int day = (int) LocalDate.of(year, 7, 1).toEpochDay();
        List<Row> rows = new ArrayList<>();
        for (Kpi k : Kpi.values()) {
            int r = targets == null ? -1 : targets.find(k.targetKey(), day);
            rows.add(
                    r < 0
                            ? new Row(k, "", "", "", k.higherIsBetter())
                            : new Row(
                                    k,
                                    text(targets.target(r)),
                                    text(targets.warning(r)),
                                    text(targets.critical(r)),
                                    targets.higherIsBetter(r)));
        }
        return rows;
    }

    static String text(double v) {
        return Double.isNaN(v)
                ? ""
                : new BigDecimal(v)
                        .setScale(4, java.math.RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString();
    }

    /**
     * The CSV of the rows with a target, for the year.
     *
     * @throws IllegalArgumentException naming the KPI and the field when a value is not a number, or
     *     the levels lie on the wrong side of the target
     */
    static String csv(List<Row> rows, int year) {
        StringBuilder b = new StringBuilder(
                "external_ref,kpi,period_start,period_end,target,warning_level,critical_level,direction\n");
        for (Row r : rows) {
            if (r.target().isBlank()) {
                continue;
            }
            BigDecimal target = number(r, "target", r.target());
            BigDecimal warning = r.warning().isBlank() ? null : number(r, "warning level", r.warning());
            BigDecimal critical = r.critical().isBlank() ? null : number(r, "critical level", r.critical());
            check(r, target, warning, critical);
            b.append("W")
                    .append(year)
                    .append('-')
                    .append(r.kpi().targetKey())
                    .append(',')
                    .append(r.kpi().targetKey())
                    .append(',')
                    .append(LocalDate.of(year, 1, 1))
                    .append(',')
                    .append(LocalDate.of(year, 12, 31))
                    .append(',')
                    .append(target.toPlainString())
                    .append(',')
                    .append(warning == null ? "" : warning.toPlainString())
                    .append(',')
                    .append(critical == null ? "" : critical.toPlainString())
                    .append(',')
                    .append(r.higherIsBetter() ? "higher" : "lower")
                    .append('\n');
        }
        return b.toString();
    }

    private static BigDecimal number(Row r, String field, String text) {
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "The " + field + " of " + name(r.kpi()) + " must be a number, not \"" + text.strip() + "\".");
        }
    }

    private static void check(Row r, BigDecimal target, BigDecimal warning, BigDecimal critical) {
        int sign = r.higherIsBetter() ? 1 : -1;
        String name = name(r.kpi());
        if (warning != null && sign * warning.compareTo(target) > 0) {
            throw new IllegalArgumentException("The warning level of " + name + " must not be "
                    + (r.higherIsBetter() ? "above" : "below") + " its target.");
        }
        if (warning != null && critical != null && sign * critical.compareTo(warning) > 0) {
            throw new IllegalArgumentException("The critical level of " + name + " must not be "
                    + (r.higherIsBetter() ? "above" : "below") + " its warning level.");
        }
    }

    /** The KPI's name inside a sentence: "gross margin", but "DSO" and "LTV:CAC" as they are. */
    static String name(Kpi k) {
        String t = k.title();
        return t.length() > 1 && Character.isUpperCase(t.charAt(1))
                ? t
                : Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }

    /** The mapping the sheet is imported with: table kpi_target, source workbench, keyed by reference. */
    static MappingProfile profile() {
        String json = """
                {"description": "Targets set in the workbench's target editor", "table": "kpi_target",
                 "source": "%s",
                 "reader": {"encoding": "UTF-8", "delimiter": ",", "headerRow": 1, "dateOrder": "YMD",
                            "decimalMark": "DOT"},
                 "key": ["external_ref"],
                 "columns": [{"from": "kpi", "to": "kpi"}, {"from": "period_start", "to": "period_start"},
                   {"from": "period_end", "to": "period_end"}, {"from": "target", "to": "target"},
                   {"from": "warning_level", "to": "warning_level"},
                   {"from": "critical_level", "to": "critical_level"}, {"from": "direction", "to": "direction"}]}
                """.formatted(Commercial.Targets.WORKBENCH);
        return MappingProfile.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "the target editor");
    }

    /** Writes the sheet for the import: {@code targets-YEAR.csv} in a folder of its own, named for the history. */
    static Path write(List<Row> rows, int year) throws IOException {
        Path dir = Files.createTempDirectory("quant-targets");
        Path file = dir.resolve("targets-" + year + ".csv");
        Files.writeString(file, csv(rows, year), StandardCharsets.UTF_8);
        return file;
    }
}
