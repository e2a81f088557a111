package quant.app.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import quant.core.routing.DayPlan;
import quant.core.routing.RoutePlan;
import quant.core.routing.RunSheets;
import quant.core.routing.WorkDay;

/**
 * Each technician's day on one time axis: the shift as a pale band, every drive as a grey bar ending
 * at the arrival, waiting for a window to open as an amber outline, and the work on site as a block in
 * the technician's colour labelled with the job. Work that had started, or been set off for, when the day
 * was re-planned is hatched, and the re-plan time is a red line. Hovering shows a block's details; clicking selects the
 * technician and the job.
 */
final class RouteTimeline extends Region {
    /** A service line's name by its code. */
    private final java.util.function.UnaryOperator<String> lineNames;

    private static final double LABEL = 150;
    private static final double ROW = 26;
    private static final double AXIS = 40;
    private static final Color TRAVEL = Color.web("#8b95a1");
    private static final Color WAIT = Color.web("#E69F00");

    private final Canvas canvas = new Canvas();
    private final StringProperty selectedTechnician;
    private final StringProperty selectedStop;
    private DayPlan plan;
    private RouteColours colours;
    private Integer now;
    private double from;
    private double to;
    private final List<Block> blocks = new ArrayList<>();
    private Block hover;

    private record Block(
            double x0, double x1, double y0, double y1, String technicianId, String stopId, List<String> details) {
        boolean contains(double x, double y) {
            return x >= x0 - 1 && x <= x1 + 1 && y >= y0 && y <= y1;
        }
    }

