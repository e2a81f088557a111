package quant.importers.read;

/**
 * Looks through a text file's bytes, in any chunks, for anything that could be a date written with
 * day and month in either order: a run of one to four ASCII digits worth at most 31, not preceded by
 * a digit, then {@code /}, {@code .} or {@code -}, one or two digits, one of those separators again
 * and a digit — the shape {@link quant.importers.parse.DateOrder.Evidence} counts ({@code 3/4/2024},
 * {@code 03.04.24}). ISO dates ({@code 2024-03-04}, with or without a time) never match.
 *
 * <p>It may say yes where the cell is not a date (a code such as {@code 5.5.5.5}); it never says no
 * where one is. So a file it finds nothing in holds no day/month dates, and the whole-file proof of
 * the date order — a full CSV parse — can be skipped: such a file proves {@code YMD}. Only for
 * encodings in which ASCII characters are single bytes (UTF-8, Windows-1252, ISO-8859-*).
 */
final class DayMonthScan {
    private enum State {
        BETWEEN,
        FIRST,
        FIRST_SEPARATOR,
        SECOND,
        SECOND_SEPARATOR,
        LONG_NUMBER
    }

    private State state = State.BETWEEN;
    private int digits;
    private int value;
    private boolean found;

    /** Whether something date-like was seen in the bytes fed so far. */
    boolean found() {
        return found;
    }

    /** Feeds {@code length} bytes of {@code bytes}; returns {@link #found()}. */
    boolean feed(byte[] bytes, int length) {
        for (int i = 0; i < length && !found; i++) {
            step(bytes[i]);
        }
        return found;
    }

    private void step(byte b) {
        boolean digit = b >= '0' && b <= '9';
        boolean separator = b == '/' || b == '.' || b == '-';
        switch (state) {
            case BETWEEN -> {
                if (digit) {
                    start(b);
                }
            }
            case FIRST -> {
                if (digit) {
                    digits++;
                    value = Math.min(value * 10 + (b - '0'), 10_000);
                    if (digits > 4) {
                        state = State.LONG_NUMBER;
                    }
                } else {
                    state = separator && value <= 31 ? State.FIRST_SEPARATOR : State.BETWEEN;
                }
            }
            case FIRST_SEPARATOR -> {
                if (digit) {
                    state = State.SECOND;
                    digits = 1;
                } else {
                    state = State.BETWEEN;
                }
            }
            case SECOND -> {
                if (digit) {
                    state = ++digits > 2 ? State.LONG_NUMBER : State.SECOND;
                } else {
                    state = separator ? State.SECOND_SEPARATOR : State.BETWEEN;
                }
            }
            case SECOND_SEPARATOR -> {
                if (digit) {
                    found = true;
                } else {
                    state = State.BETWEEN;
                }
            }
            case LONG_NUMBER -> {
                if (!digit) {
                    state = State.BETWEEN;
                }
            }
        }
    }

    private void start(byte b) {
        state = State.FIRST;
        digits = 1;
        value = b - '0';
    }
}
