package quant.core.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import quant.core.analysis.Period;
import quant.core.job.JobMonitor;
import quant.core.report.Marked;
import quant.core.report.Report;
import quant.core.report.ReportTable;
import quant.core.report.TextReport;
import quant.core.report.ValueText;

/** The cohort report of the company worked by hand in {@link CohortAnalysisTest}. */
class CohortReportTest {
    @Test
    void theCohortTableHoldsTheMetricByAgeWithThePartialPeriodMarked() {
        CohortSpec spec = CohortAnalysisTest.spec(Period.MONTH, CohortAnalysisTest.MID_MARCH);
        Report report = CohortReport.of(CohortAnalysis.run(CohortAnalysisTest.company(), spec, JobMonitor.NONE), spec);

        assertThat(report.spec())
                .containsExactly("Period: monthly", "Metric: Active customers, % of cohort", "Filters: all customers");
        assertThat(report.figure("customers").value()).isEqualTo(3L);
        assertThat(report.tableKeys()).containsExactly("cohorts", "average", "cells");
        @SuppressWarnings("unchecked")
        ReportTable<CohortResult.Cohort> cohorts = (ReportTable<CohortResult.Cohort>) report.table("cohorts");
        CohortResult.Cohort jan = cohorts.rows().getFirst();
        assertThat(cohorts.cells(jan)).containsExactly("2025-01", jan.start(), 2, 0.5, 0.0, new Marked(0.5, "*"));
        assertThat(cohorts.columns().stream().map(c -> ValueText.of(c, jan)).toList())
                .containsExactly("2025-01", "2025-01-01", "2", "50%", "0%", "50%*");
        assertThat(report.table("cells").rows()).hasSize(3 + 2);
        assertThat(report.notes()).singleElement().asString().contains("2025-03 is not over");
        assertThat(report.charts()).hasSize(2);

        StringWriter text = new StringWriter();
        TextReport.write(report, "USD", new PrintWriter(text));
        assertThat(text.toString()).contains("Cohort retention, as of 2025-03-15 (chosen)");
        assertThat(text.toString().lines().map(l -> l.replaceAll(" +", " ")))
                .contains("Cohort Start Size (customers) Age 0 Age 1 Age 2", "2025-01 2025-01-01 2 50% 0% 50%*");
        assertThat(List.of(report.figures().size())).containsExactly(3);
    }
}
