package quant.app.reports;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import quant.core.pack.PackDefinition;

/**
 * A section in the report editor's table: what the user edits in place (on, chapter, title, rows), and
 * the rest of the section as the definition had it.
 */
final class SectionRow {
    final BooleanProperty on = new SimpleBooleanProperty(true);
    final StringProperty chapter = new SimpleStringProperty("");
    final StringProperty title = new SimpleStringProperty("");
    final IntegerProperty rows = new SimpleIntegerProperty(15);
    private final PackDefinition.Section original;

    SectionRow(PackDefinition.Section s) {
        this.original = s;
        on.set(s.on());
        chapter.set(s.chapter());
        title.set(s.title());
        rows.set(s.rows());
    }

    String analysis() {
        return original.analysis();
    }

    PackDefinition.Section section() {
        return new PackDefinition.Section(
                original.analysis(),
                chapter.get().strip(),
                title.get().strip(),
                original.intro(),
                original.figures(),
                original.tables(),
                original.charts(),
                rows.get(),
                on.get());
    }
}
