package quant.core.clv;

/** A model could not be fitted to the data (too thin, no convergence, estimates on the edge); the message is one sentence for the user. */
public final class ModelFitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String edgeParameter;

    public ModelFitException(String message) {
        this(message, null);
    }

    /** @param edgeParameter the parameter whose estimate ran to the edge of the search, by the paper's name */
    public ModelFitException(String message, String edgeParameter) {
        super(message);
        this.edgeParameter = edgeParameter;
    }

    /** The parameter whose estimate ran to the edge of the search, or null when the fit failed otherwise. */
    public String edgeParameter() {
        return edgeParameter;
    }
}
