package quant.core.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import quant.core.report.Column;
import quant.core.report.KeyFigure;
import quant.core.report.Report;
import quant.core.report.ReportTable;
import quant.core.report.Status;

/**
 * Technicians as a report: the team's jobs, first-time fix, utilisation, hours ratio, rating and
 * margin per hour; the league table (the main table) with the team's total, the score chart, the
 * service lines' key people, and month by month (data only).
 */
public final class TechnicianReport {
    public static final String ID = "technicians";

    private TechnicianReport() {}

    public static Report of(TechnicianResult r) {
        Report.Builder b = Report.builder(ID, "Technicians: performance and scorecards", r.asOf())
                .spec("Window", r.months() + " months from " + r.from())
                .spec("Rows", "trade".equals(r.by()) ? "main trades" : "technicians")
                .spec(
                        "Score weights",
                        String.format(
                                Locale.ROOT,
                                "time %.0f %%, quality %.0f %%, rating %.0f %%",
                                100 * r.weights().time(),
                                100 * r.weights().quality(),
                                100 * r.weights().rating()));
        figures(r).forEach(b::figure);
        if (r.technicians().stream().anyMatch(t -> t.jobs() > 0)) {
            b.chart("scores", "Technician scores", () -> TechnicianCharts.scores(r.technicians(), r.weights()));
        }
        b.table(new ReportTable<>("technicians", "League table", columns(r.weights()), r.technicians(), r.team()));
        b.table(new ReportTable<>(
                "key-people", "Service lines and their key people", keyPeopleColumns(), r.keyPeople()));
        b.table(new ReportTable<>("months", "Month by month", monthColumns(), r.trend()).dataOnly());
        r.notes().forEach(b::note);
        return b.definitions(r.definitions()).build();
    }

    /** The headline figures: the team's. */
    public static List<KeyFigure> figures(TechnicianResult r) {
        TechnicianResult.Technician t = r.team();
        List<KeyFigure> out = new ArrayList<>();
        out.add(KeyFigure.count("jobs", "Jobs completed", t.jobs(), "", r.months() + " months"));
        out.add(KeyFigure.percent("first-time-fix", "First-time fix", t.firstTimeFix(), t.callbacks() + " callbacks"));
        out.add(KeyFigure.percent("utilisation", "Utilisation", t.utilisation(), "jobs + travel ÷ shift hours"));
        out.add(KeyFigure.decimal(
                "hours-ratio", "Actual ÷ estimated", t.hoursRatio(), "×", 2, "hours against the estimate"));
        if (t.rating() != null) {
            out.add(KeyFigure.decimal("rating", "Average rating", t.rating(), "of 5", 2, t.rated() + " ratings"));
        }
        out.add(KeyFigure.money("margin-per-hour", "Margin per hour", t.marginPerHour(), "after travel cost"));
        long flagged = r.keyPeople().stream()
                .filter(TechnicianResult.KeyPerson::flagged)
                .count();
        out.add(KeyFigure.count(
                        "key-people",
                        "Lines on one person",
                        flagged,
                        "",
                        "of " + r.keyPeople().size() + " lines")
                .judged(flagged > 0 ? Status.WARNING : Status.OK));
        return out;
    }

