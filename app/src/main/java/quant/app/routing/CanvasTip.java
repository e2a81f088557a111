package quant.app.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import quant.core.routing.RoutePlan;
import quant.core.routing.RunSheets;
import quant.core.routing.WorkDay;

/** The details box drawn next to the point under the mouse on the map and the timeline. */
final class CanvasTip {
    private CanvasTip() {}

    /** Draws {@code lines} in a box below and right of (x, y), kept inside the canvas. */
    static void draw(GraphicsContext g, double x, double y, List<String> lines, Color border) {
        Font font = Font.font(12);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        double w = 0;
        for (String line : lines) {
            Text t = new Text(line);
            t.setFont(font);
            w = Math.max(w, t.getLayoutBounds().getWidth());
        }
        double h = 16 * lines.size() + 8;
        double canvasW = g.getCanvas().getWidth();
        double canvasH = g.getCanvas().getHeight();
        double bx = Math.max(2, Math.min(x + 12, canvasW - w - 20));
        double by = y + 12 + h > canvasH ? Math.max(2, y - 12 - h) : y + 12;
        g.setFill(Color.rgb(255, 255, 255, 0.95));
        g.fillRoundRect(bx, by, w + 16, h, 6, 6);
        g.setStroke(border);
        g.setLineWidth(1.5);
        g.strokeRoundRect(bx, by, w + 16, h, 6, 6);
        g.setFill(Color.rgb(30, 30, 30));
        for (int i = 0; i < lines.size(); i++) {
            g.fillText(lines.get(i), bx + 8, by + 4 + 16 * i);
        }
    }

    /** The lines describing a planned visit. */
    static List<String> visit(RoutePlan.Route r, int n, RoutePlan.Visit v, WorkDay.Job j, String line) {
        List<String> out = new ArrayList<>();
        out.add(j.ref() + " " + j.customer());
        if (!j.address().isEmpty()) {
            out.add(j.address());
        }
        out.add(String.format(
                Locale.ROOT,
                "%s, stop %d of %d: %s priority, %s",
                r.label(),
                n,
                r.stops().size(),
                j.priority(),
                line));
        String window = RunSheets.window(j).isEmpty() ? "no window" : "window " + RunSheets.window(j);
        out.add(String.format(
                Locale.ROOT,
                "Arrive %s (%s), work %s–%s",
                RunSheets.clock(v.arrival()),
                window,
                RunSheets.clock(v.start()),
                RunSheets.clock(v.end())));
        out.add(String.format(
                Locale.ROOT,
                "Drive %.0f min, %.1f km%s",
                v.travelTime(),
                v.distance(),
                v.fixed() ? "; under way at the re-plan" : ""));
        return out;
    }
}
