package quant.core.clv;

/** A model could not be fitted to the data (too thin, no convergence, estimates on the edge); the message is one sentence for the user. */
public final class ModelFitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelFitException(String message) {
        super(message);
    }
}
