package quant.samples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import quant.core.store.DomainTable;

/**
 * The 2025 collections lapse: the bookkeeper who chased late payers left at the end of August 2025
 * and nobody took the reminders over, so from invoices issued on {@link #FROM} on, every invoice
 * that was paid after its due date is paid {@link #DAYS} days later still. A payment pushed past the
 * end of the data leaves its invoice open. Applied to the payments once the simulation is done, with
 * no random draws, so the rest of the company is exactly as it was; the anchor accounts, slow by
 * design, are left as {@link SlowAnchors} made them. DSO drifts up through the autumn and crosses its
 * warning level.
 */
final class CollectionsLapse {
    /** Invoices issued from this day on are collected late. */
    static final LocalDate FROM = LocalDate.of(2025, 9, 1);

    /** How many days later a late payer pays without reminders. */
    static final int DAYS = 45;

    private CollectionsLapse() {}

    static void apply(SampleCompany company) {
        SampleTable invoices = company.table(DomainTable.INVOICE);
        SampleTable payments = company.table(DomainTable.PAYMENT);
        int invRef = invoices.header().indexOf("external_ref");
        int invCustomer = invoices.header().indexOf("customer_ref");
        int issuedOn = invoices.header().indexOf("issued_on");
        int dueOn = invoices.header().indexOf("due_on");
        int status = invoices.header().indexOf("status");
        int payInvoice = payments.header().indexOf("invoice_ref");
        int paidOn = payments.header().indexOf("paid_on");
        Map<String, List<String[]>> paymentsOf = new HashMap<>();
        for (String[] p : payments.rows()) {
            paymentsOf.computeIfAbsent(p[payInvoice], k -> new ArrayList<>()).add(p);
        }
        Set<String> anchors = Set.copyOf(company.anchorAccounts());
        Set<String[]> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String[] i : invoices.rows()) {
            if (!"paid".equals(i[status])
                    || anchors.contains(i[invCustomer])
                    || LocalDate.parse(i[issuedOn]).isBefore(FROM)) {
                continue;
            }
            List<String[]> own = paymentsOf.getOrDefault(i[invRef], List.of());
            LocalDate last = own.stream()
                    .map(p -> LocalDate.parse(p[paidOn].substring(0, 10)))
                    .max(LocalDate::compareTo)
                    .orElse(null);
            if (last == null || !last.isAfter(LocalDate.parse(i[dueOn]))) {
                continue;
            }
            if (last.plusDays(DAYS).isAfter(SampleCompany.END)) {
                i[status] = "open";
                dropped.addAll(own);
                continue;
            }
            for (String[] p : own) {
                p[paidOn] = Values.format(
                        LocalDate.parse(p[paidOn].substring(0, 10)).plusDays(DAYS));
            }
        }
        payments.removeIf(dropped::contains);
    }
}
