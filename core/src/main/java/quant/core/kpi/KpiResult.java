package quant.core.kpi;

import java.util.List;
import quant.core.analysis.AsOf;

/**
 * The KPIs over a period at an as-of date.
 *
 * @param asOf the day computed at
 * @param period {@code month}, {@code quarter} or {@code ytd}
 * @param window the current period, to the as-of date
 * @param currency the company's currency code, for money values in words
 * @param kpis every KPI in registry order
 * @param notes what could not be measured and why
 * @param definitions what each KPI means
 */
public record KpiResult(
        AsOf asOf,
        String period,
        Window window,
        String currency,
        List<KpiValue> kpis,
        List<String> notes,
        List<String> definitions) {
    public KpiResult {
        kpis = List.copyOf(kpis);
        notes = List.copyOf(notes);
        definitions = List.copyOf(definitions);
    }

    /** The value of one KPI. */
    public KpiValue kpi(Kpi k) {
        return kpis.stream().filter(v -> v.id().equals(k.id())).findFirst().orElseThrow();
    }

    /** The KPIs of one section, in registry order. */
    public List<KpiValue> section(Section s) {
        return kpis.stream().filter(v -> v.section().equals(s.key())).toList();
    }
}
