package org.classifierlab.core.knn;

import java.util.Arrays;
import java.util.Objects;

/**
 * Rows of unsigned 8-bit values (e.g. image pixels), row-major; wraps {@code data} without copying.
 * Immutable view; any thread, as long as nobody writes the array while it is in use.
 *
 * @param data row-major values, read as unsigned ({@code data[r * cols + c] & 0xFF}); exactly
 *             {@code rows * cols} long
 * @param rows number of rows, at least 0
 * @param cols number of values per row, at least 1
 */
public record ByteMatrix(byte[] data, int rows, int cols) {

    public ByteMatrix {
        Objects.requireNonNull(data, "data");
        if (rows < 0 || cols < 1) {
            throw new IllegalArgumentException("need rows ≥ 0 and cols ≥ 1, got " + rows + " × " + cols);
        }
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("data has " + data.length + " values, " + rows + " × " + cols
                    + " needs " + (long) rows * cols);
        }
    }

    /** The value at ({@code row}, {@code col}) in [0, 255]. */
    public int get(int row, int col) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return data[row * cols + col] & 0xFF;
    }

    /** Rows [{@code from}, {@code to}) as a new matrix with a copy of their values. */
    public ByteMatrix copyRows(int from, int to) {
        Objects.checkFromToIndex(from, to, rows);
        byte[] copy = new byte[(to - from) * cols];
        System.arraycopy(data, from * cols, copy, 0, copy.length);
        return new ByteMatrix(copy, to - from, cols);
    }

    /** The rows at {@code order}, in that order (repeats allowed), as a new matrix. */
    public ByteMatrix copyRows(int[] order) {
        Objects.requireNonNull(order, "order");
        byte[] copy = new byte[Math.multiplyExact(order.length, cols)];
        for (int i = 0; i < order.length; i++) {
            Objects.checkIndex(order[i], rows);
            System.arraycopy(data, order[i] * cols, copy, i * cols, cols);
        }
        return new ByteMatrix(copy, order.length, cols);
    }

    /** The same values as floats, in a new array. */
    public FloatMatrix toFloat() {
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = data[i] & 0xFF;
        }
        return new FloatMatrix(f, rows, cols);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteMatrix m && rows == m.rows && cols == m.cols && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ByteMatrix[" + rows + " × " + cols + "]";
    }
}
