package quant.core.report;

/** How a key figure stands against what it is measured by: fine, worth a look, or needing action. */
public enum Status {
    OK,
    WARNING,
    CRITICAL;

    /** "on track", "warning", "critical". */
    public String words() {
        return switch (this) {
            case OK -> "on track";
            case WARNING -> "warning";
            case CRITICAL -> "critical";
        };
    }
}
