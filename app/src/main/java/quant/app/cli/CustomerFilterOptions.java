package quant.app.cli;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;
import quant.core.analysis.CustomerFilter;
import quant.core.analysis.Part;
import quant.core.analysis.Snapshot;
import quant.core.analysis.SnapshotLoader;
import quant.core.settings.BusinessSettings;
import quant.core.store.Store;

/** The options the customer analyses on the database share: the customer filter, the as-of date and --json. */
final class CustomerFilterOptions {
    @Option(
            names = "--channel",
            paramLabel = "C",
            split = ",",
            description = "Only customers acquired through these channels.")
    Set<String> channels = Set.of();

    @Option(names = "--segment", paramLabel = "S", split = ",", description = "Only customers of these segments.")
    Set<String> segments = Set.of();

    @Option(names = "--city", paramLabel = "CITY", split = ",", description = "Only customers in these cities.")
    Set<String> cities = Set.of();

    @Option(
            names = "--first-service-line",
            paramLabel = "CODE",
            split = ",",
            description = "Only customers whose first completed job was of these service lines (codes).")
    Set<String> lines = Set.of();

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "Compute at this date (default: the last activity in the data).")
    LocalDate asOf;

    @Option(names = "--json", description = "Print the whole result as JSON (keys in docs/cli.md).")
    boolean json;

    Optional<LocalDate> asOf() {
        return Optional.ofNullable(asOf);
    }

    /** What a customer analysis reads from a database: its snapshot and its business settings. */
    record Loaded(Snapshot snapshot, BusinessSettings settings) {}

    /**
     * A snapshot of {@code parts} (the parts an analysis reads) and the business settings of the
     * database at {@code path}, which must exist.
     */
    static Loaded load(quant.core.store.StoreLocation path, java.util.List<Part<?>> parts) {
        try (Store store = Store.openExisting(path)) {
            if (store.readOnlyReason() != null && store.role() != quant.core.store.Role.VIEWER) {
                // the figures come from data a crash or a lock left read-only: say so beside them
                System.err.println("quant: note: " + store.location().name() + " is open read-only ("
                        + store.readOnlyReason() + ").");
            }
            return new Loaded(
                    new SnapshotLoader(store).load(parts, CliProgress.monitor()), BusinessSettings.read(store));
        }
    }

    CustomerFilter filter() {
        return new CustomerFilter(channels, segments, cities, lines);
    }

    /**
     * The filter with the values resolved against the data: a code or its name, without regard to case;
     * an unknown value is refused in a sentence that lists the values there are.
     */
    CustomerFilter filter(Snapshot s) {
        return filter().resolve(s);
    }
}
