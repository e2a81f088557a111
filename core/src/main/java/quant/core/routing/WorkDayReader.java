package quant.core.routing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import quant.core.store.Store;
import quant.core.store.repo.WorkDayRows;

/**
 * Reads one {@link WorkDay} from the store: the jobs booked that day (by {@code scheduled_at}), their
 * customers' positions and the technicians at work. A day is a few dozen rows, so it is read with
 * small queries of its own rather than through the analysis snapshot (ADR 0015).
 */
public final class WorkDayReader {

    private WorkDayReader() {}

    public static WorkDay read(Store store, LocalDate date) {
        List<String> notes = new ArrayList<>();
        List<List<WorkDay.Technician>> working = new ArrayList<>();
        WorkDayRows.Day rows = WorkDayRows.day(store, date, day -> {
            List<WorkDay.Technician> techs = technicians(day.technicians(), date, notes);
            working.add(techs);
            Set<String> places = new java.util.HashSet<>();
            techs.forEach(t -> places.add(t.ref()));
            for (WorkDayRows.JobRow j : day.jobs()) {
                WorkDayRows.CustomerRow c = day.customers().get(j.customer());
                if (!"cancelled".equals(j.status()) && c != null && c.ref() != null) {
                    places.add(c.ref());
                }
            }
            places.remove("");
            return places;
        });
        List<WorkDay.Job> jobs = new ArrayList<>();
        List<WorkDay.Job> cancelled = new ArrayList<>();
        List<WorkDayRows.JobRow> booked = new ArrayList<>(rows.jobs());
        booked.sort((a, b) -> a.scheduled().compareTo(b.scheduled()));
        for (WorkDayRows.JobRow r : booked) {
            WorkDayRows.CustomerRow c = rows.customers().get(r.customer());
            boolean located = c != null && c.lat() != null && c.lon() != null;
            // A past day is planned with the hours its jobs actually took: the comparison with what was
            // driven is then about routes alone. A day ahead has only the estimates.
            double actual = number(r.actualHours());
            double estimated = number(r.estimatedHours());
            boolean done = "completed".equals(r.status()) && actual > 0;
            double hours = done ? actual : estimated > 0 ? estimated : 1;
            WorkDay.Job job = new WorkDay.Job(
                    r.id(),
                    r.ref(),
                    c == null ? "customer " + r.customer() : c.name(),
                    c == null ? "" : c.ref(),
                    c == null ? "" : address(c.address(), c.city()),
                    located ? c.lat() : Double.NaN,
                    located ? c.lon() : Double.NaN,
                    r.line(),
                    r.priority(),
                    hours,
                    minute(r.windowStart(), date),
                    minute(r.windowEnd(), date),
                    number(r.revenue()),
                    r.technician(),
                    minute(r.scheduled(), date),
                    "completed".equals(r.status()),
                    r.travelMinutes() == null ? -1 : r.travelMinutes());
            if ("cancelled".equals(r.status())) {
                cancelled.add(job);
            } else {
                jobs.add(job);
            }
        }
        List<TravelTimes.Leg> legs = rows.legs().stream()
                .map(l -> new TravelTimes.Leg(l.from(), l.to(), l.minutes(), l.km() == null ? Double.NaN : l.km()))
                .toList();
        return new WorkDay(date, working.getFirst(), jobs, cancelled, notes, legs);
    }

    /**
     * The day route planning opens on: the first day after the data's as-of date (the last day a job was
     * requested or completed) with jobs booked — the next day to plan, as the data sees it, never the
     * wall clock; without one, the last day with jobs booked; empty when no job has a booked time.
     */
    public static java.util.Optional<LocalDate> openingDay(Store store) {
        LocalDate[] last = WorkDayRows.lastActivity(store);
        LocalDate dataAsOf =
                last[0] == null ? last[1] : last[1] == null || last[0].isAfter(last[1]) ? last[0] : last[1];
        if (dataAsOf != null) {
            java.util.Optional<LocalDate> next = WorkDayRows.firstBookedFrom(store, dataAsOf.plusDays(1));
            if (next.isPresent()) {
                return next;
            }
        }
        return WorkDayRows.lastBooked(store);
    }

    /** The service lines' names by code, for showing a job's line. */
    public static java.util.Map<String, String> lineNames(Store store) {
        return WorkDayRows.lineNames(store);
    }

    /** A customer with a map position, for adding a job to a day. */
    public record Customer(long id, String ref, String name, String address, double lat, double lon) {}

    /** The customers with a map position, by name. */
    public static List<Customer> locatedCustomers(Store store) {
        return WorkDayRows.locatedCustomers(store).stream()
                .map(c -> new Customer(c.id(), c.ref(), c.name(), address(c.address(), c.city()), c.lat(), c.lon()))
                .toList();
    }

    /** The technicians at work on {@code date} with a home base; the others are noted. */
    private static List<WorkDay.Technician> technicians(
            List<WorkDayRows.TechnicianRow> all, LocalDate date, List<String> notes) {
        List<WorkDay.Technician> out = new ArrayList<>();
        int weekday = date.getDayOfWeek().getValue() - 1;
        for (WorkDayRows.TechnicianRow t : all) {
            String days = t.workDays();
            boolean works = days == null || (days.length() > weekday && days.charAt(weekday) != '.');
            if (!works
                    || (t.hired() != null && t.hired().isAfter(date))
                    || (t.left() != null && !t.left().isAfter(date))) {
                continue;
            }
            if (t.lat() == null || t.lon() == null) {
                notes.add(t.name() + " has no home base position, so no route can be planned for them.");
                continue;
            }
            Set<String> skills = new LinkedHashSet<>();
            if (t.skills() != null) {
                Arrays.stream(t.skills().split("[;,|]"))
                        .map(String::strip)
                        .filter(x -> !x.isEmpty())
                        .forEach(skills::add);
            }
            out.add(new WorkDay.Technician(
                    t.id(),
                    t.ref(),
                    t.name(),
                    skills,
                    t.shiftStart() == null ? 8 * 60 : minutes(t.shiftStart()),
                    t.shiftEnd() == null ? 17 * 60 : minutes(t.shiftEnd()),
                    t.lat(),
                    t.lon(),
                    t.hourlyCost() == null ? 0 : t.hourlyCost().doubleValue()));
        }
        return out;
    }

    /** "12 Oak St, Springfield" from the parts that are there. */
    private static String address(String street, String city) {
        return java.util.stream.Stream.of(street, city)
                .filter(x -> x != null && !x.isBlank())
                .map(String::strip)
                .collect(Collectors.joining(", "));
    }

    private static double number(java.math.BigDecimal v) {
        return v == null ? 0 : v.doubleValue();
    }

    private static int minutes(java.time.LocalTime l) {
        return l.getHour() * 60 + l.getMinute();
    }

    /** Minutes since midnight of {@code date}; -1 for null; clamped to the day. */
    private static int minute(LocalDateTime l, LocalDate date) {
        if (l == null) {
            return -1;
        }
        if (l.toLocalDate().isBefore(date)) {
            return 0;
        }
        if (l.toLocalDate().isAfter(date)) {
            return 24 * 60;
        }
        return l.getHour() * 60 + l.getMinute();
    }
}
