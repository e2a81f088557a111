package quant.core.store.repo;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static quant.core.store.generated.Tables.CUSTOMER;
import static quant.core.store.generated.Tables.INVOICE;
import static quant.core.store.generated.Tables.JOB;
import static quant.core.store.generated.Tables.PAYMENT;
import static quant.core.store.generated.Tables.SERVICE_LINE;
import static quant.core.store.generated.Tables.TECHNICIAN;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import quant.core.store.Store;
import quant.core.store.generated.tables.Payment;

/**
 * One customer's rows for the customer profile: the customer, their jobs (with the line and the
 * technician), invoices (with what was paid against each) and payments — read as of one moment.
 */
public final class CustomerRows {
    private CustomerRows() {}

    /** The customer's own columns. */
    public record Head(
            String reference,
            String name,
            String segment,
            String channel,
            String address,
            String city,
            String phone,
            String email,
            LocalDate acquired) {}

    /** A job of the customer; {@code cost} is labour, materials and equipment together. */
    public record JobRow(
            String reference,
            LocalDateTime completedAt,
            LocalDateTime requestedAt,
            String line,
            String status,
            String technician,
            BigDecimal revenue,
            BigDecimal cost,
            Short rating,
            boolean callback) {}

    /** An invoice of the customer with the sum and the last day of the payments against it. */
    public record InvoiceRow(
            String number,
            LocalDate issued,
            LocalDate due,
            BigDecimal amount,
            String status,
            BigDecimal paid,
            LocalDate lastPaid) {}

    /** A payment of the customer: against one of their invoices, or theirs without one (its number null). */
    public record PaymentRow(LocalDate paidOn, BigDecimal amount, String method, String invoice) {}

    /** Everything the profile shows; the head is empty when there is no such customer. */
    public record Profile(
            Optional<Head> head,
            LocalDate lastRequested,
            LocalDate lastCompleted,
            List<JobRow> jobs,
            List<InvoiceRow> invoices,
            List<PaymentRow> payments) {}

    /** Customer {@code id}'s rows, and the data's last request and completion days, in one read. */
    public static Profile read(Store store, long id) {
        return store.read(
                "customer " + id,
                dsl -> dsl.transactionResult(cfg -> {
                    DSLContext tx = cfg.dsl();
                    Optional<Head> head = tx.select(
                                    CUSTOMER.EXTERNAL_REF,
                                    CUSTOMER.NAME,
                                    CUSTOMER.SEGMENT,
                                    CUSTOMER.ACQUISITION_CHANNEL,
                                    CUSTOMER.ADDRESS,
                                    CUSTOMER.CITY,
                                    CUSTOMER.PHONE,
                                    CUSTOMER.EMAIL,
                                    CUSTOMER.ACQUIRED_ON)
                            .from(CUSTOMER)
                            .where(CUSTOMER.ID.eq(id))
                            .fetchOptional(r -> new Head(
                                    r.value1(),
                                    r.value2(),
                                    r.value3(),
                                    r.value4(),
                                    r.value5(),
                                    r.value6(),
                                    r.value7(),
                                    r.value8(),
                                    r.value9()));
                    LocalDate requested = day(tx.select(max(JOB.REQUESTED_AT))
                            .from(JOB)
                            .fetchOne()
                            .value1());
                    LocalDate completed = day(tx.select(max(JOB.COMPLETED_AT))
                            .from(JOB)
                            .fetchOne()
                            .value1());
                    BigDecimal zero = BigDecimal.ZERO;
                    List<JobRow> jobs = tx.select(
                                    JOB.EXTERNAL_REF,
                                    JOB.COMPLETED_AT,
                                    JOB.REQUESTED_AT,
                                    SERVICE_LINE.NAME,
                                    JOB.STATUS,
                                    TECHNICIAN.NAME,
                                    JOB.REVENUE,
                                    coalesce(JOB.LABOUR_COST, zero)
                                            .plus(coalesce(JOB.MATERIAL_COST, zero))
                                            .plus(coalesce(JOB.EQUIPMENT_COST, zero)),
                                    JOB.RATING,
                                    JOB.CALLBACK_OF_JOB_ID.isNotNull())
                            .from(JOB)
                            .leftJoin(SERVICE_LINE)
                            .on(SERVICE_LINE.ID.eq(JOB.SERVICE_LINE_ID))
                            .leftJoin(TECHNICIAN)
                            .on(TECHNICIAN.ID.eq(JOB.TECHNICIAN_ID))
                            .where(JOB.CUSTOMER_ID.eq(id))
                            .orderBy(
                                    coalesce(JOB.COMPLETED_AT, JOB.REQUESTED_AT).desc(), JOB.ID.desc())
                            .fetch(r -> new JobRow(
                                    r.value1(),
                                    r.value2(),
                                    r.value3(),
                                    r.value4(),
                                    r.value5(),
                                    r.value6(),
                                    r.value7(),
                                    r.value8(),
                                    r.value9(),
                                    Boolean.TRUE.equals(r.value10())));
                    Payment p = PAYMENT.as("p");
                    List<InvoiceRow> invoices = tx.select(
                                    INVOICE.INVOICE_NUMBER,
                                    INVOICE.ISSUED_ON,
                                    INVOICE.DUE_ON,
                                    INVOICE.AMOUNT,
                                    INVOICE.STATUS,
                                    field(select(coalesce(sum(p.AMOUNT), zero))
                                            .from(p)
                                            .where(p.INVOICE_ID.eq(INVOICE.ID))),
                                    field(select(max(p.PAID_ON)).from(p).where(p.INVOICE_ID.eq(INVOICE.ID))))
                            .from(INVOICE)
                            .where(INVOICE.CUSTOMER_ID.eq(id))
                            .orderBy(INVOICE.ISSUED_ON.desc(), INVOICE.ID.desc())
                            .fetch(r -> new InvoiceRow(
                                    r.value1(),
                                    r.value2(),
                                    r.value3(),
                                    r.value4(),
                                    r.value5(),
                                    r.value6(),
                                    r.value7()));
                    List<PaymentRow> payments = tx.select(
                                    PAYMENT.PAID_ON, PAYMENT.AMOUNT, PAYMENT.METHOD, INVOICE.INVOICE_NUMBER)
                            .from(PAYMENT)
                            .leftJoin(INVOICE)
                            .on(INVOICE.ID.eq(PAYMENT.INVOICE_ID))
                            .where(INVOICE.CUSTOMER_ID
                                    .eq(id)
                                    .or(PAYMENT.INVOICE_ID.isNull().and(PAYMENT.CUSTOMER_ID.eq(id))))
                            .orderBy(PAYMENT.PAID_ON.desc(), PAYMENT.ID.desc())
                            .fetch(r -> new PaymentRow(r.value1(), r.value2(), r.value3(), r.value4()));
                    return new Profile(head, requested, completed, jobs, invoices, payments);
                }));
    }

    private static LocalDate day(LocalDateTime t) {
        return t == null ? null : t.toLocalDate();
    }
}