    /** The league table's columns. */
    public static List<Column<TechnicianResult.Technician>> columns(TechnicianResult.Weights w) {
        return List.of(
                Column.text("technician", "Technician", "", TechnicianResult.Technician::name),
                Column.text("trade", "Trade", "The service line of most of the jobs", t -> t.tradeName()),
                Column.integer(
                        "rank", "Rank", "", "Place within the trade by score", t -> t.rank() == 0 ? null : t.rank()),
                Column.decimal(
                        "score",
                        "Score",
                        "",
                        0,
                        "0–100, compared within the trade",
                        TechnicianResult.Technician::score),
                Column.decimal(
                        "time-points",
                        "Time pts",
                        "",
                        1,
                        "Weight × time points (actual ÷ estimated hours)",
                        t -> Double.isNaN(t.timeScore()) ? null : t.timePoints(w)),
                Column.decimal(
                        "quality-points",
                        "Quality pts",
                        "",
                        1,
                        "Weight × quality points (first-time fix)",
                        t -> Double.isNaN(t.qualityScore()) ? null : t.qualityPoints(w)),
                Column.decimal(
                        "rating-points",
                        "Rating pts",
                        "",
                        1,
                        "Weight × rating points",
                        t -> Double.isNaN(t.ratingScore()) ? null : t.ratingPoints(w)),
                Column.integer("jobs", "Jobs", "", "Jobs completed in the window", TechnicianResult.Technician::jobs),
                Column.percent(
                        "completion", "Completion", "Completed ÷ scheduled", TechnicianResult.Technician::completion),
                Column.decimal(
                        "hours-ratio",
                        "Act ÷ est",
                        "×",
                        2,
                        "Actual ÷ estimated hours",
                        TechnicianResult.Technician::hoursRatio),
                Column.percent(
                        "utilisation",
                        "Utilisation",
                        "(Job + travel hours) ÷ shift hours",
                        TechnicianResult.Technician::utilisation),
                Column.percent(
                        "first-time-fix",
                        "First-time fix",
                        "1 − callbacks ÷ first visits",
                        TechnicianResult.Technician::firstTimeFix),
                Column.integer(
                        "callbacks",
                        "Callbacks",
                        "",
                        "First visits a callback revisited",
                        TechnicianResult.Technician::callbacks),
                Column.decimal(
                        "rating", "Rating", "", 2, "Mean rating of rated jobs", TechnicianResult.Technician::rating),
                Column.wholeMoney("revenue", "Revenue", "", TechnicianResult.Technician::revenue),
                Column.wholeMoney(
                        "margin", "Margin", "After direct and travel cost", TechnicianResult.Technician::margin),
                Column.money(
                        "revenue-per-hour",
                        "Revenue/h",
                        "Revenue ÷ hours worked",
                        TechnicianResult.Technician::revenuePerHour),
                Column.money(
                        "margin-per-hour",
                        "Margin/h",
                        "Margin ÷ hours worked",
                        TechnicianResult.Technician::marginPerHour));
    }

    /** The key people's columns. */
    public static List<Column<TechnicianResult.KeyPerson>> keyPeopleColumns() {
        return List.of(
                Column.text("line", "Service line", "", TechnicianResult.KeyPerson::lineName),
                Column.wholeMoney(
                        "revenue", "Revenue", "The line's revenue in the window", TechnicianResult.KeyPerson::revenue),
                Column.integer("technicians", "Technicians", "", "", TechnicianResult.KeyPerson::technicians),
                Column.text("revenue-lead", "Most revenue", "", TechnicianResult.KeyPerson::revenueName),
                Column.percent(
                        "revenue-share",
                        "Share",
                        "Their share of the line's revenue",
                        TechnicianResult.KeyPerson::revenueShare),
                Column.text("hours-lead", "Most hours", "", TechnicianResult.KeyPerson::hoursName),
                Column.percent(
                        "hours-share",
                        "Share of hours",
                        "Their share of the line's hours",
                        TechnicianResult.KeyPerson::hoursShare),
                Column.text("flag", "Key person", "Above the key-person share", k -> k.flagged() ? "yes" : ""));
    }

    /** Month by month. */
    public static List<Column<TechnicianResult.Month>> monthColumns() {
        return List.of(
                Column.text("month", "Month", "", TechnicianResult.Month::month),
                Column.text("technician", "Technician", "", TechnicianResult.Month::name),
                Column.integer("jobs", "Jobs", "", "", TechnicianResult.Month::jobs),
                Column.decimal("hours-ratio", "Act ÷ est", "×", 2, "", TechnicianResult.Month::hoursRatio),
                Column.percent("utilisation", "Utilisation", "", TechnicianResult.Month::utilisation),
                Column.percent("first-time-fix", "First-time fix", "", TechnicianResult.Month::firstTimeFix),
                Column.decimal("rating", "Rating", "", 2, "", TechnicianResult.Month::rating),
                Column.wholeMoney("revenue", "Revenue", "", TechnicianResult.Month::revenue),
                Column.wholeMoney("margin", "Margin", "", TechnicianResult.Month::margin),
                Column.money("margin-per-hour", "Margin/h", "", TechnicianResult.Month::marginPerHour));
    }
}
