package quant.core.secrets;

/** A secret that could not be kept or read, in one sentence (never holding the secret). */
public final class SecretsException extends RuntimeException {
    public SecretsException(String sentence) {
        super(sentence);
    }

    public SecretsException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
