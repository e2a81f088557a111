package quant.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import quant.core.forecast.DataChecks;
import quant.core.forecast.TimeSeries;
import quant.core.store.DomainTable;

/**
 * The forecasting data checks find the hail storms built into the sample's roofing demand, and
 * little in the lines that have none.
 */
class StormOutliersTest {
    @Test
    void theRoofingStormMonthsAreFlaggedAsOutliersAndTheOtherLinesAreQuiet() {
        SampleCompany company = SampleCompanyGenerator.generate(SampleCompany.DEFAULT_SEED);
        List<Map<String, String>> jobs = SampleCompanyGeneratorTest.rows(company, DomainTable.JOB);
        List<String> storms = SampleCompanyGenerator.stormMonths(SampleCompany.DEFAULT_SEED).stream()
                .map(YearMonth::toString)
                .toList();
        assertThat(storms).hasSizeGreaterThanOrEqualTo(4);

        List<String> roof = flagged(jobs, "ROOF");
        long found = storms.stream().filter(roof::contains).count();
        assertThat(found).as("storm months %s, flagged %s", storms, roof).isGreaterThanOrEqualTo(storms.size() - 1);
        assertThat(roof.stream().filter(m -> !storms.contains(m)).count())
                .as("flagged %s", roof)
                .isLessThanOrEqualTo(1);
        for (String line : List.of("HVAC", "PLUMB", "ELEC", "LAND")) {
            assertThat(flagged(jobs, line)).as(line).hasSizeLessThanOrEqualTo(1);
        }
    }

    /** The months the data checks flag in a line's monthly requested jobs (cancelled left out). */
    private static List<String> flagged(List<Map<String, String>> jobs, String line) {
        YearMonth start = YearMonth.from(SampleCompany.START);
        int months = (int) start.until(YearMonth.from(SampleCompany.END), java.time.temporal.ChronoUnit.MONTHS) + 1;
        double[] counts = new double[months];
        for (Map<String, String> j : jobs) {
            if (j.get("service_line_ref").equals(line) && !j.get("status").equals("cancelled")) {
                YearMonth ym = YearMonth.parse(j.get("requested_at").substring(0, 7));
                counts[(int) start.until(ym, java.time.temporal.ChronoUnit.MONTHS)]++;
            }
        }
        TimeSeries series = new TimeSeries(TimeSeries.Frequency.MONTH, start.atDay(1), counts);
        List<String> out = new ArrayList<>();
        for (DataChecks.Finding f : DataChecks.run(series, 12).findings()) {
            if (f.check().equals("outliers")) {
                out.addAll(f.periods());
            }
        }
        return out;
    }
}
