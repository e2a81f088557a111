package quant.app.dashboard;

import java.util.List;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;
import quant.core.kpi.KpiValue;

/**
 * A KPI's last periods as a line, the current one a dot in its status colour, with the target as a
 * dashed line when there is one. Periods without a value break nothing: they are left out of the line.
 */
final class Sparkline extends Pane {
    private List<KpiValue.Point> points = List.of();
    private Double target;
    private Color line = Color.GRAY;
    private Color targetColor = Color.GRAY;

    Sparkline() {
        getStyleClass().add("kpi-sparkline");
        setMinHeight(30);
        setPrefHeight(36);
        widthProperty().addListener(x -> draw());
        heightProperty().addListener(x -> draw());
    }

    void show(List<KpiValue.Point> history, Double targetValue, Color lineColor, Color targetLineColor) {
        points = history;
        target = targetValue;
        line = lineColor;
        targetColor = targetLineColor;
        draw();
    }

    private void draw() {
        getChildren().clear();
        double w = getWidth();
        double h = getHeight();
        if (w <= 4 || h <= 4 || points.isEmpty()) {
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (KpiValue.Point p : points) {
            if (p.value() != null) {
                lo = Math.min(lo, p.value());
                hi = Math.max(hi, p.value());
            }
        }
        if (target != null) {
            lo = Math.min(lo, target);
            hi = Math.max(hi, target);
        }
        if (!Double.isFinite(lo)) {
            return;
        }
        double span = hi - lo == 0 ? Math.max(1, Math.abs(hi)) : hi - lo;
        double pad = 4;
        double step = points.size() > 1 ? (w - 2 * pad) / (points.size() - 1) : 0;
        Polyline path = new Polyline();
        path.setStroke(line);
        path.setStrokeWidth(1.6);
        double lastX = Double.NaN;
        double lastY = Double.NaN;
        for (int i = 0; i < points.size(); i++) {
            Double v = points.get(i).value();
            if (v == null) {
                continue;
            }
            double x = pad + i * step;
            double y = pad + (h - 2 * pad) * (1 - (v - lo) / span);
            path.getPoints().addAll(x, y);
            lastX = x;
            lastY = y;
        }
        if (target != null) {
            double y = pad + (h - 2 * pad) * (1 - (target - lo) / span);
            Line t = new Line(pad, y, w - pad, y);
            t.setStroke(targetColor);
            t.getStrokeDashArray().setAll(3.0, 3.0);
            getChildren().add(t);
        }
        getChildren().add(path);
        if (Double.isFinite(lastX)) {
            Circle dot = new Circle(
                    lastX, lastY, 3.2, DashboardColors.status(points.getLast().status()));
            getChildren().add(dot);
        }
    }
}
