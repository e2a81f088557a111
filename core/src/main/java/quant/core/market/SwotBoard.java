package quant.core.market;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import quant.core.store.Store;
import quant.core.store.repo.SwotItems;

/**
 * The SWOT board a user keeps per period (table {@code swot_item}, migration V7): read one
 * period's entries, or replace them as a whole in one transaction.
 */
public final class SwotBoard {
    /** The four quadrants, in board order. */
    public static final List<String> QUADRANTS = List.of(
            SwotSuggestions.STRENGTHS,
            SwotSuggestions.WEAKNESSES,
            SwotSuggestions.OPPORTUNITIES,
            SwotSuggestions.THREATS);

    /** The longest entry the table holds. */
    public static final int MAX_TEXT = 500;

    private SwotBoard() {}

    /**
     * An entry of the board.
     *
     * @param suggested whether it is a suggestion drawn from the figures, kept as it was
     */
    public record Item(String quadrant, String text, boolean suggested) {
        public Item {
            quadrant = quadrant == null ? "" : quadrant.strip().toLowerCase(Locale.ROOT);
            text = text == null ? "" : text.strip();
            if (!Set.copyOf(QUADRANTS).contains(quadrant)) {
                throw new IllegalArgumentException(
                        "A SWOT entry belongs to strengths, weaknesses, opportunities or threats, not \"" + quadrant
                                + "\".");
            }
            if (text.isEmpty()) {
                throw new IllegalArgumentException("A SWOT entry needs some text.");
            }
            if (text.length() > MAX_TEXT) {
                throw new IllegalArgumentException(
                        "A SWOT entry holds at most " + MAX_TEXT + " characters, not " + text.length() + ".");
            }
        }
    }

    /** The suggestions of a market result as board entries. */
    public static List<Item> suggested(MarketResult result) {
        return result.suggestions().stream()
                .map(s -> new Item(s.quadrant(), s.text(), true))
                .toList();
    }

    /** The entries saved for {@code period}, by quadrant then position; empty when none were saved. */
    public static List<Item> read(Store store, String period) {
        return SwotItems.read(store, period).stream()
                .map(r -> new Item(r.quadrant(), r.text(), r.suggested()))
                .toList();
    }

    /** The periods that have a saved board, newest label first. */
    public static List<String> periods(Store store) {
        return List.copyOf(SwotItems.periods(store));
    }

    /**
     * Replaces the entries of {@code period} with {@code items}, in one transaction: either all are
     * saved or the board stays as it was.
     */
    public static void save(Store store, String period, List<Item> items) {
        if (period == null || period.isBlank() || period.length() > 32) {
            throw new IllegalArgumentException("A SWOT board needs a period label of 1 to 32 characters.");
        }
        SwotItems.replace(
                store,
                period.strip(),
                items.stream()
                        .map(i -> new SwotItems.Row(i.quadrant(), i.text(), i.suggested()))
                        .toList(),
                OffsetDateTime.now(ZoneOffset.UTC));
    }
}
