package quant.samples;

import java.time.LocalDate;
import quant.core.store.DomainTable;

/** The sample company's invoices and payments, one invoice per completed job. */
final class Billing {
    private final Rng rng;
    private int invoiceSeq;
    private int paymentSeq;

    private final SampleTable invoices = new SampleTable(
            DomainTable.INVOICE,
            "external_ref",
            "customer_ref",
            "job_ref",
            "invoice_number",
            "issued_on",
            "due_on",
            "amount",
            "status");
    private final SampleTable payments =
            new SampleTable(DomainTable.PAYMENT, "external_ref", "invoice_ref", "paid_on", "amount", "method");

    Billing(Rng rng) {
        this.rng = rng;
    }

    /** Adds the invoice and payment tables to the company. */
    void addTo(SampleCompany company) {
        company.put(invoices);
        company.put(payments);
    }

    /**
     * Invoices a completed job and records its payments: due in 15 days (30 for commercial
     * customers), paid by the customer's payer type, 1.5 % disputed and 0.5 % void, a quarter of
     * commercial invoices paid in two halves; a late payment marks the customer for churn.
     */
    void invoice(Customer c, String jobRef, LocalDate issued, double amount) {
        String ref = "INV-%06d".formatted(++invoiceSeq);
        LocalDate due = issued.plusDays(c.commercial ? 30 : 15);
        LocalDate paid;
        boolean disputed = rng.chance(0.015);
        boolean voided = !disputed && rng.chance(0.005);
        switch (c.payer) {
            case PROMPT -> paid = issued.plusDays(rng.between(0, (int) (due.toEpochDay() - issued.toEpochDay()) - 1));
            case SLOW ->
                paid = rng.chance(0.6) ? due.plusDays(rng.between(3, 40)) : issued.plusDays(rng.between(1, 12));
            default -> paid = rng.chance(0.45) ? null : due.plusDays(rng.between(20, 90));
        }
        if (disputed || voided) {
            paid = null;
        }
        boolean late = !voided && (paid == null ? true : paid.isAfter(due));
        if (late && !due.isAfter(SampleCompany.END) && c.latePaymentSince == null) {
            c.latePaymentSince = due.plusDays(1);
        }
        String status;
        if (voided) {
            status = "void";
        } else if (disputed) {
            status = "disputed";
        } else if (paid != null && !paid.isAfter(SampleCompany.END)) {
            status = "paid";
        } else {
            status = "open";
        }
        BigDecimalPair split = split(amount, c.commercial && rng.chance(0.25));
        invoices.add(ref, c.ref, jobRef, ref, issued, due, Values.money(amount), status);
        if (status.equals("paid")) {
            String method = method(c);
            if (split.second() == null) {
                payments.add("P%07d".formatted(++paymentSeq), ref, paid, split.first(), method);
            } else {
                LocalDate firstPaid = issued.plusDays((paid.toEpochDay() - issued.toEpochDay()) / 2);
                payments.add("P%07d".formatted(++paymentSeq), ref, firstPaid, split.first(), method);
                payments.add("P%07d".formatted(++paymentSeq), ref, paid, split.second(), method);
            }
        }
    }

    private record BigDecimalPair(java.math.BigDecimal first, java.math.BigDecimal second) {}

    private BigDecimalPair split(double amount, boolean twoPayments) {
        java.math.BigDecimal total = Values.money(amount);
        if (!twoPayments) {
            return new BigDecimalPair(total, null);
        }
        java.math.BigDecimal half = Values.money(amount / 2);
        return new BigDecimalPair(half, total.subtract(half));
    }

    private String method(Customer c) {
        double x = rng.uniform();
        if (c.commercial) {
            return x < 0.6 ? "ach" : "check";
        }
        return x < 0.6 ? "card" : x < 0.8 ? "check" : x < 0.9 ? "ach" : "cash";
    }
}
