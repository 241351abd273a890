package org.classifierlab.core.knn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabeledPointsTest {

    private static LabeledPoints three() {
        return new LabeledPoints(new double[] {1, 2, 3}, new double[] {4, 5, 6}, new int[] {0, 1, 2}, 3);
    }

    @Test
    void copiesArraysOnTheWayInAndOut() {
        double[] x = {1, 2};
        LabeledPoints p = new LabeledPoints(x, new double[] {3, 4}, new int[] {0, 1}, 2);
        x[0] = 99;
        p.x()[1] = 99;
        p.label()[0] = 1;
        assertThat(p.x()).containsExactly(1, 2);
        assertThat(p.label(0)).isZero();
        assertThat(p.size()).isEqualTo(2);
        assertThat(p.y(1)).isEqualTo(4.0);
    }

    @Test
    void equalityComparesContents() {
        assertThat(three()).isEqualTo(three()).hasSameHashCodeAs(three());
        assertThat(three()).isNotEqualTo(new LabeledPoints(new double[] {1, 2, 3}, new double[] {4, 5, 6},
                new int[] {0, 1, 1}, 3));
        assertThat(three()).isNotEqualTo(new LabeledPoints(new double[] {1, 2, 3}, new double[] {4, 5, 6},
                new int[] {0, 1, 2}, 4));
        assertThat(three().toString()).contains("size=3", "classCount=3", "(1.0, 4.0):0");
    }

    @Test
    void subsetAndWithout() {
        LabeledPoints s = three().subset(new int[] {2, 0, 2});
        assertThat(s.x()).containsExactly(3, 1, 3);
        assertThat(s.label()).containsExactly(2, 0, 2);
        assertThat(s.classCount()).isEqualTo(3);
        LabeledPoints w = three().without(1);
        assertThat(w.x()).containsExactly(1, 3);
        assertThat(w.y()).containsExactly(4, 6);
        assertThat(w.label()).containsExactly(0, 2);
        assertThatThrownBy(() -> three().without(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> three().subset(new int[] {-1})).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void validatesItsInput() {
        assertThatThrownBy(() -> new LabeledPoints(new double[] {1}, new double[0], new int[] {0}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("equal lengths");
        assertThatThrownBy(() -> new LabeledPoints(new double[] {1}, new double[] {1}, new int[] {2}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label of point 0");
        assertThatThrownBy(() -> new LabeledPoints(new double[] {1}, new double[] {1}, new int[] {-1}, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LabeledPoints(new double[0], new double[0], new int[0], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classCount");
        assertThatThrownBy(() -> new LabeledPoints(new double[0], new double[0], new int[0], 256))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("255");
        assertThatThrownBy(() -> new LabeledPoints(new double[] {Double.NaN}, new double[] {1}, new int[] {0}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite");
        assertThat(new LabeledPoints(new double[0], new double[0], new int[0], 255).size()).isZero();
    }

    @Test
    void decisionMapReusesItsBuffersWhenShrinking() {
        DecisionMap map = new DecisionMap(10, 5);
        byte[] labels = map.labels();
        float[] confidence = map.confidence();
        assertThat(labels).hasSize(50);
        map.resize(5, 10);
        assertThat(map.labels()).isSameAs(labels);
        assertThat(map.confidence()).isSameAs(confidence);
        assertThat(map.width()).isEqualTo(5);
        assertThat(map.height()).isEqualTo(10);
        map.labels()[2 * 5 + 3] = 4;
        map.confidence()[2 * 5 + 3] = 0.75f;
        assertThat(map.labelAt(3, 2)).isEqualTo(4);
        assertThat(map.confidenceAt(3, 2)).isEqualTo(0.75f);
        map.resize(20, 5);
        assertThat(map.labels()).isNotSameAs(labels).hasSize(100);
        assertThatThrownBy(() -> map.labelAt(20, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new DecisionMap(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
