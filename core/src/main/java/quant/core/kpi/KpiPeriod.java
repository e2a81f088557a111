package quant.core.kpi;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The period the KPIs are shown for: the month, the quarter or the year to the as-of date. */
public enum KpiPeriod {
    MONTH("month", "this month"),
    QUARTER("quarter", "this quarter"),
    YTD("ytd", "the year to date");

    /** How many periods a sparkline shows. */
    public static final int HISTORY = 12;

    private final String key;
    private final String words;

    KpiPeriod(String key, String words) {
        this.key = key;
        this.words = words;
    }

    /** {@code month}, {@code quarter}, {@code ytd}. */
    public String key() {
        return key;
    }

    /** "this month". */
    public String words() {
        return words;
    }

    /**
     * The period holding {@code asOf}, to {@code asOf}: the month, quarter or year to date. It is
     * complete when {@code asOf} is the period's last day.
     */
    public Window current(LocalDate asOf) {
        return switch (this) {
            case MONTH -> {
                YearMonth m = YearMonth.from(asOf);
                yield new Window(m.atDay(1), asOf, m.toString(), asOf.equals(m.atEndOfMonth()));
            }
            case QUARTER -> {
                LocalDate start = quarterStart(asOf);
                LocalDate end = start.plusMonths(3).minusDays(1);
                yield new Window(start, asOf, quarterLabel(start), asOf.equals(end));
            }
            case YTD ->
                new Window(
                        LocalDate.of(asOf.getYear(), 1, 1),
                        asOf,
                        asOf.getYear() + " YTD",
                        asOf.equals(LocalDate.of(asOf.getYear(), 12, 31)));
        };
    }

    /**
     * The last {@code n} periods, oldest first, the current one (to {@code asOf}) last: whole months
     * or quarters before it; for the year to date, the year to date at each of the previous month ends.
     */
    public List<Window> history(LocalDate asOf, int n) {
        List<Window> out = new ArrayList<>();
        for (int k = n - 1; k >= 1; k--) {
            out.add(
                    switch (this) {
                        case MONTH -> {
                            YearMonth m = YearMonth.from(asOf).minusMonths(k);
                            yield new Window(m.atDay(1), m.atEndOfMonth(), m.toString(), true);
                        }
                        case QUARTER -> {
                            LocalDate start = quarterStart(asOf).minusMonths(3L * k);
                            yield new Window(start, start.plusMonths(3).minusDays(1), quarterLabel(start), true);
                        }
                        case YTD -> {
                            LocalDate end = YearMonth.from(asOf).minusMonths(k).atEndOfMonth();
                            yield new Window(
                                    LocalDate.of(end.getYear(), 1, 1),
                                    end,
                                    end.getYear() + " YTD to " + YearMonth.from(end),
                                    end.getMonthValue() == 12);
                        }
                    });
        }
        out.add(current(asOf));
        return out;
    }

    /** The period named {@code month}, {@code quarter} or {@code ytd} (ignoring case). */
    public static KpiPeriod parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (KpiPeriod p : values()) {
            if (p.key.equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("The period must be month, quarter or ytd, not \"" + text + "\".");
    }

    static LocalDate quarterStart(LocalDate d) {
        int first = (d.getMonthValue() - 1) / 3 * 3 + 1;
        return LocalDate.of(d.getYear(), first, 1);
    }

    static String quarterLabel(LocalDate start) {
        return start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
    }
}
