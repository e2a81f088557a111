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

    /**
     * The filter with each value a person typed turned into the text the data holds: the code itself,
     * or its name or display name ("Google Ads" for {@code google_ads}, "Plumbing" for {@code PLUMB}),
     * without regard to case.
     *
     * @throws InvalidSpecException for a value the data does not hold, in one sentence that lists the
     *     values there are
     */
    public CustomerFilter resolve(Snapshot s) {
        Snapshot.Customers c = s.customers();
        return new CustomerFilter(
                resolve(channels, c.channels(), "channel"),
                resolve(segments, c.segments(), "segment"),
                resolve(cities, c.cities(), "city"),
                resolve(firstServiceLines, s.serviceLines(), "service line"));
    }

    private static Set<String> resolve(Set<String> wanted, Codes codes, String noun) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String w : wanted) {
            String v = codes.resolve(w);
            if (v == null) {
                java.util.List<String> known = new java.util.ArrayList<>();
                for (int code = 0; code < codes.size(); code++) {
                    String value = codes.value(code);
                    String label = codes.label(code);
                    known.add(label.equals(value) ? value : label + " (" + value + ")");
                }
                java.util.Collections.sort(known);
                throw new InvalidSpecException("There is no " + noun + " \"" + w.strip() + "\" in the data; "
                        + (known.isEmpty()
                                ? "the data hold none."
                                : "the " + (noun.equals("city") ? "cities" : noun + "s") + " are "
                                        + String.join(", ", known.subList(0, Math.min(40, known.size())))
                                        + (known.size() > 40 ? ", …" : "") + "."));
            }
            out.add(v);
        }
        return out;
    }

    /**
     * The filter in words for a report's spec: "all customers", or each part that narrows it, e.g.
     * "channel Google Ads; segment Commercial" (codes by their display names, sorted).
     */
    public String describe() {
        if (isAll()) {
            return "all customers";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        part(parts, "channel", channels);
        part(parts, "segment", segments);
        part(parts, "city", cities);
        part(parts, "first service line", firstServiceLines);
        return String.join("; ", parts);
    }

    private static void part(java.util.List<String> parts, String noun, Set<String> values) {
        if (!values.isEmpty()) {
            parts.add(noun + " "
                    + String.join(
                            " or ",
                            values.stream().map(DisplayNames::of).sorted().toList()));
        }
    }

    private static boolean matches(Set<String> wanted, String value) {
        return wanted.isEmpty() || (value != null && wanted.contains(value));
    }
}
