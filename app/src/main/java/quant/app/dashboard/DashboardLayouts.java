package quant.app.dashboard;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The dashboard's arrangement while the workbench runs, shared by the views that change it (the
 * dashboard itself, the chart builder's "Put on dashboard"): read once from {@code dashboard.json},
 * written back on every change. Used on the JavaFX thread.
 */
public final class DashboardLayouts {
    private static ReadOnlyObjectWrapper<DashboardLayout> current;

    private DashboardLayouts() {}

    /** The arrangement, followed by open dashboards. */
    public static ReadOnlyObjectProperty<DashboardLayout> current() {
        if (current == null) {
            current = new ReadOnlyObjectWrapper<>(DashboardLayout.load());
        }
        return current.getReadOnlyProperty();
    }

    /** Changes the arrangement and keeps it. */
    public static void set(DashboardLayout next) {
        current();
        next.save();
        current.set(next);
    }

    /** Puts a saved chart on the dashboard, unless it is there already. */
    public static void addChart(String name) {
        DashboardLayout now = current().get();
        if (!now.charts().contains(name)) {
            set(now.withChart(name));
        }
    }

    /** Forgets the arrangement read, so the next use reads the file again (for tests). */
    static void forget() {
        current = null;
    }
}
