package quant.app.settings;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import quant.core.settings.BusinessSettings;
import quant.core.settings.Setting;

/**
 * The business settings form's state: the text typed for every setting, checked together as it is
 * typed. {@link #resultProperty()} holds the settings the form would save, or null while a value is
 * not valid; {@link #errorProperty()} then says which and why in one sentence.
 */
public final class BusinessSettingsForm {
    private final BusinessSettings original;
    private final Map<Setting, StringProperty> texts = new EnumMap<>(Setting.class);
    private final ReadOnlyObjectWrapper<BusinessSettings> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public BusinessSettingsForm(BusinessSettings original) {
        this.original = original;
        for (Setting s : Setting.values()) {
            StringProperty p = new SimpleStringProperty(original.text(s));
            p.addListener(x -> check());
            texts.put(s, p);
        }
        check();
    }

    /** The text typed for {@code setting}. */
    public StringProperty text(Setting setting) {
        return texts.get(setting);
    }

    /** Puts every field back to its setting's default. */
    public void restoreDefaults() {
        for (Setting s : Setting.values()) {
            texts.get(s).set(s.defaultText());
        }
    }

    /** The settings to save, or null while the form has an invalid value. */
    public ReadOnlyObjectProperty<BusinessSettings> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Why the form cannot be saved, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether saving would change anything. */
    public boolean changed() {
        return result.get() != null && !result.get().equals(original);
    }

    private void check() {
        Map<Setting, String> typed = new EnumMap<>(Setting.class);
        java.util.List<Setting> atDefault = new java.util.ArrayList<>();
        for (Setting s : Setting.values()) {
            String t = texts.get(s).get();
            boolean unchanged = !original.isSet(s) && t.strip().equals(s.defaultText());
            boolean cleared = s.isOptional() && t.isBlank();
            if (unchanged || cleared) {
                atDefault.add(s);
            } else {
                typed.put(s, t);
            }
        }
        try {
            BusinessSettings next = original.reset(atDefault).with(typed);
            result.set(next);
            error.set("");
        } catch (IllegalArgumentException e) {
            result.set(null);
            error.set(e.getMessage());
        }
    }
}
