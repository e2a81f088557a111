package quant.app.routing;

import java.io.File;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import quant.app.analysis.AnalysisFrame;
import quant.app.analysis.IsoDatePicker;
import quant.app.analysis.KeyFigures;
import quant.app.analysis.Tables;
import quant.core.routing.DayPlan;
import quant.core.routing.RoutePlan;
import quant.core.routing.RouteReports;
import quant.core.routing.RunSheets;
import quant.core.routing.WorkDay;

/**
 * Route planning for one day: the toolbar picks the day and the time limit, plans (F5) and stops the
 * search; the headline figures give jobs planned, driving, cost and, for a past day, what the plan saves
 * against what was driven; the map and the timeline show the routes in each technician's colour, with
 * the stops, the jobs left out and why, and planned against recorded travel in tables beside them.
 * Re-planning cancels the selected job or adds an emergency at the time typed in "Re-plan at"; the plan
 * can be kept in the database and each technician's run sheet exported as CSV or PDF.
 */
public final class RouteView extends BorderPane implements quant.app.analysis.Exportable {
    public static final String ID = "operations.routes";

    private final RouteViewModel model;
    private final KeyFigures figures = new KeyFigures("route-figures");
    private final RouteMap map;
    private final RouteTimeline timeline;
    private final StopsTable stops;
    private final TableView<RoutePlan.Unassigned> leftOut = new TableView<>();
    private final ComboBox<String> technician = new ComboBox<>();
    private final Map<String, String> technicianNames = new HashMap<>();
    private final Label progress = new Label();
    private final Label status = new Label();
    private final ComparePane compare;
    private final AnalysisFrame frame;
    // kept in a field: the spinner's binding holds it only weakly
    private final javafx.beans.property.ObjectProperty<Integer> secondsValue;

    public RouteView(RouteViewModel model) {
        this.model = model;
        secondsValue = model.secondsProperty().asObject();
        setId("route-view");
        map = new RouteMap(model.selectedTechnicianProperty(), model.selectedStopProperty(), model::lineName);
        timeline = new RouteTimeline(model.selectedTechnicianProperty(), model.selectedStopProperty(), model::lineName);
        compare = new ComparePane(model);
        stops = new StopsTable(model);

        VBox top = new VBox(toolbar(), replanBar());
        setTop(top);

        TabPane tabs = new TabPane(
                tab("Timeline", timelinePane()),
                tab("Stops", stops),
                tab("Left out", leftOutTable()),
                tab("Planned vs actual", compare),
                tab("Kept plans", new KeptPlansPane(model)));
        tabs.setId("route-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(map, tabs);
        split.setDividerPositions(0.42);
        status.setId("route-status");
        status.setWrapText(true);
        status.setPadding(new Insets(0, 8, 0, 8));
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        VBox body = new VBox(figures, status, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        frame = new AnalysisFrame(
                this, body, "route", model.runningProperty(), model.messageProperty(), model.planProperty());
        frame.setDefinitions(definitions());
        frame.showEmpty("Pick a day to plan.");
        model.statusProperty().addListener((o, a, s) -> status.setText(s));
        model.planProperty().addListener((o, a, p) -> show(p));
        model.selectedTechnicianProperty().addListener((o, a, id) -> technician.setValue(id));
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F5) {
                model.plan();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && model.runningProperty().get()) {
                model.stop();
                e.consume();
            }
        });
        model.start();
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId("route-tab-" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        return t;
    }

