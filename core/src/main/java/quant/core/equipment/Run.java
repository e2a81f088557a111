package quant.core.equipment;

import java.util.ArrayList;
import java.util.List;
import quant.core.analysis.Assets;
import quant.core.analysis.Snapshot;

/**
 * A run of an asset: the stretch from a renewal (its purchase, or a repair) to the next failure, or to
 * the end of what is known of it. A run ending in a failure is an event; one ended by a repair without
 * a failure (an overhaul), by the as-of date or by retirement is censored there.
 *
 * <p>The records begin on the history's first day. Events before it are used only to know how the run
 * under way then began: a repair before it renews the asset, a failure before it without a repair means
 * the asset was under repair when the records began. The run under way at the start enters observation
 * at its age at the end of the day before (delayed entry): it is known to have survived to that age.
 * An asset with neither a purchase date nor a repair before the records has no known age until its first
 * repair.
 *
 * @param origin the renewal day the run started from
 * @param endDay its last day: of the failure, or where it was censored
 * @param failed whether it ended in a failure
 */
record Run(int origin, int endDay, boolean failed) {
    /**
     * The runs of one asset.
     *
     * @param events the asset's event rows, in day order (then id order)
     * @param start the first day of the records
     * @param stop the last day it was observed: the as-of date, or the day before its retirement
     */
    static List<Run> of(Assets.Events ev, List<Integer> events, int purchased, int start, int stop) {
        List<Run> out = new ArrayList<>();
        int origin = purchased;
        boolean running = true;
        for (int i : events) {
            int day = ev.day(i);
            if (day == Snapshot.NO_DAY || day > stop) {
                continue;
            }
            byte type = ev.type(i);
            if (day < start) {
                if (type == Assets.Events.REPAIR) {
                    origin = day;
                    running = true;
                } else if (type == Assets.Events.FAILURE) {
                    running = false;
                }
                continue;
            }
            if (type == Assets.Events.FAILURE) {
                if (running && origin != Snapshot.NO_DAY) {
                    out.add(new Run(origin, day, true));
                }
                running = false;
            } else if (type == Assets.Events.REPAIR) {
                if (running && origin != Snapshot.NO_DAY) {
                    out.add(new Run(origin, day, false));
                }
                origin = day;
                running = true;
            }
        }
        if (running && origin != Snapshot.NO_DAY && stop > origin) {
            out.add(new Run(origin, stop, false));
        }
        return out;
    }

    /** Whether the asset is under repair at the end: its last failure has no repair after it. */
    static boolean underRepair(Assets.Events ev, List<Integer> events, int stop) {
        boolean down = false;
        for (int i : events) {
            if (ev.day(i) == Snapshot.NO_DAY || ev.day(i) > stop) {
                continue;
            }
            if (ev.type(i) == Assets.Events.FAILURE) {
                down = true;
            } else if (ev.type(i) == Assets.Events.REPAIR) {
                down = false;
            }
        }
        return down;
    }

    /** The day the current run began: the last repair, else the purchase; {@link Snapshot#NO_DAY} when not known. */
    static int lastRenewal(Assets.Events ev, List<Integer> events, int purchased, int stop) {
        int origin = purchased;
        for (int i : events) {
            if (ev.day(i) != Snapshot.NO_DAY && ev.day(i) <= stop && ev.type(i) == Assets.Events.REPAIR) {
                origin = ev.day(i);
            }
        }
        return origin;
    }
}
