package quant.core.pricing;

import java.util.LinkedHashSet;
import java.util.Set;
import quant.core.analysis.Assets;
import quant.core.analysis.Codes;
import quant.core.analysis.Snapshot;

/**
 * A service line's costs over its jobs completed in the 365 days to a day: labour cost an hour, travel
 * a job, the share of jobs that used one of its machines and what such a machine costs an hour of use,
 * and the going rate it charged.
 *
 * @param jobs completed jobs in the window
 * @param labourPerHour labour cost ÷ actual hours (the estimate where the actual is missing)
 * @param travelMinutesPerJob mean travel minutes of the jobs that record them
 * @param machineShare jobs that used a machine ÷ jobs
 * @param machinePerHour (the machines' cost ÷ life years + their maintenance and repair costs in the
 *     window) ÷ their hours of use in the window; 0 without machines with use
 * @param goingRate revenue less materials priced (cost × (1 + markup)), ÷ estimated hours, of the
 *     normal-priority jobs that are not callbacks; NaN without them
 */
record LineCosts(
        int jobs,
        double labourPerHour,
        double travelMinutesPerJob,
        double machineShare,
        double machinePerHour,
        double goingRate) {
    static LineCosts of(Snapshot s, int line, int end, int lifeYears, double markup) {
        Snapshot.Jobs jobs = s.jobs();
        Assets.Equipment eq = s.equipment();
        int normal = jobs.priorities().find("normal");
        int count = 0;
        double labour = 0;
        double hours = 0;
        double travel = 0;
        int travelled = 0;
        int withMachine = 0;
        double billed = 0;
        double billedHours = 0;
        Set<Integer> machines = new LinkedHashSet<>();
        double[] use = new double[eq.size()];
        for (int j = 0; j < jobs.size(); j++) {
            int day = jobs.completedDay(j);
            if (jobs.serviceLine(j) != line || !jobs.isCompleted(j) || day <= end - 365 || day > end) {
                continue;
            }
            count++;
            double h = Double.isFinite(jobs.actualHours(j)) ? jobs.actualHours(j) : jobs.estimatedHours(j);
            if (Double.isFinite(h)) {
                labour += jobs.labourCost(j);
                hours += h;
            }
            if (jobs.travelMinutes(j) >= 0) {
                travel += jobs.travelMinutes(j);
                travelled++;
            }
            int machine = eq.row(jobs.equipmentId(j));
            if (machine >= 0) {
                withMachine++;
                machines.add(machine);
                use[machine] += Double.isFinite(h) ? h : 0;
            }
            if (normal != Codes.NONE
                    && jobs.priority(j) == normal
                    && !jobs.isCallback(j)
                    && jobs.estimatedHours(j) > 0) {
                billed += jobs.revenue(j) - jobs.materialCost(j) * (1 + markup);
                billedHours += jobs.estimatedHours(j);
            }
        }
        double writeOff = 0;
        double usage = 0;
        for (int m : machines) {
            if (eq.cost(m) > 0) {
                writeOff += eq.cost(m) / lifeYears;
            }
            usage += use[m];
        }
        Assets.Events ev = s.equipmentEvents();
        double upkeep = 0;
        for (int i = 0; i < ev.size(); i++) {
            if (machines.contains(ev.asset(i)) && ev.day(i) > end - 365 && ev.day(i) <= end) {
                upkeep += ev.cost(i);
            }
        }
        return new LineCosts(
                count,
                hours > 0 ? labour / hours : 0,
                travelled > 0 ? travel / travelled : 0,
                count > 0 ? (double) withMachine / count : 0,
                usage > 0 ? (writeOff + upkeep) / usage : 0,
                billedHours > 0 ? billed / billedHours : Double.NaN);
    }
}
