package quant.core.equipment;

import java.util.Arrays;

/**
 * How old an asset is in the clock it wears by: a machine whose use the jobs record ({@code
 * job.equipment_id}) by its hours of use, anything else by the calendar day. Hours of use are the
 * jobs' actual hours (the estimate when the actual is missing) on the day each job was completed.
 * Before the records begin a machine is taken to have run at the hours a day of its first year of
 * records (of the records there are, when shorter).
 *
 * <p>Ages run from the end of a renewal day (a purchase or a repair) to the end of a day: a failure
 * on day d of a van renewed on day r is at age d − r days; of a machine, at the hours its jobs ran on
 * the days after r up to and including d.
 */
final class AssetClock {
    private final boolean usage;
    private final int start;
    private final int[] days;
    private final double[] cumulative;
    private final double rateBefore;

    private AssetClock(boolean usage, int start, int[] days, double[] cumulative, double rateBefore) {
        this.usage = usage;
        this.start = start;
        this.days = days;
        this.cumulative = cumulative;
        this.rateBefore = rateBefore;
    }

    /** The calendar clock. */
    static AssetClock calendar(int start) {
        return new AssetClock(false, start, new int[0], new double[0], 1);
    }

    /**
     * The hours-of-use clock from jobs' days and hours (any order), records from day {@code start}; the
     * rate before the records is the use of [start, start + 365) over those days, or over the days to
     * {@code end} when the records are shorter.
     */
    static AssetClock hours(int start, int end, int[] jobDays, double[] jobHours) {
        Integer[] order = new Integer[jobDays.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(jobDays[a], jobDays[b]));
        int[] days = new int[order.length];
        double[] cumulative = new double[order.length];
        double total = 0;
        double firstYear = 0;
        for (int k = 0; k < order.length; k++) {
            days[k] = jobDays[order[k]];
            total += jobHours[order[k]];
            cumulative[k] = total;
            if (days[k] >= start && days[k] < start + 365) {
                firstYear += jobHours[order[k]];
            }
        }
        int span = Math.max(1, Math.min(365, end - start + 1));
        return new AssetClock(true, start, days, cumulative, firstYear / span);
    }

    /** Whether the clock counts hours of use (else days). */
    boolean countsHours() {
        return usage;
    }

    /** Hours of use of the jobs completed on or before {@code day} (0 on the calendar clock). */
    double usedBy(int day) {
        int k = lastAtOrBefore(day);
        return k < 0 ? 0 : cumulative[k];
    }

    private int lastAtOrBefore(int day) {
        int lo = 0;
        int hi = days.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (days[mid] <= day) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Hours of use in the days after {@code from} up to and including {@code to}. */
    double usedBetween(int from, int to) {
        return to <= from ? 0 : usedBy(to) - usedBy(from);
    }

    /** The age at the end of {@code day} of a run renewed at the end of {@code origin}. */
    double age(int origin, int day) {
        if (!usage) {
            return day - origin;
        }
        int lastUnrecorded = start - 1;
        if (origin >= lastUnrecorded) {
            return usedBetween(origin, day);
        }
        double before = (Math.min(day, lastUnrecorded) - origin) * rateBefore;
        return day <= lastUnrecorded ? before : before + usedBetween(lastUnrecorded, day);
    }

    /** Clock units a day lately: 1 on the calendar; the hours of use a day over the 90 days to {@code day}. */
    double perDay(int day) {
        return usage ? usedBetween(day - 90, day) / 90 : 1;
    }

    /** Hours a day before the records began (1 on the calendar clock). */
    double rateBefore() {
        return rateBefore;
    }

    /** The unit in words: "days" or "hours of use". */
    String unit() {
        return usage ? "hours of use" : "days";
    }

    @Override
    public String toString() {
        return usage ? "AssetClock[hours of use, " + days.length + " jobs]" : "AssetClock[days]";
    }
}
