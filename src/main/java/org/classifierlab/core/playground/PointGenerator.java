package org.classifierlab.core.playground;

import java.util.Arrays;
import java.util.Random;
import org.classifierlab.core.knn.LabeledPoints;

/**
 * Draws toy data sets inside the world square [-1, 1] × [-1, 1] (y up). Point i belongs to class
 * {@code i % classes}, so classes are as balanced as possible; the same settings always give the
 * same points ({@link java.util.Random}, whose algorithm is specified). Stateless; any thread.
 */
public final class PointGenerator {

    private static final double CLUSTER_RADIUS = 0.5;
    private static final double CLUSTER_MIN_SIGMA = 0.02;
    private static final double CLUSTER_SIGMA_PER_NOISE = 0.5;
    private static final double MOON_SIGMA_PER_NOISE = 0.35;
    private static final double RING_OUTER_RADIUS = 0.9;
    private static final double SPIRAL_TURN = 3.5;
    private static final double SPIRAL_SIGMA_PER_NOISE = 0.6;
    private static final int BOARD_CELLS = 4;
    private static final double BOARD_SIGMA_PER_NOISE = 0.15;
    private static final int RESAMPLE_ATTEMPTS = 32;

    private PointGenerator() {
    }

    /** Generates the points described by {@code s}. */
    public static LabeledPoints generate(GeneratorSettings s) {
        int n = s.count();
        int classes = s.classes();
        double[] x = new double[n];
        double[] y = new double[n];
        int[] label = new int[n];
        Random random = new Random(s.seed());
        Shape shape = shape(s, random);
        double[] xy = new double[2];
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            shape.place(c, random, xy);
            x[i] = clamp(xy[0]);
            y[i] = clamp(xy[1]);
            label[i] = c;
        }
        return new LabeledPoints(x, y, label, classes);
    }

    /** Writes one point of class c into xy[0], xy[1]. */
    private interface Shape {
        void place(int c, Random random, double[] xy);
    }

    private static Shape shape(GeneratorSettings s, Random random) {
        int classes = s.classes();
        double noise = s.noise();
        return switch (s.distribution()) {
            case GAUSSIAN_CLUSTERS -> clusters(classes, noise, random.nextDouble() * 2 * Math.PI);
            case UNIFORM -> (c, r, xy) -> {
                xy[0] = uniform(r);
                xy[1] = uniform(r);
            };
            case TWO_MOONS -> moons(classes, noise);
            case CIRCLES -> circles(classes, noise);
            case SPIRALS -> spirals(classes, noise);
            case CHECKERBOARD -> board(classes, noise);
        };
    }

    private static Shape clusters(int classes, double noise, double phase) {
        double sigma = CLUSTER_MIN_SIGMA + CLUSTER_SIGMA_PER_NOISE * noise;
        return (c, r, xy) -> {
            double angle = phase + 2 * Math.PI * c / classes;
            jitter(CLUSTER_RADIUS * Math.cos(angle), CLUSTER_RADIUS * Math.sin(angle), sigma, r, xy);
        };
    }

    /**
     * Class c is a half circle of radius 1 around (c, (c mod 2) / 2), upper for even c and lower for
     * odd c; the chain is centred and scaled into the square.
     */
    private static Shape moons(int classes, double noise) {
        double scale = 1.8 / (classes + 1);
        double centreX = (classes - 1) / 2.0;
        double centreY = 0.25;
        return (c, r, xy) -> {
            double t = r.nextDouble() * Math.PI;
            double mx = c % 2 == 0 ? c + Math.cos(t) : c - Math.cos(t);
            double my = c % 2 == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
            jitter((mx - centreX) * scale, (my - centreY) * scale, MOON_SIGMA_PER_NOISE * noise * scale, r, xy);
        };
    }

    private static Shape circles(int classes, double noise) {
        double spacing = RING_OUTER_RADIUS / classes;
        double sigma = 0.5 * spacing * noise;
        return (c, r, xy) -> {
            double radius = spacing * (c + 1);
            double angle = r.nextDouble() * 2 * Math.PI;
            jitter(radius * Math.cos(angle), radius * Math.sin(angle), sigma, r, xy);
        };
    }

    private static Shape spirals(int classes, double noise) {
        return (c, r, xy) -> {
            double u = r.nextDouble();
            double radius = 0.05 + 0.85 * u;
            double angle = 2 * Math.PI * c / classes + SPIRAL_TURN * u
                    + r.nextGaussian() * SPIRAL_SIGMA_PER_NOISE * noise;
            xy[0] = radius * Math.cos(angle);
            xy[1] = radius * Math.sin(angle);
        };
    }

    /** Cell (i, j) of a 4 × 4 board over the square belongs to class (i + j) mod classes. */
    private static Shape board(int classes, double noise) {
        int[][] cells = new int[classes][];
        for (int c = 0; c < classes; c++) {
            int found = 0;
            int[] list = new int[BOARD_CELLS * BOARD_CELLS];
            for (int cell = 0; cell < list.length; cell++) {
                if ((cell % BOARD_CELLS + cell / BOARD_CELLS) % classes == c) {
                    list[found++] = cell;
                }
            }
            cells[c] = Arrays.copyOf(list, found);
        }
        double side = 2.0 / BOARD_CELLS;
        double sigma = BOARD_SIGMA_PER_NOISE * noise;
        return (c, r, xy) -> {
            int cell = cells[c][r.nextInt(cells[c].length)];
            double cx = -1 + side * (cell % BOARD_CELLS + r.nextDouble());
            double cy = -1 + side * (cell / BOARD_CELLS + r.nextDouble());
            jitter(cx, cy, sigma, r, xy);
        };
    }

    /** A Gaussian offset of (cx, cy), redrawn until it lies in the square (clamped after 32 tries). */
    private static void jitter(double cx, double cy, double sigma, Random r, double[] xy) {
        double px = cx;
        double py = cy;
        if (sigma > 0) {
            for (int attempt = 0; attempt < RESAMPLE_ATTEMPTS; attempt++) {
                px = cx + sigma * r.nextGaussian();
                py = cy + sigma * r.nextGaussian();
                if (Math.abs(px) <= 1 && Math.abs(py) <= 1) {
                    break;
                }
            }
        }
        xy[0] = px;
        xy[1] = py;
    }

    private static double uniform(Random r) {
        return 2 * r.nextDouble() - 1;
    }

    private static double clamp(double v) {
        return Math.max(-1.0, Math.min(1.0, v));
    }
}
