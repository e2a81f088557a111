package quant.app.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import quant.core.routing.DayPlan;
import quant.core.routing.WorkDay;

/**
 * One colour per technician of a day, the same in the map, the timeline and the tables. Hues step by
 * the golden angle so neighbours in the list differ most; alternate technicians get a darker shade, so
 * 24 routes on one map stay apart.
 */
final class RouteColours {
    private final Map<String, Color> byTechnician = new HashMap<>();

    RouteColours(DayPlan plan) {
        List<WorkDay.Technician> techs = plan.day().technicians();
        for (int i = 0; i < techs.size(); i++) {
            double hue = (i * 137.508 + 200) % 360;
            byTechnician.put(String.valueOf(techs.get(i).id()), Color.hsb(hue, 0.80, i % 2 == 0 ? 0.78 : 0.55));
        }
    }

    Color of(String technicianId) {
        return byTechnician.getOrDefault(technicianId, Color.GRAY);
    }

    /** CSS for a small swatch of the technician's colour. */
    String swatch(String technicianId) {
        Color c = of(technicianId);
        return String.format(
                java.util.Locale.ROOT,
                "-fx-background-color: rgb(%d,%d,%d);",
                (int) (c.getRed() * 255),
                (int) (c.getGreen() * 255),
                (int) (c.getBlue() * 255));
    }
}
