package quant.app.cli;

import java.util.Set;
import picocli.CommandLine.Option;
import quant.core.analysis.CustomerFilter;

/** The customer filter options the customer analyses share. */
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

    CustomerFilter filter() {
        return new CustomerFilter(channels, segments, cities, lines);
    }
}
