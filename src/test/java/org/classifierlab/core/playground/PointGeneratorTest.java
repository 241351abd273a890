package org.classifierlab.core.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.classifierlab.core.knn.LabeledPoints;
import org.junit.jupiter.api.Test;

class PointGeneratorTest {

    @Test
    void sameSettingsGiveTheSamePointsAndSeedsMatter() {
        for (Distribution d : Distribution.values()) {
            GeneratorSettings s = new GeneratorSettings(d, 3, 200, 0.4, 7);
            assertThat(PointGenerator.generate(s)).as(d.name()).isEqualTo(PointGenerator.generate(s));
            assertThat(PointGenerator.generate(s.withSeed(8))).as(d.name()).isNotEqualTo(PointGenerator.generate(s));
        }
    }

    @Test
    void everyDistributionHonoursCountClassesAndBounds() {
        for (Distribution d : Distribution.values()) {
            for (int classes = 2; classes <= 7; classes++) {
                for (double noise : new double[] {0.0, 0.5, 1.0}) {
                    LabeledPoints p = PointGenerator.generate(new GeneratorSettings(d, classes, 301, noise, 3));
                    assertThat(p.size()).isEqualTo(301);
                    assertThat(p.classCount()).isEqualTo(classes);
                    int[] perClass = new int[classes];
                    for (int i = 0; i < p.size(); i++) {
                        assertThat(p.x(i)).isBetween(-1.0, 1.0);
                        assertThat(p.y(i)).isBetween(-1.0, 1.0);
                        assertThat(p.label(i)).isEqualTo(i % classes);
                        perClass[p.label(i)]++;
                    }
                    for (int c = 0; c < classes; c++) {
                        assertThat(perClass[c]).isBetween(301 / classes, 301 / classes + 1);
                    }
                }
            }
        }
    }

    @Test
    void noiselessCirclesLieOnTheirRings() {
        LabeledPoints p = PointGenerator.generate(new GeneratorSettings(Distribution.CIRCLES, 3, 30, 0, 1));
        for (int i = 0; i < p.size(); i++) {
            double radius = Math.hypot(p.x(i), p.y(i));
            assertThat(radius).isCloseTo(0.3 * (p.label(i) + 1), within(1e-12));
        }
    }

    @Test
    void noiselessCheckerboardPointsSitInCellsOfTheirClass() {
        LabeledPoints p = PointGenerator.generate(new GeneratorSettings(Distribution.CHECKERBOARD, 2, 400, 0, 5));
        for (int i = 0; i < p.size(); i++) {
            int col = Math.min(3, (int) Math.floor((p.x(i) + 1) / 0.5));
            int row = Math.min(3, (int) Math.floor((p.y(i) + 1) / 0.5));
            assertThat((col + row) % 2).isEqualTo(p.label(i));
        }
    }

    @Test
    void noiselessTwoMoonsAreTheScaledHalfCircles() {
        // scale 1.8 / 3 = 0.6: class 0 is the upper arc around (-0.3, -0.15), class 1 the lower arc
        // around (0.3, 0.15), both of radius 0.6
        LabeledPoints p = PointGenerator.generate(new GeneratorSettings(Distribution.TWO_MOONS, 2, 100, 0, 2));
        for (int i = 0; i < p.size(); i++) {
            double cx = p.label(i) == 0 ? -0.3 : 0.3;
            double cy = p.label(i) == 0 ? -0.15 : 0.15;
            assertThat(Math.hypot(p.x(i) - cx, p.y(i) - cy)).isCloseTo(0.6, within(1e-12));
            if (p.label(i) == 0) {
                assertThat(p.y(i)).isGreaterThanOrEqualTo(cy - 1e-12);
            } else {
                assertThat(p.y(i)).isLessThanOrEqualTo(cy + 1e-12);
            }
        }
    }

    @Test
    void gaussianClustersAreCentredOnACircle() {
        LabeledPoints p = PointGenerator.generate(new GeneratorSettings(Distribution.GAUSSIAN_CLUSTERS, 4, 4000, 0.05, 9));
        double[] sx = new double[4];
        double[] sy = new double[4];
        for (int i = 0; i < p.size(); i++) {
            sx[p.label(i)] += p.x(i);
            sy[p.label(i)] += p.y(i);
        }
        for (int c = 0; c < 4; c++) {
            assertThat(Math.hypot(sx[c] / 1000, sy[c] / 1000)).isCloseTo(0.5, within(0.01));
        }
        // neighbouring centres are a quarter turn apart
        double a0 = Math.atan2(sy[0], sx[0]);
        double a1 = Math.atan2(sy[1], sx[1]);
        double turn = Math.IEEEremainder(a1 - a0, 2 * Math.PI);
        assertThat(turn).isCloseTo(Math.PI / 2, within(0.02));
    }

    @Test
    void settingsAreValidatedWithClearMessages() {
        assertThatThrownBy(() -> new GeneratorSettings(Distribution.UNIFORM, 1, 10, 0.1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("classes must be between 2 and 7, was 1");
        assertThatThrownBy(() -> new GeneratorSettings(Distribution.UNIFORM, 8, 10, 0.1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("classes must be between 2 and 7, was 8");
        assertThatThrownBy(() -> new GeneratorSettings(Distribution.UNIFORM, 2, 1, 0.1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("count must be between 2 and 5000, was 1");
        assertThatThrownBy(() -> new GeneratorSettings(Distribution.UNIFORM, 2, 5001, 0.1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("count must be between 2 and 5000, was 5001");
        assertThatThrownBy(() -> new GeneratorSettings(Distribution.UNIFORM, 2, 10, -0.1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("noise must be between 0 and 1, was -0.1");
        assertThatThrownBy(() -> new GeneratorSettings(Distribution.UNIFORM, 2, 10, Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noise");
        assertThatThrownBy(() -> new GeneratorSettings(null, 2, 10, 0.1, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void defaultsResembleTheCs231nDemo() {
        GeneratorSettings d = GeneratorSettings.defaults();
        assertThat(d).isEqualTo(new GeneratorSettings(Distribution.GAUSSIAN_CLUSTERS, 4, 40, 0.3, 1));
        assertThat(d.withCount(100).count()).isEqualTo(100);
        assertThat(d.withClasses(3).withNoise(0.5).withDistribution(Distribution.SPIRALS))
                .isEqualTo(new GeneratorSettings(Distribution.SPIRALS, 3, 40, 0.5, 1));
        assertThat(Distribution.CHECKERBOARD.label()).isEqualTo("XOR / checkerboard");
        assertThat(Distribution.CIRCLES.label()).isEqualTo("Concentric circles");
    }
}
