package quant.bench.routing.timefold;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.ShadowSources;
import ai.timefold.solver.core.api.domain.variable.ShadowVariable;
import quant.core.routing.RoutingProblem.Objective;
import quant.core.routing.RoutingProblem.Stop;
import quant.core.routing.RoutingProblem.Travel;

/**
 * A stop as the solver moves it: which route it is on, what comes before it and when work starts
 * there. The start time is a declarative shadow variable: the previous stop's departure (or the shift
 * start) plus travel, but never before the window opens; a stop kept by re-planning starts when it
 * actually started.
 */
@PlanningEntity
public class PlanVisit {

    @PlanningId
    private int index;

    private Stop stop;
    private Travel travel;
    private Objective objective;

    @InverseRelationShadowVariable(sourceVariableName = "visits")
    private PlanRoute route;

    @PreviousElementShadowVariable(sourceVariableName = "visits")
    private PlanVisit previous;

    @ShadowVariable(supplierName = "startSupplier")
    private Double start;

    public PlanVisit() {}

    PlanVisit(int index, Stop stop, Travel travel, Objective objective) {
        this.index = index;
        this.stop = stop;
        this.travel = travel;
        this.objective = objective;
    }

    public Objective objective() {
        return objective;
    }

    @ShadowSources({"route", "previous.start"})
    public Double startSupplier() {
        if (route == null) {
            return null;
        }
        if (stop.fixed()) {
            return stop.fixedStart();
        }
        double arrival = arrival();
        if (Double.isNaN(arrival)) {
            return null;
        }
        return Math.max(arrival, stop.windowStart());
    }

    /** When the technician gets here: the previous departure plus travel; NaN when not yet known. */
    public double arrival() {
        if (route == null) {
            return Double.NaN;
        }
        if (previous == null) {
            return route.vehicle().shiftStart() + travel.time(route.vehicle().start(), stop.place());
        }
        Double before = previous.getStart();
        if (before == null) {
            return Double.NaN;
        }
        return before + previous.stop.duration() + travel.time(previous.stop.place(), stop.place());
    }

    /** When work here is done; NaN when not known. */
    public double departure() {
        return start == null ? Double.NaN : start + stop.duration();
    }

    /** How late work starts after the window closes, 0 when on time. */
    public double lateness() {
        return start == null ? 0 : Math.max(0, start - stop.windowEnd());
    }

    /** The place driven from to get here. */
    public int fromPlace() {
        return previous == null ? route.vehicle().start() : previous.stop.place();
    }

    public double travelTimeHere() {
        return travel.time(fromPlace(), stop.place());
    }

    public double distanceHere() {
        return travel.distance(fromPlace(), stop.place());
    }

    public int getIndex() {
        return index;
    }

    public Stop stop() {
        return stop;
    }

    public PlanRoute getRoute() {
        return route;
    }

    public void setRoute(PlanRoute route) {
        this.route = route;
    }

    public PlanVisit getPrevious() {
        return previous;
    }

    public void setPrevious(PlanVisit previous) {
        this.previous = previous;
    }

    public Double getStart() {
        return start;
    }

    public void setStart(Double start) {
        this.start = start;
    }

    @Override
    public String toString() {
        return stop.id();
    }
}
