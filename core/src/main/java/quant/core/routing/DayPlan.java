package quant.core.routing;

import java.time.LocalDate;
import java.util.List;

/**
 * A planned day of the store: the plan, the day it was made for, and for a past day the comparison
 * with what the technicians actually drove.
 *
 * @param date the day
 * @param plan the routes; vehicle ids are technician ids, stop ids are job ids; times are minutes since
 *     midnight
 * @param day the technicians and jobs planned (positions for the map)
 * @param unplannable jobs that could not enter the plan at all (no customer position), with the reason
 * @param actual what happened, or null when no job of the day has recorded travel
 * @param settings the settings the plan was made with
 */
public record DayPlan(
        LocalDate date,
        RoutePlan plan,
        WorkDay day,
        List<RoutePlan.Unassigned> unplannable,
        Comparison actual,
        RouteSettings settings) {

    public DayPlan {
        unplannable = List.copyOf(unplannable);
    }

    /**
     * Planned against recorded travel, counting only the drives to jobs (recorded travel has no drive
     * home). Costs are driving time at each technician's hourly cost plus road km at the cost per km;
     * the recorded km follow the recorded order of each technician's jobs from their home base.
     *
     * @param jobs jobs with recorded travel
     * @param plannedJobs those of them the plan serves
     * @param servedButUnplanned jobs that were served that day but the plan leaves out
     * @param recordedMinutes recorded driving minutes
     * @param plannedMinutes planned driving minutes to the same jobs
     * @param recordedKm road km of the recorded order
     * @param plannedKm planned road km
     * @param recordedCost recorded driving cost
     * @param plannedCost planned driving cost
     * @param savedMinutes recorded minus planned minutes
     * @param savedCost recorded minus planned cost
     */
    public record Comparison(
            int jobs,
            int plannedJobs,
            int servedButUnplanned,
            double recordedMinutes,
            double plannedMinutes,
            double recordedKm,
            double plannedKm,
            double recordedCost,
            double plannedCost,
            double savedMinutes,
            double savedCost) {}
}
