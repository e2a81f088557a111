package quant.core.market;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import quant.core.store.Store;
import quant.core.store.StoreException;

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
        List<Item> items = new ArrayList<>();
        try (Connection c = store.readConnection();
                PreparedStatement st = c.prepareStatement("SELECT quadrant, item_text, suggested FROM swot_item"
                        + " WHERE period = ? ORDER BY position, id")) {
            st.setString(1, period);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    items.add(new Item(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(StoreException.Kind.IO, "Could not read the SWOT board: " + e.getMessage(), e);
        }
        return List.copyOf(items);
    }

    /** The periods that have a saved board, newest label first. */
    public static List<String> periods(Store store) {
        List<String> out = new ArrayList<>();
        try (Connection c = store.readConnection();
                PreparedStatement st =
                        c.prepareStatement("SELECT DISTINCT period FROM swot_item ORDER BY period DESC");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException(StoreException.Kind.IO, "Could not read the SWOT board: " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }

    /**
     * Replaces the entries of {@code period} with {@code items}, in one transaction: either all are
     * saved or the board stays as it was.
     */
    public static void save(Store store, String period, List<Item> items) {
        if (period == null || period.isBlank() || period.length() > 32) {
            throw new IllegalArgumentException("A SWOT board needs a period label of 1 to 32 characters.");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        store.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM swot_item WHERE period = ?");
                    PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO swot_item"
                                    + " (period, quadrant, position, item_text, suggested, saved_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                delete.setString(1, period.strip());
                delete.executeUpdate();
                int position = 0;
                for (Item item : items) {
                    insert.setString(1, period.strip());
                    insert.setString(2, item.quadrant());
                    insert.setInt(3, position++);
                    insert.setString(4, item.text());
                    insert.setBoolean(5, item.suggested());
                    insert.setObject(6, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }
}
