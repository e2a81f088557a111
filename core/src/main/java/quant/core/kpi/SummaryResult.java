package quant.core.kpi;

import java.util.List;
import quant.core.analysis.AsOf;

/**
 * The summary in words.
 *
 * @param asOf the day computed at
 * @param period the KPIs' period and label
 * @param sentences in reading order
 * @param notes what could not be said and why (an analysis that could not run)
 */
public record SummaryResult(AsOf asOf, String period, List<Sentence> sentences, List<String> notes) {
    public SummaryResult {
        sentences = List.copyOf(sentences);
        notes = List.copyOf(notes);
    }

    /**
     * One sentence.
     *
     * @param topic {@code headline}, {@code movers}, {@code off-target}, {@code forecast} or {@code action}
     * @param text the sentence
     * @param view the id of the analysis whose view explains it
     */
    public record Sentence(String topic, String text, String view) {}

    /** The sentences as one paragraph. */
    public String text() {
        return String.join(" ", sentences.stream().map(Sentence::text).toList());
    }
}
