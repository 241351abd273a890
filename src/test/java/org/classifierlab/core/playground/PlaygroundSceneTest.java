package org.classifierlab.core.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.classifierlab.core.knn.LabeledPoints;
import org.junit.jupiter.api.Test;

class PlaygroundSceneTest {

    private static PlaygroundScene scene() {
        return new PlaygroundScene(List.of(
                new PlaygroundPoint(0.1, 0.2, 0, false),
                new PlaygroundPoint(0.3, 0.4, 1, true),
                new PlaygroundPoint(0.5, 0.6, 2, false),
                new PlaygroundPoint(0.7, 0.8, 1, true)), 3);
    }

    @Test
    void splitsIntoTrainingAndTestPointsInSceneOrder() {
        PlaygroundScene s = scene();
        assertThat(s.training()).isEqualTo(new LabeledPoints(new double[] {0.1, 0.5}, new double[] {0.2, 0.6},
                new int[] {0, 2}, 3));
        assertThat(s.test()).isEqualTo(new LabeledPoints(new double[] {0.3, 0.7}, new double[] {0.4, 0.8},
                new int[] {1, 1}, 3));
        assertThat(s.trainingIndices()).containsExactly(0, 2);
        assertThat(s.testIndices()).containsExactly(1, 3);
        assertThat(s.size()).isEqualTo(4);
    }

    @Test
    void editsReturnNewScenes() {
        PlaygroundScene s = scene();
        PlaygroundScene moved = s.withPoint(1, new PlaygroundPoint(-0.5, -0.5, 0, false));
        assertThat(moved.points().get(1)).isEqualTo(new PlaygroundPoint(-0.5, -0.5, 0, false));
        assertThat(moved.trainingIndices()).containsExactly(0, 1, 2);
        assertThat(s.points().get(1).test()).isTrue();

        PlaygroundScene added = s.withAdded(new PlaygroundPoint(0.9, 0.9, 2, false));
        assertThat(added.size()).isEqualTo(5);
        assertThat(added.trainingIndices()).containsExactly(0, 2, 4);

        PlaygroundScene removed = s.without(0);
        assertThat(removed.points()).extracting(PlaygroundPoint::x).containsExactly(0.3, 0.5, 0.7);
        assertThat(removed.trainingIndices()).containsExactly(1);
        assertThatThrownBy(() -> s.without(4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.withAdded(new PlaygroundPoint(0, 0, 3, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label must be in [0, 3)");
    }

    @Test
    void pointListIsCopiedAndUnmodifiable() {
        List<PlaygroundPoint> list = new ArrayList<>(scene().points());
        PlaygroundScene s = new PlaygroundScene(list, 3);
        list.clear();
        assertThat(s.size()).isEqualTo(4);
        assertThatThrownBy(() -> s.points().add(new PlaygroundPoint(0, 0, 0, false)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void testSplitMarksTheRoundedFractionDeterministically() {
        PlaygroundScene all = PlaygroundScene.of(PointGenerator.generate(
                new GeneratorSettings(Distribution.UNIFORM, 3, 50, 0, 3)));
        assertThat(all.testIndices()).isEmpty();
        PlaygroundScene split = all.withTestSplit(0.25, 11);
        // round(0.25 × 50) = round(12.5) = 13
        assertThat(split.testIndices()).hasSize(13);
        assertThat(split.trainingIndices()).hasSize(37);
        assertThat(all.withTestSplit(0.25, 11)).isEqualTo(split);
        assertThat(all.withTestSplit(0.25, 12).testIndices()).isNotEqualTo(split.testIndices());
        assertThat(split.withTestSplit(0, 11).testIndices()).isEmpty();
        assertThat(split.withTestSplit(1, 11).trainingIndices()).isEmpty();
        for (int i = 0; i < 50; i++) {
            assertThat(split.points().get(i).x()).isEqualTo(all.points().get(i).x());
            assertThat(split.points().get(i).label()).isEqualTo(all.points().get(i).label());
        }
        assertThatThrownBy(() -> all.withTestSplit(1.5, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fraction must be between 0 and 1, was 1.5");
    }

    @Test
    void ofMakesEveryPointATrainingPoint() {
        LabeledPoints pts = new LabeledPoints(new double[] {1, 2}, new double[] {3, 4}, new int[] {1, 0}, 2);
        PlaygroundScene s = PlaygroundScene.of(pts);
        assertThat(s.classCount()).isEqualTo(2);
        assertThat(s.points()).containsExactly(new PlaygroundPoint(1, 3, 1, false), new PlaygroundPoint(2, 4, 0, false));
        assertThat(s.training()).isEqualTo(pts);
        assertThat(s.test().size()).isZero();
    }

    @Test
    void pointsAreValidated() {
        assertThatThrownBy(() -> new PlaygroundPoint(Double.NaN, 0, 0, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlaygroundPoint(0, 0, -1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PlaygroundPoint(1, 2, 0, false).at(3, 4).withLabel(2).withTest(true))
                .isEqualTo(new PlaygroundPoint(3, 4, 2, true));
        assertThatThrownBy(() -> new PlaygroundScene(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
