package quant.core.routing;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import quant.core.io.SpreadsheetText;
import quant.core.report.PdfSheet;

/**
 * Run sheets: what each technician takes on the road for a planned day — where to go in which order,
 * when to arrive, the arrival window promised to the customer, and the drive to each stop. One CSV
 * with a row per stop (and the technician on every row), or one PDF page (or more) per technician.
 */
public final class RunSheets {

    private RunSheets() {}

    /** The CSV columns, in order. */
    public static final List<String> CSV_COLUMNS = List.of(
            "date",
            "technician",
            "stop",
            "job",
            "customer",
            "address",
            "service_line",
            "priority",
            "window",
            "arrive",
            "start",
            "finish",
            "drive_minutes",
            "drive_km");

    /**
     * One stop of a technician's day, as a run sheet lists it.
     *
     * @param technician the route's label
     * @param number 1 for the first stop
     * @param arrive minutes since midnight, as are start and finish
     * @param driveMinutes the drive to this stop
     * @param driveKm its length
     */
    public record Stop(
            String technician,
            int number,
            String job,
            String customer,
            String address,
            String line,
            String priority,
            String window,
            double arrive,
            double start,
            double finish,
            double driveMinutes,
            double driveKm) {
        List<String> cells() {
            return List.of(
                    String.valueOf(number),
                    job,
                    customer,
                    address,
                    line,
                    priority,
                    window,
                    clock(arrive),
                    clock(start),
                    clock(finish),
                    String.format(Locale.ROOT, "%.0f", driveMinutes),
                    String.format(Locale.ROOT, "%.1f", driveKm));
        }
    }

    /**
     * The routes to print: those of {@code technicianIds} in the plan's order, or every route with stops
     * when the list is empty.
     */
    static List<RoutePlan.Route> routes(DayPlan d, List<String> technicianIds) {
        List<RoutePlan.Route> out = new ArrayList<>();
        for (RoutePlan.Route r : d.plan().routes()) {
            if (technicianIds.isEmpty() ? r.used() : technicianIds.contains(r.vehicleId())) {
                out.add(r);
            }
        }
        return out;
    }

    /** Every stop of the chosen technicians (all with stops when the list is empty), route by route. */
    public static List<Stop> stops(DayPlan d, List<String> technicianIds) {
        List<Stop> out = new ArrayList<>();
        for (RoutePlan.Route r : routes(d, technicianIds)) {
            out.addAll(stops(d, r));
        }
        return out;
    }

    private static List<Stop> stops(DayPlan d, RoutePlan.Route r) {
        Map<String, WorkDay.Job> jobs = new HashMap<>();
        for (WorkDay.Job j : d.day().jobs()) {
            jobs.put(String.valueOf(j.id()), j);
        }
        List<Stop> out = new ArrayList<>();
        int n = 0;
        for (RoutePlan.Visit v : r.stops()) {
            WorkDay.Job j = jobs.get(v.stopId());
            out.add(new Stop(
                    r.label(),
                    ++n,
                    j == null ? v.stopId() : j.ref(),
                    j == null ? v.label() : j.customer(),
                    j == null ? "" : j.address(),
                    j == null || j.line() == null ? "" : j.line(),
                    j == null ? "" : j.priority(),
                    j == null ? "" : window(j),
                    v.arrival(),
                    v.start(),
                    v.end(),
                    v.travelTime(),
                    v.distance()));
        }
        return out;
    }

    /** A job's arrival window as {@code 10:00–12:00} (an open end left empty), or empty when it has none. */
    public static String window(WorkDay.Job j) {
        if (j.windowStart() < 0 && j.windowEnd() < 0) {
            return "";
        }
        return (j.windowStart() < 0 ? "" : clock(j.windowStart())) + "–"
                + (j.windowEnd() < 0 ? "" : clock(j.windowEnd()));
    }

    /** Minutes since midnight as {@code HH:mm}. */
    public static String clock(double minutes) {
        long m = Math.round(minutes);
        return String.format(Locale.ROOT, "%02d:%02d", m / 60, m % 60);
    }

    /** Writes one CSV of the chosen technicians' stops. */
    public static void csv(DayPlan d, List<String> technicianIds, Writer out) throws IOException {
        CsvWriter csv = CsvWriter.builder().build(out);
        csv.writeRecord(CSV_COLUMNS);
        for (Stop l : stops(d, technicianIds)) {
            List<String> row = new ArrayList<>();
            row.add(d.date().toString());
            row.add(SpreadsheetText.neutralise(l.technician()));
            row.addAll(l.cells().stream().map(SpreadsheetText::neutralise).toList());
            csv.writeRecord(row);
        }
        csv.flush();
    }

    /** Writes a PDF (A4 landscape) with each chosen technician's run sheet starting on a page of its own. */
    public static void pdf(DayPlan d, List<String> technicianIds, OutputStream out) throws IOException {
        List<PdfSheet.Column> columns = List.of(
                new PdfSheet.Column("#", 18, true),
                new PdfSheet.Column("Job", 54, false),
                new PdfSheet.Column("Customer", 145, false),
                new PdfSheet.Column("Address", 175, false),
                new PdfSheet.Column("Line", 44, false),
                new PdfSheet.Column("Priority", 48, false),
                new PdfSheet.Column("Window", 70, false),
                new PdfSheet.Column("Arrive", 40, true),
                new PdfSheet.Column("Work", 76, true),
                new PdfSheet.Column("Drive", 46, true),
                new PdfSheet.Column("km", 40, true));
        try (PdfSheet sheet = new PdfSheet("Run sheets " + d.date(), true)) {
            for (RoutePlan.Route r : routes(d, technicianIds)) {
                sheet.newPage();
                sheet.heading(r.label() + " — " + d.date());
                sheet.text(String.format(
                        Locale.ROOT,
                        "%d %s. Leave at %s; %s by %s. Driving %.0f min over %.1f km; on site %.1f h;"
                                + " waiting %.0f min.",
                        r.stops().size(),
                        r.stops().size() == 1 ? "stop" : "stops",
                        clock(r.depart()),
                        d.settings().returnHome() ? "back home" : "last job done",
                        clock(r.back()),
                        r.travelTime(),
                        r.distance(),
                        r.workTime() / 60,
                        r.idleTime()));
                List<List<String>> rows = new ArrayList<>();
                for (Stop l : stops(d, r)) {
                    List<String> c = l.cells();
                    rows.add(List.of(
                            c.get(0),
                            c.get(1),
                            c.get(2),
                            c.get(3),
                            c.get(4),
                            c.get(5),
                            c.get(6),
                            c.get(7),
                            c.get(8) + "–" + c.get(9),
                            c.get(10) + " min",
                            c.get(11)));
                }
                if (rows.isEmpty()) {
                    sheet.text("No stops planned.");
                } else {
                    sheet.table(columns, rows);
                }
            }
            if (routes(d, technicianIds).isEmpty()) {
                sheet.heading("Run sheets — " + d.date());
                sheet.text("No technician has a stop in this plan.");
            }
            sheet.save(out);
        }
    }
}
