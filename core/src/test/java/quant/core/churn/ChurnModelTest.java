package quant.core.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.analysis.InvalidSpecException;
import quant.core.job.JobMonitor;
import quant.core.stats.LogisticRegression;
import quant.core.stats.ModelFitException;

/** Logistic regression, ROC AUC and cross-validation: by hand, and on IBM's Telco churn data. */
class ChurnModelTest {
    private static final Path TELCO =
            Path.of("..", "..", "shared", "benchdata", "telco_churn", "WA_Fn-UseC_-Telco-Customer-Churn.csv");

    @TempDir
    Path dir;

    @Test
    void aucCountsPairsAndTiesAsHalves() {
        // positives 0.9, 0.4; negatives 0.4, 0.1: pairs (0.9>0.4) (0.9>0.1) (0.4=0.4 → ½) (0.4>0.1) = 3.5 / 4
        assertThat(Roc.auc(new double[] {0.9, 0.4, 0.4, 0.1}, new int[] {1, 1, 0, 0}))
                .isEqualTo(0.875);
        assertThat(Roc.auc(new double[] {0.1, 0.2}, new int[] {1, 1})).isNaN();
        assertThat(Roc.accuracy(new double[] {0.9, 0.4, 0.6}, new int[] {1, 0, 0}))
                .isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void theFitSolvesTheScoreEquations() {
        // one binary feature: the fitted probabilities equal each group's observed rate (1/4 and 3/4)
        double[][] x = {{0}, {0}, {0}, {0}, {1}, {1}, {1}, {1}};
        int[] y = {1, 0, 0, 0, 1, 1, 1, 0};
        LogisticRegression m = LogisticRegression.fit(x, y, 0);
        assertThat(m.probability(new double[] {0})).isCloseTo(0.25, within(1e-9));
        assertThat(m.probability(new double[] {1})).isCloseTo(0.75, within(1e-9));
        // log-odds ratio ln(3) − ln(1/3) = 2 ln 3 per unit, i.e. per 0.5 standard deviation
        assertThat(m.coefficients()[0]).isCloseTo(2 * Math.log(3) * 0.5, within(1e-9));
        assertThatThrownBy(() -> LogisticRegression.fit(x, new int[8], 0))
                .isInstanceOf(ModelFitException.class)
                .hasMessageContaining("same outcome");
    }

    @Test
    void categoricalColumnsBecomeLevelsAndBadTargetsAreRefused() throws Exception {
        Path f = Files.write(
                dir.resolve("t.csv"),
                List.of("id,plan,spend,churn", "a,basic,10,yes", "b,basic,,no", "c,pro,30,no", "d,max,20,Yes"));
        FeatureTable t = FeatureTable.read(f, "churn", "id");
        assertThat(t.names()).containsExactly("plan=pro", "plan=max", "spend");
        assertThat(t.y()).containsExactly(1, 0, 0, 1);
        assertThat(t.x()[1][2]).isEqualTo(20); // the blank takes the mean of 10, 30, 20
        assertThat(t.notes()).singleElement().asString().contains("1 blank values");
        Path bad = Files.write(dir.resolve("b.csv"), List.of("plan,churn", "basic,maybe"));
        assertThatThrownBy(() -> FeatureTable.read(bad, "churn", null))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("b.csv, row 2: churn is \"maybe\"; it must be yes/no, true/false or 1/0.");
    }

    @Test
    void fiveFoldLogisticRegressionOnTelcoReachesThePublishedAuc() throws Exception {
        assumeTrue(Files.exists(TELCO), "../shared/benchdata/telco_churn is absent: the Telco test is skipped");
        FeatureTable t = FeatureTable.read(TELCO, "Churn", "customerID");
        assertThat(t.y()).hasSize(7043);
        ChurnEvaluation e = ChurnEvaluation.run(t, 5, 1, JobMonitor.NONE);
        assertThat(e.churnRate()).isCloseTo(0.2654, within(0.0001));
        // Published logistic-regression results on this data are about 0.84 (e.g. Grigorev, "Machine
        // Learning Bookcamp", ch. 3 and 4, on a validation split)
        assertThat(e.auc()).isBetween(0.83, 0.86);
        assertThat(e.folds()).hasSize(5).allSatisfy(f -> assertThat(f.auc()).isBetween(0.80, 0.88));
        assertThat(e.accuracy()).isBetween(0.78, 0.83);
        // month-to-month contracts and short tenure raise churn in every published analysis of this data
        assertThat(e.topFeatures())
                .extracting(ChurnEvaluation.Coefficient::feature)
                .contains("tenure");
    }
}
