package quant.core.forecast.business;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import quant.core.analysis.AsOf;

/**
 * Demand per service line and the technician hours it needs against the hours available, by skill.
 * Keys of the JSON form are listed in {@code docs/cli.md}.
 *
 * @param asOf the date forecast from and whether it came from the data (JSON: {@code asOf}, the ISO date)
 * @param horizonDays the days ahead covered
 * @param lines demand per service line
 * @param capacity hours needed and available per skill, month by month (the last twelve observed
 *     months, then the months ahead)
 * @param notes what the figures assume, in sentences
 */
public record DemandResult(
        @JsonIgnore AsOf asOf, int horizonDays, List<LineDemand> lines, List<Capacity> capacity, List<String> notes)
        implements quant.core.analysis.Dated {
    /** The as-of date as the JSON's {@code asOf} holds it (ISO). */
    @JsonProperty("asOf")
    public String asOfText() {
        return asOf.date().toString();
    }

    /**
     * One service line.
     *
     * @param line the service line's code
     * @param jobs the monthly jobs requested (cancelled ones left out) and their forecast
     * @param hoursPerJob labour hours per job over the last twelve months (actual, else estimated)
     * @param travelHoursPerJob travel hours per job over the same months
     * @param seasonalIndex the multiplicative seasonal index of each calendar month, January first
     *     (1.3 = 30 % above the trend); empty with less than two years of history
     * @param windowJobs the jobs expected in the horizon, with bounds
     * @param windowHours the technician hours (labour and travel) they need, with bounds
     */
    public record LineDemand(
            String line,
            String name,
            Outlook jobs,
            double hoursPerJob,
            double travelHoursPerJob,
            List<Double> seasonalIndex,
            Outlook.Total windowJobs,
            Outlook.Total windowHours) {}

    /**
     * Hours needed and available for one skill.
     *
     * @param skill the service line's code
     * @param technicians technicians employed at the as-of date whose only skill this is
     * @param sharedTechnicians technicians employed at the as-of date with this skill among others
     */
    public record Capacity(
            String skill,
            String name,
            int technicians,
            int sharedTechnicians,
            List<CapacityMonth> months,
            List<CapacityWeek> weeks) {}

    /**
     * One week (Monday to Sunday) of a skill's capacity: the {@value DemandAnalysis#WEEKS_BACK} weeks
     * before the as-of date's week as recorded, then {@value DemandAnalysis#WEEKS_AHEAD} weeks ahead,
     * each month's forecast shared out over its days.
     *
     * @param weekStart the Monday
     * @param forecast whether the week lies after the as-of date (the as-of date's own week is recorded
     *     up to it and forecast after it)
     * @param neededHours labour and travel hours: recorded, or the forecast's share
     */
    public record CapacityWeek(
            java.time.LocalDate weekStart,
            boolean forecast,
            double neededHours,
            double neededLower80,
            double neededUpper80,
            double dedicatedHours,
            double sharedHours,
            double utilisation,
            boolean shortfall) {}

    /**
     * One month of a skill's capacity. Observed months have their bounds equal to the hours needed.
     *
     * @param neededHours labour and travel hours: recorded for observed months, forecast ahead
     * @param dedicatedHours shift hours of the technicians with only this skill
     * @param sharedHours shift hours of the technicians who also have other skills (the same hours
     *     count under each of their skills)
     * @param utilisation needed ÷ (dedicated + shared); NaN without available hours
     * @param shortfall whether the upper 80 % bound of the hours needed exceeds all the hours available
     */
    public record CapacityMonth(
            String period,
            boolean forecast,
            double neededHours,
            double neededLower80,
            double neededUpper80,
            double dedicatedHours,
            double sharedHours,
            double utilisation,
            boolean shortfall) {}
}
