package quant.app.reports;

import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Layout shared by the Reports view's forms. */
final class Forms {
    private Forms() {}

    /**
     * Four columns — label, field, label, field — where labels keep their whole width and fields share
     * what is left.
     */
    static void keepLabels(GridPane g) {
        for (int i = 0; i < 4; i++) {
            ColumnConstraints c = new ColumnConstraints();
            if (i % 2 == 0) {
                c.setMinWidth(Region.USE_PREF_SIZE);
            } else {
                c.setHgrow(Priority.ALWAYS);
                c.setMinWidth(80);
            }
            g.getColumnConstraints().add(c);
        }
    }
}
