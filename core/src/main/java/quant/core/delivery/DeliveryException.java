package quant.core.delivery;

/** A delivery that did not happen, in one sentence saying where and why; nothing was sent or left half-written. */
public final class DeliveryException extends Exception {
    public DeliveryException(String sentence) {
        super(sentence);
    }

    public DeliveryException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
