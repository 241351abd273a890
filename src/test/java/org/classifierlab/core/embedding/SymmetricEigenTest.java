package org.classifierlab.core.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void twoByTwoHasItsKnownEigenpairs() {
        // [[2, 1], [1, 2]]: 3 along (1, 1)/√2, 1 along (1, −1)/√2
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
        assertThat(e.values()).containsExactly(new double[] {3, 1}, within(1e-12));
        double[] v = e.vector(0);
        assertThat(Math.abs(v[0])).isCloseTo(Math.sqrt(0.5), within(1e-12));
        assertThat(v[0] * v[1]).isPositive();
    }

    @Test
    void reconstructsAMatrixFromItsEigenpairs() {
        double[][] a = {{4, -2, 1, 0}, {-2, 3, 0.5, 1}, {1, 0.5, 5, -1}, {0, 1, -1, 2}};
        SymmetricEigen e = SymmetricEigen.of(a);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double s = 0;
                for (int k = 0; k < 4; k++) {
                    s += e.value(k) * e.vector(k)[i] * e.vector(k)[j];
                }
                assertThat(s).isCloseTo(a[i][j], within(1e-10));
            }
        }
        assertThat(e.value(0)).isGreaterThanOrEqualTo(e.value(1));
        assertThat(e.value(0) + e.value(1) + e.value(2) + e.value(3)).isCloseTo(14, within(1e-10));
    }
}
