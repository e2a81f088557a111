package quant.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import quant.core.analysis.InvalidSpecException;
import quant.core.job.JobMonitor;

/** A small hand-made day: planning, re-planning it in the app's terms, and its run sheets. */
class DayPlannerTest {
    private static final LocalDate DAY = LocalDate.of(2025, 7, 1);
    private static final RouteSearch.Limits LIMITS = new RouteSearch.Limits(java.time.Duration.ofSeconds(5), 1, 2000);

    /** Two technicians 10 km apart; two HVAC jobs near Ana, one plumbing job near Ben, one unlocated. */
    static WorkDay day() {
        List<WorkDay.Technician> techs = List.of(
                new WorkDay.Technician(1, "T1", "Ana Ruiz", Set.of("HVAC"), 480, 1020, 40.00, -75.00, 30),
                new WorkDay.Technician(2, "T2", "Ben Ode", Set.of("PLUMB"), 480, 1020, 40.09, -75.00, 30));
        List<WorkDay.Job> jobs = List.of(
                job(11, "J11", "Cold Room Ltd", 40.01, -75.00, "HVAC", 600, 720, 9 * 60),
                job(12, "J12", "Heat & Co", 40.02, -75.01, "HVAC", -1, -1, 13 * 60),
                job(13, "J13", "Pipe Dreams", 40.08, -75.00, "PLUMB", 480, 600, 8 * 60),
                job(14, "J14", "Nowhere Inc", Double.NaN, Double.NaN, "HVAC", -1, -1, 10 * 60));
        return new WorkDay(DAY, techs, jobs, List.of(), List.of(), List.of());
    }

    private static WorkDay.Job job(
            long id, String ref, String customer, double lat, double lon, String line, int open, int close, int at) {
        return new WorkDay.Job(
                id,
                ref,
                customer,
                "C" + id,
                "1 Main St",
                lat,
                lon,
                line,
                "normal",
                1.5,
                open,
                close,
                200,
                0,
                at,
                false,
                -1);
    }

    @Test
    void plansEachJobWithTheTechnicianWhoHasTheSkillAndSaysWhyTheUnlocatedOneIsOut() {
        DayPlan d = DayPlanner.plan(day(), RouteSettings.DEFAULTS, LIMITS, JobMonitor.NONE);
        assertEquals(List.of("12", "11"), d.plan().orders().get("1"), "the open job fills the wait for 10:00");
        assertEquals(List.of("13"), d.plan().orders().get("2"));
        assertEquals(1, d.unplannable().size());
        assertEquals(
                "The customer Nowhere Inc has no map position.",
                d.unplannable().getFirst().reason());
        // Ana leaves at 08:00. To J12: 2.2239 km north and 0.8518 km west (0.01° × 111.195 × cos 40°),
        // 2.3814 km great-circle × 1.3 = 3.0959 road km, 8 + 1.6 × 3.0959 = 12.95 min; 1.5 h there.
        RoutePlan.Visit first = d.plan().route("1").stops().getFirst();
        assertEquals(480 + 8 + 1.6 * 1.3 * 2.3814, first.arrival(), 0.01);
        assertEquals(first.arrival() + 90, first.end(), 1e-9);
        // Then J11, 1.4010 km away (10.91 min): she arrives 09:54 and waits for the window to open at 10:00.
        RoutePlan.Visit second = d.plan().route("1").stops().get(1);
        assertEquals(first.end() + 8 + 1.6 * 1.3 * 1.4010, second.arrival(), 0.01);
        assertEquals(600, second.start(), 1e-9);
        assertEquals(690, second.end(), 1e-9);
    }

    @Test
    void replanningCancelsAJobAndFitsAnEmergencyWithTheSkilledTechnician() {
        DayPlan d = DayPlanner.plan(day(), RouteSettings.DEFAULTS, LIMITS, JobMonitor.NONE);
        DayPlanner.Addition burst = new DayPlanner.Addition(
                "NEW1", "Burst Pipe Cafe", "C99", "9 Mill Rd", 40.05, -75.00, "PLUMB", "emergency", 2, 9 * 60, 12 * 60);
        DayPlan after = DayPlanner.replan(d, 9 * 60, Set.of("11"), List.of(burst), LIMITS, JobMonitor.NONE);

        assertEquals(List.of("12"), after.plan().orders().get("1"), "J12 under way since 08:13, J11 cancelled");
        assertTrue(after.plan().route("1").stops().getFirst().fixed());
        List<String> ben = after.plan().orders().get("2");
        assertEquals(2, ben.size(), "J13 started, then the emergency");
        assertEquals("13", ben.getFirst());
        RoutePlan.Visit emergency = after.plan().route("2").stops().get(1);
        assertEquals("NEW1 Burst Pipe Cafe", emergency.label());
        assertTrue(emergency.start() >= 9 * 60 && emergency.start() <= 12 * 60, "within its window, after now");
        assertTrue(
                emergency.start() >= after.plan().route("2").stops().getFirst().end());
        assertEquals(
                List.of("J11"),
                after.day().cancelled().stream().map(WorkDay.Job::ref).toList());
        assertTrue(after.day().jobs().stream().anyMatch(j -> j.ref().equals("NEW1")));
    }

    @Test
    void startedWorkCannotBeCancelled() {
        DayPlan d = DayPlanner.plan(day(), RouteSettings.DEFAULTS, LIMITS, JobMonitor.NONE);
        InvalidSpecException e = assertThrows(
                InvalidSpecException.class,
                () -> DayPlanner.replan(d, 11 * 60, Set.of("12"), List.of(), LIMITS, JobMonitor.NONE));
        assertEquals("J12 Heat & Co cannot be cancelled: work there started at 08:13.", e.getMessage());
        assertThrows(
                InvalidSpecException.class,
                () -> new DayPlanner.Addition("NEW1", "X", "", "", 40, -75, "HVAC", "high", 0, 600, 700));
    }

