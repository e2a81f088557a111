package quant.core.analysis;

/**
 * A result computed at an as-of date: every analysis result carries it the same way — the day and
 * whether it came from the data — whatever its JSON form writes.
 */
public interface Dated {
    AsOf asOf();
}
