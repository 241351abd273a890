package org.classifierlab.core.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnnClassifierTest {

    /**
     * Around the query (0, 0): p1 at distance 1 (class 1), p2 at 2 (class 0), p0 at 3 (class 0),
     * p3 at 4 (class 1), p4 at √50 (class 2).
     */
    private static final LabeledPoints FIVE = new LabeledPoints(
            new double[] {3, 0, -2, 0, 5},
            new double[] {0, 1, 0, -4, 5},
            new int[] {0, 1, 0, 1, 2}, 3);

    private static final List<Neighbour> FOUR_NEAREST = List.of(
            new Neighbour(1, 1.0, 1), new Neighbour(2, 2.0, 0), new Neighbour(0, 3.0, 0), new Neighbour(3, 4.0, 1));

    @Test
    void metricsComputeTheirDistancesAndRankKeys() {
        assertThat(Metric.L1.distance(1, 1, 4, 5)).isEqualTo(7.0);
        assertThat(Metric.L2.distance(1, 1, 4, 5)).isEqualTo(5.0);
        assertThat(Metric.LINF.distance(1, 1, 4, 5)).isEqualTo(4.0);
        assertThat(Metric.L2.rank(1, 1, 4, 5)).isEqualTo(25.0);
        assertThat(Metric.L1.rank(1, 1, 4, 5)).isEqualTo(7.0);
        assertThat(Metric.LINF.rank(4, 5, 1, 1)).isEqualTo(4.0);
        assertThat(Metric.L2.distanceFromRank(2.25)).isEqualTo(1.5);
        assertThat(Metric.L1.label()).isEqualTo("L1 (Manhattan)");
        assertThat(Metric.L2.label()).isEqualTo("L2 (Euclidean)");
        assertThat(Metric.LINF.label()).isEqualTo("L\u221e (Chebyshev)");
    }

    @Test
    void aTwoTwoTieIsUndecidedUnderUndecided() {
        KnnResult r = KnnClassifier.classify(FIVE, 0, 0, 4, Metric.L2, TieRule.UNDECIDED);
        assertThat(r.neighbours()).containsExactlyElementsOf(FOUR_NEAREST);
        assertThat(r.tally()).containsExactly(2.0, 2.0, 0.0);
        assertThat(r.predicted()).isEqualTo(-1);
        assertThat(r.confidence()).isEqualTo(0.5);
        assertThat(r.tie()).isTrue();
        assertThat(r.tiedClasses()).containsExactly(0, 1);
        assertThat(r.kthDistance()).isEqualTo(4.0);
    }

    @Test
    void aTwoTwoTieGoesToTheSmallestClassUnderSmallestClass() {
        KnnResult r = KnnClassifier.classify(FIVE, 0, 0, 4, Metric.L2, TieRule.SMALLEST_CLASS);
        assertThat(r.predicted()).isZero();
        assertThat(r.confidence()).isEqualTo(0.5);
        assertThat(r.tiedClasses()).containsExactly(0, 1);
    }

    @Test
    void aTwoTwoTieGoesToTheNearestNeighboursClassUnderNearestTiedClass() {
        // the nearest neighbour, p1, is of class 1
        KnnResult r = KnnClassifier.classify(FIVE, 0, 0, 4, Metric.L2, TieRule.NEAREST_TIED_CLASS);
        assertThat(r.predicted()).isEqualTo(1);
        assertThat(r.confidence()).isEqualTo(0.5);
        assertThat(r.tiedClasses()).containsExactly(0, 1);
    }

    @Test
    void nearestTiedClassSkipsNeighboursOfUntiedClasses() {
        // neighbours of (0, 0): class 2 at 1, class 0 at 2, class 1 at 3, class 0 at 4, class 1 at 5
        LabeledPoints pts = new LabeledPoints(new double[] {1, 2, 3, 4, 5}, new double[] {0, 0, 0, 0, 0},
                new int[] {2, 0, 1, 0, 1}, 3);
        KnnResult r = KnnClassifier.classify(pts, 0, 0, 5, Metric.L1, TieRule.NEAREST_TIED_CLASS);
        assertThat(r.tally()).containsExactly(2.0, 2.0, 1.0);
        assertThat(r.predicted()).isZero();
        assertThat(r.confidence()).isEqualTo(0.4);
    }

    @Test
    void distanceWeightingBreaksTheTwoTwoTie() {
        // class 1: 1/1 + 1/4 = 1.25; class 0: 1/2 + 1/3 = 0.8333…; total 2.08333…
        KnnResult r = KnnClassifier.classify(FIVE, 0, 0, 4, Metric.L2, TieRule.DISTANCE_WEIGHTED);
        assertThat(r.neighbours()).containsExactlyElementsOf(FOUR_NEAREST);
        assertThat(r.tally()[0]).isCloseTo(5.0 / 6.0, within(1e-15));
        assertThat(r.tally()[1]).isEqualTo(1.25);
        assertThat(r.tally()[2]).isZero();
        assertThat(r.predicted()).isEqualTo(1);
        assertThat(r.confidence()).isCloseTo(0.6, within(1e-15));
        assertThat(r.tie()).isFalse();
        assertThat(r.tiedClasses()).isEmpty();
    }

    @Test
    void equalWeightsGoToTheSmallestClass() {
        LabeledPoints pts = new LabeledPoints(new double[] {-1, 1}, new double[] {0, 0}, new int[] {1, 0}, 2);
        KnnResult r = KnnClassifier.classify(pts, 0, 0, 2, Metric.L2, TieRule.DISTANCE_WEIGHTED);
        assertThat(r.tally()).containsExactly(1.0, 1.0);
        assertThat(r.predicted()).isZero();
        assertThat(r.confidence()).isEqualTo(0.5);
        assertThat(r.tiedClasses()).containsExactly(0, 1);
    }

    @Test
    void aZeroDistanceNeighbourOutvotesEveryoneUnderDistanceWeighting() {
        // p0 sits on the query; p1 and p2 are very close but have the other class
        LabeledPoints pts = new LabeledPoints(new double[] {0, 0.1, 0}, new double[] {0, 0, 0.1},
                new int[] {1, 0, 0}, 2);
        KnnResult weighted = KnnClassifier.classify(pts, 0, 0, 3, Metric.L2, TieRule.DISTANCE_WEIGHTED);
        assertThat(weighted.neighbours()).extracting(Neighbour::index).containsExactly(0, 1, 2);
        assertThat(weighted.neighbours().get(0).distance()).isZero();
        assertThat(weighted.tally()).containsExactly(0.0, 1.0);
        assertThat(weighted.predicted()).isEqualTo(1);
        assertThat(weighted.confidence()).isEqualTo(1.0);
        // the plain vote goes the other way
        KnnResult counted = KnnClassifier.classify(pts, 0, 0, 3, Metric.L2, TieRule.SMALLEST_CLASS);
        assertThat(counted.predicted()).isZero();
        assertThat(counted.confidence()).isEqualTo(2.0 / 3.0);
    }

    @Test
    void twoCoincidentNeighboursOfDifferentClassesTieUnderDistanceWeighting() {
        LabeledPoints pts = new LabeledPoints(new double[] {2, 2, 2.5}, new double[] {2, 2, 2},
                new int[] {1, 0, 1}, 2);
        KnnResult r = KnnClassifier.classify(pts, 2, 2, 3, Metric.L1, TieRule.DISTANCE_WEIGHTED);
        assertThat(r.tally()).containsExactly(1.0, 1.0);
        assertThat(r.predicted()).isZero();
        assertThat(r.confidence()).isEqualTo(0.5);
        assertThat(r.tiedClasses()).containsExactly(0, 1);
    }

    @Test
    void theThreeMetricsDisagreeOnTheNearestPoint() {
        // from (0, 0): A = (3, 0) has L1 3, L2 3, L∞ 3; B = (2.2, 2.2) has L1 4.4, L2 3.11, L∞ 2.2;
        // C = (2.6, 1) has L1 3.6, L2 2.79, L∞ 2.6
        LabeledPoints pts = new LabeledPoints(new double[] {3, 2.2, 2.6}, new double[] {0, 2.2, 1},
                new int[] {0, 1, 2}, 3);
        KnnResult l1 = KnnClassifier.classify(pts, 0, 0, 1, Metric.L1, TieRule.UNDECIDED);
        KnnResult l2 = KnnClassifier.classify(pts, 0, 0, 1, Metric.L2, TieRule.UNDECIDED);
        KnnResult linf = KnnClassifier.classify(pts, 0, 0, 1, Metric.LINF, TieRule.UNDECIDED);
        assertThat(l1.neighbours()).containsExactly(new Neighbour(0, 3.0, 0));
        assertThat(l2.neighbours()).containsExactly(new Neighbour(2, Math.sqrt(2.6 * 2.6 + 1.0), 2));
        assertThat(linf.neighbours()).containsExactly(new Neighbour(1, 2.2, 1));
        assertThat(l1.predicted()).isZero();
        assertThat(l2.predicted()).isEqualTo(2);
        assertThat(linf.predicted()).isEqualTo(1);
        assertThat(KnnClassifier.classify(pts, 0, 0, 3, Metric.L1, TieRule.UNDECIDED).neighbours())
                .extracting(Neighbour::index).containsExactly(0, 2, 1);
        assertThat(KnnClassifier.classify(pts, 0, 0, 3, Metric.LINF, TieRule.UNDECIDED).neighbours())
                .extracting(Neighbour::index).containsExactly(1, 2, 0);
    }

    @Test
    void equalDistancesAreOrderedByIndex() {
        // four points at L1 distance 2 from (0, 0), given in scrambled positions
        LabeledPoints pts = new LabeledPoints(new double[] {0, 2, -2, 1, 0}, new double[] {2, 0, 0, 1, -5},
                new int[] {0, 1, 0, 1, 0}, 2);
        KnnResult r = KnnClassifier.classify(pts, 0, 0, 3, Metric.L1, TieRule.SMALLEST_CLASS);
        assertThat(r.neighbours()).extracting(Neighbour::index).containsExactly(0, 1, 2);
        assertThat(r.predicted()).isZero();
        assertThat(KnnClassifier.predict(pts, 0, 0, 1, Metric.L1, TieRule.UNDECIDED)).isZero();
    }

    @Test
    void kIsClampedToTheNumberOfPoints() {
        KnnResult big = KnnClassifier.classify(FIVE, 0, 0, 50, Metric.L2, TieRule.SMALLEST_CLASS);
        assertThat(big.neighbours()).extracting(Neighbour::index).containsExactly(1, 2, 0, 3, 4);
        assertThat(big.tally()).containsExactly(2.0, 2.0, 1.0);
        assertThat(big.confidence()).isEqualTo(0.4);
        KnnResult zero = KnnClassifier.classify(FIVE, 0, 0, 0, Metric.L2, TieRule.SMALLEST_CLASS);
        assertThat(zero.neighbours()).containsExactly(new Neighbour(1, 1.0, 1));
    }

    @Test
    void excludingAPointLeavesItOutAndKeepsOriginalIndices() {
        KnnResult r = KnnClassifier.classifyExcluding(FIVE, 1, 0, 0, 2, Metric.L2, TieRule.UNDECIDED);
        assertThat(r.neighbours()).containsExactly(new Neighbour(2, 2.0, 0), new Neighbour(0, 3.0, 0));
        assertThat(r.predicted()).isZero();
        assertThat(r.confidence()).isEqualTo(1.0);
        KnnResult all = KnnClassifier.classifyExcluding(FIVE, 4, 0, 0, 9, Metric.L2, TieRule.UNDECIDED);
        assertThat(all.neighbours()).extracting(Neighbour::index).containsExactly(1, 2, 0, 3);
    }

    @Test
    void rejectsEmptySetsAndBadQueries() {
        LabeledPoints empty = new LabeledPoints(new double[0], new double[0], new int[0], 2);
        assertThatThrownBy(() -> KnnClassifier.classify(empty, 0, 0, 1, Metric.L2, TieRule.UNDECIDED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        LabeledPoints one = new LabeledPoints(new double[] {1}, new double[] {1}, new int[] {0}, 2);
        assertThatThrownBy(() -> KnnClassifier.classifyExcluding(one, 0, 0, 0, 1, Metric.L2, TieRule.UNDECIDED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> KnnClassifier.classifyExcluding(one, 3, 0, 0, 1, Metric.L2, TieRule.UNDECIDED))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> KnnClassifier.classify(one, Double.NaN, 0, 1, Metric.L2, TieRule.UNDECIDED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    }

    @Test
    void resultsAreImmutableValues() {
        KnnResult r = KnnClassifier.classify(FIVE, 0, 0, 4, Metric.L2, TieRule.UNDECIDED);
        r.tally()[0] = 99;
        r.tiedClasses()[0] = 99;
        assertThat(r.tally()).containsExactly(2.0, 2.0, 0.0);
        assertThat(r.tiedClasses()).containsExactly(0, 1);
        assertThat(r).isEqualTo(KnnClassifier.classify(FIVE, 0, 0, 4, Metric.L2, TieRule.UNDECIDED));
        assertThat(r.hashCode()).isEqualTo(KnnClassifier.classify(FIVE, 0, 0, 4, Metric.L2, TieRule.UNDECIDED).hashCode());
        assertThat(r).isNotEqualTo(KnnClassifier.classify(FIVE, 0, 0, 4, Metric.L2, TieRule.SMALLEST_CLASS));
        assertThat(TieRule.UNDECIDED.label()).isNotBlank();
    }
}
