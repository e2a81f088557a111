package quant.core.stats;

/** A model could not be fitted to the data (too thin, no convergence, estimates on the edge); the message is one sentence for the user. */
public final class ModelFitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String edgeParameter;
    private final double[] edgeEstimate;
    private final double edgeLogLikelihood;

    public ModelFitException(String message) {
        this(message, null);
    }

    /** @param edgeParameter the parameter whose estimate ran to the edge of the search, by the paper's name */
    public ModelFitException(String message, String edgeParameter) {
        this(message, edgeParameter, null, Double.NaN);
    }

    /**
     * @param edgeEstimate the parameters where the search stopped, on the edge
     * @param edgeLogLikelihood the log-likelihood there
     */
    public ModelFitException(String message, String edgeParameter, double[] edgeEstimate, double edgeLogLikelihood) {
        super(message);
        this.edgeParameter = edgeParameter;
        this.edgeEstimate = edgeEstimate == null ? null : edgeEstimate.clone();
        this.edgeLogLikelihood = edgeLogLikelihood;
    }

    /**
     * The parameters where the search stopped on the edge, or null: where the edge is a limit with a
     * meaning of its own (every customer with one dropout rate), a caller may use them as that limit.
     */
    public double[] edgeEstimate() {
        return edgeEstimate == null ? null : edgeEstimate.clone();
    }

    /** The log-likelihood at {@link #edgeEstimate()}, or NaN. */
    public double edgeLogLikelihood() {
        return edgeLogLikelihood;
    }

    /** The parameter whose estimate ran to the edge of the search, or null when the fit failed otherwise. */
    public String edgeParameter() {
        return edgeParameter;
    }
}