    private ToolBar toolbar() {
        DatePicker date = IsoDatePicker.create();
        date.setId("route-date");
        date.valueProperty().bindBidirectional(model.dateProperty());
        date.setPrefWidth(150);
        Spinner<Integer> seconds = new Spinner<>(1, 600, model.secondsProperty().get());
        seconds.setId("route-seconds");
        seconds.setPrefWidth(80);
        seconds.setEditable(true);
        seconds.getValueFactory().valueProperty().bindBidirectional(secondsValue);
        seconds.setTooltip(new Tooltip("How long the search may run; it can be stopped earlier."));
        Button plan = new Button("Plan");
        plan.setId("route-plan");
        plan.setDefaultButton(false);
        plan.setTooltip(new Tooltip("Plan the day afresh (F5)"));
        plan.setOnAction(e -> model.plan());
        plan.disableProperty().bind(model.dateProperty().isNull());
        Button stop = new Button("Stop");
        stop.setId("route-stop");
        stop.setTooltip(new Tooltip("Stop the search and keep the best plan found so far (Esc)"));
        stop.setOnAction(e -> model.stop());
        stop.visibleProperty().bind(model.runningProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        progress.setId("route-progress");
        progress.textProperty().bind(model.progressProperty());
        technician.setId("route-technician");
        technician.setPromptText("All technicians");
        technician.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null ? "All technicians" : technicianNames.getOrDefault(id, id);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        technician.valueProperty().addListener((o, a, id) -> model.selectedTechnicianProperty()
                .set(id));
        technician.setPrefWidth(170);
        return new ToolBar(
                new Label("Day"),
                date,
                new Label("Time limit (s)"),
                seconds,
                plan,
                stop,
                progress,
                new Separator(),
                technician);
    }

    private ToolBar replanBar() {
        TextField at = new TextField(RunSheets.clock(model.nowProperty().get()));
        at.setId("route-now");
        at.setPrefColumnCount(4);
        at.setTooltip(
                new Tooltip(
                        "The time of day of the change (HH:mm): work under way by then (started, or set off for) stays as planned."));
        Runnable commit = () -> {
            try {
                LocalTime t = LocalTime.parse(at.getText().strip());
                model.nowProperty().set(t.getHour() * 60 + t.getMinute());
            } catch (DateTimeParseException ex) {
                at.setText(RunSheets.clock(model.nowProperty().get()));
            }
        };
        at.setOnAction(e -> commit.run());
        at.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit.run();
            }
        });
        model.nowProperty().addListener((o, a, v) -> at.setText(RunSheets.clock(v.intValue())));
        Button cancel = new Button("Cancel job");
        cancel.setId("route-cancel-job");
        cancel.setTooltip(new Tooltip("Take the selected job out of the day and re-plan the rest"));
        cancel.disableProperty().bind(model.selectedStopProperty().isNull().or(model.runningProperty()));
        cancel.setOnAction(e -> {
            commit.run();
            model.cancelJob(model.selectedStopProperty().get());
        });
        Button add = new Button("Add emergency…");
        add.setId("route-add");
        add.setTooltip(new Tooltip("Add an urgent job at a customer and re-plan"));
        add.disableProperty().bind(model.planProperty().isNull().or(model.runningProperty()));
        add.setOnAction(e -> {
            commit.run();
            addEmergency();
        });
        Button keep = new Button("Keep…");
        keep.setId("route-keep");
        keep.setTooltip(new Tooltip("Keep this plan in the database; the day's jobs are not changed"));
        keep.disableProperty().bind(model.planProperty().isNull().or(model.runningProperty()));
        keep.setOnAction(e -> {
            TextInputDialog d =
                    new TextInputDialog("Plan for " + model.dateProperty().get());
            d.setTitle("Keep plan");
            d.setHeaderText("Keep this plan under a name");
            d.initOwner(getScene().getWindow());
            d.showAndWait().filter(s -> !s.isBlank()).ifPresent(model::keep);
        });
        MenuItem csv = new MenuItem("CSV…");
        csv.setOnAction(e -> export(RouteViewModel.Format.CSV));
        MenuItem pdf = new MenuItem("PDF…");
        pdf.setOnAction(e -> export(RouteViewModel.Format.PDF));
        MenuButton sheets = new MenuButton("Run sheets", null, csv, pdf);
        sheets.setId("route-run-sheets");
        sheets.setTooltip(new Tooltip("Each technician's stops in order, for the selected technician or all"));
        sheets.disableProperty().bind(model.planProperty().isNull());
        MenuItem importTimes = new MenuItem("Import a travel-time matrix…");
        importTimes.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Travel-time matrix (CSV: from,to,minutes[,km])");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) {
                model.importTravelTimes(f.toPath());
            }
        });
        MenuItem clearTimes = new MenuItem("Use coordinates only");
        clearTimes.setOnAction(e -> model.clearTravelTimes());
        MenuButton travel = new MenuButton("Travel times", null, importTimes, clearTimes);
        travel.setId("route-travel-times");
        travel.setTooltip(new Tooltip("Driving times come from coordinates, or from a matrix you import"));
        return new ToolBar(
                new Label("Re-plan at"), at, cancel, add, new Separator(), keep, sheets, new Separator(), travel);
    }

    private void addEmergency() {
        DayPlan d = model.planProperty().get();
        List<String> lines = d.day().technicians().stream()
                .flatMap(t -> t.skills().stream())
                .distinct()
                .sorted()
                .toList();
        model.customers(customers -> new EmergencyDialog(
                        getScene().getWindow(),
                        model.nextReference(),
                        customers,
                        lines,
                        model.nowProperty().get())
                .showAndWait()
                .ifPresent(model::addJob));
    }

    private void export(RouteViewModel.Format format) {
        String id = model.selectedTechnicianProperty().get();
        String ext = format == RouteViewModel.Format.CSV ? "csv" : "pdf";
        FileChooser chooser = new FileChooser();
        chooser.setTitle(id == null ? "Run sheets for every technician" : "Run sheet for " + technicianNames.get(id));
        chooser.setInitialFileName("run-sheets-" + model.dateProperty().get()
                + (id == null ? "" : "-" + technicianNames.get(id).replaceAll("[^A-Za-z0-9]+", "-")) + "." + ext);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(Locale.ROOT), "*." + ext));
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f != null) {
            model.export(format, id == null ? List.of() : List.of(id), f.toPath());
        }
    }

    private Node timelinePane() {
        ScrollPane scroll = new ScrollPane(timeline);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node leftOutTable() {
        leftOut.setId("route-left-out");
        leftOut.getColumns().setAll(Tables.of(RouteReports.unassignedColumns()));
        leftOut.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        leftOut.setPlaceholder(new Label("Every job of the day is planned."));
        return leftOut;
    }

    private RouteColours colours;

    private void show(DayPlan d) {
        if (d == null) {
            if (model.runningProperty().get() && model.dateProperty().get() != null) {
                frame.showEmpty("Planning " + model.dateProperty().get() + "…");
            }
            return;
        }
        String weekday = d.date().getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
        if (d.day().jobs().isEmpty()) {
            frame.showEmpty("No jobs are booked for " + weekday + " " + d.date() + ": pick another day.");
            return;
        }
        if (d.day().technicians().isEmpty()) {
            frame.showEmpty("No technician works on " + weekday + " " + d.date() + " (their work days, hire and"
                    + " leave dates, and a home position decide it), so the day's "
                    + d.day().jobs().size()
                    + " jobs cannot be planned.");
            return;
        }
        frame.showBody();
        colours = new RouteColours(d);
        technicianNames.clear();
        List<String> ids = new ArrayList<>();
        ids.add(null);
        for (WorkDay.Technician t : d.day().technicians()) {
            technicianNames.put(String.valueOf(t.id()), t.name());
            ids.add(String.valueOf(t.id()));
        }
        String selected = model.selectedTechnicianProperty().get();
        technician.getItems().setAll(ids);
        technician.setValue(ids.contains(selected) ? selected : null);

        RoutePlan p = d.plan();
        RoutePlan.Totals t = p.totals();
        int left = p.unassigned().size() + d.unplannable().size();
        // jobs added by a re-plan are stops without a row in the data, so count what the plan holds
        int jobs = t.stops() + left;
        figures.showReport(RouteReports.figures(d));
        frame.setSummary(String.format(
                        Locale.ROOT,
                        "%s (%s): %d jobs, %d technicians at work; %s%s.%s%s",
                        d.date(),
                        d.date().getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH),
                        jobs,
                        d.day().technicians().size(),
                        model.shownKeptProperty().get() == null
                                ? String.format(Locale.ROOT, "searched %.1f s", p.seconds())
                                : "the kept plan \""
                                        + model.shownKeptProperty().get().label() + "\"",
                        p.stoppedEarly() ? ", stopped early" : "",
                        d.day().cancelled().isEmpty()
                                ? ""
                                : d.day().cancelled().size() == 1
                                        ? " 1 cancelled job not planned."
                                        : " " + d.day().cancelled().size() + " cancelled jobs not planned.",
                        d.day().notes().isEmpty()
                                ? ""
                                : " " + String.join(" ", d.day().notes()))
                + (d.day().legs().isEmpty()
                        ? " Travel from coordinates."
                        : " Travel from the imported matrix for "
                                + d.day().legs().size()
                                + " trips between the day's places, from coordinates for the rest."));

        map.show(d, colours);
        timeline.show(d, colours, model.replannedAtProperty().get());

        stops.show(d, colours);
        List<RoutePlan.Unassigned> out = new ArrayList<>(d.unplannable());
        out.addAll(p.unassigned());
        leftOut.getItems().setAll(out);

        compare.show(d);
    }

    private static List<String> definitions() {
        return List.of(
                "Travel is estimated from coordinates with the business settings: road km = great-circle km × road"
                        + " factor; minutes = minutes per trip + minutes per km × road km (the sample: 1.3, 8, 1.6).",
                "The plan first serves as many jobs as it can, weighted by priority, then keeps to the weighted sum of"
                        + " driving minutes, cost per km, workload balance and (with soft windows) lateness.",
                "A past day is planned with the hours its jobs actually took, so the saving is about routes alone.",
                "Re-planning keeps every job under way at the re-plan time (work started, or the technician had to"
                        + " leave for it to start on time) where and when it was, and searches again from the"
                        + " current plan for the rest.",
                "The map draws straight lines between stops, not roads; the scale bar is in straight-line km.");
    }

    /** The map, for tests. */
    RouteMap map() {
        return map;
    }

    /** The timeline, for tests. */
    RouteTimeline timeline() {
        return timeline;
    }

    @Override
    public java.util.Optional<quant.core.report.Report> report() {
        var d = model.planProperty().get();
        return d == null ? java.util.Optional.empty() : java.util.Optional.of(quant.core.routing.RouteReports.day(d));
    }
}
