package quant.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import quant.core.analysis.InvalidSpecException;
import quant.core.analysis.Snapshots;
import quant.core.job.JobMonitor;

/** RFM scores and names by hand, k-means on clusters known by construction, and the analysis end to end. */
class SegmentAnalysisTest {
    @Test
    void quintileScoresGiveTiesTheSameScore() {
        assertThat(Rfm.scores(new double[] {10, 20, 30, 40, 50})).containsExactly(1, 2, 3, 4, 5);
        assertThat(Rfm.scores(new double[] {1, 1, 1, 1, 5})).containsExactly(1, 1, 1, 1, 5);
        assertThat(Rfm.scores(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}))
                .containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
    }

    @Test
    void segmentsFollowTheGrid() {
        assertThat(Rfm.Segment.of(5, 5)).isEqualTo(Rfm.Segment.CHAMPIONS);
        assertThat(Rfm.Segment.of(4, 3)).isEqualTo(Rfm.Segment.POTENTIAL_LOYALISTS);
        assertThat(Rfm.Segment.of(5, 1)).isEqualTo(Rfm.Segment.NEW);
        assertThat(Rfm.Segment.of(3, 4)).isEqualTo(Rfm.Segment.LOYAL);
        assertThat(Rfm.Segment.of(3, 2)).isEqualTo(Rfm.Segment.NEEDS_ATTENTION);
        assertThat(Rfm.Segment.of(1, 5)).isEqualTo(Rfm.Segment.AT_RISK);
        assertThat(Rfm.Segment.of(2, 2)).isEqualTo(Rfm.Segment.HIBERNATING);
    }

    @Test
    void kMeansFindsThreeSeparatedBlobsAndIsRepeatable() {
        Random random = new Random(7);
        double[][] centres = {{0, 0, 0}, {6, 0, 0}, {0, 6, 6}};
        double[][] points = new double[300][];
        for (int i = 0; i < points.length; i++) {
            double[] c = centres[i % 3];
            points[i] = new double[] {
                c[0] + random.nextGaussian() * 0.5,
                c[1] + random.nextGaussian() * 0.5,
                c[2] + random.nextGaussian() * 0.5
            };
        }
        KMeans.Clustering a = KMeans.best(points, 6, 3, JobMonitor.NONE);
        assertThat(a.k()).isEqualTo(3);
        assertThat(a.trials()).hasSize(5);
        assertThat(a.trials().get(1).silhouette()).isGreaterThan(0.7);
        // every blob in one cluster
        for (int i = 3; i < points.length; i++) {
            assertThat(a.assignment()[i]).isEqualTo(a.assignment()[i % 3]);
        }
        assertThat(KMeans.best(points, 6, 3, JobMonitor.NONE).assignment()).isEqualTo(a.assignment());
    }

    @Test
    void theAnalysisScoresEveryBuyer() {
        Snapshots s = new Snapshots();
        LocalDate end = LocalDate.of(2025, 12, 31);
        for (int i = 0; i < 20; i++) {
            int c = s.customer("C" + i, i < 10 ? "residential" : "commercial", "google", "Riverton", null);
            for (int k = 0; k <= i % 5; k++) {
                s.job(c, end.minusDays(30L * i + 7L * k));
            }
        }
        s.customer("Never", "residential", "google", "Riverton", LocalDate.of(2025, 1, 1));
        SegmentResult r =
                SegmentAnalysis.run(s.build(), SegmentSpec.DEFAULT.withAsOf(Optional.of(end)), JobMonitor.NONE);
        assertThat(r.customers()).isEqualTo(20);
        assertThat(r.rows()).hasSize(20);
        assertThat(r.segments().stream()
                        .mapToInt(SegmentResult.NamedSegment::customers)
                        .sum())
                .isEqualTo(20);
        int gridTotal = 0;
        for (int[] row : r.rfmGrid()) {
            for (int v : row) {
                gridTotal += v;
            }
        }
        assertThat(gridTotal).isEqualTo(20);
        assertThat(r.clusters().stream()
                        .mapToInt(SegmentResult.Cluster::customers)
                        .sum())
                .isEqualTo(20);
        // C0 bought most recently (days 0 … ) and C19 longest ago
        SegmentResult.CustomerSegment c0 =
                r.rows().stream().filter(x -> x.name().equals("C0")).findFirst().orElseThrow();
        SegmentResult.CustomerSegment c19 = r.rows().stream()
                .filter(x -> x.name().equals("C19"))
                .findFirst()
                .orElseThrow();
        assertThat(c0.r()).isEqualTo(5);
        assertThat(c19.r()).isEqualTo(1);
        assertThat(c0.rfm()).hasSize(3);
    }

    @Test
    void aBadClusterCountIsOneSentence() {
        assertThatThrownBy(() -> new SegmentSpec(1, 1, quant.core.analysis.CustomerFilter.ALL, Optional.empty()))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("The largest number of clusters must be 2 to 12, not 1.");
    }
}
