package quant.core.clv;

import java.util.Map;

/**
 * A model of repeat buying fitted to customer summaries (x, t_x, T): {@link BgNbd} and
 * {@link ParetoNbd}. Times are in the summaries' unit (weeks on the store).
 */
public interface RepeatModel {
    /** The parameters by the papers' names. */
    Map<String, Double> params();

    /** The probability that a customer with this history is still active at T. */
    double pAlive(double x, double tx, double bigT);

    /** Expected repeat purchases in (0, t] of a customer just acquired. */
    double expectedPurchases(double t);

    /** Expected purchases in the next {@code t} of a customer with history (x, t_x, T). */
    double conditionalExpectedPurchases(double t, double x, double tx, double bigT);
}
