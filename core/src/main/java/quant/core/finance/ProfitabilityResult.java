package quant.core.finance;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import quant.core.analysis.AsOf;

/**
 * Margin by a dimension over the months to an as-of date: revenue less the job's own costs, the
 * travel to it and a share of overhead, with the reasons the least profitable customers and jobs
 * lose money, and job complexity against margin. Money in the data's currency; rates are fractions.
 *
 * @param from the window's first day
 * @param by the rows' dimension ({@code line}, {@code segment}, {@code city}, {@code zip},
 *     {@code technician}, {@code customer} or {@code job})
 * @param overheadBy how overhead was shared out: {@code hours}, {@code jobs} or {@code revenue}
 * @param within the drill-down the rows are narrowed to, as {@code dimension=key} texts (empty: all jobs)
 * @param rows the rows, least margin first
 * @param total the rows together
 * @param complexity per service line and band of estimated hours: jobs, revenue and margin
 * @param leastProfitableCustomers the customers with the least margin, each with its reasons
 * @param leastProfitableJobs the jobs with the least margin, each with its reasons
 * @param overheadTotal the overhead of the window's months; overheadUnallocated the part that fell in
 *     months without jobs to carry it
 */
public record ProfitabilityResult(
        @JsonIgnore AsOf asOf,
        LocalDate from,
        int months,
        String by,
        String overheadBy,
        List<String> within,
        List<Row> rows,
        Row total,
        List<Band> complexity,
        List<Row> leastProfitableCustomers,
        List<Row> leastProfitableJobs,
        double overheadTotal,
        double overheadUnallocated,
        List<String> notes,
        List<String> definitions)
        implements quant.core.analysis.Dated {
    @JsonProperty("asOf")
    public LocalDate asOfDate() {
        return asOf.date();
    }

    @JsonProperty("asOfFromData")
    public boolean asOfFromData() {
        return asOf.fromData();
    }

    /**
     * One row.
     *
     * @param key the dimension's key: a service line's or technician's code, a customer's or job's id,
     *     a segment, city or postal code ({@code none} for jobs without one)
     * @param name what people read
     * @param jobs completed jobs counted
     * @param revenue their revenue
     * @param directCost labour + materials + equipment
     * @param travelCost travel minutes ÷ 60 × the technician's hourly cost
     * @param overhead the share of overhead allocated to the jobs
     * @param margin revenue − direct cost − travel cost − overhead
     * @param marginShare margin ÷ revenue
     * @param hours actual hours worked
     * @param travelMinutes travel to the jobs, in minutes
     * @param callbacks callback visits among the jobs
     * @param reasons why the row makes little or no money, in words (empty when nothing stands out)
     */
    public record Row(
            String key,
            String name,
            int jobs,
            double revenue,
            double directCost,
            double travelCost,
            double overhead,
            double margin,
            double marginShare,
            double hours,
            double travelMinutes,
            int callbacks,
            String reasons) {}

    /**
     * Jobs of a service line in one band of estimated hours.
     *
     * @param band e.g. {@code 1–2 h}; fromHours and toHours its bounds (toHours NaN for the last)
     * @param meanHours the band's mean estimated hours
     */
    public record Band(
            String line,
            String lineName,
            String band,
            double fromHours,
            double toHours,
            double meanHours,
            int jobs,
            double revenue,
            double margin,
            double marginShare) {}
}
