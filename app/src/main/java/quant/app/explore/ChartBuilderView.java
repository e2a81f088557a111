package quant.app.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.jfree.chart.fx.ChartViewer;
import quant.app.analysis.AnalysisFrame;
import quant.app.analysis.IsoDatePicker;
import quant.core.analysis.Snapshot;
import quant.core.explore.ChartData;
import quant.core.explore.ChartSpec;
import quant.core.explore.Columns;
import quant.core.explore.ExploreCharts;
import quant.core.explore.Source;
import quant.core.report.Column;
import quant.core.report.Report;
import quant.core.report.ReportTable;

/**
 * The self-service chart builder: a source, what goes along the axis (a text field, or a date by
 * month, quarter or year), an optional split, a measure (count, or sum, mean or median of a number),
 * filters on a text field's values and a date range, and the chart type; saved by name in the
 * database, opened again, and put on the dashboard as a tile.
 */
public final class ChartBuilderView extends BorderPane implements quant.app.analysis.Exportable {
    public static final String ID = "explore.charts";

    private final ChartBuilderViewModel model;
    private final ChoiceBox<Source> source = new ChoiceBox<>();
    private final ChoiceBox<Columns.Field> along = new ChoiceBox<>();
    private final ChoiceBox<ChartSpec.Grain> grain = new ChoiceBox<>();
    private final ChoiceBox<Optional<Columns.Field>> split = new ChoiceBox<>();
    private final ChoiceBox<ChartSpec.Aggregate> aggregate = new ChoiceBox<>();
    private final ChoiceBox<Columns.Field> measured = new ChoiceBox<>();
    private final ChoiceBox<ChartSpec.ChartType> type = new ChoiceBox<>();
    private final ChoiceBox<Optional<Columns.Field>> filterField = new ChoiceBox<>();
    private final CheckComboBox<String> filterValues = new CheckComboBox<>();
    private final ChoiceBox<Optional<Columns.Field>> rangeField = new ChoiceBox<>();
    private final DatePicker rangeFrom = IsoDatePicker.create();
    private final DatePicker rangeTo = IsoDatePicker.create();
    private final ComboBox<ChartSpec> saved = new ComboBox<>();
    private final TextField name = new TextField();
    private final Label notice = new Label();
    private final ChartViewer viewer = new ChartViewer();
    private final TableView<List<Object>> table = new TableView<>();
    private final AnalysisFrame frame;
    private final Consumer<String> putOnDashboard;
    private Columns columns;
    private boolean loading;

