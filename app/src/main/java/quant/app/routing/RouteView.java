package quant.app.routing;

import java.io.File;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
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
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.jfree.chart.fx.ChartViewer;
import quant.app.analysis.AnalysisFrame;
import quant.app.analysis.Formats;
import quant.app.analysis.KeyFigures;
import quant.app.analysis.Tables;
import quant.core.routing.DayPlan;
import quant.core.routing.KeptPlans;
import quant.core.routing.MonthComparison;
import quant.core.routing.RouteCharts;
import quant.core.routing.RoutePlan;
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
public final class RouteView extends BorderPane {
    public static final String ID = "operations.routes";

    /** One row of the stops table. */
    record StopRow(String technicianId, String technician, int number, RoutePlan.Visit visit, WorkDay.Job job) {}

    /** One row of the planned-versus-recorded table. */
    record CompareRow(String measure, double recorded, double planned) {}

    private final RouteViewModel model;
    private final KeyFigures figures = new KeyFigures("route-figures");
    private final RouteMap map;
    private final RouteTimeline timeline;
    private final ObservableList<StopRow> stopRows = FXCollections.observableArrayList();
    private final FilteredList<StopRow> shownStops = new FilteredList<>(stopRows);
    private final TableView<StopRow> stops = new TableView<>(shownStops);
    private final TableView<RoutePlan.Unassigned> leftOut = new TableView<>();
    private final TableView<CompareRow> compare = new TableView<>();
    private final Label compareText = new Label();
    private final Label monthText = new Label();
    private final ChartViewer monthChart = new ChartViewer();
    private final ComboBox<String> technician = new ComboBox<>();
    private final Map<String, String> technicianNames = new HashMap<>();
    private final Label progress = new Label();
    private final Label status = new Label();
    private final AnalysisFrame frame;
    // kept in a field: the spinner's binding holds it only weakly
    private final javafx.beans.property.ObjectProperty<Integer> secondsValue;

