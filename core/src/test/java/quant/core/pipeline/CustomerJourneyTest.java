package quant.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import quant.core.analysis.Snapshots;
import quant.core.job.JobMonitor;

/** Seven leads followed by hand through deal, job, invoice and payment. */
class CustomerJourneyTest {
    private static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(2025, month, dayOfMonth);
    }

    private static PipelineResult.Journey journey() {
        Snapshots s = new Snapshots();
        int a = s.customer("A", "residential", "web", "X", day(1, 20));
        int b = s.customer("B", "residential", "web", "X", day(1, 20));
        int c = s.customer("C", "residential", "web", "X", day(2, 20));
        int d = s.customer("D", "residential", "web", "X", day(3, 2));
        var rows = s.commercial();
        // 1: deal won, job, invoice paid → payment
        int lead1 = rows.lead("web", -1, day(1, 5), day(1, 20), a);
        int won = s.deal(5000, "won", "won", day(1, 6), null, day(1, 20));
        rows.dealFromLead(won, lead1);
        s.job(a, day(2, 1)).invoice(a, day(2, 2), day(3, 2), 100, "paid", day(2, 20));
        // 2: no deal, job, invoice unpaid → stops at invoice
        rows.lead("web", -1, day(1, 10), day(1, 20), b);
        s.job(b, day(2, 5)).invoice(b, day(2, 6), day(3, 6), 100, "open", null);
        // 3: no deal, job, invoiced only after the as-of date → stops at job
        rows.lead("web", -1, day(1, 15), day(2, 20), c);
        s.job(c, day(3, 1)).invoice(c, day(4, 5), day(5, 5), 100, "open", null);
        // 4: a lost deal → stops at deal
        int lead4 = rows.lead("referral", -1, day(2, 1), null, -1);
        rows.dealFromLead(s.deal(800, "lost", "lost", day(2, 2), null, day(2, 20)), lead4);
        // 5: nothing → stops at lead
        rows.lead("referral", -1, day(2, 10), null, -1);
        // 6: converted, but its customer's only job came before the lead → stops at lead
        s.job(d, day(1, 1));
        rows.lead("web", -1, day(3, 1), day(3, 2), d);
        // 7: created after the as-of date → not counted
        rows.lead("web", -1, day(4, 10), null, -1);
        return PipelineAnalysis.run(
                        s.build(), new PipelineSpec(Optional.of(day(3, 31)), PipelineSpec.By.NONE), JobMonitor.NONE)
                .journey();
    }

    @Test
    void eachLeadStopsWhereItsJourneyEnds() {
        PipelineResult.Journey j = journey();
        assertThat(j.leads()).isEqualTo(6);
        assertThat(j.jobsWithoutDeal()).isEqualTo(2);
        assertThat(j.steps())
                .extracting(PipelineResult.JourneyStep::step)
                .containsExactly("Lead", "Deal", "Job", "Invoice", "Payment");
        assertThat(j.steps()).extracting(PipelineResult.JourneyStep::reached).containsExactly(6, 2, 3, 2, 1);
        assertThat(j.steps())
                .extracting(PipelineResult.JourneyStep::stoppedHere)
                .containsExactly(2, 1, 1, 1, 0);
        assertThat(j.steps().get(2).shareOfLeads()).isEqualTo(0.5);
    }

    @Test
    void theFlowsAddUpAtEveryNode() {
        PipelineResult.Journey j = journey();
        assertThat(j.flows())
                .extracting(f -> f.stage() + ":" + f.from() + ">" + f.to() + "=" + f.leads())
                .containsExactly(
                        "0:Lead>Deal=2",
                        "0:Lead>No deal=4",
                        "1:Deal>Job=1",
                        "1:Deal>No job=1",
                        "1:No deal>Job=2",
                        "1:No deal>No job=2",
                        "2:Job>Invoice=2",
                        "2:Job>Not invoiced=1",
                        "3:Invoice>Payment=1",
                        "3:Invoice>Not paid=1");
    }

    @Test
    void withoutLeadsThereIsNoJourney() {
        assertThat(PipelineAnalysis.run(
                                PipelineAnalysisTest.sixDeals(),
                                new PipelineSpec(Optional.of(day(3, 31)), PipelineSpec.By.NONE),
                                JobMonitor.NONE)
                        .journey())
                .isNull();
    }
}
