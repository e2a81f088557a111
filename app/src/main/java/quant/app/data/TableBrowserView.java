package quant.app.data;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/** A virtualized, sortable, filterable grid over one table; pages come from the store. */
public final class TableBrowserView extends BorderPane {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final TableBrowserViewModel model;
    private final TableView<TableBrowserViewModel.Row> table = new TableView<>();

    public TableBrowserView(TableBrowserViewModel model) {
        this.model = model;
        getStyleClass().add("table-browser");
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        List<quant.core.store.TableColumn> columns = model.columns();
        for (int i = 0; i < columns.size(); i++) {
            table.getColumns().add(column(columns.get(i), i));
        }
        table.setItems(model.rows());
        table.setSortPolicy(tv -> {
            if (tv.getSortOrder().isEmpty()) {
                model.sortBy(null, true);
            } else {
                TableColumn<TableBrowserViewModel.Row, ?> c = tv.getSortOrder().getFirst();
                model.sortBy((String) c.getUserData(), c.getSortType() == TableColumn.SortType.ASCENDING);
            }
            return true;
        });
        table.setPlaceholder(new Label("No rows match."));
        table.setId("table-browser-grid");

        ComboBox<String> filterColumn = new ComboBox<>();
        filterColumn
                .getItems()
                .setAll(columns.stream().map(quant.core.store.TableColumn::name).toList());
        filterColumn
                .getSelectionModel()
                .select(columns.stream()
                        .map(quant.core.store.TableColumn::name)
                        .filter(n -> n.equals("name") || n.equals("external_ref"))
                        .findFirst()
                        .orElse(columns.getFirst().name()));
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        columns.forEach(col -> labels.put(col.name(), ColumnLabels.of(col)));
        filterColumn.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null ? "" : labels.getOrDefault(name, name);
            }

            @Override
            public String fromString(String label) {
                return labels.entrySet().stream()
                        .filter(e -> e.getValue().equals(label))
                        .map(java.util.Map.Entry::getKey)
                        .findFirst()
                        .orElse(label);
            }
        });
        TextField filterText = new TextField();
        filterText.setPromptText("Filter: contains…");
        filterText.setId("table-browser-filter");
        HBox.setHgrow(filterText, Priority.ALWAYS);
        PauseTransition debounce = new PauseTransition(Duration.millis(300));
        debounce.setOnFinished(e -> model.filter(filterColumn.getValue(), filterText.getText()));
        filterText.textProperty().addListener((obs, o, n) -> debounce.playFromStart());
        filterText.setOnAction(e -> {
            debounce.stop();
            model.filter(filterColumn.getValue(), filterText.getText());
        });
        filterColumn.valueProperty().addListener((obs, o, n) -> {
            if (!filterText.getText().isBlank()) {
                model.filter(n, filterText.getText());
            }
        });
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.setId("table-browser-status");
        Region gap = new Region();
        HBox bar = new HBox(8, new Label("Filter"), filterColumn, filterText, gap, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        setTop(bar);
        setCenter(table);
    }

    public TableBrowserViewModel model() {
        return model;
    }

    private TableColumn<TableBrowserViewModel.Row, Object> column(quant.core.store.TableColumn info, int index) {
        TableColumn<TableBrowserViewModel.Row, Object> c = new TableColumn<>(ColumnLabels.of(info));
        c.setUserData(info.name());
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().value(index)));
        boolean numeric = info.type().isNumber() && info.references() == null;
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                TableBrowserViewModel.Row row =
                        getTableRow() == null ? null : getTableRow().getItem();
                if (empty) {
                    setText(null);
                } else if (row != null && row.isLoading()) {
                    setText("…");
                } else {
                    setText(format(item));
                }
            }
        });
        if (numeric) {
            c.setStyle("-fx-alignment: CENTER-RIGHT;");
        }
        c.setPrefWidth(Math.max(
                numeric ? 100 : info.name().endsWith("_at") ? 140 : 130,
                9.0 * c.getText().length() + 24));
        return c;
    }

    static String format(Object v) {
        return switch (v) {
            case null -> "";
            case BigDecimal d -> d.toPlainString();
            case java.time.LocalDateTime t -> DATE_TIME.format(t);
            case java.time.OffsetDateTime t -> DATE_TIME.format(t);
            case TemporalAccessor t -> t.toString();
            case Double d -> String.format(Locale.ROOT, "%.5f", d);
            default -> v.toString();
        };
    }
}