    @Test
    void runSheetsListEachTechniciansStopsInOrderAsCsvAndPdf() throws Exception {
        DayPlan d = DayPlanner.plan(day(), RouteSettings.DEFAULTS, LIMITS, JobMonitor.NONE);
        StringWriter csv = new StringWriter();
        RunSheets.csv(d, List.of(), csv);
        String[] rows = csv.toString().split("\r?\n");
        assertEquals(String.join(",", RunSheets.CSV_COLUMNS), rows[0]);
        assertEquals(4, rows.length, "header and three stops");
        assertTrue(
                rows[1].startsWith(
                        "2025-07-01,Ana Ruiz,1,J12,Heat & Co,1 Main St,HVAC,normal,,08:13,08:13,09:43,13,3.1"),
                rows[1]);
        assertTrue(
                rows[2].startsWith(
                        "2025-07-01,Ana Ruiz,2,J11,Cold Room Ltd,1 Main St,HVAC,normal,10:00–12:00,09:54,10:00,11:30,"),
                rows[2]);
        assertTrue(rows[3].startsWith("2025-07-01,Ben Ode,1,J13,"), rows[3]);

        StringWriter one = new StringWriter();
        RunSheets.csv(d, List.of("2"), one);
        assertEquals(2, one.toString().split("\r?\n").length);

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        RunSheets.pdf(d, List.of(), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            assertEquals(2, doc.getNumberOfPages(), "a page per technician");
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(1);
            String ana = text.getText(doc);
            assertTrue(ana.contains("Ana Ruiz — 2025-07-01"), ana);
            assertTrue(ana.contains("Cold Room Ltd") && ana.contains("Heat & Co"), ana);
            assertFalse(ana.contains("Pipe Dreams"), ana);
            assertTrue(ana.contains("page 1 of 2"), ana);
            assertNotNull(doc.getDocumentInformation().getTitle());
        }
    }

    @Test
    void importedTravelTimesReplaceTheCoordinateRuleForTheirPairsInEitherDirection() {
        WorkDay d = day();
        // only the reverse direction of Ben's drive is given, with no km: 33 minutes, km from coordinates
        WorkDay withMatrix = new WorkDay(
                d.date(),
                d.technicians(),
                d.jobs(),
                d.cancelled(),
                d.notes(),
                List.of(
                        new TravelTimes.Leg("C13", "T2", 33, Double.NaN),
                        new TravelTimes.Leg("T1", "C12", 20, 7.5),
                        new TravelTimes.Leg("T1", "C11", 20, 7.5)));
        DayPlan p = DayPlanner.plan(withMatrix, RouteSettings.DEFAULTS, LIMITS, JobMonitor.NONE);
        RoutePlan.Visit ben = p.plan().route("2").stops().getFirst();
        assertEquals(33, ben.travelTime(), 1e-9);
        assertEquals(480 + 33, ben.arrival(), 1e-9);
        // 0.01° of latitude = 1.11195 km great-circle × 1.3
        assertEquals(1.3 * 1.11195, ben.distance(), 1e-3);
        RoutePlan.Visit ana = p.plan().route("1").stops().getFirst();
        assertEquals(20, ana.travelTime(), 1e-9);
        assertEquals(7.5, ana.distance(), 1e-9);
    }

    @Test
    void aTravelTimeFileIsCheckedRowByRow(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("times.csv");
        java.nio.file.Files.writeString(f, "from,to,minutes,km\nT1,C11,12,4.5\nC11,C12,7,\n");
        var legs = TravelTimes.read(f);
        assertEquals(2, legs.size());
        assertEquals(new TravelTimes.Leg("T1", "C11", 12, 4.5), legs.get("T1→C11"));
        assertTrue(Double.isNaN(legs.get("C11→C12").km()));

        java.nio.file.Files.writeString(f, "from,to,minutes\nT1,C11,12\nT1,C11,14\n");
        var twice = assertThrows(quant.core.importing.ImportException.class, () -> TravelTimes.read(f));
        assertEquals("times.csv, line 3: the trip T1 to C11 is already given on line 2.", twice.getMessage());
        java.nio.file.Files.writeString(f, "origin,destination,time\nT1,C11,12\n");
        var header = assertThrows(quant.core.importing.ImportException.class, () -> TravelTimes.read(f));
        assertEquals(
                "times.csv needs the columns from, to and minutes (and km if known) in its first line.",
                header.getMessage());
        java.nio.file.Files.writeString(f, "from,to,minutes\nT1,C11,-3\n");
        var negative = assertThrows(quant.core.importing.ImportException.class, () -> TravelTimes.read(f));
        assertEquals("times.csv, line 2: minutes must be a number of 0 or more; not \"-3\".", negative.getMessage());
    }

    @Test
    void aDayWithJobsButNoTechnicianAtWorkLeavesEveryJobOutAndSaysWhy() {
        WorkDay d = day();
        WorkDay sunday = new WorkDay(d.date(), List.of(), d.jobs(), List.of(), List.of(), List.of());
        DayPlan p = DayPlanner.plan(sunday, RouteSettings.DEFAULTS, LIMITS, JobMonitor.NONE);
        assertEquals(0, p.plan().totals().stops());
        assertEquals(3, p.plan().unassigned().size());
        assertEquals(1, p.unplannable().size());
        DayPlan empty = DayPlanner.plan(
                new WorkDay(d.date(), List.of(), List.of(), List.of(), List.of(), List.of()),
                RouteSettings.DEFAULTS,
                LIMITS,
                JobMonitor.NONE);
        assertTrue(empty.plan().routes().isEmpty());
    }
}
