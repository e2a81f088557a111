package quant.core.forecast.business;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import quant.core.analysis.AsOf;
import quant.core.analysis.InvalidSpecException;
import quant.core.report.Column;
import quant.core.report.KeyFigure;
import quant.core.report.Report;
import quant.core.report.ReportTable;

/** The saved forecasts set against what happened since they were saved, as a report. */
public final class SavedForecastReport {
    public static final String ID = "saved-forecasts";

    private SavedForecastReport() {}

    /**
     * The saved forecasts against what happened.
     *
     * @throws InvalidSpecException when the data hold no jobs to compare with
     */
    public static Report of(ForecastAccuracy.Result r) {
        if (r.dataAsOf() == null) {
            throw new InvalidSpecException(
                    "The database holds no jobs yet, so no saved forecast can be compared with what happened.");
        }
        Report.Builder b = Report.builder(
                ID, "Saved forecasts against what happened", new AsOf(LocalDate.parse(r.dataAsOf()), true));
        b.figure(KeyFigure.count("saved", "Saved forecasts", r.runs().size(), "", "compared with the data"));
        List<SavedMonth> months = new ArrayList<>();
        for (ForecastAccuracy.Run run : r.runs()) {
            run.months().forEach(m -> months.add(new SavedMonth(run, m)));
            b.chart(
                    "saved-" + run.id(),
                    run.label() + " saved " + run.asOf(),
                    () -> ForecastCharts.savedVsActual(run, SavedForecast.REVENUE.equals(run.subject())));
        }
        if (r.runs().isEmpty()) {
            b.note("No saved forecasts yet: save one from the Demand or Revenue view, or run forecast demand or"
                    + " forecast revenue with --save, and compare it once its months have passed.");
        }
        b.table(new ReportTable<>("runs", "Saved forecasts", runColumns(), r.runs()));
        b.table(new ReportTable<>("months", "Month by month", savedMonthColumns(), months));
        return b.definitions(SAVED_DEFINITIONS).build();
    }

    /** One month of one saved forecast. */
    public record SavedMonth(ForecastAccuracy.Run run, ForecastAccuracy.Month month) {}

    /** What the saved forecasts' figures mean. */
    public static final List<String> SAVED_DEFINITIONS = List.of(
            "Each saved month that is over by the data's last activity date is compared with what happened:"
                    + " jobs requested of the line (cancelled ones left out), or revenue of the jobs completed in the month.",
            "MAE: mean |actual − forecast|. MAPE: the same as a share of the actual (months with 0 left out)."
                    + " Bias: mean (actual − forecast), positive when the forecast was too low.",
            "In 80 % / 95 %: the share of months whose actual fell inside the forecast's bounds; honest bounds hold"
                    + " about 80 % and 95 % of them over many months.");

    /** The saved forecasts' columns, on screen and in files. */
    public static List<Column<ForecastAccuracy.Run>> runColumns() {
        return List.of(
                Column.integer("id", "Id", "", "The saved forecast's number", ForecastAccuracy.Run::id),
                Column.text("saved", "Saved", "When it was saved", x -> x.savedAt()
                        .substring(0, 16)
                        .replace('T', ' ')),
                Column.text("as-of", "As of", "The data's date it was made at", ForecastAccuracy.Run::asOf),
                Column.text("series", "Series", "", ForecastAccuracy.Run::label),
                Column.text("model", "Model", "", ForecastAccuracy.Run::model),
                Column.text(
                        "months-over",
                        "Months over",
                        "Months compared of those saved",
                        x -> x.compared() + " of " + x.months().size()),
                Column.decimal("mae", "MAE", "", 1, "Mean |actual − forecast|", ForecastAccuracy.Run::mae),
                Column.percent("mape", "MAPE", "MAE as a share of the actual", ForecastAccuracy.Run::mape),
                Column.decimal("bias", "Bias", "", 1, "Mean (actual − forecast)", ForecastAccuracy.Run::bias),
                Column.percent(
                        "coverage-80",
                        "In 80 %",
                        "Share of months inside the 80 % bounds",
                        ForecastAccuracy.Run::coverage80),
                Column.percent(
                        "coverage-95",
                        "In 95 %",
                        "Share of months inside the 95 % bounds",
                        ForecastAccuracy.Run::coverage95),
                Column.text("note", "Note", "", x -> x.note() == null ? "" : x.note()));
    }

    private static List<Column<SavedMonth>> savedMonthColumns() {
        return List.of(
                Column.integer("id", "Id", "", "The saved forecast's number", m -> m.run()
                        .id()),
                Column.text("series", "Series", "", m -> m.run().label()),
                Column.text("month", "Month", "", m -> m.month().month()),
                Column.decimal("forecast", "Forecast", "", 1, "", m -> m.month().mean()),
                Column.decimal("lower-80", "80 % low", "", 1, "", m -> m.month().lower80()),
                Column.decimal(
                        "upper-80", "80 % high", "", 1, "", m -> m.month().upper80()),
                Column.decimal("actual", "Actual", "", 1, "What happened, once the month is over", m -> m.month()
                        .actual()));
    }
}
