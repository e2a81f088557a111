package quant.app.analysis;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * A row of headline figures above an analysis: each a small card with its name, the value large,
 * and a line saying what it is measured against. Wraps onto a second row in a narrow window.
 */
public final class KeyFigures extends FlowPane {
    /**
     * One figure.
     *
     * @param detail a short line under the value (may be empty)
     * @param warn whether the figure needs attention (drawn with a warm border)
     */
    public record Figure(String title, String value, String detail, boolean warn) {
        public Figure(String title, String value, String detail) {
            this(title, value, detail, false);
        }
    }

    public KeyFigures(String id) {
        super(8, 8);
        setId(id);
        setPadding(new Insets(8));
    }

    /** Shows a report's key figures: written as on every other screen, judged ones with a warm border. */
    public void showReport(List<quant.core.report.KeyFigure> figures) {
        show(figures.stream().map(KeyFigures::of).toList());
    }

    /** The card of a report's key figure. */
    public static Figure of(quant.core.report.KeyFigure f) {
        Object v = f.value();
        String value;
        if (v instanceof Number n && f.type() == quant.core.report.ColumnType.MONEY) {
            value = f.digits() == 0 ? Formats.money(n.doubleValue()) : Formats.cents(n.doubleValue());
        } else if (v instanceof Number n && f.type() == quant.core.report.ColumnType.PERCENT) {
            value = Formats.percent(n.doubleValue());
        } else {
            value = quant.core.report.ValueText.figure(f, "");
        }
        boolean warn = f.status() != null && f.status() != quant.core.report.Status.OK;
        return new Figure(f.label(), value, f.detail(), warn);
    }

    /** Shows these figures in this order. */
    public void show(List<Figure> figures) {
        getChildren().setAll(figures.stream().map(KeyFigures::card).toList());
    }

    private static VBox card(Figure f) {
        Label title = new Label(f.title());
        title.getStyleClass().add("text-muted");
        Label value = new Label(f.value());
        value.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label detail = new Label(f.detail());
        detail.setStyle("-fx-font-size: 11px;");
        detail.getStyleClass().add("text-muted");
        VBox box = new VBox(1, title, value, detail);
        box.setPadding(new Insets(6, 12, 6, 12));
        box.setMinWidth(150);
        box.setStyle("-fx-border-color: " + (f.warn() ? "#D55E00" : "#d0d7de")
                + "; -fx-border-width: 1; -fx-border-radius: 4; -fx-background-radius: 4;");
        if (!f.detail().isEmpty()) {
            Tooltip.install(box, new Tooltip(f.title() + ": " + f.detail()));
        }
        return box;
    }
}
