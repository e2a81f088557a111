package quant.app.routing;

import javafx.application.Application;
import javafx.scene.paint.Color;

/**
 * The colours the route map and timeline draw their text, bands and grid in, for the window's theme:
 * dark text on the light theme, light text on the dark one (AtlantaFX's Primer dark), so labels stay
 * readable in both. Read at each drawing.
 */
record CanvasInk(Color text, Color muted, Color faint, Color band, Color grid, Color panel, String paper) {
    static final CanvasInk LIGHT = new CanvasInk(
            Color.rgb(30, 30, 30),
            Color.rgb(60, 60, 60),
            Color.rgb(140, 140, 140),
            Color.rgb(236, 239, 243),
            Color.rgb(210, 214, 220),
            Color.rgb(255, 255, 255, 0.85),
            "#f7f8fa");
    static final CanvasInk DARK = new CanvasInk(
            Color.rgb(201, 209, 217),
            Color.rgb(160, 168, 176),
            Color.rgb(110, 118, 126),
            Color.rgb(33, 38, 45),
            Color.rgb(48, 54, 61),
            Color.rgb(13, 17, 23, 0.85),
            "#161b22");

    /** The ink of the theme the window has now. */
    static CanvasInk now() {
        String sheet = Application.getUserAgentStylesheet();
        return sheet != null && sheet.toLowerCase(java.util.Locale.ROOT).contains("dark") ? DARK : LIGHT;
    }
}
