package quant.core.routing;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One day of a field-service company as route planning sees it: the technicians at work and the jobs
 * booked for the day, with what actually happened when the day is past. Times are minutes since
 * midnight of {@link #date()}.
 *
 * @param date the day
 * @param technicians technicians hired, not yet gone and working that weekday, by id
 * @param jobs jobs booked for the day (not cancelled), by scheduled time
 * @param cancelled jobs booked for the day and cancelled, which are not planned
 * @param notes what could not be used, in words (a technician without a home position, …)
 * @param legs travel times between the day's places from the imported matrix ({@link TravelTimes}); empty
 *     when none is imported, and travel comes from coordinates
 */
public record WorkDay(
        LocalDate date,
        List<Technician> technicians,
        List<Job> jobs,
        List<Job> cancelled,
        List<String> notes,
        List<TravelTimes.Leg> legs) {

    public WorkDay {
        technicians = List.copyOf(technicians);
        jobs = List.copyOf(jobs);
        cancelled = List.copyOf(cancelled);
        notes = List.copyOf(notes);
        legs = List.copyOf(legs);
    }

    /**
     * A technician at work.
     *
     * @param id database id
     * @param ref the source's reference (T001)
     * @param name the name
     * @param skills service-line codes
     * @param shiftStart shift start, minutes since midnight
     * @param shiftEnd shift end, minutes since midnight
     * @param lat home base latitude
     * @param lon home base longitude
     * @param hourlyCost paid per hour (0 when unknown)
     */
    public record Technician(
            long id,
            String ref,
            String name,
            Set<String> skills,
            int shiftStart,
            int shiftEnd,
            double lat,
            double lon,
            double hourlyCost) {
        public Technician {
            skills = java.util.Collections.unmodifiableSet(
                    new java.util.LinkedHashSet<>(skills)); // in the order given, so output is the same every run
        }
    }

    /**
     * A job of the day.
     *
     * @param id database id
     * @param ref the source's reference (J012605)
     * @param customer the customer's name
     * @param customerRef the customer's reference, which names the site in an imported travel-time matrix
     * @param address the customer's address and city, empty when unknown
     * @param lat the customer's latitude, NaN when unknown
     * @param lon the customer's longitude, NaN when unknown
     * @param line the service line code: the skill it needs
     * @param priority low, normal, high or emergency
     * @param hours hours on site: the actual hours of a completed job, else the estimate (1 when neither is known)
     * @param windowStart the arrival window's start in minutes, or -1 when none
     * @param windowEnd the arrival window's end in minutes, or -1 when none
     * @param value revenue when known, else 0
     * @param technicianId who actually did it (or is booked to), 0 when nobody
     * @param scheduled when it was booked to start, minutes since midnight
     * @param completed whether it was completed
     * @param travelMinutes the recorded drive to it, -1 when not recorded
     */
    public record Job(
            long id,
            String ref,
            String customer,
            String customerRef,
            String address,
            double lat,
            double lon,
            String line,
            String priority,
            double hours,
            int windowStart,
            int windowEnd,
            double value,
            long technicianId,
            int scheduled,
            boolean completed,
            int travelMinutes) {

        public boolean located() {
            return !Double.isNaN(lat) && !Double.isNaN(lon);
        }
    }

    /** The technician with this id, or null. */
    public Technician technician(long id) {
        for (Technician t : technicians) {
            if (t.id() == id) {
                return t;
            }
        }
        return null;
    }
}
