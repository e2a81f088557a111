package quant.app.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
 * The day on a map without tiles: home bases (squares) and jobs (dots) at their coordinates in an
 * equirectangular projection scaled by the cosine of the middle latitude (true to scale across a
 * service area), each route drawn as straight legs in its technician's colour, jobs left out as red
 * rings, a scale bar, and details of the nearest point under the mouse. Scroll zooms about the mouse,
 * dragging pans, a double click fits the day (or the selected technician's route) again; clicking a job selects it and its technician.
 */
final class RouteMap extends Region {
    /** A service line's name by its code. */
    private final java.util.function.UnaryOperator<String> lineNames;

    private static final double KM_PER_DEGREE = 111.195;

    private final Canvas canvas = new Canvas();
    private final StringProperty selectedTechnician;
    private final StringProperty selectedStop;
    private DayPlan plan;
    private RouteColours colours;
    private final List<Point> points = new ArrayList<>();
    private double lat0;
    private double lon0;
    private double cosLat;
    private double scale = 1;
    private double panX;
    private double panY;
    private Point hover;
    private double dragX;
    private double dragY;
    private boolean dragged;
    /** Whether the view is the fit of the day or of the selected technician, not a zoom of the user's. */
    private boolean fitted = true;

    /** Something drawn at a position: a home base or a job, with its details. */
    private record Point(double x, double y, String technicianId, String stopId, boolean home, List<String> details) {}

    RouteMap(
            StringProperty selectedTechnician,
            StringProperty selectedStop,
            java.util.function.UnaryOperator<String> lineNames) {
        this.lineNames = lineNames;
        this.selectedTechnician = selectedTechnician;
        this.selectedStop = selectedStop;
        setId("route-map");
        getChildren().add(canvas);
        setMinSize(200, 200);
        setStyle("-fx-background-color: #f7f8fa;");
        selectedTechnician.addListener((o, was, id) -> focus(id));
        selectedStop.addListener(x -> draw());
        // a theme change (the window root's theme class) redraws in the new ink
        sceneProperty().addListener((obs, o, scene) -> {
            if (scene != null && scene.getRoot() != null) {
                scene.getRoot().getStyleClass().addListener((javafx.collections.ListChangeListener<String>)
                        c -> draw());
            }
        });
        canvas.setOnScroll(e -> {
            double f = Math.pow(1.0015, e.getDeltaY());
            double cx = e.getX() - canvas.getWidth() / 2 - panX;
            double cy = e.getY() - canvas.getHeight() / 2 - panY;
            panX -= cx * (f - 1);
            panY -= cy * (f - 1);
            scale *= f;
            fitted = false;
            draw();
            e.consume(); // the wheel zooms the map; it does not also scroll the view around it
        });
        canvas.setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
            dragged = false;
        });
        canvas.setOnMouseDragged(e -> {
            panX += e.getX() - dragX;
            panY += e.getY() - dragY;
            fitted = false;
            dragged |= Math.abs(e.getX() - dragX) + Math.abs(e.getY() - dragY) > 2;
            dragX = e.getX();
            dragY = e.getY();
            draw();
        });
        canvas.setOnMouseMoved(e -> hoverAt(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> {
            hover = null;
            draw();
        });
        canvas.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                focus(selectedTechnician.get());
            } else if (!dragged) {
                Point p = nearest(e.getX(), e.getY());
                if (p == null) {
                    selectedTechnician.set(null);
                    selectedStop.set(null);
                } else {
                    selectedTechnician.set(p.technicianId());
                    selectedStop.set(p.stopId());
                }
            }
        });
    }

    void show(DayPlan plan, RouteColours colours) {
        this.plan = plan;
        this.colours = colours;
        hover = null;
        double minLat = Double.POSITIVE_INFINITY;
        double maxLat = Double.NEGATIVE_INFINITY;
        double minLon = Double.POSITIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY;
        for (WorkDay.Technician t : plan.day().technicians()) {
            minLat = Math.min(minLat, t.lat());
            maxLat = Math.max(maxLat, t.lat());
            minLon = Math.min(minLon, t.lon());
            maxLon = Math.max(maxLon, t.lon());
        }
        for (WorkDay.Job j : plan.day().jobs()) {
            if (j.located()) {
                minLat = Math.min(minLat, j.lat());
                maxLat = Math.max(maxLat, j.lat());
                minLon = Math.min(minLon, j.lon());
                maxLon = Math.max(maxLon, j.lon());
            }
        }
        lat0 = (minLat + maxLat) / 2;
        lon0 = (minLon + maxLon) / 2;
        cosLat = Math.cos(Math.toRadians(lat0));
        spanKmX = Math.max(1, (maxLon - minLon) * KM_PER_DEGREE * cosLat);
        spanKmY = Math.max(1, (maxLat - minLat) * KM_PER_DEGREE);
        focus(selectedTechnician.get());
    }

    /** Fits the map to one technician's home and jobs, or to the whole day for null. */
    private void focus(String technicianId) {
        hover = null;
        fitted = true;
        scale = 1;
        panX = 0;
        panY = 0;
        WorkDay.Technician t =
                plan == null || technicianId == null ? null : plan.day().technician(Long.parseLong(technicianId));
        RoutePlan.Route r = t == null ? null : plan.plan().route(technicianId);
        if (r != null && r.used()) {
            double minX = kmX(t.lon());
            double maxX = minX;
            double minY = kmY(t.lat());
            double maxY = minY;
            for (WorkDay.Job j : plan.day().jobs()) {
                if (j.located() && r.stops().stream().anyMatch(v -> v.stopId().equals(String.valueOf(j.id())))) {
                    minX = Math.min(minX, kmX(j.lon()));
                    maxX = Math.max(maxX, kmX(j.lon()));
                    minY = Math.min(minY, kmY(j.lat()));
                    maxY = Math.max(maxY, kmY(j.lat()));
                }
            }
            double w = Math.max(1, canvas.getWidth() - 60);
            double h = Math.max(1, canvas.getHeight() - 60);
            double wanted = Math.min(w / Math.max(3, maxX - minX), h / Math.max(3, maxY - minY));
            scale = Math.max(1, wanted / pxPerKm());
            double ppk = pxPerKm();
            panX = -(minX + maxX) / 2 * ppk;
            panY = (minY + maxY) / 2 * ppk;
        }
        draw();
    }

    private double kmX(double lon) {
        return (lon - lon0) * KM_PER_DEGREE * cosLat;
    }

    private double kmY(double lat) {
        return (lat - lat0) * KM_PER_DEGREE;
    }

    private double spanKmX = 1;
    private double spanKmY = 1;

    /** Pixels per km at the current zoom. */
    private double pxPerKm() {
        double w = Math.max(1, canvas.getWidth() - 60);
        double h = Math.max(1, canvas.getHeight() - 60);
        return Math.min(w / spanKmX, h / spanKmY) * scale;
    }

    private double x(double lon) {
        return canvas.getWidth() / 2 + panX + (lon - lon0) * KM_PER_DEGREE * cosLat * pxPerKm();
    }

    private double y(double lat) {
        return canvas.getHeight() / 2 + panY - (lat - lat0) * KM_PER_DEGREE * pxPerKm();
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            // a fitted view is fitted again to the new size; a zoom the user chose stays
            if (fitted) {
                focus(selectedTechnician.get());
            } else {
                draw();
            }
        }
    }

    private CanvasInk ink = CanvasInk.now();

    private void draw() {
        ink = CanvasInk.now();
        setStyle("-fx-background-color: " + ink.paper() + ";");
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        points.clear();
        if (plan == null) {
            return;
        }
        String only = selectedTechnician.get();
        Map<String, WorkDay.Job> jobs = new HashMap<>();
        for (WorkDay.Job j : plan.day().jobs()) {
            jobs.put(String.valueOf(j.id()), j);
        }
        Map<String, String> servedBy = new HashMap<>();
        for (RoutePlan.Route r : plan.plan().routes()) {
            for (RoutePlan.Visit v : r.stops()) {
                servedBy.put(v.stopId(), r.vehicleId());
            }
        }
        // routes: faded ones first, the selected one on top
        for (int pass = 0; pass < 2; pass++) {
            for (RoutePlan.Route r : plan.plan().routes()) {
                boolean mine = only == null || only.equals(r.vehicleId());
                if (mine != (pass == 1)) {
                    continue;
                }
                WorkDay.Technician t = plan.day().technician(Long.parseLong(r.vehicleId()));
                if (t == null) {
                    continue; // a kept plan's technician who is no longer at work that day
                }
                Color c = colours.of(r.vehicleId());
                g.setStroke(mine ? c : c.deriveColor(0, 0.3, 1.3, 0.35));
                g.setLineWidth(mine && only != null ? 3 : 2);
                double px = x(t.lon());
                double py = y(t.lat());
                int n = 0;
                for (RoutePlan.Visit v : r.stops()) {
                    WorkDay.Job j = jobs.get(v.stopId());
                    if (j == null) {
                        continue;
                    }
                    double qx = x(j.lon());
                    double qy = y(j.lat());
                    g.strokeLine(px, py, qx, qy);
                    if (mine) {
                        arrow(g, px, py, qx, qy);
                    }
                    px = qx;
                    py = qy;
                    n++;
                }
                if (plan.settings().returnHome() && n > 0) {
                    g.strokeLine(px, py, x(t.lon()), y(t.lat()));
                }
            }
        }
        // home bases
        for (WorkDay.Technician t : plan.day().technicians()) {
            String id = String.valueOf(t.id());
            RoutePlan.Route r = plan.plan().route(id);
            boolean mine = only == null || only.equals(id);
            double px = x(t.lon());
            double py = y(t.lat());
            g.setFill(mine ? colours.of(id) : colours.of(id).deriveColor(0, 0.3, 1.3, 0.4));
            g.fillRect(px - 5, py - 5, 10, 10);
            g.setStroke(Color.WHITE);
            g.setLineWidth(1);
            g.strokeRect(px - 5, py - 5, 10, 10);
            List<String> details = new ArrayList<>();
            details.add(t.name() + " — home base");
            details.add("Shift " + RunSheets.clock(t.shiftStart()) + "–" + RunSheets.clock(t.shiftEnd()) + ", skills "
                    + String.join(", ", t.skills()));
            details.add(
                    r == null || !r.used()
                            ? "No jobs planned"
                            : String.format(
                                    Locale.ROOT,
                                    "%d jobs, %.0f min driving, %.1f km",
                                    r.stops().size(),
                                    r.travelTime(),
                                    r.distance()));
            points.add(new Point(px, py, id, null, true, details));
        }
        // jobs
        g.setFont(Font.font(null, FontWeight.BOLD, 9));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (RoutePlan.Route r : plan.plan().routes()) {
            boolean mine = only == null || only.equals(r.vehicleId());
            int n = 0;
            for (RoutePlan.Visit v : r.stops()) {
                n++;
                WorkDay.Job j = jobs.get(v.stopId());
                if (j == null) {
                    continue;
                }
                double px = x(j.lon());
                double py = y(j.lat());
                Color c = colours.of(r.vehicleId());
                double radius = only != null && mine ? 8 : 5;
                g.setFill(mine ? c : c.deriveColor(0, 0.3, 1.3, 0.4));
                g.fillOval(px - radius, py - radius, 2 * radius, 2 * radius);
                g.setStroke(v.stopId().equals(selectedStop.get()) ? Color.BLACK : Color.WHITE);
                g.setLineWidth(v.stopId().equals(selectedStop.get()) ? 2.5 : 1);
                g.strokeOval(px - radius, py - radius, 2 * radius, 2 * radius);
                if (only != null && mine) {
                    g.setFill(Color.WHITE);
                    g.fillText(String.valueOf(n), px, py);
                }
                points.add(new Point(
                        px,
                        py,
                        r.vehicleId(),
                        v.stopId(),
                        false,
                        CanvasTip.visit(r, n, v, j, lineNames.apply(j.line()))));
            }
        }
        for (RoutePlan.Unassigned u : plan.plan().unassigned()) {
            WorkDay.Job j = jobs.get(u.stopId());
            if (j == null || !j.located() || servedBy.containsKey(u.stopId())) {
                continue;
            }
            double px = x(j.lon());
            double py = y(j.lat());
            g.setStroke(Color.web("#D55E00"));
            g.setLineWidth(2.5);
            g.strokeOval(px - 7, py - 7, 14, 14);
            points.add(new Point(px, py, null, u.stopId(), false, List.of(u.label() + " — not planned", u.reason())));
        }
        scaleBar(g);
        legend(g);
        if (hover != null) {
            tip(g, hover);
        }
    }

    private static void arrow(GraphicsContext g, double x1, double y1, double x2, double y2) {
        double len = Math.hypot(x2 - x1, y2 - y1);
        if (len < 30) {
            return;
        }
        double mx = (x1 + x2) / 2;
        double my = (y1 + y2) / 2;
        double ux = (x2 - x1) / len;
        double uy = (y2 - y1) / len;
        g.strokeLine(mx, my, mx - 6 * ux + 4 * uy, my - 6 * uy - 4 * ux);
        g.strokeLine(mx, my, mx - 6 * ux - 4 * uy, my - 6 * uy + 4 * ux);
    }

    private void scaleBar(GraphicsContext g) {
        double perKm = pxPerKm();
        double km = 1;
        for (double candidate : new double[] {0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500}) {
            if (candidate * perKm <= 140) {
                km = candidate;
            }
        }
        double len = km * perKm;
        double x0 = 16;
        double y0 = canvas.getHeight() - 18;
        g.setFill(ink.panel());
        g.fillRect(x0 - 6, y0 - 20, len + 60, 30);
        g.setStroke(ink.text());
        g.setLineWidth(2);
        g.strokeLine(x0, y0, x0 + len, y0);
        g.strokeLine(x0, y0 - 5, x0, y0 + 3);
        g.strokeLine(x0 + len, y0 - 5, x0 + len, y0 + 3);
        g.setFill(ink.text());
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText((km < 1 ? "500 m" : String.format(Locale.ROOT, "%.0f km", km)) + " (straight line)", x0, y0 - 6);
    }

    private void legend(GraphicsContext g) {
        double x0 = canvas.getWidth() - 190;
        double y0 = 10;
        g.setFill(ink.panel());
        g.fillRect(x0, y0, 180, 56);
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(ink.muted());
        g.fillRect(x0 + 8, y0 + 8, 9, 9);
        g.fillText("home base", x0 + 24, y0 + 12);
        g.fillOval(x0 + 8, y0 + 24, 9, 9);
        g.fillText("job, in its technician's colour", x0 + 24, y0 + 28);
        g.setStroke(Color.web("#D55E00"));
        g.setLineWidth(2);
        g.strokeOval(x0 + 7, y0 + 39, 11, 11);
        g.setFill(ink.muted());
        g.fillText("job not planned", x0 + 24, y0 + 44);
    }

    private void tip(GraphicsContext g, Point p) {
        CanvasTip.draw(
                g,
                p.x(),
                p.y(),
                p.details(),
                p.technicianId() == null ? Color.web("#D55E00") : colours.of(p.technicianId()));
    }

    private Point nearest(double mx, double my) {
        Point best = null;
        double bestD = 10;
        for (Point p : points) {
            double d = Math.hypot(p.x() - mx, p.y() - my);
            if (d <= bestD) {
                best = p;
                bestD = d;
            }
        }
        return best;
    }

    /** Shows the details of the point nearest to (x, y), as the mouse does; for tests and the keyboard. */
    void hoverAt(double mx, double my) {
        Point p = nearest(mx, my);
        if (!Objects.equals(p, hover)) {
            hover = p;
            draw();
        }
    }

    /** Where a job is drawn, or null; for tests. */
    double[] positionOf(String stopId) {
        for (Point p : points) {
            if (stopId.equals(p.stopId())) {
                return new double[] {p.x(), p.y()};
            }
        }
        return null;
    }

    /** The details shown for the point under the mouse, empty when there is none. */
    List<String> hoverDetails() {
        return hover == null ? List.of() : hover.details();
    }
}
