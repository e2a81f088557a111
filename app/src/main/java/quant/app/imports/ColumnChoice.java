package quant.app.imports;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import quant.importers.check.PreviewCheck;

/**
 * One column of the file on the mapping screen: which table column it fills (or none), and how
 * many of the previewed values that column would accept.
 */
public final class ColumnChoice {
    private final String fileColumn;
    private final int index;
    private final ObjectProperty<String> target = new SimpleObjectProperty<>();
    private final IntegerProperty valid = new SimpleIntegerProperty();
    private final IntegerProperty invalid = new SimpleIntegerProperty();
    private final StringProperty firstProblem = new SimpleStringProperty("");

    ColumnChoice(String fileColumn, int index) {
        this.fileColumn = fileColumn;
        this.index = index;
    }

    public String fileColumn() {
        return fileColumn;
    }

    int index() {
        return index;
    }

    /** The table column this file column fills, or {@code null} for "not imported". */
    public ObjectProperty<String> targetProperty() {
        return target;
    }

    public ReadOnlyIntegerProperty validProperty() {
        return valid;
    }

    public ReadOnlyIntegerProperty invalidProperty() {
        return invalid;
    }

    /** The first previewed value the target would refuse, with why; empty when all are fine. */
    public ReadOnlyStringProperty firstProblemProperty() {
        return firstProblem;
    }

    void setCheck(PreviewCheck.ColumnCheck check) {
        valid.set(check.fits());
        invalid.set(check.refused());
        firstProblem.set(check.firstProblem());
    }
}
