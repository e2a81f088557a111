package quant.app.analysis;

import java.util.Optional;
import quant.core.report.Report;

/** A view whose result can leave the screen (File ▸ Export…, Ctrl+E): it says what it shows as a report. */
public interface Exportable {
    /** The report of what the view shows now, or empty while it has no result to export. */
    Optional<Report> report();
}
