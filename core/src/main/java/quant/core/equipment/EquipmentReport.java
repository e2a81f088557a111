package quant.core.equipment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import quant.core.report.Column;
import quant.core.report.KeyFigure;
import quant.core.report.Report;
import quant.core.report.ReportTable;

/**
 * The equipment analysis as a report: the fleet's key figures, the survival chart of each group with its
 * Weibull, the riskiest assets, the assets (the main table), the groups' fits, and one asset's history
 * when one was asked for.
 */
public final class EquipmentReport {
    public static final String ID = "equipment";

    private EquipmentReport() {}

    public static Report of(EquipmentResult r) {
        String title = r.events().isEmpty() || r.assets().size() != 1
                ? "Equipment: reliability, next service and return"
                : "Equipment: " + r.assets().getFirst().ref() + " "
                        + r.assets().getFirst().name();
        Report.Builder b = Report.builder(ID, title, r.asOf());
        figures(r).forEach(b::figure);
        for (EquipmentResult.Group g : r.groups()) {
            b.chart("survival-" + key(g.name()), "Still running: " + g.name(), () -> EquipmentCharts.survival(g));
        }
        if (!r.events().isEmpty()) {
            b.chart(
                    "history",
                    "History",
                    () -> EquipmentCharts.history(
                            "History of " + r.assets().getFirst().ref(), r.events()));
        } else {
            b.chart("risk", "Most likely to fail next", () -> EquipmentCharts.risk(r.assets()));
        }
        b.table(new ReportTable<>("assets", "Assets, most likely to fail first", assetColumns(), r.assets()));
        b.table(new ReportTable<>("groups", "Time between failures by group", groupColumns(), r.groups()));
        if (!r.events().isEmpty()) {
            b.table(new ReportTable<>("history", "History", eventColumns(), r.events()));
        }
        r.notes().forEach(b::note);
        return b.definitions(r.definitions()).build();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    public static List<KeyFigure> figures(EquipmentResult r) {
        List<KeyFigure> out = new ArrayList<>();
        long running =
                r.assets().stream().filter(a -> a.state().equals("running")).count();
        long down = r.assets().stream()
                .filter(a -> a.state().equals("under repair"))
                .count();
        out.add(KeyFigure.count(
                "assets", "Assets", r.assets().size(), "", running + " running, " + down + " under repair"));
        LocalDate soon = r.asOf().date().plusDays(30);
        long due = r.assets().stream()
                .filter(a ->
                        a.suggestedService() != null && !a.suggestedService().isAfter(soon))
                .count();
        out.add(KeyFigure.count("service-due", "Service suggested", due, "", "within 30 days"));
        int failures =
                r.assets().stream().mapToInt(EquipmentResult.Asset::failures).sum();
        out.add(KeyFigure.count("failures", "Failures", failures, "", "since " + r.historyStart()));
        double downtime = r.assets().stream()
                .mapToDouble(EquipmentResult.Asset::downtimeHours)
                .sum();
        out.add(KeyFigure.decimal("downtime", "Downtime", downtime, "hours", 0, "since " + r.historyStart()));
        int dueAll =
                r.assets().stream().mapToInt(EquipmentResult.Asset::servicesDue).sum();
        int onTime = r.assets().stream()
                .mapToInt(EquipmentResult.Asset::servicesOnTime)
                .sum();
        out.add(KeyFigure.percent(
                "compliance",
                "Services on time",
                dueAll > 0 ? (double) onTime / dueAll : Double.NaN,
                onTime + " of " + dueAll + " due"));
        return out;
    }

    public static List<Column<EquipmentResult.Asset>> assetColumns() {
        return List.of(
                Column.text("ref", "Asset", "", EquipmentResult.Asset::ref),
                Column.text("name", "Name", "", EquipmentResult.Asset::name),
                Column.text("state", "State", "running, under repair or retired", EquipmentResult.Asset::state),
                Column.percent(
                        "risk-30",
                        "Fails in 30 days",
                        "Chance, given its age since its last renewal",
                        EquipmentResult.Asset::risk30),
                Column.percent("risk-90", "Fails in 90 days", "Chance, given its age", EquipmentResult.Asset::risk90),
                Column.date(
                        "service", "Service from", "Suggested service date", EquipmentResult.Asset::suggestedService),
                Column.decimal("age", "Age", "years", 1, "Since purchase", EquipmentResult.Asset::ageYears),
                Column.decimal(
                        "since-renewal",
                        "Since renewal",
                        "",
                        0,
                        "Days, or hours of use for a machine",
                        EquipmentResult.Asset::currentAge),
                Column.integer("failures", "Failures", "", "In the records", EquipmentResult.Asset::failures),
                Column.percent("compliance", "Services on time", "On time ÷ due", EquipmentResult.Asset::compliance),
                Column.decimal(
                        "downtime",
                        "Downtime",
                        "hours",
                        0,
                        "Out of service, in the records",
                        EquipmentResult.Asset::downtimeHours),
                Column.money(
                        "maintenance", "Maintenance", "Cost of its services", EquipmentResult.Asset::maintenanceCost),
                Column.money(
                        "repairs", "Repairs", "Cost of its failures and repairs", EquipmentResult.Asset::repairCost),
                Column.money("revenue", "Revenue served", "Of the jobs it served", EquipmentResult.Asset::revenue),
                Column.percent(
                        "return",
                        "Return a year",
                        "(Margin − upkeep) a year ÷ its cost",
                        EquipmentResult.Asset::annualReturn),
                Column.money(
                        "failure-cost",
                        "A failure costs",
                        "Repair + downtime × revenue per hour",
                        EquipmentResult.Asset::expectedFailureCost),
                Column.money("service-cost", "A service costs", "Its average", EquipmentResult.Asset::serviceCost),
                Column.text("group", "Group", "Its survival curve", EquipmentResult.Asset::group),
                Column.text("why", "Service note", "", EquipmentResult.Asset::serviceNote));
    }

    public static List<Column<EquipmentResult.Group>> groupColumns() {
        return List.of(
                Column.text("group", "Group", "", EquipmentResult.Group::name),
                Column.text("clock", "Clock", "days or hours of use", EquipmentResult.Group::clock),
                Column.integer("assets", "Assets", "", "", EquipmentResult.Group::assets),
                Column.integer(
                        "runs", "Runs", "", "From a renewal to a failure or the end", EquipmentResult.Group::runs),
                Column.integer("failures", "Failures", "", "", EquipmentResult.Group::failures),
                Column.decimal("median", "Median life", "", 0, "Kaplan–Meier", EquipmentResult.Group::medianLife),
                Column.decimal("shape", "Shape", "", 2, "Weibull; above 1: wear-out", EquipmentResult.Group::shape),
                Column.decimal("shape-lower", "Shape low", "", 2, "95 %", EquipmentResult.Group::shapeLower),
                Column.decimal("shape-upper", "Shape high", "", 2, "95 %", EquipmentResult.Group::shapeUpper),
                Column.decimal(
                        "scale", "Scale", "", 0, "Weibull: the age by which 63 % fail", EquipmentResult.Group::scale),
                Column.decimal("scale-lower", "Scale low", "", 0, "95 %", EquipmentResult.Group::scaleLower),
                Column.decimal("scale-upper", "Scale high", "", 0, "95 %", EquipmentResult.Group::scaleUpper));
    }

    public static List<Column<EquipmentResult.Event>> eventColumns() {
        return List.of(
                Column.date("day", "Day", "", EquipmentResult.Event::day),
                Column.text("type", "What", "", EquipmentResult.Event::type),
                Column.decimal("downtime", "Downtime", "hours", 1, "", EquipmentResult.Event::downtimeHours),
                Column.money("cost", "Cost", "", EquipmentResult.Event::cost),
                Column.text("notes", "Notes", "", EquipmentResult.Event::notes));
    }
}
