package quant.app.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Json;
import quant.core.settings.BusinessSettings;
import quant.core.settings.Setting;
import quant.core.store.Store;

/**
 * {@code quant settings [set KEY=VALUE… | reset KEY…|--all]}: the business settings stored in the
 * database, which the analyses take as their defaults.
 */
@Command(
        name = "settings",
        mixinStandardHelpOptions = true,
        description = "Show the business settings the analyses use as defaults; change them with set or reset.",
        subcommands = {SettingsCommand.Set.class, SettingsCommand.Reset.class})
final class SettingsCommand implements Callable<Integer> {
    @ParentCommand
    QuantCommand parent;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--json",
            scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Print JSON: {\"settings\": [{\"key\", \"label\", \"value\", \"defaultValue\", \"unit\","
                    + " \"min\", \"max\", \"set\", \"description\"}]}.")
    boolean json;

    @Override
    public Integer call() {
        BusinessSettings settings;
        try (Store store = Store.openExisting(parent.database())) {
            settings = BusinessSettings.read(store);
        }
        print(spec.commandLine().getOut(), settings, json);
        return QuantCommand.OK;
    }

    /** One setting as the JSON lists it. */
    record Row(
            String key,
            String label,
            Object value,
            BigDecimal defaultValue,
            String unit,
            BigDecimal min,
            BigDecimal max,
            boolean set,
            String description) {}

    private static String nullIfEmpty(String text) {
        return text.isEmpty() ? null : text;
    }

    static void print(PrintWriter out, BusinessSettings settings, boolean json) {
        if (json) {
            List<Row> rows = new ArrayList<>();
            for (Setting s : Setting.values()) {
                rows.add(new Row(
                        s.key(),
                        s.label(),
                        s.unit().isNumber() ? settings.value(s) : nullIfEmpty(settings.text(s)),
                        s.defaultValue(),
                        s.unit().words(),
                        s.min(),
                        s.max(),
                        settings.isSet(s),
                        s.description()));
            }
            out.println(Json.write(Map.of("settings", rows)));
        } else {
            for (Setting s : Setting.values()) {
                out.printf(
                        Locale.ROOT,
                        "%-30s %8s %-18s %s%n",
                        s.key(),
                        s.isOptional() && !settings.isSet(s) ? "-" : settings.text(s),
                        s.unit().words(),
                        settings.isSet(s)
                                ? s.isOptional() ? "(set)" : "(set; default " + Setting.show(s.defaultValue()) + ")"
                                : s.isOptional() ? "(not set)" : "(default)");
            }
        }
        out.flush();
    }

    @Command(
            name = "set",
            mixinStandardHelpOptions = true,
            description = "Store settings, e.g. customers.inactivityDays=270; all are checked before any is written.")
    static final class Set implements Callable<Integer> {
        @ParentCommand
        SettingsCommand settings;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "KEY=VALUE", description = "The settings to store.")
        List<String> assignments;

        @Override
        public Integer call() {
            Map<Setting, String> changes = new LinkedHashMap<>();
            for (String a : assignments) {
                int eq = a.indexOf('=');
                if (eq < 0) {
                    throw new InvalidSpecException(
                            "Write each setting as KEY=VALUE (e.g. customers.inactivityDays=270)," + " not \"" + a
                                    + "\".");
                }
                changes.put(known(a.substring(0, eq)), a.substring(eq + 1));
            }
            try (Store store = Store.openExisting(settings.parent.database())) {
                BusinessSettings current = BusinessSettings.read(store);
                checked(() -> current.with(changes)).save(store);
                SettingsCommand.print(spec.commandLine().getOut(), BusinessSettings.read(store), settings.json);
            }
            return QuantCommand.OK;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true, description = "Put settings back to their defaults.")
    static final class Reset implements Callable<Integer> {
        @ParentCommand
        SettingsCommand settings;

        @Spec
        CommandSpec spec;

        @ArgGroup(multiplicity = "1")
        Which which;

        static final class Which {
            @Parameters(arity = "1..*", paramLabel = "KEY", description = "The settings to reset.")
            List<String> keys;

            @Option(names = "--all", required = true, description = "Reset every setting.")
            boolean all;
        }

        @Override
        public Integer call() {
            List<Setting> targets = new ArrayList<>();
            if (which.all) {
                targets.addAll(List.of(Setting.values()));
            } else {
                for (String k : which.keys) {
                    targets.add(known(k));
                }
            }
            try (Store store = Store.openExisting(settings.parent.database())) {
                BusinessSettings current = BusinessSettings.read(store);
                checked(() -> current.reset(targets)).save(store);
                SettingsCommand.print(spec.commandLine().getOut(), BusinessSettings.read(store), settings.json);
            }
            return QuantCommand.OK;
        }
    }

    private static Setting known(String key) {
        return Setting.byKey(key)
                .orElseThrow(() -> new InvalidSpecException("There is no setting \"" + key.strip()
                        + "\"; the settings are " + String.join(", ", keys()) + "."));
    }

    private static List<String> keys() {
        return java.util.Arrays.stream(Setting.values()).map(Setting::key).toList();
    }

    private static BusinessSettings checked(java.util.function.Supplier<BusinessSettings> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException(e.getMessage() + " Nothing was changed.");
        }
    }
}
