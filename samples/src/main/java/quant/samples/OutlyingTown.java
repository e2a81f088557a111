package quant.samples;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The outlying town: the drives to Brookfield, the town farthest out (to the north-west, on roads
 * slower than the rest), take {@value #FACTOR} times as long as the generator's travel rule gives. The
 * recorded travel minutes of its jobs are stretched once the simulation is done and before the
 * overheads (whose fuel follows travel) are drawn, with no random draw, so every other row of the
 * company is as it was; travel is paid by the hour and not billed, so the town earns least on its
 * revenue.
 */
final class OutlyingTown {
    /** The town. */
    static final String TOWN = "Brookfield";

    /** How much longer its drives take. */
    static final double FACTOR = 1.6;

    private OutlyingTown() {}

    static void apply(SampleTable jobs, List<Customer> customers) {
        Set<String> there = new HashSet<>();
        for (Customer c : customers) {
            if (c.town.name().equals(TOWN)) {
                there.add(c.ref);
            }
        }
        int customer = jobs.header().indexOf("customer_ref");
        int travel = jobs.header().indexOf("travel_minutes");
        for (String[] row : jobs.rows()) {
            if (there.contains(row[customer]) && row[travel] != null && !row[travel].isEmpty()) {
                row[travel] = Values.format((int) Math.round(Integer.parseInt(row[travel]) * FACTOR));
            }
        }
    }
}
