package quant.samples;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import quant.core.store.DomainTable;

/**
 * The anchor accounts: the three commercial customers with the most invoiced in the last year pay
 * that year's invoices 90 to 180 days after they are due. Applied to the invoices and payments once the
 * simulation is done, from a random stream of its own, so the rest of the company (its churn
 * included: these accounts stay, slow as they pay) is exactly as it was. A payment that would fall
 * after the end leaves its invoice open; an invoice paid in two instalments keeps the first halfway
 * between issue and the last.
 */
final class SlowAnchors {
    /** How many anchor accounts there are. */
    static final int ANCHORS = 3;

    private SlowAnchors() {}

    static void apply(SampleCompany company, Rng rng) {
        SampleTable customers = company.table(DomainTable.CUSTOMER);
        SampleTable invoices = company.table(DomainTable.INVOICE);
        SampleTable payments = company.table(DomainTable.PAYMENT);
        int segment = customers.header().indexOf("segment");
        int customerRef = customers.header().indexOf("external_ref");
        Set<String> commercial = new HashSet<>();
        for (String[] c : customers.rows()) {
            if ("commercial".equals(c[segment])) {
                commercial.add(c[customerRef]);
            }
        }
        int invRef = invoices.header().indexOf("external_ref");
        int invCustomer = invoices.header().indexOf("customer_ref");
        int issuedOn = invoices.header().indexOf("issued_on");
        int dueOn = invoices.header().indexOf("due_on");
        int amount = invoices.header().indexOf("amount");
        int status = invoices.header().indexOf("status");
        LocalDate yearAgo = SampleCompany.END.minusYears(1);
        Map<String, BigDecimal> invoiced = new HashMap<>();
        for (String[] i : invoices.rows()) {
            if (commercial.contains(i[invCustomer])
                    && !"void".equals(i[status])
                    && LocalDate.parse(i[issuedOn]).isAfter(yearAgo)) {
                invoiced.merge(i[invCustomer], new BigDecimal(i[amount]), BigDecimal::add);
            }
        }
        List<String> anchors = invoiced.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(ANCHORS)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        anchors.forEach(company::anchor);
        Set<String> anchorSet = new HashSet<>(anchors);

        int payInvoice = payments.header().indexOf("invoice_ref");
        int paidOn = payments.header().indexOf("paid_on");
        Map<String, List<String[]>> paymentsOf = new HashMap<>();
        for (String[] p : payments.rows()) {
            paymentsOf.computeIfAbsent(p[payInvoice], k -> new ArrayList<>()).add(p);
        }
        Set<String[]> dropped = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (String[] i : invoices.rows()) {
            LocalDate issued = LocalDate.parse(i[issuedOn]);
            if (!anchorSet.contains(i[invCustomer]) || !"paid".equals(i[status]) || !issued.isAfter(yearAgo)) {
                continue;
            }
            LocalDate paid = LocalDate.parse(i[dueOn]).plusDays(rng.between(90, 180));
            List<String[]> own = new ArrayList<>(paymentsOf.getOrDefault(i[invRef], List.of()));
            own.sort(Comparator.comparing((String[] p) -> p[paidOn]));
            if (paid.isAfter(SampleCompany.END)) {
                i[status] = "open";
                dropped.addAll(own);
                continue;
            }
            for (int k = 0; k < own.size(); k++) {
                LocalDate day =
                        k == own.size() - 1 ? paid : issued.plusDays((paid.toEpochDay() - issued.toEpochDay()) / 2);
                own.get(k)[paidOn] = Values.format(day);
            }
        }
        payments.removeIf(dropped::contains);
    }
}
