package quant.core.analysis;

/** An analysis was asked for with inputs it cannot use; the message is one sentence for the user. */
public final class InvalidSpecException extends RuntimeException {
    public InvalidSpecException(String message) {
        super(message);
    }
}
