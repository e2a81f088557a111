package quant.app.imports;

import javafx.util.StringConverter;

/** Text helpers shared by the wizard's steps. */
final class WizardText {
    private WizardText() {}

    static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return text.apply(t);
            }

            @Override
            public T fromString(String s) {
                // The choices are not editable, so text never has to become a value.
                return null;
            }
        };
    }
}
