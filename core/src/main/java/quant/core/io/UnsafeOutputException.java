package quant.core.io;

import java.io.Serial;

/** An output file that must not be written (it is the database, the input, …), in one sentence. */
public final class UnsafeOutputException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public UnsafeOutputException(String message) {
        super(message);
    }
}
