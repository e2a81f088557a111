package quant.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import quant.app.SampleViews;
import quant.app.job.FxJobRunner;
import quant.core.routing.DayPlan;
import quant.core.routing.DayPlanner;
import quant.core.routing.KeptPlans;
import quant.core.routing.MonthComparison;
import quant.core.routing.RoutePlan;
import quant.core.routing.RunSheets;
import quant.core.routing.WorkDay;
import quant.core.settings.BusinessSettings;
import quant.core.store.Store;

/**
 * The route view on one of the sample company's busiest days, 2025-08-05 (40 jobs, 25 technicians): the map and
 * the timeline, the stops and the comparison with what was driven, then a cancellation and an emergency
 * re-planned at 11:00, a kept plan and the run sheets.
 */
@ExtendWith(ApplicationExtension.class)
class RouteViewUiTest {
    private static final LocalDate BUSIEST = LocalDate.of(2025, 8, 5);

    private Stage stage;
    private RouteViewModel model;
    private RouteView view;
    private Store store;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        store = SampleViews.store();
        model = new RouteViewModel(
                new FxJobRunner(),
                () -> store,
                new SimpleObjectProperty<>(0),
                new SimpleObjectProperty<>(BusinessSettings.read(store)),
                Platform::runLater);
        model.secondsProperty().set(3);
        view = new RouteView(model);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    private DayPlan waitForPlan(LocalDate date, Integer replannedAt) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            DayPlan p = model.planProperty().get();
            return p != null
                    && p.date().equals(date)
                    && !model.runningProperty().get()
                    && java.util.Objects.equals(model.replannedAtProperty().get(), replannedAt);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return model.planProperty().get();
    }

    @Test
    void plansTheBusiestDayShowsItAndReplansACancellationAndAnEmergency(FxRobot robot) throws Exception {
        // opens on the last day with jobs booked
        WaitForAsyncUtils.waitFor(
                60, TimeUnit.SECONDS, () -> model.planProperty().get() != null);
        robot.interact(() -> model.dateProperty().set(BUSIEST));
        DayPlan d = waitForPlan(BUSIEST, null);

        assertThat(d.day().jobs()).hasSize(40);
        assertThat(d.day().technicians()).hasSize(25);
        assertThat(d.plan().unassigned()).isEmpty();
        assertThat(d.actual().plannedMinutes()).isLessThan(d.actual().recordedMinutes());
        TableView<?> stops = robot.lookup("#route-stops").queryAs(TableView.class);
        assertThat(stops.getItems()).hasSize(40);
        SampleViews.save(stage, "routes-busiest-day.png");

        // hovering a job on the map shows its details
        RoutePlan.Route busiest = d.plan().routes().stream()
                .max(java.util.Comparator.comparingInt(r -> r.stops().size()))
                .orElseThrow();
        String stopId = busiest.stops().getFirst().stopId();
        robot.interact(() -> {
            double[] at = view.map().positionOf(stopId);
            view.map().hoverAt(at[0], at[1]);
        });
        WorkDay.Job job = d.day().jobs().stream()
                .filter(j -> String.valueOf(j.id()).equals(stopId))
                .findFirst()
                .orElseThrow();
        assertThat(view.map().hoverDetails()).first().isEqualTo(job.ref() + " " + job.customer());
        robot.interact(() -> model.selectedTechnicianProperty().set(busiest.vehicleId()));
        assertThat(stops.getItems()).hasSize(busiest.stops().size());
        robot.interact(() -> {
            double[] at = view.timeline().positionOf(stopId);
            view.timeline().hoverAt(at[0], at[1]);
        });
        assertThat(view.timeline().hoverDetails()).first().isEqualTo(job.ref() + " " + job.customer());
        SampleViews.save(stage, "routes-one-technician.png");

        TabPane tabs = robot.lookup("#route-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(3));
        assertThat(robot.lookup("#route-compare").queryAs(TableView.class).getItems())
                .hasSize(3);
        // the busiest month, each day searched for 1 s
        robot.interact(() -> model.secondsProperty().set(1));
        robot.clickOn("#route-compare-month");
        WaitForAsyncUtils.waitFor(
                180, TimeUnit.SECONDS, () -> model.monthProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        MonthComparison august = model.monthProperty().get();
        assertThat(august.days()).hasSize(26);
        assertThat(august.total().comparison().jobs()).isEqualTo(618);
        assertThat(august.total().comparison().savedMinutes()).isPositive();
        assertThat(robot.lookup("#route-month-text")
                        .queryAs(javafx.scene.control.Label.class)
                        .getText())
                .startsWith("2025-08: 26 days with recorded travel, 618 jobs");
        SampleViews.save(stage, "routes-planned-vs-actual.png");
        robot.interact(() -> model.secondsProperty().set(3));
        robot.interact(() -> {
            tabs.getSelectionModel().select(0);
            model.selectedTechnicianProperty().set(null);
        });

        // at 11:00 a job not started yet is cancelled
        int now = 11 * 60;
        RoutePlan.Visit later = d.plan().routes().stream()
                .flatMap(r -> r.stops().stream())
                .filter(v -> v.start() > now + 60)
                .findFirst()
                .orElseThrow();
        robot.interact(() -> {
            model.nowProperty().set(now);
            model.selectedStopProperty().set(later.stopId());
        });
        robot.clickOn("#route-cancel-job");
        DayPlan cancelled = waitForPlan(BUSIEST, now);
        assertThat(cancelled.day().cancelled())
                .extracting(j -> String.valueOf(j.id()))
                .contains(later.stopId());
        assertThat(cancelled.plan().totals().stops()).isEqualTo(39);
        assertStartedWorkStayed(d, cancelled, now);

        // then an emergency comes in for a customer of the day, HVAC, 1.5 h, to be reached by 13:00
        WorkDay.Job near = d.day().jobs().getFirst();
        String hvac = d.day().technicians().stream()
                .flatMap(t -> t.skills().stream())
                .filter(s -> s.equalsIgnoreCase("HVAC"))
                .findFirst()
                .orElse(near.line());
        DayPlanner.Addition burst = new DayPlanner.Addition(
                model.nextReference(),
                "Emergency at " + near.customer(),
                near.customerRef(),
                near.address(),
                near.lat(),
                near.lon(),
                hvac,
                "emergency",
                1.5,
                now,
                13 * 60);
        robot.interact(() -> model.addJob(burst));
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> model.planProperty().get() != cancelled
                        && !model.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        DayPlan withEmergency = model.planProperty().get();
        RoutePlan.Visit e = withEmergency.plan().routes().stream()
                .flatMap(r -> r.stops().stream())
                .filter(v -> v.label().startsWith("NEW1 "))
                .findFirst()
                .orElseThrow();
        assertThat(e.start()).isBetween((double) now, 13 * 60.0);
        // the emergency's priority may push a low-priority job out; nothing else is lost
        assertThat(withEmergency.plan().totals().stops()
                        + withEmergency.plan().unassigned().size())
                .isEqualTo(40);
        assertStartedWorkStayed(cancelled, withEmergency, now);
        assertThat(model.statusProperty().get()).startsWith("Re-planned at 11:00");
        SampleViews.save(stage, "routes-replanned.png");

        // keep it, and export the run sheets
        robot.interact(() -> model.keep("Busiest day, re-planned"));
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("Kept"));
        assertThat(KeptPlans.list(store, BUSIEST))
                .anyMatch(h -> h.label().equals("Busiest day, re-planned")
                        && h.planned() == withEmergency.plan().totals().stops());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.keptPlans().stream()
                .anyMatch(h -> h.label().equals("Busiest day, re-planned")));
        // shown again from the database: the same routes in the same order
        KeptPlans.Header keptHeader = model.keptPlans().stream()
                .filter(h -> h.label().equals("Busiest day, re-planned"))
                .findFirst()
                .orElseThrow();
        robot.interact(() -> {
            tabs.getSelectionModel().select(4);
            model.openKept(keptHeader);
        });
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> model.shownKeptProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        DayPlan reopened = model.planProperty().get();
        withEmergency.plan().routes().stream().filter(RoutePlan.Route::used).forEach(r -> assertThat(
                        reopened.plan().orders().get(r.vehicleId()))
                .isEqualTo(withEmergency.plan().orders().get(r.vehicleId())));
        assertThat(reopened.plan().totals().stops())
                .isEqualTo(withEmergency.plan().totals().stops());
        // the job cancelled by the re-plan is still in the data, and the kept plan says it is not in it
        assertThat(reopened.unplannable())
                .extracting(RoutePlan.Unassigned::stopId)
                .containsExactly(later.stopId());
        SampleViews.save(stage, "routes-kept.png");
        robot.interact(() -> tabs.getSelectionModel().select(0));
        Path csv = SampleViews.SCREENSHOTS.resolve("run-sheets-2025-08-05.csv").toAbsolutePath();
        Path pdf = SampleViews.SCREENSHOTS.resolve("run-sheets-2025-08-05.pdf").toAbsolutePath();
        robot.interact(() -> model.export(RouteViewModel.Format.CSV, List.of(), csv));
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> model.statusProperty().get().contains(".csv"));
        robot.interact(() -> model.export(RouteViewModel.Format.PDF, List.of(), pdf));
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> model.statusProperty().get().contains(".pdf"));
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.getFirst()).isEqualTo(String.join(",", RunSheets.CSV_COLUMNS));
        assertThat(rows).hasSize(1 + withEmergency.plan().totals().stops());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages())
                    .isEqualTo(withEmergency.plan().totals().vehicles());
        }

        // a Sunday without jobs says so instead of drawing an empty map
        robot.interact(() -> model.dateProperty().set(LocalDate.of(2025, 7, 6)));
        waitForPlan(LocalDate.of(2025, 7, 6), null);
        javafx.scene.control.Label empty = robot.lookup("#route-empty").queryAs(javafx.scene.control.Label.class);
        assertThat(empty.isVisible()).isTrue();
        assertThat(empty.getText()).isEqualTo("No jobs are booked for Sunday 2025-07-06: pick another day.");

        // an imported travel-time matrix is used, and removed again
        Path times = SampleViews.SCREENSHOTS.resolve("travel-times.csv").toAbsolutePath();
        Files.writeString(times, "from,to,minutes,km\nT001,T002,12,5\n");
        robot.interact(() -> model.importTravelTimes(times));
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> model.statusProperty().get().startsWith("Imported 1 ")
                        && !model.runningProperty().get());
        robot.interact(model::clearTravelTimes);
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> model.statusProperty().get().startsWith("Removed 1 ")
                        && !model.runningProperty().get());
    }

    /** Every visit that had started by {@code now} in {@code before} is at the same time on the same route. */
    private static void assertStartedWorkStayed(DayPlan before, DayPlan after, int now) {
        for (RoutePlan.Route r : before.plan().routes()) {
            for (RoutePlan.Visit v : r.stops()) {
                if (v.start() <= now) {
                    RoutePlan.Route same = after.plan().route(r.vehicleId());
                    assertThat(same.stops())
                            .anyMatch(w -> w.stopId().equals(v.stopId()) && w.start() == v.start() && w.fixed());
                }
            }
        }
    }
}