    RouteTimeline(
            StringProperty selectedTechnician,
            StringProperty selectedStop,
            java.util.function.UnaryOperator<String> lineNames) {
        this.lineNames = lineNames;
        this.selectedTechnician = selectedTechnician;
        this.selectedStop = selectedStop;
        setId("route-timeline");
        getChildren().add(canvas);
        selectedTechnician.addListener(x -> draw());
        selectedStop.addListener(x -> draw());
        // a theme change (the window root's theme class) redraws in the new ink
        sceneProperty().addListener((obs, o, scene) -> {
            if (scene != null && scene.getRoot() != null) {
                scene.getRoot().getStyleClass().addListener((javafx.collections.ListChangeListener<String>)
                        c -> draw());
            }
        });
        canvas.setOnMouseMoved(e -> hoverAt(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> {
            hover = null;
            draw();
        });
        canvas.setOnMouseClicked(e -> {
            Block b = at(e.getX(), e.getY());
            if (b != null) {
                selectedTechnician.set(b.technicianId());
                selectedStop.set(b.stopId());
            } else if (e.getX() < LABEL && plan != null) {
                int row = (int) ((e.getY() - AXIS) / ROW);
                List<WorkDay.Technician> techs = plan.day().technicians();
                if (row >= 0 && row < techs.size()) {
                    String id = String.valueOf(techs.get(row).id());
                    selectedTechnician.set(id.equals(selectedTechnician.get()) ? null : id);
                    selectedStop.set(null);
                }
            }
        });
    }

    void show(DayPlan plan, RouteColours colours, Integer now) {
        this.plan = plan;
        this.colours = colours;
        this.now = now;
        hover = null;
        double start = Double.POSITIVE_INFINITY;
        double end = Double.NEGATIVE_INFINITY;
        for (WorkDay.Technician t : plan.day().technicians()) {
            start = Math.min(start, t.shiftStart());
            end = Math.max(end, t.shiftEnd());
        }
        for (RoutePlan.Route r : plan.plan().routes()) {
            if (r.used()) {
                start = Math.min(start, r.depart());
                end = Math.max(end, r.back());
            }
        }
        if (!Double.isFinite(start)) {
            start = 8 * 60;
            end = 17 * 60;
        }
        from = Math.floor(start / 60) * 60;
        to = Math.ceil(end / 60) * 60;
        double height = AXIS + ROW * plan.day().technicians().size() + 8;
        setPrefHeight(height);
        setMinHeight(height);
        requestLayout();
        draw();
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }

    private double x(double minute) {
        double w = Math.max(1, canvas.getWidth() - LABEL - 16);
        return LABEL + (minute - from) / Math.max(1, to - from) * w;
    }

    private CanvasInk ink = CanvasInk.now();

    private void draw() {
        ink = CanvasInk.now();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        blocks.clear();
        if (plan == null) {
            return;
        }
        legendAndAxis(g);
        Map<String, WorkDay.Job> jobs = new HashMap<>();
        for (WorkDay.Job j : plan.day().jobs()) {
            jobs.put(String.valueOf(j.id()), j);
        }
        List<WorkDay.Technician> techs = plan.day().technicians();
        String only = selectedTechnician.get();
        for (int i = 0; i < techs.size(); i++) {
            WorkDay.Technician t = techs.get(i);
            String id = String.valueOf(t.id());
            double y0 = AXIS + i * ROW;
            double mid = y0 + ROW / 2;
            if (id.equals(only)) {
                g.setFill(Color.rgb(0, 114, 178, 0.08));
                g.fillRect(0, y0, canvas.getWidth(), ROW);
            }
            g.setFill(ink.band());
            g.fillRect(x(t.shiftStart()), y0 + 3, x(t.shiftEnd()) - x(t.shiftStart()), ROW - 6);
            RoutePlan.Route r = plan.plan().route(id);
            boolean used = r != null && r.used();
            g.setFill(colours.of(id));
            g.fillRect(6, mid - 5, 10, 10);
            g.setFill(used ? ink.text() : ink.faint());
            g.setFont(Font.font(null, id.equals(only) ? FontWeight.BOLD : FontWeight.NORMAL, 12));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(t.name() + (used ? "" : " (no jobs)"), 22, mid, LABEL - 26);
            if (!used) {
                continue;
            }
            int n = 0;
            double last = r.depart();
            for (RoutePlan.Visit v : r.stops()) {
                n++;
                double driveFrom = v.arrival() - v.travelTime();
                g.setFill(TRAVEL);
                g.fillRect(x(driveFrom), mid - 3, Math.max(1, x(v.arrival()) - x(driveFrom)), 6);
                if (v.start() > v.arrival() + 0.5) {
                    g.setStroke(WAIT);
                    g.setLineWidth(1.5);
                    g.strokeRect(x(v.arrival()), mid - 5, x(v.start()) - x(v.arrival()), 10);
                }
                double bx0 = x(v.start());
                double bx1 = x(v.end());
                g.setFill(colours.of(id));
                g.fillRect(bx0, y0 + 4, Math.max(2, bx1 - bx0), ROW - 8);
                if (v.fixed()) {
                    hatch(g, bx0, y0 + 4, bx1, y0 + ROW - 4);
                }
                if (v.stopId().equals(selectedStop.get())) {
                    g.setStroke(Color.BLACK);
                    g.setLineWidth(2);
                    g.strokeRect(bx0, y0 + 3, Math.max(2, bx1 - bx0), ROW - 6);
                }
                WorkDay.Job j = jobs.get(v.stopId());
                String label = j == null ? v.stopId() : j.ref();
                if (bx1 - bx0 > 46) {
                    g.setFill(Color.WHITE);
                    g.setFont(Font.font(10));
                    g.setTextAlign(TextAlignment.CENTER);
                    g.fillText(label, (bx0 + bx1) / 2, mid, bx1 - bx0 - 4);
                }
                blocks.add(new Block(
                        x(driveFrom),
                        bx1,
                        y0,
                        y0 + ROW,
                        id,
                        v.stopId(),
                        j == null ? List.of(v.label()) : CanvasTip.visit(r, n, v, j, lineNames.apply(j.line()))));
                last = v.end();
            }
            if (r.back() > last + 0.5) {
                g.setFill(TRAVEL);
                g.fillRect(x(last), mid - 3, x(r.back()) - x(last), 6);
            }
        }
        if (now != null) {
            g.setStroke(Color.web("#D55E00"));
            g.setLineWidth(2);
            g.setLineDashes(6, 4);
            g.strokeLine(x(now), AXIS - 6, x(now), canvas.getHeight());
            g.setLineDashes();
            g.setFill(Color.web("#D55E00"));
            g.setFont(Font.font(null, FontWeight.BOLD, 11));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BOTTOM);
            String label = "re-planned " + RunSheets.clock(now);
            javafx.scene.text.Text t = new javafx.scene.text.Text(label);
            t.setFont(g.getFont());
            double w = t.getLayoutBounds().getWidth();
            g.setFill(Color.WHITE);
            g.fillRect(x(now) + 2, AXIS - 20, w + 6, 16);
            g.setFill(Color.web("#D55E00"));
            g.fillText(label, x(now) + 5, AXIS - 5);
        }
        if (hover != null) {
            CanvasTip.draw(g, hover.x1(), hover.y0() + ROW / 2, hover.details(), colours.of(hover.technicianId()));
        }
    }

