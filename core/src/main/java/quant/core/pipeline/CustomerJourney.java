package quant.core.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import quant.core.analysis.Commercial;
import quant.core.analysis.Operations;
import quant.core.analysis.Snapshot;

/**
 * The customer journey at a date, counted in leads: every lead created by the as-of date, and how
 * far each got along lead → deal → job → invoice → payment.
 *
 * <ul>
 *   <li><b>deal</b>: a deal linked to the lead ({@code deal.lead_id}) had started by the date;
 *   <li>the lead's <b>customer</b> is the customer it converted to by the date, else the customer of
 *       its deal won by the date;
 *   <li><b>job</b>: that customer had a job completed between the lead's creation and the date —
 *       with or without a deal (service calls need no quote), so the flow has two routes into it;
 *   <li><b>invoice</b>: after a job, the customer was invoiced (not void) in the same span;
 *   <li><b>payment</b>: after an invoice, a payment from the customer arrived in the same span.
 * </ul>
 *
 * Each step's drop-off is the number of leads whose journey ended there: leads with neither a deal
 * nor a job, deals that led to no job, jobs never invoiced, invoices not paid by the date.
 */
final class CustomerJourney {
    static final String LEAD = "Lead";
    static final String DEAL = "Deal";
    static final String NO_DEAL = "No deal";
    static final String JOB = "Job";
    static final String NO_JOB = "No job";
    static final String INVOICE = "Invoice";
    static final String NOT_INVOICED = "Not invoiced";
    static final String PAYMENT = "Payment";
    static final String NOT_PAID = "Not paid";

    private CustomerJourney() {}

    /** The journey of the leads created by {@code day}; null when the data holds no lead. */
    static PipelineResult.Journey trace(Snapshot snapshot, int day) {
        Commercial.Leads leads = snapshot.leads();
        if (leads.size() == 0) {
            return null;
        }
        Operations.Deals deals = snapshot.deals();
        boolean[] hasDeal = new boolean[leads.size()];
        int[] wonCustomer = new int[leads.size()];
        Arrays.fill(wonCustomer, -1);
        for (int i = 0; i < deals.size(); i++) {
            int lead = leads.row(deals.leadId(i));
            int start = deals.startDay(i);
            if (lead < 0 || (start != Snapshot.NO_DAY && start > day)) {
                continue;
            }
            hasDeal[lead] = true;
            if (deals.outcome(i) == Operations.Deals.WON && deals.isClosedBy(i, day) && deals.customer(i) >= 0) {
                wonCustomer[lead] = deals.customer(i);
            }
        }
        int customers = snapshot.customers().size();
        int[] lastJob = latest(customers);
        Snapshot.Jobs jobs = snapshot.jobs();
        for (int j = 0; j < jobs.size(); j++) {
            int done = jobs.completedDay(j);
            if (jobs.isCompleted(j) && done != Snapshot.NO_DAY && done <= day && jobs.customer(j) >= 0) {
                lastJob[jobs.customer(j)] = Math.max(lastJob[jobs.customer(j)], done);
            }
        }
        Snapshot.Invoices invoices = snapshot.invoices();
        int[] lastInvoice = latest(customers);
        for (int v = 0; v < invoices.size(); v++) {
            int issued = invoices.issuedDay(v);
            if (invoices.status(v) != Snapshot.Invoices.VOID && issued != Snapshot.NO_DAY && issued <= day) {
                lastInvoice[invoices.customer(v)] = Math.max(lastInvoice[invoices.customer(v)], issued);
            }
        }
        Snapshot.Payments payments = invoices.payments();
        int[] lastPayment = latest(customers);
        for (int p = 0; p < payments.size(); p++) {
            int paid = payments.day(p);
            int customer = invoices.customer(payments.invoice(p));
            if (paid != Snapshot.NO_DAY && paid <= day) {
                lastPayment[customer] = Math.max(lastPayment[customer], paid);
            }
        }

        int total = 0;
        int withDeal = 0;
        int[] job = new int[2]; // [no deal, deal]
        int invoiced = 0;
        int paid = 0;
        for (int l = 0; l < leads.size(); l++) {
            int created = leads.createdDay(l);
            if (created != Snapshot.NO_DAY && created > day) {
                continue;
            }
            total++;
            int route = hasDeal[l] ? 1 : 0;
            withDeal += route;
            int converted = leads.convertedDay(l);
            int customer = leads.customer(l) >= 0 && (converted == Snapshot.NO_DAY || converted <= day)
                    ? leads.customer(l)
                    : wonCustomer[l];
            int from = created == Snapshot.NO_DAY ? Integer.MIN_VALUE : created;
            if (customer < 0 || lastJob[customer] < from) {
                continue;
            }
            job[route]++;
            if (lastInvoice[customer] < from) {
                continue;
            }
            invoiced++;
            if (lastPayment[customer] >= from) {
                paid++;
            }
        }
        if (total == 0) {
            return null;
        }
        int jobs2 = job[0] + job[1];
        List<PipelineResult.JourneyStep> steps = List.of(
                step(LEAD, total, total - withDeal - job[0], total),
                step(DEAL, withDeal, withDeal - job[1], total),
                step(JOB, jobs2, jobs2 - invoiced, total),
                step(INVOICE, invoiced, invoiced - paid, total),
                step(PAYMENT, paid, 0, total));
        List<PipelineResult.JourneyFlow> flows = new ArrayList<>();
        flow(flows, 0, LEAD, DEAL, withDeal);
        flow(flows, 0, LEAD, NO_DEAL, total - withDeal);
        flow(flows, 1, DEAL, JOB, job[1]);
        flow(flows, 1, DEAL, NO_JOB, withDeal - job[1]);
        flow(flows, 1, NO_DEAL, JOB, job[0]);
        flow(flows, 1, NO_DEAL, NO_JOB, total - withDeal - job[0]);
        flow(flows, 2, JOB, INVOICE, invoiced);
        flow(flows, 2, JOB, NOT_INVOICED, jobs2 - invoiced);
        flow(flows, 3, INVOICE, PAYMENT, paid);
        flow(flows, 3, INVOICE, NOT_PAID, invoiced - paid);
        return new PipelineResult.Journey(total, job[0], steps, List.copyOf(flows));
    }

    private static int[] latest(int n) {
        int[] a = new int[n];
        Arrays.fill(a, Integer.MIN_VALUE);
        return a;
    }

    private static PipelineResult.JourneyStep step(String name, int reached, int stopped, int total) {
        return new PipelineResult.JourneyStep(name, reached, (double) reached / total, stopped);
    }

    private static void flow(List<PipelineResult.JourneyFlow> flows, int stage, String from, String to, int leads) {
        if (leads > 0) {
            flows.add(new PipelineResult.JourneyFlow(stage, from, to, leads));
        }
    }
}
