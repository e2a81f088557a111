package quant.app.forecast;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import quant.app.analysis.Tables;
import quant.core.forecast.Backtest;
import quant.core.forecast.DataChecks;
import quant.core.forecast.Method;
import quant.core.forecast.SeriesForecast;

/** The controls and tables the store forecast views share: method and horizon pickers, the backtest, the checks. */
final class ForecastControls {
    private ForecastControls() {}

    /** The method picker: auto first, then every method. */
    static ComboBox<Method> method(StoreForecastViewModel<?, ?> model, String idPrefix) {
        ComboBox<Method> box = new ComboBox<>();
        box.getItems().setAll(Method.values());
        box.getItems().remove(Method.AUTO);
        box.getItems().addFirst(Method.AUTO);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Method m) {
                return m == null ? "" : m == Method.AUTO ? "Auto (the backtest's choice)" : m.label();
            }

            @Override
            public Method fromString(String s) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(model.methodProperty());
        box.setId(idPrefix + "-method");
        box.setTooltip(
                new Tooltip("The method of the monthly series; Auto backtests the candidates and uses the best."));
        return box;
    }

    /** The horizon picker, in days. */
    static ComboBox<Integer> horizon(StoreForecastViewModel<?, ?> model, String idPrefix, List<Integer> days) {
        ComboBox<Integer> box = new ComboBox<>();
        box.getItems().setAll(days);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer d) {
                return d == null ? "" : "Next " + d + " days";
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(model.horizonDaysProperty());
        box.setId(idPrefix + "-horizon");
        return box;
    }

    /** The backtest's scores, the chosen method's row highlighted; a placeholder when none was run. */
    static TableView<Backtest.Score> backtestTable(String id) {
        TableView<Backtest.Score> t = new TableView<>();
        t.setId(id);
        t.getColumns().setAll(Tables.of(quant.core.forecast.business.ForecastReports.backtestColumns()));
        t.setTooltip(new javafx.scene.control.Tooltip("In 80 % and In 95 %: the share of the backtest's actual values"
                + " that fell inside the method's own 80 % and 95 % bands (nominal: 80 % and 95 %)."));
        t.setPlaceholder(new Label("No backtest: a chosen method is used as it is."));
        t.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        return t;
    }

    /** Fills the backtest table and marks the chosen method's row. */
    static void showBacktest(TableView<Backtest.Score> t, SeriesForecast f) {
        t.setRowFactory(x -> new TableRow<>() {
            @Override
            protected void updateItem(Backtest.Score s, boolean empty) {
                super.updateItem(s, empty);
                boolean chosen = !empty && s != null && s.method().key().equals(f.chosen());
                setStyle(chosen ? "-fx-background-color: #dcefe6; -fx-font-weight: bold;" : "");
                setTooltip(chosen && f.reason() != null ? new Tooltip(f.reason()) : null);
            }
        });
        t.getItems().setAll(f.backtest());
    }

    /** The data checks' findings, one per line. */
    static ListView<String> checksList(String id) {
        ListView<String> list = new ListView<>();
        list.setId(id);
        list.setPlaceholder(new Label("The series passed every check: no missing months, outliers or zeros."));
        return list;
    }

    static void showChecks(ListView<String> list, SeriesForecast f) {
        list.getItems()
                .setAll(f.checks().stream().map(ForecastControls::describe).toList());
    }

    private static String describe(DataChecks.Finding c) {
        return c.finding() + " (" + c.policy() + ")"
                + (c.periods().isEmpty() ? "" : ": " + String.join(", ", c.periods()));
    }

    /** The headline's words on the model: what it does, without its name. */
    static String headline(SeriesForecast f) {
        return "forecast from " + f.inWords();
    }

    /**
     * Styles a toolbar label that confirms a save: a tick and the success colour when it says "Saved",
     * the danger colour otherwise, so the outcome is seen, not only read.
     */
    static void confirmation(Label status) {
        status.textProperty().addListener((obs, o, text) -> {
            boolean ok = text != null && text.startsWith("Saved");
            status.setGraphic(ok ? new Label("✔") : null);
            status.getStyleClass().removeAll("success", "danger");
            if (text != null && !text.isEmpty()) {
                status.getStyleClass().add(ok ? "success" : "danger");
            }
        });
    }

    /** A titled pane body: a label above a node. */
    static Node titled(String title, Node content) {
        Label l = new Label(title);
        l.getStyleClass().add("text-bold");
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(4, l, content);
        javafx.scene.layout.VBox.setVgrow(content, javafx.scene.layout.Priority.ALWAYS);
        box.setPadding(new javafx.geometry.Insets(6));
        return box;
    }
}
