package quant.core.operations;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import quant.core.analysis.AsOf;

/**
 * Technicians' performance over a window of months up to an as-of date: per technician (or per
 * main trade) the work done, its time against the estimate, utilisation of the shift, first-time
 * fix, rating, revenue and margin per hour worked, and a composite score compared within the trade;
 * the team's totals; month by month the same figures; and which service lines depend on one person.
 * Rates are fractions; NaN (null in JSON) where a figure has nothing to come from.
 *
 * @param from the window's first day
 * @param months the window in months
 * @param by {@code technician} or {@code trade}
 * @param weights the score's weights: time, quality, rating
 * @param technicians the rows, by trade and then best score first
 * @param team every technician together
 * @param trend month by month, per row
 * @param keyPeople per service line, the technician carrying the most revenue and the most hours
 * @param notes what the reader should know (technicians without jobs, jobs without a technician)
 */
public record TechnicianResult(
        @JsonIgnore AsOf asOf,
        LocalDate from,
        int months,
        String by,
        Weights weights,
        List<Technician> technicians,
        Technician team,
        List<Month> trend,
        List<KeyPerson> keyPeople,
        List<String> notes,
        List<String> definitions)
        implements quant.core.analysis.Dated {
    @JsonProperty("asOf")
    public LocalDate asOfDate() {
        return asOf.date();
    }

    @JsonProperty("asOfFromData")
    public boolean asOfFromData() {
        return asOf.fromData();
    }

    /** The score's weights. */
    public record Weights(double time, double quality, double rating) {}

    /**
     * One technician (or one trade, or the team) over the window.
     *
     * @param ref the technician's reference (the trade's code for a trade row, {@code all} for the team)
     * @param trade the main trade's code: the service line of most of the technician's jobs
     * @param tradeName the main trade's name
     * @param jobs jobs completed in the window (callback visits included)
     * @param scheduled jobs scheduled in the window (by the as-of date)
     * @param completion completed ÷ scheduled, of the jobs scheduled in the window
     * @param hoursRatio actual ÷ estimated hours, over completed jobs with both recorded (below 1: faster than estimated)
     * @param hoursWorked actual hours on completed jobs
     * @param travelHours travel to completed jobs, in hours
     * @param shiftHours shift hours available: each working day in the window (employed, a work day) × the shift
     * @param utilisation (hours worked + travel) ÷ shift hours available
     * @param firstVisits completed jobs that were not themselves callbacks
     * @param callbacks of those, the ones a callback job revisited by the as-of date
     * @param firstTimeFix 1 − callbacks ÷ first visits
     * @param rating the mean rating of rated jobs (1–5); null when none was rated
     * @param revenue revenue of completed jobs
     * @param directCost labour + materials + equipment of those jobs
     * @param travelCost travel minutes ÷ 60 × the technician's hourly cost
     * @param margin revenue − direct cost − travel cost
     * @param revenuePerHour revenue ÷ hours worked
     * @param marginPerHour margin ÷ hours worked
     * @param timeScore 0–100: 100·Φ(z) of −hours ratio among the trade's technicians
     * @param qualityScore 0–100: 100·Φ(z) of first-time fix within the trade
     * @param ratingScore 0–100: 100·Φ(z) of the rating within the trade
     * @param score the weighted sum of the three scores
     * @param rank the place within the trade by score (1 = best)
     * @param peers the technicians of the trade with jobs
     */
    public record Technician(
            String ref,
            String name,
            String trade,
            String tradeName,
            int jobs,
            int scheduled,
            double completion,
            double estimatedHours,
            double hoursWorked,
            double hoursRatio,
            double travelHours,
            double shiftHours,
            double utilisation,
            int firstVisits,
            int callbacks,
            double firstTimeFix,
            Double rating,
            int rated,
            double revenue,
            double directCost,
            double travelCost,
            double margin,
            double revenuePerHour,
            double marginPerHour,
            double timeScore,
            double qualityScore,
            double ratingScore,
            double score,
            int rank,
            int peers) {
        /** The time part's points in the score (weight × time score). */
        public double timePoints(Weights w) {
            return w.time() * timeScore;
        }

        public double qualityPoints(Weights w) {
            return w.quality() * qualityScore;
        }

        public double ratingPoints(Weights w) {
            return w.rating() * ratingScore;
        }
    }

    /** One row's figures in one calendar month of the window (the first and last may be partial). */
    public record Month(
            String month,
            String ref,
            String name,
            int jobs,
            double hoursRatio,
            double utilisation,
            double firstTimeFix,
            Double rating,
            double revenue,
            double margin,
            double marginPerHour) {}

    /**
     * A service line's dependence on one technician.
     *
     * @param line the service line's code; lineName its name
     * @param revenueRef the technician with the most of the line's revenue, revenueShare their share
     * @param hoursRef the technician with the most of the line's hours, hoursShare their share
     * @param technicians how many technicians worked the line in the window
     * @param flagged whether either share is above the key-person setting
     */
    public record KeyPerson(
            String line,
            String lineName,
            double revenue,
            String revenueRef,
            String revenueName,
            double revenueShare,
            String hoursRef,
            String hoursName,
            double hoursShare,
            int technicians,
            boolean flagged) {}
}
