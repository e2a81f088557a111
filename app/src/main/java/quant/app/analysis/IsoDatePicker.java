package quant.app.analysis;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * A date picker that shows and reads dates as 2025-07-01, whatever the machine's locale: the dates of
 * the data, the JSON and the command line are all written that way, and 7/1/2025 reads as January
 * in half the world.
 */
public final class IsoDatePicker {
    private IsoDatePicker() {}

    /** A new picker with ISO dates; text that is not a date leaves the value as it was. */
    public static DatePicker create() {
        DatePicker picker = new DatePicker();
        picker.setPromptText("YYYY-MM-DD");
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(text.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
                } catch (DateTimeParseException notADate) {
                    return picker.getValue();
                }
            }
        });
        return picker;
    }
}
