package quant.core.kpi;

import java.time.LocalDate;
import java.util.List;
import quant.core.analysis.AsOf;

/**
 * The health score: the weighted attainment of the KPIs, 0 to 100, per section and overall.
 *
 * @param asOf the day computed at
 * @param period the KPIs' period ({@code month}, {@code quarter}, {@code ytd}) and label
 * @param score the overall score, null when no KPI could be judged
 * @param sections each section's score and weight
 * @param contributions each KPI's points: what it adds to the overall score, and the most it could
 * @param trend the score over the last periods, oldest first
 * @param definitions how the score is made
 */
public record HealthResult(
        AsOf asOf,
        String period,
        Double score,
        List<SectionScore> sections,
        List<Contribution> contributions,
        List<Point> trend,
        List<String> definitions) {
    public HealthResult {
        sections = List.copyOf(sections);
        contributions = List.copyOf(contributions);
        trend = List.copyOf(trend);
        definitions = List.copyOf(definitions);
    }

    /**
     * @param section the section key
     * @param title its name
     * @param weight its share of the overall score (the weights of the sections with a judged KPI, summing to 1)
     * @param score 100 × the mean attainment of its judged KPIs, null with none
     * @param judged KPIs with a status
     * @param kpis KPIs in the section
     */
    public record SectionScore(String section, String title, double weight, Double score, int judged, int kpis) {}

    /**
     * @param kpi the KPI's id
     * @param name its name
     * @param section its section key
     * @param status its status
     * @param attainment 0 to 1
     * @param points what it adds to the overall score
     * @param maxPoints what it would add at its target
     */
    public record Contribution(
            String kpi,
            String name,
            String section,
            String status,
            double attainment,
            double points,
            double maxPoints) {}

    /** The score at the end of one period. */
    public record Point(String period, LocalDate to, Double score) {}
}
