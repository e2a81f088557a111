package quant.importers.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import quant.core.importing.ImportException;

/** Mapping profiles for common exports, shipped with the app (see {@code docs/import-presets.md}). */
public final class Presets {
    /** The preset names, as {@code quant import --preset NAME} takes them. */
    public static final List<String> NAMES = List.of(
            "qbo-customers",
            "qbo-invoices",
            "xero-invoices",
            "hubspot-deals",
            "salesforce-opportunities",
            "generic-jobs");

    private Presets() {}

    public static MappingProfile load(String name) {
        if (!NAMES.contains(name)) {
            throw new ImportException(
                    ImportException.Kind.SETTINGS,
                    "There is no preset \"" + name + "\"; there are " + String.join(", ", NAMES) + ".");
        }
        String path = "/quant/importers/presets/" + name + ".json";
        try (InputStream in = Presets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The preset " + path + " is missing from the application.");
            }
            return MappingProfile.read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
