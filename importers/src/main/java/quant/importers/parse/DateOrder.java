package quant.importers.parse;

import java.util.Optional;

/**
 * The order of day, month and year in dates written with separators, such as {@code 3/4/2024}:
 * 4 March (US, {@link #MDY}) or 3 April (most of the world, {@link #DMY}). ISO dates
 * ({@code 2024-03-04}) are read the same way in every order.
 */
public enum DateOrder {
    MDY,
    DMY,
    YMD;

    /**
     * The order a column's values prove: a first part above 12 proves day-first, a second part
     * above 12 proves month-first. Empty when the values allow both (ask the user) or neither.
     */
    public static Optional<DateOrder> prove(Iterable<String> values) {
        boolean dayFirstPossible = true;
        boolean monthFirstPossible = true;
        boolean sawAmbiguousForm = false;
        boolean sawIso = false;
        for (String v : values) {
            String s = v.strip();
            if (s.isEmpty()) {
                continue;
            }
            int[] parts = DateParser.numericParts(s);
            if (parts == null) {
                continue;
            }
            if (parts[0] > 31) {
                sawIso = true;
                continue;
            }
            sawAmbiguousForm = true;
            if (parts[0] > 12) {
                monthFirstPossible = false;
            }
            if (parts[1] > 12) {
                dayFirstPossible = false;
            }
        }
        if (!sawAmbiguousForm) {
            return sawIso ? Optional.of(YMD) : Optional.empty();
        }
        if (dayFirstPossible && !monthFirstPossible) {
            return Optional.of(DMY);
        }
        if (monthFirstPossible && !dayFirstPossible) {
            return Optional.of(MDY);
        }
        return Optional.empty();
    }

    /** Whether the values hold dates whose order cannot be told from the values themselves. */
    public static boolean isAmbiguous(Iterable<String> values) {
        boolean any = false;
        for (String v : values) {
            int[] parts = DateParser.numericParts(v.strip());
            if (parts != null && parts[0] <= 31) {
                any = true;
                break;
            }
        }
        return any && prove(values).isEmpty();
    }

    /** Collects, value by value, what a column's dates prove about their order; memory stays constant. */
    public static final class Evidence {
        private boolean dayFirstPossible = true;
        private boolean monthFirstPossible = true;
        private boolean sawAmbiguousForm;
        private String example;

        public void add(String value) {
            int[] parts = DateParser.numericParts(value.strip());
            if (parts == null || parts[0] > 31) {
                return;
            }
            sawAmbiguousForm = true;
            if (example == null) {
                example = value.strip();
            }
            if (parts[0] > 12) {
                monthFirstPossible = false;
            }
            if (parts[1] > 12) {
                dayFirstPossible = false;
            }
        }

        /** True when numeric dates were seen that allow both orders. */
        public boolean ambiguous() {
            return sawAmbiguousForm && dayFirstPossible && monthFirstPossible;
        }

        /** The proven order, {@link #YMD} when no numeric day/month dates were seen, empty when ambiguous. */
        public Optional<DateOrder> order() {
            if (!sawAmbiguousForm) {
                return Optional.of(YMD);
            }
            if (dayFirstPossible && !monthFirstPossible) {
                return Optional.of(DMY);
            }
            if (monthFirstPossible && !dayFirstPossible) {
                return Optional.of(MDY);
            }
            return dayFirstPossible ? Optional.empty() : Optional.of(YMD);
        }

        /** A value that shows the ambiguity, for the question to the user. */
        public String example() {
            return example;
        }
    }
}
