package quant.core.finance;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import quant.core.analysis.AsOf;

/**
 * Receivables at an as-of date: what is owed and how long past due, days sales outstanding and its
 * trend, how much of what fell due was collected, and who pays late. Money in the data's currency;
 * rates are fractions; NaN (null in JSON) where there is nothing to divide by.
 *
 * @param open receivables open at the as-of date (invoiced, not void, less payments by then)
 * @param pastDue the part of them past due
 * @param dso open receivables ÷ invoiced revenue over the last 90 days × 90, in days
 * @param dsoStatus {@code ok}, {@code warning} or {@code critical} against the DSO levels
 * @param overdue60Share the share of open receivables more than 60 days past due
 * @param overdue60Status its status against the levels
 * @param collection collection efficiency over the last 90 days: collected ÷ collectible
 * @param collectionStatus its status
 * @param lateRate the share of invoices due in the last 12 months that were paid late or are unpaid past due
 * @param averageDaysLate the mean days past due of those late invoices
 * @param aging open receivables by bucket of days past due
 * @param dsoTrend DSO at each month end of the last 12 months and at the as-of date
 * @param customers the customers owing money or paying late, most past due first
 * @param slowPayers the customers with at least {@value ReceivablesAnalysis#HABIT} invoices due in the
 *     last 12 months and paid who paid them latest on average (days beyond terms), latest first (ten at
 *     most)
 * @param levels the monitors' levels, in words
 */
public record ReceivablesResult(
        @JsonIgnore AsOf asOf,
        double open,
        double pastDue,
        double dso,
        String dsoStatus,
        double overdue60Share,
        String overdue60Status,
        double collection,
        String collectionStatus,
        double lateRate,
        double averageDaysLate,
        List<Bucket> aging,
        List<DsoPoint> dsoTrend,
        List<Customer> customers,
        List<Customer> slowPayers,
        List<String> levels,
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
     * Open receivables in one band of days past due.
     *
     * @param bucket {@code current}, {@code 1-30}, {@code 31-60}, {@code 61-90} or {@code 90+}
     * @param share amount ÷ all open receivables
     */
    public record Bucket(String bucket, double amount, int count, double share) {}

    /** DSO at a day, with the open receivables and the 90 days' invoicing it divides. */
    public record DsoPoint(LocalDate date, double dso, double open, double invoiced90) {}

    /**
     * A customer's receivables and payment habit.
     *
     * @param id the customer's id; name their name
     * @param open open receivables; pastDue the part past due; over60 the part more than 60 days past due
     * @param oldestDays days past due of the oldest open invoice (0 when none is past due)
     * @param invoicesDue invoices due in the last 12 months; late those paid late or unpaid past due
     * @param lateRate late ÷ invoices due
     * @param averageDaysLate mean days past due of the late ones (to payment, or to the as-of date)
     * @param paid invoices due in the last 12 months and paid in full by the as-of date
     * @param daysBeyondTerms mean days from due date to payment in full over those paid ones (0 for one paid
     *     on time); NaN when none was paid
     */
    public record Customer(
            long id,
            String name,
            double open,
            double pastDue,
            double over60,
            int oldestDays,
            int invoicesDue,
            int late,
            double lateRate,
            double averageDaysLate,
            int paid,
            double daysBeyondTerms) {}
}
