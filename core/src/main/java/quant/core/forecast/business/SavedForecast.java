package quant.core.forecast.business;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import quant.core.analysis.InvalidSpecException;
import quant.core.forecast.SeriesForecast;

/**
 * A forecast a user kept to compare with what happens: one monthly series of the store, the months
 * ahead as forecast then.
 *
 * @param id the row's id, 0 before it is saved
 * @param subject what the series counts: {@code jobs:CODE} (jobs requested of a service line) or
 *     {@code revenue} (revenue of completed jobs)
 * @param label the subject in words
 * @param method the method asked for ({@code auto} or one method)
 * @param model the model that made the forecast
 * @param asOf the date the forecast was made from
 * @param note the user's note, or null
 */
public record SavedForecast(
        long id,
        Instant savedAt,
        String subject,
        String label,
        String method,
        String model,
        LocalDate asOf,
        String note,
        List<Point> points) {
    /** The subject of the revenue of completed jobs. */
    public static final String REVENUE = "revenue";

    /** One month ahead as forecast. */
    public record Point(LocalDate month, double mean, double lower80, double upper80, double lower95, double upper95) {}

    public SavedForecast {
        if (!REVENUE.equals(subject) && !subject.startsWith("jobs:")) {
            throw new InvalidSpecException("A saved forecast is of jobs:LINE or revenue, not " + subject + ".");
        }
        if (note != null && note.length() > 400) {
            throw new InvalidSpecException("A note on a saved forecast has at most 400 characters.");
        }
        points = List.copyOf(points);
    }

    /** The subject of a service line's jobs. */
    public static String jobs(String line) {
        return "jobs:" + line;
    }

    /** An outlook's forecast as it stands, ready to save. */
    public static SavedForecast of(String subject, Outlook o, String asOf, String note) {
        SeriesForecast f = o.forecast();
        List<Point> points = f.forecast().stream()
                .map(p -> new Point(
                        LocalDate.parse(p.period() + "-01"),
                        p.mean(),
                        p.lower().get("80"),
                        p.upper().get("80"),
                        p.lower().get("95"),
                        p.upper().get("95")))
                .toList();
        return new SavedForecast(
                0,
                Instant.now(),
                subject,
                o.subject(),
                f.method(),
                f.model(),
                LocalDate.parse(asOf),
                note == null || note.isBlank() ? null : note.strip(),
                points);
    }
}