    public RouteView(RouteViewModel model) {
        this.model = model;
        secondsValue = model.secondsProperty().asObject();
        setId("route-view");
        map = new RouteMap(model.selectedTechnicianProperty(), model.selectedStopProperty());
        timeline = new RouteTimeline(model.selectedTechnicianProperty(), model.selectedStopProperty());

        VBox top = new VBox(toolbar(), replanBar());
        setTop(top);

        TabPane tabs = new TabPane(
                tab("Timeline", timelinePane()),
                tab("Stops", stopsTable()),
                tab("Left out", leftOutTable()),
                tab("Planned vs actual", comparePane()),
                tab("Kept plans", keptPane()));
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
        model.selectedTechnicianProperty().addListener((o, a, id) -> {
            shownStops.setPredicate(id == null ? null : r -> r.technicianId().equals(id));
            technician.setValue(id);
        });
        model.selectedStopProperty().addListener((o, a, id) -> {
            for (StopRow r : stops.getItems()) {
                if (r.visit().stopId().equals(id)) {
                    stops.getSelectionModel().select(r);
                    stops.scrollTo(r);
                    return;
                }
            }
        });
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
        DatePicker date = new DatePicker();
        date.setId("route-date");
        date.valueProperty().bindBidirectional(model.dateProperty());
        date.setPrefWidth(130);
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

    private Node stopsTable() {
        stops.setId("route-stops");
        TableColumn<StopRow, String> tech = Tables.text("Technician", StopRow::technician, 130);
        tech.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                StopRow row = empty ? null : getTableRow().getItem();
                setText(empty ? null : name);
                if (row == null || colours == null) {
                    setGraphic(null);
                } else {
                    Region swatch = new Region();
                    swatch.setMinSize(10, 10);
                    swatch.setMaxSize(10, 10);
                    swatch.setStyle(colours.swatch(row.technicianId()));
                    setGraphic(swatch);
                }
            }
        });
        stops.getColumns()
                .setAll(List.of(
                        tech,
                        Tables.number("#", StopRow::number, v -> String.valueOf(v.intValue()), 36),
                        Tables.text(
                                "Job",
                                r -> r.job() == null
                                        ? r.visit().stopId()
                                        : r.job().ref(),
                                80),
                        Tables.text(
                                "Customer",
                                r -> r.job() == null
                                        ? r.visit().label()
                                        : r.job().customer(),
                                170),
                        Tables.text(
                                "Address", r -> r.job() == null ? "" : r.job().address(), 170),
                        Tables.text(
                                "Priority", r -> r.job() == null ? "" : r.job().priority(), 75),
                        Tables.text(
                                "Line",
                                r -> r.job() == null || r.job().line() == null
                                        ? ""
                                        : r.job().line(),
                                70),
                        Tables.text("Window", r -> r.job() == null ? "" : window(r.job()), 95),
                        Tables.text("Arrive", r -> RunSheets.clock(r.visit().arrival()), 60),
                        Tables.text(
                                "Work",
                                r -> RunSheets.clock(r.visit().start()) + "–"
                                        + RunSheets.clock(r.visit().end())
                                        + (r.visit().fixed() ? " (under way)" : ""),
                                110),
                        Tables.number(
                                "Drive min",
                                r -> r.visit().travelTime(),
                                v -> String.format(Locale.ROOT, "%.0f", v),
                                75),
                        Tables.number("km", r -> r.visit().distance(), v -> String.format(Locale.ROOT, "%.1f", v), 60),
                        Tables.number(
                                "Late min",
                                r -> r.visit().late(),
                                v -> v > 0 ? String.format(Locale.ROOT, "%.0f", v) : "",
                                70)));
        stops.setPlaceholder(new Label("No stops planned."));
        stops.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                model.selectedStopProperty().set(r.visit().stopId());
            }
        });
        return stops;
    }

    private static String window(WorkDay.Job j) {
        if (j.windowStart() < 0 && j.windowEnd() < 0) {
            return "";
        }
        return (j.windowStart() < 0 ? "" : RunSheets.clock(j.windowStart())) + "–"
                + (j.windowEnd() < 0 ? "" : RunSheets.clock(j.windowEnd()));
    }

    private Node keptPane() {
        TableView<KeptPlans.Header> table = new TableView<>(model.keptPlans());
        table.setId("route-kept");
        table.getColumns()
                .setAll(List.of(
                        Tables.text("Name", KeptPlans.Header::label, 200),
                        Tables.text(
                                "Saved",
                                h -> h.savedAt()
                                        .atZoneSameInstant(java.time.ZoneId.systemDefault())
                                        .toLocalDateTime()
                                        .withNano(0)
                                        .toString()
                                        .replace('T', ' '),
                                140),
                        Tables.number("Jobs planned", KeptPlans.Header::planned, v -> Formats.count(v.longValue()), 90),
                        Tables.number("Left out", KeptPlans.Header::leftOut, v -> Formats.count(v.longValue()), 70),
                        Tables.number("Driving min", KeptPlans.Header::travelMinutes, Formats::money, 90),
                        Tables.number("km", KeptPlans.Header::distanceKm, Formats::money, 70),
                        Tables.number("Cost", KeptPlans.Header::cost, Formats::money, 80)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No plan is kept for this day. Keep… stores the plan shown."));
        Button open = new Button("Show");
        open.setId("route-kept-open");
        open.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> model.openKept(table.getSelectionModel().getSelectedItem()));
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<KeptPlans.Header> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    model.openKept(row.getItem());
                }
            });
            return row;
        });
        Button delete = new Button("Delete");
        delete.setId("route-kept-delete");
        delete.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> {
            KeptPlans.Header h = table.getSelectionModel().getSelectedItem();
            javafx.scene.control.Alert ask = new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.CONFIRMATION,
                    "Delete the kept plan \"" + h.label() + "\"? The day's jobs are not affected.");
            ask.initOwner(getScene().getWindow());
            ask.showAndWait()
                    .filter(b -> b == javafx.scene.control.ButtonType.OK)
                    .ifPresent(b -> model.deleteKept(h));
        });
        VBox box = new VBox(6, new ToolBar(open, delete), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node leftOutTable() {
        leftOut.setId("route-left-out");
        leftOut.getColumns()
                .setAll(List.of(
                        Tables.text("Job", RoutePlan.Unassigned::label, 220),
                        Tables.text("Priority", RoutePlan.Unassigned::priority, 80),
                        Tables.text("Why it is not planned", RoutePlan.Unassigned::reason, 520)));
        leftOut.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        leftOut.setPlaceholder(new Label("Every job of the day is planned."));
        return leftOut;
    }

    private Node comparePane() {
        compare.setId("route-compare");
        compare.getColumns()
                .setAll(List.of(
                        Tables.text("Drives to the day's jobs", CompareRow::measure, 200),
                        Tables.number("Recorded", CompareRow::recorded, Formats::money, 100),
                        Tables.number("Planned", CompareRow::planned, Formats::money, 100),
                        Tables.number("Saved", r -> r.recorded() - r.planned(), Formats::money, 100),
                        Tables.number(
                                "Saved %",
                                r -> r.recorded() > 0 ? (r.recorded() - r.planned()) / r.recorded() : Double.NaN,
                                Formats::percent,
                                80)));
        compare.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        compare.setPrefHeight(130);
        compare.setPlaceholder(new Label("Nothing recorded to compare with."));
        compareText.setId("route-compare-text");
        compareText.setWrapText(true);
        Button month = new Button("Compare the whole month");
        month.setId("route-compare-month");
        month.setTooltip(new Tooltip(
                "Plan every past day of this month with the time limit and compare each with" + " what was driven"));
        month.disableProperty().bind(model.dateProperty().isNull().or(model.monthRunningProperty()));
        month.setOnAction(e -> {
            monthText.setText(String.format(
                    Locale.ROOT,
                    "Planning every past day of %s for up to %d s each; the status bar shows how far it is and can"
                            + " cancel.",
                    java.time.YearMonth.from(model.dateProperty().get()),
                    model.secondsProperty().get()));
            model.compareMonth();
        });
        monthText.setId("route-month-text");
        monthText.setWrapText(true);
        monthChart.setId("route-month-chart");
        monthChart.setMinHeight(260);
        VBox box = new VBox(8, compareText, compare, month, monthText, monthChart);
        VBox.setVgrow(monthChart, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        model.monthProperty().addListener((o, a, m) -> showMonth(m));
        return box;
    }

    private RouteColours colours;

    private void showMonth(MonthComparison m) {
        if (m == null) {
            return;
        }
        DayPlan.Comparison t = m.total().comparison();
        monthText.setText(String.format(
                Locale.ROOT,
                "%s: %d days with recorded travel, %,d jobs, %,d left out by the plans. Driving to jobs %,.0f min"
                        + " recorded against %,.0f planned, saving %,.0f min (%s); cost %s against %s, saving %s."
                        + " Each day searched %.0f s.",
                m.month(),
                m.days().size(),
                t.jobs(),
                m.total().leftOut(),
                t.recordedMinutes(),
                t.plannedMinutes(),
                t.savedMinutes(),
                Formats.percent(t.recordedMinutes() > 0 ? t.savedMinutes() / t.recordedMinutes() : Double.NaN),
                Formats.money(t.recordedCost()),
                Formats.money(t.plannedCost()),
                Formats.money(t.savedCost()),
                m.secondsPerDay()));
        monthChart.setChart(m.days().isEmpty() ? null : RouteCharts.month(m));
    }

    private void show(DayPlan d) {
        if (d == null) {
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
        List<KeyFigures.Figure> headline = new ArrayList<>();
        headline.add(new KeyFigures.Figure(
                "Jobs planned",
                Formats.count(t.stops()) + " of " + Formats.count(jobs),
                Formats.count(t.vehicles()) + " of " + d.day().technicians().size() + " technicians on the road",
                left > 0));
        headline.add(new KeyFigures.Figure(
                "Driving",
                String.format(Locale.ROOT, "%,.0f min", t.travelTime()),
                String.format(Locale.ROOT, "%,.1f road km", t.distance())));
        headline.add(new KeyFigures.Figure(
                "Route cost", Formats.money(t.cost()), "technicians' hours on the road and per km"));
        headline.add(new KeyFigures.Figure(
                "Waiting",
                String.format(Locale.ROOT, "%,.0f min", t.idleTime()),
                t.late() > 0 ? String.format(Locale.ROOT, "%,.0f min late in all", t.late()) : "for windows to open",
                t.late() > 0));
        DayPlan.Comparison c = d.actual();
        if (c != null && c.recordedMinutes() > 0) {
            headline.add(new KeyFigures.Figure(
                    "Saved against recorded",
                    String.format(Locale.ROOT, "%,.0f min", c.savedMinutes()),
                    String.format(
                            Locale.ROOT,
                            "%s of %,.0f min driven; cost %s less",
                            Formats.percent(c.savedMinutes() / c.recordedMinutes()),
                            c.recordedMinutes(),
                            Formats.money(c.savedCost())),
                    c.savedMinutes() < 0));
        }
        figures.show(headline);
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

        Map<String, WorkDay.Job> byId = new HashMap<>();
        for (WorkDay.Job j : d.day().jobs()) {
            byId.put(String.valueOf(j.id()), j);
        }
        List<StopRow> rows = new ArrayList<>();
        for (RoutePlan.Route r : p.routes()) {
            int n = 0;
            for (RoutePlan.Visit v : r.stops()) {
                rows.add(new StopRow(r.vehicleId(), r.label(), ++n, v, byId.get(v.stopId())));
            }
        }
        stopRows.setAll(rows);
        List<RoutePlan.Unassigned> out = new ArrayList<>(d.unplannable());
        out.addAll(p.unassigned());
        leftOut.getItems().setAll(out);

        if (c == null) {
            compare.getItems().clear();
            compareText.setText("No job of " + d.date() + " has recorded travel, so there is nothing to compare the"
                    + " plan with: a day ahead, or travel not in the data.");
        } else {
            compare.getItems()
                    .setAll(List.of(
                            new CompareRow("Driving minutes", c.recordedMinutes(), c.plannedMinutes()),
                            new CompareRow("Road km", c.recordedKm(), c.plannedKm()),
                            new CompareRow("Driving cost", c.recordedCost(), c.plannedCost())));
            compareText.setText(String.format(
                    Locale.ROOT,
                    "%d jobs have recorded travel; the plan serves %d of them%s. Recorded km follow each technician's"
                            + " jobs in the order they were done, from the home base. Only drives to jobs count"
                            + " on both sides, since the records have no drive home.",
                    c.jobs(),
                    c.plannedJobs(),
                    c.servedButUnplanned() == 0
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    " (%d served that day are left out by the plan)",
                                    c.servedButUnplanned())));
        }
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
}
