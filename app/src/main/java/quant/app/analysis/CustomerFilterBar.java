package quant.app.analysis;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.converter.LocalDateStringConverter;
import org.controlsfx.control.CheckComboBox;

/** The toolbar controls of a {@link CustomerFilterModel}: four check-combos, the as-of date, and Clear. */
public final class CustomerFilterBar {
    private CustomerFilterBar() {}

    /**
     * The controls, in toolbar order; ids are {@code prefix-channel}, {@code prefix-segment},
     * {@code prefix-city}, {@code prefix-line} and {@code prefix-as-of}.
     */
    public static List<Node> controls(CustomerFilterModel model, String prefix) {
        DatePicker asOf = asOfPicker(model.asOfProperty(), prefix + "-as-of");
        Button reset = new Button("Clear filters");
        reset.setOnAction(e -> model.reset());
        return List.of(
                box("All channels", model.channelChoices(), model.channels(), prefix + "-channel", model::label),
                box("All segments", model.segmentChoices(), model.segments(), prefix + "-segment", model::label),
                box("All cities", model.cityChoices(), model.cities(), prefix + "-city", model::label),
                box("Any first line", model.serviceLineChoices(), model.serviceLines(), prefix + "-line", model::label),
                new Label("As of"),
                asOf,
                reset);
    }

    /** A date picker for an analysis's as-of date, ISO dates, empty meaning the last activity in the data. */
    public static DatePicker asOfPicker(javafx.beans.property.ObjectProperty<java.time.LocalDate> date, String id) {
        DatePicker asOf = IsoDatePicker.create();
        asOf.setPromptText("last activity");
        asOf.setPrefWidth(145);
        asOf.setConverter(
                new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ISO_LOCAL_DATE));
        asOf.valueProperty().bindBidirectional(date);
        asOf.setTooltip(new Tooltip("Compute at this date; empty for the last activity date in the data"));
        asOf.setId(id);
        return asOf;
    }

    /** A check-combo whose checked items mirror {@code chosen} both ways; its choices follow {@code choices}. */
    private static CheckComboBox<String> box(
            String title,
            ObservableList<String> choices,
            ObservableSet<String> chosen,
            String id,
            java.util.function.Function<String, String> label) {
        CheckComboBox<String> box = new CheckComboBox<>(choices);
        box.setId(id);
        box.setTitle(title);
        box.setConverter(Formats.shownAs(label));
        box.setPrefWidth(140);
        box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        box.setTooltip(new Tooltip(title + ": tick values to keep only those customers"));
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            List<String> now = List.copyOf(box.getCheckModel().getCheckedItems());
            if (!chosen.equals(Set.copyOf(now))) {
                chosen.retainAll(now);
                chosen.addAll(now);
            }
            box.setTitle(now.isEmpty() ? title : null);
        });
        Runnable sync = () -> {
            for (String item : choices) {
                boolean want = chosen.contains(item);
                if (want != box.getCheckModel().isChecked(item)) {
                    if (want) {
                        box.getCheckModel().check(item);
                    } else {
                        box.getCheckModel().clearCheck(item);
                    }
                }
            }
        };
        chosen.addListener((SetChangeListener<String>) c -> sync.run());
        choices.addListener((ListChangeListener<String>) c -> sync.run());
        return box;
    }
}
