package quant.bench.routing.timefold;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.List;

/** The solver's working copy of a plan: routes and the visits they order. */
@PlanningSolution
public class PlanSolution {

    @PlanningEntityCollectionProperty
    private List<PlanRoute> routes;

    @PlanningEntityCollectionProperty
    @ValueRangeProvider
    private List<PlanVisit> visits;

    @PlanningScore
    private HardMediumSoftScore score;

    public PlanSolution() {}

    PlanSolution(List<PlanRoute> routes, List<PlanVisit> visits) {
        this.routes = routes;
        this.visits = visits;
    }

    public List<PlanRoute> getRoutes() {
        return routes;
    }

    public void setRoutes(List<PlanRoute> routes) {
        this.routes = routes;
    }

    public List<PlanVisit> getVisits() {
        return visits;
    }

    public void setVisits(List<PlanVisit> visits) {
        this.visits = visits;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }
}
