package org.classifierlab.core.knn;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.classifierlab.core.Progress;

/**
 * Every distance between some query rows (test images) and some reference rows (training images), as the
 * CS231n notebook's {@code dists} matrix, with its range for a grey picture (black = smallest distance, white =
 * largest, as {@code plt.imshow} normalises). Immutable (nobody writes the array of {@link #valuesShared()});
 * any thread.
 */
public final class PairwiseDistances {

    /** Query rows per call of {@link DistanceEngine#distanceMatrix}: between calls progress is told and Cancel polled. */
    static final int CHUNK_ROWS = 64;

    private final int rows;
    private final int cols;
    private final Metric metric;
    private final float[] values;
    private final float min;
    private final float max;

    private PairwiseDistances(int rows, int cols, Metric metric, float[] values) {
        this.rows = rows;
        this.cols = cols;
        this.metric = metric;
        this.values = values;
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        this.min = values.length == 0 ? 0 : lo;
        this.max = values.length == 0 ? 0 : hi;
    }

    /**
     * The distances of every query to every reference, {@code CHUNK_ROWS} queries at a time on all cores
     * ({@link DistanceEngine#distanceMatrix}: uint8 distances exact, rounded once to float).
     *
     * @param progress  told the number of query rows done after each chunk, on the calling thread
     * @param cancelled polled before each chunk
     * @throws IllegalArgumentException if the column counts differ or the matrix would not fit one array
     * @throws CancellationException    if {@code cancelled} turned true
     */
    public static PairwiseDistances compute(ByteMatrix queries, ByteMatrix refs, Metric metric, Progress progress,
                                            BooleanSupplier cancelled) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        if (queries.cols() != refs.cols()) {
            throw new IllegalArgumentException("queries have " + queries.cols() + " columns, references " + refs.cols());
        }
        long size = (long) queries.rows() * refs.rows();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(queries.rows() + " × " + refs.rows() + " distances do not fit one array");
        }
        float[] out = new float[(int) size];
        for (int q0 = 0; q0 < queries.rows(); q0 += CHUNK_ROWS) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("distance matrix cancelled");
            }
            int q1 = Math.min(queries.rows(), q0 + CHUNK_ROWS);
            float[] part = DistanceEngine.distanceMatrix(queries.copyRows(q0, q1), refs, metric);
            System.arraycopy(part, 0, out, q0 * refs.rows(), part.length);
            progress.update(q1, queries.rows(), "Distances of test images " + (q0 + 1) + "–" + q1);
        }
        return new PairwiseDistances(queries.rows(), refs.rows(), metric, out);
    }

    /** Number of query rows (test images). */
    public int rows() {
        return rows;
    }

    /** Number of reference columns (training images). */
    public int cols() {
        return cols;
    }

    public Metric metric() {
        return metric;
    }

    /** Distance of query {@code i} to reference {@code j}, as float. */
    public float distance(int i, int j) {
        Objects.checkIndex(i, rows);
        Objects.checkIndex(j, cols);
        return values[i * cols + j];
    }

    /** The backing array, row-major ({@code i · cols() + j}); read-only by convention. */
    public float[] valuesShared() {
        return values;
    }

    /** The smallest distance (0 for an empty matrix). */
    public float min() {
        return min;
    }

    /** The largest distance (0 for an empty matrix). */
    public float max() {
        return max;
    }

    /** Grey level 0 (black, {@link #min()}) … 255 (white, {@link #max()}) of a distance, linear; 0 if all are equal. */
    public int grey(float d) {
        if (!(max > min)) {
            return 0;
        }
        return (int) Math.round(255.0 * ((double) d - min) / ((double) max - min));
    }

    /** {@link #grey(float)} of entry (i, j). */
    public int grey(int i, int j) {
        return grey(distance(i, j));
    }

    /**
     * The exact distance of image {@code a} of {@code aPixels} and image {@code b} of {@code bPixels}, uint8 rows
     * of {@code dim} bytes: integer sums for L1 and L∞, the square root of the integer sum of squares for L2.
     */
    public static double exactDistance(byte[] aPixels, int a, byte[] bPixels, int b, int dim, Metric metric) {
        int ao = Math.multiplyExact(a, dim);
        int bo = Math.multiplyExact(b, dim);
        long sum = 0;
        int worst = 0;
        for (int c = 0; c < dim; c++) {
            int d = Math.abs((aPixels[ao + c] & 0xFF) - (bPixels[bo + c] & 0xFF));
            switch (metric) {
                case L1 -> sum += d;
                case L2 -> sum += (long) d * d;
                case LINF -> worst = Math.max(worst, d);
            }
        }
        return switch (metric) {
            case L1 -> sum;
            case L2 -> Math.sqrt(sum);
            case LINF -> worst;
        };
    }

    /** Positions 0 … n − 1 sorted by label, stable (within a class in index order): the "order by class" view. */
    public static int[] classOrder(int[] labels) {
        return IntStream.range(0, labels.length).boxed()
                .sorted((x, y) -> Integer.compare(labels[x], labels[y]))
                .mapToInt(Integer::intValue).toArray();
    }
}
