package quant.bench.routing.timefold;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPinToIndex;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import java.util.ArrayList;
import java.util.List;
import quant.core.routing.RoutingProblem.Objective;
import quant.core.routing.RoutingProblem.Travel;
import quant.core.routing.RoutingProblem.Vehicle;

/**
 * One technician's or vehicle's day as the solver changes it: the ordered visits. Stops kept by
 * re-planning sit first and are pinned ({@link #getPinned()}).
 */
@PlanningEntity
public class PlanRoute {

    @PlanningId
    private int index;

    private Vehicle vehicle;
    private Travel travel;
    private Objective objective;

    @PlanningListVariable(allowsUnassignedValues = true)
    private List<PlanVisit> visits = new ArrayList<>();

    @PlanningPinToIndex
    private int pinned;

    public PlanRoute() {}

    PlanRoute(int index, Vehicle vehicle, Travel travel, Objective objective) {
        this.index = index;
        this.vehicle = vehicle;
        this.travel = travel;
        this.objective = objective;
    }

    public Objective objective() {
        return objective;
    }

    public Vehicle vehicle() {
        return vehicle;
    }

    public boolean used() {
        return !visits.isEmpty();
    }

    /** Load carried: the sum of the stops' demands. */
    public int load() {
        int sum = 0;
        for (PlanVisit v : visits) {
            sum += v.stop().demand();
        }
        return sum;
    }

    /** When the vehicle is back at its end place; the shift start for an unused vehicle, NaN if unknown. */
    public double returnTime() {
        if (visits.isEmpty()) {
            return vehicle.shiftStart();
        }
        PlanVisit last = visits.getLast();
        return last.departure() + travel.time(last.stop().place(), vehicle.end());
    }

    /** How far past the shift end the vehicle returns, 0 when in time. */
    public double overtime() {
        double back = returnTime();
        return Double.isNaN(back) ? 0 : Math.max(0, back - vehicle.shiftEnd());
    }

    public double returnTravelTime() {
        return visits.isEmpty() ? 0 : travel.time(visits.getLast().stop().place(), vehicle.end());
    }

    public double returnDistance() {
        return visits.isEmpty() ? 0 : travel.distance(visits.getLast().stop().place(), vehicle.end());
    }

    /** Minutes from leaving to coming back, 0 when unused: the workload compared for balance. */
    public double workingTime() {
        double back = returnTime();
        return visits.isEmpty() || Double.isNaN(back) ? 0 : back - vehicle.shiftStart();
    }

    public int getIndex() {
        return index;
    }

    public List<PlanVisit> getVisits() {
        return visits;
    }

    public void setVisits(List<PlanVisit> visits) {
        this.visits = visits;
    }

    public int getPinned() {
        return pinned;
    }

    public void setPinned(int pinned) {
        this.pinned = pinned;
    }

    @Override
    public String toString() {
        return vehicle.id();
    }
}