    /**
     * @param putOnDashboard adds a saved chart, by name, to the dashboard
     */
    public ChartBuilderView(ChartBuilderViewModel model, ChartSpec first, Consumer<String> putOnDashboard) {
        this.model = model;
        this.putOnDashboard = putOnDashboard;
        setId("chart-builder-view");
        source.getItems().setAll(Source.values());
        source.setConverter(converter(Source::title));
        source.setId("chart-source");
        along.setConverter(converter(Columns.Field::label));
        along.setId("chart-along");
        grain.getItems().setAll(ChartSpec.Grain.values());
        grain.setConverter(converter(g -> "by " + g.name().toLowerCase(java.util.Locale.ROOT)));
        grain.setId("chart-grain");
        split.setConverter(converter(o -> o.map(Columns.Field::label).orElse("no split")));
        split.setId("chart-split");
        aggregate.getItems().setAll(ChartSpec.Aggregate.values());
        aggregate.setConverter(converter(ChartSpec.Aggregate::words));
        aggregate.setId("chart-aggregate");
        measured.setConverter(converter(Columns.Field::label));
        measured.setId("chart-measure-field");
        type.getItems().setAll(ChartSpec.ChartType.values());
        type.setConverter(converter(ChartSpec.ChartType::words));
        type.setId("chart-type");
        filterField.setConverter(converter(o -> o.map(f -> "only " + f.label()).orElse("no filter")));
        filterField.setId("chart-filter-field");
        filterValues.setId("chart-filter-values");
        filterValues.setTitle("values");
        rangeField.setConverter(converter(o -> o.map(Columns.Field::label).orElse("all dates")));
        rangeField.setId("chart-range-field");
        rangeFrom.setPromptText("from");
        rangeTo.setPromptText("to");
        rangeFrom.setPrefWidth(130);
        rangeTo.setPrefWidth(130);
        saved.setId("chart-saved");
        saved.setPromptText("Saved charts");
        saved.setConverter(converter(ChartSpec::name));
        name.setId("chart-name");
        name.setPromptText("Name");
        Button save = new Button("Save");
        save.setId("chart-save");
        save.setOnAction(e -> model.save(current().named(name.getText()), notice::setText));
        Button delete = new Button("Delete");
        delete.setOnAction(e -> {
            if (saved.getValue() != null) {
                model.delete(saved.getValue().name(), notice::setText);
            }
        });
        Button dashboard = new Button("Put on dashboard");
        dashboard.setId("chart-to-dashboard");
        dashboard.setOnAction(e -> {
            String n = name.getText() == null ? "" : name.getText().strip();
            if (model.savedProperty().get().stream().noneMatch(c -> c.name().equals(n))) {
                notice.setText("Save the chart under a name first: the dashboard shows saved charts.");
            } else {
                putOnDashboard.accept(n);
                notice.setText("\"" + n + "\" is on the dashboard.");
            }
        });
        saved.valueProperty().addListener((obs, o, c) -> {
            if (c != null) {
                load(c);
            }
        });
        model.savedProperty().addListener((obs, o, list) -> saved.getItems().setAll(list));
        saved.getItems().setAll(model.savedProperty().get());

        ToolBar what = new ToolBar(
                new Label("Chart"),
                source,
                new Label("along"),
                along,
                grain,
                new Label("split by"),
                split,
                new Separator(Orientation.VERTICAL),
                aggregate,
                new Label("of"),
                measured,
                new Separator(Orientation.VERTICAL),
                type);
        ToolBar which = new ToolBar(
                filterField,
                filterValues,
                new Separator(Orientation.VERTICAL),
                rangeField,
                rangeFrom,
                rangeTo,
                new Separator(Orientation.VERTICAL),
                saved,
                name,
                save,
                delete,
                dashboard);
        setTop(new VBox(what, which));
        table.setId("chart-table");
        viewer.setId("chart-viewer");
        notice.setWrapText(true);
        notice.setId("chart-notice");
        notice.setPadding(new Insets(2, 8, 2, 8));
        StackPane center = new StackPane(viewer, table);
        BorderPane body = new BorderPane(center);
        body.setBottom(notice);
        frame = new AnalysisFrame(
                this, body, "chart-builder", model.runningProperty(), model.messageProperty(), model.resultProperty());
        model.resultProperty().addListener((obs, o, d) -> show(d));
        model.snapshotProperty().addListener((obs, o, s) -> fields(s));

        source.valueProperty().addListener(x -> {
            if (!loading) {
                sourceChanged();
            }
        });
        for (var p : List.of(
                along.valueProperty(),
                grain.valueProperty(),
                split.valueProperty(),
                aggregate.valueProperty(),
                measured.valueProperty(),
                type.valueProperty(),
                rangeField.valueProperty(),
                rangeFrom.valueProperty(),
                rangeTo.valueProperty())) {
            p.addListener(x -> changed());
        }
        filterField.valueProperty().addListener(x -> {
            if (!loading) {
                filterValues.getCheckModel().clearChecks();
                filterValues.getItems().clear();
                filterField
                        .getValue()
                        .ifPresent(f -> model.values(source.getValue().key(), f.id(), values -> filterValues
                                .getItems()
                                .setAll(values)));
                changed();
            }
        });
        filterValues.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> changed());
        load(first);
    }

    /** Opens the chart saved as {@code chartName} once the saved charts are read. */
    public void openSaved(String chartName) {
        Runnable pick = () -> model.savedProperty().get().stream()
                .filter(c -> c.name().equals(chartName))
                .findFirst()
                .ifPresent(saved::setValue);
        pick.run();
        model.savedProperty().addListener((obs, o, list) -> {
            if (saved.getValue() == null) {
                pick.run();
            }
        });
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /** Shows a spec: its source's fields are listed once a snapshot is there, then the choices set. */
    private void load(ChartSpec spec) {
        pending = spec;
        name.setText(spec.name());
        model.show(spec);
        Snapshot s = model.snapshotProperty().get();
        if (s != null) {
            fields(s);
        }
    }

    private ChartSpec pending;

    /** Fills the choices from the snapshot for the pending spec (or the current source). */
    private void fields(Snapshot s) {
        if (s == null) {
            return;
        }
        ChartSpec spec = pending != null ? pending : current();
        pending = null;
        if (spec == null) {
            return;
        }
        loading = true;
        try {
            Source src = Source.parse(spec.source());
            columns = src.columns(s);
            source.setValue(src);
            along.getItems()
                    .setAll(
                            spec.type() == ChartSpec.ChartType.SCATTER
                                    ? columns.fields(Columns.Kind.NUMBER)
                                    : withoutNumbers());
            along.setValue(columns.field(spec.x().field()));
            grain.setValue(
                    spec.x().grain() == null ? ChartSpec.Grain.MONTH : spec.x().grain());
            List<Optional<Columns.Field>> splits = new ArrayList<>();
            splits.add(Optional.empty());
            withoutNumbers().forEach(f -> splits.add(Optional.of(f)));
            split.getItems().setAll(splits);
            split.setValue(
                    spec.split() == null
                            ? Optional.empty()
                            : Optional.ofNullable(columns.field(spec.split().field())));
            aggregate.setValue(spec.measure().aggregate());
            measured.getItems().setAll(columns.fields(Columns.Kind.NUMBER));
            measured.setValue(
                    spec.measure().field() == null
                            ? null
                            : columns.field(spec.measure().field()));
            type.setValue(spec.type());
            List<Optional<Columns.Field>> filters = new ArrayList<>();
            filters.add(Optional.empty());
            columns.fields(Columns.Kind.TEXT).forEach(f -> filters.add(Optional.of(f)));
            filterField.getItems().setAll(filters);
            Optional<ChartSpec.Filter> filter = spec.filters().stream().findFirst();
            filterField.setValue(filter.map(f -> Optional.ofNullable(columns.field(f.field())))
                    .orElse(Optional.empty()));
            filterValues
                    .getItems()
                    .setAll(filter.map(f -> columns.distinct(f.field())).orElse(List.of()));
            filter.ifPresent(
                    f -> f.values().forEach(v -> filterValues.getCheckModel().check(v)));
            List<Optional<Columns.Field>> dates = new ArrayList<>();
            dates.add(Optional.empty());
            columns.fields(Columns.Kind.DATE).forEach(f -> dates.add(Optional.of(f)));
            rangeField.getItems().setAll(dates);
            rangeField.setValue(
                    spec.range() == null
                            ? Optional.empty()
                            : Optional.ofNullable(columns.field(spec.range().field())));
            rangeFrom.setValue(spec.range() == null ? null : spec.range().from());
            rangeTo.setValue(spec.range() == null ? null : spec.range().to());
            grain.setDisable(along.getValue() == null || along.getValue().kind() != Columns.Kind.DATE);
        } finally {
            loading = false;
        }
    }

    private List<Columns.Field> withoutNumbers() {
        return columns.fields().stream()
                .filter(f -> f.kind() != Columns.Kind.NUMBER)
                .toList();
    }

    /** A new source: the first date along the axis by month, counted. */
    private void sourceChanged() {
        Source src = source.getValue();
        Snapshot s = model.snapshotProperty().get();
        if (src == null || s == null) {
            return;
        }
        Columns c = src.columns(s);
        Columns.Field x = c.fields(Columns.Kind.DATE).stream()
                .findFirst()
                .orElse(c.fields().getFirst());
        pending = new ChartSpec(
                "",
                src.key(),
                new ChartSpec.Axis(x.id(), ChartSpec.Grain.MONTH),
                null,
                new ChartSpec.Measure(ChartSpec.Aggregate.COUNT, null),
                ChartSpec.ChartType.BAR,
                List.of(),
                null);
        fields(s);
        model.show(current());
    }

    /** The spec as the controls hold it, or null before they are filled. */
    private ChartSpec current() {
        if (source.getValue() == null || along.getValue() == null || aggregate.getValue() == null) {
            return null;
        }
        List<ChartSpec.Filter> filters = new ArrayList<>();
        filterField.getValue().ifPresent(f -> {
            List<String> checked = List.copyOf(filterValues.getCheckModel().getCheckedItems());
            if (!checked.isEmpty()) {
                filters.add(new ChartSpec.Filter(f.id(), checked));
            }
        });
        ChartSpec.DateRange range = rangeField.getValue() == null
                ? null
                : rangeField
                        .getValue()
                        .map(f -> new ChartSpec.DateRange(f.id(), rangeFrom.getValue(), rangeTo.getValue()))
                        .orElse(null);
        return new ChartSpec(
                name.getText(),
                source.getValue().key(),
                new ChartSpec.Axis(along.getValue().id(), grain.getValue()),
                split.getValue() == null
                        ? null
                        : split.getValue()
                                .map(f -> new ChartSpec.Axis(f.id(), grain.getValue()))
                                .orElse(null),
                new ChartSpec.Measure(
                        aggregate.getValue(),
                        measured.getValue() == null ? null : measured.getValue().id()),
                type.getValue(),
                filters,
                range);
    }

    private void changed() {
        if (loading || columns == null) {
            return;
        }
        ChartSpec.ChartType t = type.getValue();
        boolean scatter = t == ChartSpec.ChartType.SCATTER;
        boolean numbersAlong =
                !along.getItems().isEmpty() && along.getItems().getFirst().kind() == Columns.Kind.NUMBER;
        if (scatter != numbersAlong) {
            // the axis takes numbers for a scatter and groups otherwise
            loading = true;
            along.getItems().setAll(scatter ? columns.fields(Columns.Kind.NUMBER) : withoutNumbers());
            along.setValue(along.getItems().getFirst());
            loading = false;
        }
        grain.setDisable(along.getValue() == null || along.getValue().kind() != Columns.Kind.DATE);
        ChartSpec spec = current();
        if (spec != null) {
            model.show(spec);
        }
    }

    private void show(ChartData d) {
        if (d == null) {
            return;
        }
        frame.showBody();
        frame.setSummary(
                d.rows() + " " + Source.parse(d.spec().source()).title().toLowerCase(java.util.Locale.ROOT) + " · "
                        + d.measureLabel() + (d.notes().isEmpty() ? "" : " · " + String.join(" ", d.notes())));
        boolean isTable = d.spec().type() == ChartSpec.ChartType.TABLE;
        table.setVisible(isTable);
        viewer.setVisible(!isTable);
        if (isTable) {
            fillTable(d);
        } else {
            viewer.setChart(ExploreCharts.chart(d));
        }
    }

    private void fillTable(ChartData d) {
        table.getColumns().clear();
        TableColumn<List<Object>, String> first = new TableColumn<>(d.xLabel());
        first.setCellValueFactory(
                c -> new SimpleStringProperty(String.valueOf(c.getValue().getFirst())));
        first.setPrefWidth(180);
        table.getColumns().add(first);
        for (int s = 0; s < d.series().size(); s++) {
            int at = s + 1;
            TableColumn<List<Object>, Object> col = new TableColumn<>(d.series().get(s));
            col.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().get(at)));
            col.setCellFactory(x -> new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(Object v, boolean empty) {
                    super.updateItem(v, empty);
                    setText(empty || v == null ? "" : String.format(java.util.Locale.ROOT, "%,.2f", (Double) v));
                    setStyle("-fx-alignment: CENTER-RIGHT;");
                }
            });
            col.setPrefWidth(120);
            table.getColumns().add(col);
        }
        table.getItems().setAll(ExploreCharts.rows(d));
    }

    @Override
    public Optional<Report> report() {
        ChartData d = model.resultProperty().get();
        if (d == null) {
            return Optional.empty();
        }
        String title = d.spec().name().isBlank() ? d.measureLabel() : d.spec().name();
        Report.Builder b = Report.builder("chart", title, d.asOf());
        if (d.spec().type() != ChartSpec.ChartType.TABLE) {
            b.chart("chart", title, () -> ExploreCharts.chart(d));
        }
        List<Column<List<Object>>> cols = new ArrayList<>();
        cols.add(Column.text("x", d.xLabel(), "", r -> r.getFirst()));
        for (int s = 0; s < d.series().size(); s++) {
            int at = s + 1;
            cols.add(Column.decimal("s" + s, d.series().get(s), "", 2, "", r -> r.get(at)));
        }
        b.table(new ReportTable<>("data", title, cols, ExploreCharts.rows(d)));
        d.notes().forEach(b::note);
        return Optional.of(b.build());
    }
}
