package quant.core.forecast.business;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import quant.core.analysis.Operations;
import quant.core.analysis.Snapshot;

/**
 * The chance that a deal in a stage is won, learned from the deals closed by the as-of date: for
 * each stage, won ÷ (won + lost) among the closed deals whose stage history shows they reached it.
 * A deal that reached a stage went through it whether it was later won or lost, so the rate of an
 * early stage is the overall win rate and later stages' rates rise as the losers drop out. Stages
 * with fewer than {@link #MIN_CLOSED} closed deals, and deals without any history, use the overall
 * rate (won ÷ closed among all deals closed by the as-of date).
 */
public final class StageWinRates {
    /** Closed deals a stage needs for a rate of its own. */
    public static final int MIN_CLOSED = 10;

    /** One stage's rate and the sample it comes from. */
    public record Rate(String stage, int closed, int won, double winRate, boolean own) {}

    private final Map<Integer, Rate> byStage;
    private final Rate overall;

    private StageWinRates(Map<Integer, Rate> byStage, Rate overall) {
        this.byStage = byStage;
        this.overall = overall;
    }

    public static StageWinRates learn(Snapshot ops, int asOfDay) {
        Operations.Deals d = ops.deals();
        Operations.StageHistory h = ops.stageHistory();
        int stages = d.stages().size();
        int[] closed = new int[stages];
        int[] won = new int[stages];
        int allClosed = 0;
        int allWon = 0;
        for (int i = 0; i < d.size(); i++) {
            if (!d.isClosedBy(i, asOfDay)) {
                continue;
            }
            boolean w = d.outcome(i) == Operations.Deals.WON;
            allClosed++;
            allWon += w ? 1 : 0;
            boolean[] reached = new boolean[stages];
            for (int k = h.firstOf(i); k < h.size() && h.deal(k) == i; k++) {
                reached[h.stage(k)] = true;
            }
            for (int s = 0; s < stages; s++) {
                if (reached[s]) {
                    closed[s]++;
                    won[s] += w ? 1 : 0;
                }
            }
        }
        Rate overall = new Rate(
                "all stages", allClosed, allWon, allClosed == 0 ? Double.NaN : allWon / (double) allClosed, true);
        Map<Integer, Rate> byStage = new LinkedHashMap<>();
        for (int s = 0; s < stages; s++) {
            String name = d.stages().value(s);
            boolean own = closed[s] >= MIN_CLOSED;
            byStage.put(
                    s, new Rate(name, closed[s], won[s], own ? won[s] / (double) closed[s] : overall.winRate(), own));
        }
        return new StageWinRates(byStage, overall);
    }

    /** The overall rate among the deals closed by the as-of date. */
    public Rate overall() {
        return overall;
    }

    /** The rate of a stage code (the deals' {@link Operations.Deals#stages()}), or the overall one. */
    public Rate of(int stage) {
        Rate r = stage < 0 ? null : byStage.get(stage);
        return r == null ? overall : r;
    }

    /**
     * The stage deal {@code i} was in at the end of {@code asOfDay}: its last recorded move on or
     * before that day; without history its current stage when it is still open, else -1 (unknown).
     */
    public static int stageAt(Snapshot ops, int i, int asOfDay) {
        Operations.StageHistory h = ops.stageHistory();
        int stage = -1;
        for (int k = h.firstOf(i); k < h.size() && h.deal(k) == i; k++) {
            if (h.day(k) <= asOfDay) {
                stage = h.stage(k);
            }
        }
        if (stage < 0 && ops.deals().outcome(i) == Operations.Deals.OPEN) {
            stage = ops.deals().stage(i);
        }
        return stage;
    }

    /** The rates of the stages, in the order the stages first appear in the data. */
    public List<Rate> rates() {
        return new ArrayList<>(byStage.values());
    }

    /** Whether a stage name is a closing one (a deal there is no longer open). */
    public static boolean isClosing(String stage) {
        return "won".equalsIgnoreCase(stage) || "lost".equalsIgnoreCase(stage);
    }
}