    private void legendAndAxis(GraphicsContext g) {
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double lx = 8;
        g.setFill(TRAVEL);
        g.fillRect(lx, 7, 18, 6);
        g.setFill(ink.muted());
        g.fillText("driving", lx + 22, 10);
        lx += 78;
        g.setStroke(WAIT);
        g.setLineWidth(1.5);
        g.strokeRect(lx, 5, 18, 10);
        g.fillText("waiting for the window", lx + 22, 10);
        lx += 160;
        g.setFill(Color.rgb(0, 114, 178));
        g.fillRect(lx, 4, 18, 12);
        g.setFill(ink.muted());
        g.fillText("work on site", lx + 22, 10);
        lx += 100;
        g.setFill(Color.rgb(0, 114, 178));
        g.fillRect(lx, 4, 18, 12);
        hatch(g, lx, 4, lx + 18, 16);
        g.setFill(ink.muted());
        g.fillText("under way at the re-plan", lx + 22, 10);
        lx += 175;
        g.setFill(ink.band());
        g.fillRect(lx, 4, 18, 12);
        g.setFill(ink.muted());
        g.fillText("shift", lx + 22, 10);

        g.setTextAlign(TextAlignment.CENTER);
        g.setStroke(ink.grid());
        g.setLineWidth(1);
        for (double m = from; m <= to; m += 60) {
            double x = x(m);
            g.strokeLine(x, AXIS - 4, x, canvas.getHeight());
            g.fillText(RunSheets.clock(m), x, AXIS - 12);
        }
    }

    private static void hatch(GraphicsContext g, double x0, double y0, double x1, double y1) {
        g.save();
        g.beginPath();
        g.rect(x0, y0, x1 - x0, y1 - y0);
        g.clip();
        g.setStroke(Color.rgb(0, 0, 0, 0.28));
        g.setLineWidth(1.5);
        for (double x = x0 - (y1 - y0); x < x1; x += 6) {
            g.strokeLine(x, y1, x + (y1 - y0), y0);
        }
        g.restore();
    }

    private Block at(double x, double y) {
        for (Block b : blocks) {
            if (b.contains(x, y)) {
                return b;
            }
        }
        return null;
    }

    /** Shows the details of the block at (x, y), as the mouse does. */
    void hoverAt(double x, double y) {
        Block b = at(x, y);
        if (!Objects.equals(b, hover)) {
            hover = b;
            draw();
        }
    }

    /** The middle of a job's work block, or null; for tests. */
    double[] positionOf(String stopId) {
        for (Block b : blocks) {
            if (stopId.equals(b.stopId())) {
                return new double[] {b.x1() - 3, (b.y0() + b.y1()) / 2};
            }
        }
        return null;
    }

    /** The details shown for the block under the mouse, empty when there is none. */
    List<String> hoverDetails() {
        return hover == null ? List.of() : hover.details();
    }
}
