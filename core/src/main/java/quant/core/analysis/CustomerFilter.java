package quant.core.analysis;

import java.util.Set;

/**
 * Which customers an analysis looks at: by acquisition channel, segment, city and the service line of
 * their first completed job. An empty set means "all"; within a set any value matches.
 */
public record CustomerFilter(
        Set<String> channels, Set<String> segments, Set<String> cities, Set<String> firstServiceLines) {
    public static final CustomerFilter ALL = new CustomerFilter(Set.of(), Set.of(), Set.of(), Set.of());

    public CustomerFilter {
        channels = Set.copyOf(channels);
        segments = Set.copyOf(segments);
        cities = Set.copyOf(cities);
        firstServiceLines = Set.copyOf(firstServiceLines);
    }

    public boolean isAll() {
        return channels.isEmpty() && segments.isEmpty() && cities.isEmpty() && firstServiceLines.isEmpty();
    }

    /**
     * Whether customer {@code i} passes.
     *
     * @param firstLine the service line index of the customer's first completed job, or {@link Codes#NONE}
     */
    public boolean test(Snapshot s, int i, int firstLine) {
        Snapshot.Customers c = s.customers();
        return matches(channels, c.channels().value(c.channel(i)))
                && matches(segments, c.segments().value(c.segment(i)))
                && matches(cities, c.cities().value(c.city(i)))
                && matches(firstServiceLines, s.serviceLines().value(firstLine));
    }

    private static boolean matches(Set<String> wanted, String value) {
        return wanted.isEmpty() || (value != null && wanted.contains(value));
    }
}
