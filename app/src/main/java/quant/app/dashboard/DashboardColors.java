package quant.app.dashboard;

import javafx.scene.paint.Color;

/** The dashboard's colours: status colours readable on both themes, and each theme's tile colours. */
final class DashboardColors {
    static final Color OK = Color.web("#2da44e");
    static final Color WARNING = Color.web("#d4a72c");
    static final Color CRITICAL = Color.web("#cf222e");
    static final Color NONE = Color.web("#8c959f");

    private DashboardColors() {}

    /** The colour of a status key ({@code ok}, {@code warning}, {@code critical}, {@code none}). */
    static Color status(String status) {
        return switch (status == null ? "none" : status) {
            case "ok" -> OK;
            case "warning" -> WARNING;
            case "critical" -> CRITICAL;
            default -> NONE;
        };
    }

    /** A tile's background in the theme. */
    static Color background(boolean dark) {
        return dark ? Color.web("#161b22") : Color.web("#ffffff");
    }

    /** A tile's main text in the theme. */
    static Color text(boolean dark) {
        return dark ? Color.web("#e6edf3") : Color.web("#1f2328");
    }

    /** A tile's secondary text in the theme. */
    static Color muted(boolean dark) {
        return dark ? Color.web("#8d96a0") : Color.web("#59636e");
    }

    /** A tile's border in the theme. */
    static Color border(boolean dark) {
        return dark ? Color.web("#30363d") : Color.web("#d1d9e0");
    }

    /** The sparkline in the theme. */
    static Color line(boolean dark) {
        return dark ? Color.web("#4493f8") : Color.web("#0969da");
    }
}
