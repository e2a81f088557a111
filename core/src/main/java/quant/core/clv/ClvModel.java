package quant.core.clv;

import java.util.Locale;
import quant.core.analysis.InvalidSpecException;

/** The probabilistic customer-base models, by the names the command line and JSON use. */
public enum ClvModel {
    BGNBD("bgnbd", "BG/NBD"),
    PARETO_NBD("pareto-nbd", "Pareto/NBD"),
    GAMMA_GAMMA("gamma-gamma", "Gamma-Gamma");

    private final String key;
    private final String title;

    ClvModel(String key, String title) {
        this.key = key;
        this.title = title;
    }

    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    /** Whether the model predicts transactions (BG/NBD, Pareto/NBD) rather than spend. */
    public boolean countsTransactions() {
        return this != GAMMA_GAMMA;
    }

    /** @throws InvalidSpecException for an unknown name */
    public static ClvModel parse(String text) {
        for (ClvModel m : values()) {
            if (m.key.equalsIgnoreCase(text.strip())) {
                return m;
            }
        }
        throw new InvalidSpecException(
                "The model must be bgnbd, pareto-nbd or gamma-gamma, not \"" + text.toLowerCase(Locale.ROOT) + "\".");
    }
}
