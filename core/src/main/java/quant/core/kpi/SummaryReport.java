package quant.core.kpi;

import java.util.List;
import quant.core.report.Column;
import quant.core.report.Report;
import quant.core.report.ReportTable;

/**
 * The summary as a report: the sentences as paragraphs (its notes, which every format prints), and as
 * a data table with their topic and view for the spreadsheet formats.
 */
public final class SummaryReport {
    public static final String ID = "summary";

    private SummaryReport() {}

    public static Report of(SummaryResult r) {
        Report.Builder b = Report.builder(ID, "Summary", r.asOf());
        b.spec("Period", r.period());
        r.sentences().forEach(s -> b.note(s.text()));
        r.notes().forEach(b::note);
        b.table(new ReportTable<>("sentences", "Sentences", columns(), r.sentences()).dataOnly());
        return b.build();
    }

    static List<Column<SummaryResult.Sentence>> columns() {
        return List.of(
                Column.text("topic", "Topic", "", SummaryResult.Sentence::topic),
                Column.text("text", "Sentence", "", SummaryResult.Sentence::text),
                Column.text("view", "View", "The analysis that explains it", SummaryResult.Sentence::view));
    }
}
