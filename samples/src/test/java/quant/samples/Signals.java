package quant.samples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The measurements behind the sample's signal tests, computed from the rows alone. */
final class Signals {
    private Signals() {}

    /**
     * Churn: a customer acquired at least a year before the end whose last completed job is more
     * than 365 days before the end. A bad experience: a callback, or an invoice paid after its due
     * date (or unpaid and overdue at the end).
     */
    record Churn(double badExperienceRate, double otherRate) {}

    static Churn churn(
            List<Map<String, String>> customers,
            List<Map<String, String>> jobs,
            List<Map<String, String>> invoices,
            List<Map<String, String>> payments) {
        LocalDate end = SampleCompany.END;
        LocalDate cut = end.minusDays(365);
        Map<String, LocalDate> last = new HashMap<>();
        Set<String> bad = new HashSet<>();
        for (Map<String, String> j : jobs) {
            if (j.get("status").equals("completed")) {
                LocalDate d = LocalDate.parse(j.get("completed_at").substring(0, 10));
                last.merge(j.get("customer_ref"), d, (a, b) -> a.isAfter(b) ? a : b);
            }
            if (!j.get("callback_of_job_ref").isEmpty()) {
                bad.add(j.get("customer_ref"));
            }
        }
        Map<String, LocalDate> paidOn = new HashMap<>();
        for (Map<String, String> p : payments) {
            paidOn.merge(p.get("invoice_ref"), LocalDate.parse(p.get("paid_on")), (a, b) -> a.isAfter(b) ? a : b);
        }
        for (Map<String, String> i : invoices) {
            if (i.get("status").equals("void")) {
                continue;
            }
            LocalDate due = LocalDate.parse(i.get("due_on"));
            LocalDate paid = paidOn.get(i.get("external_ref"));
            if (paid != null ? paid.isAfter(due) : due.isBefore(end)) {
                bad.add(i.get("customer_ref"));
            }
        }
        int[] badCounts = new int[2];
        int[] otherCounts = new int[2];
        for (Map<String, String> c : customers) {
            LocalDate acquired = LocalDate.parse(c.get("acquired_on"));
            if (!acquired.isBefore(cut)) {
                continue;
            }
            String ref = c.get("external_ref");
            boolean churned = last.getOrDefault(ref, acquired).isBefore(cut);
            int[] counts = bad.contains(ref) ? badCounts : otherCounts;
            counts[0] += churned ? 1 : 0;
            counts[1]++;
        }
        return new Churn((double) badCounts[0] / badCounts[1], (double) otherCounts[0] / otherCounts[1]);
    }

    /** Jobs requested per calendar month (index 1 to 12) for a service line, all years together. */
    static int[] jobsByMonth(List<Map<String, String>> jobs, String line) {
        int[] months = new int[13];
        for (Map<String, String> j : jobs) {
            if (j.get("service_line_ref").equals(line)) {
                months[Integer.parseInt(j.get("requested_at").substring(5, 7))]++;
            }
        }
        return months;
    }

    /** Each technician's median of actual ÷ estimated hours over completed jobs. */
    static Map<String, Double> medianActualOverEstimate(List<Map<String, String>> jobs) {
        Map<String, List<Double>> ratios = new HashMap<>();
        for (Map<String, String> j : jobs) {
            if (!j.get("actual_hours").isEmpty()) {
                ratios.computeIfAbsent(j.get("technician_ref"), k -> new ArrayList<>())
                        .add(Double.parseDouble(j.get("actual_hours")) / Double.parseDouble(j.get("estimated_hours")));
            }
        }
        Map<String, Double> medians = new HashMap<>();
        ratios.forEach((tech, list) -> {
            List<Double> sorted = list.stream().sorted().toList();
            int n = sorted.size();
            medians.put(tech, n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
        });
        return medians;
    }
}
