package org.classifierlab.core.knn;

import java.util.Arrays;
import java.util.Objects;

/**
 * Rows of finite float values, row-major; wraps {@code data} without copying. Immutable view; any
 * thread, as long as nobody writes the array while it is in use.
 *
 * @param data row-major values, all finite; exactly {@code rows * cols} long
 * @param rows number of rows, at least 0
 * @param cols number of values per row, at least 1
 */
public record FloatMatrix(float[] data, int rows, int cols) {

    public FloatMatrix {
        Objects.requireNonNull(data, "data");
        if (rows < 0 || cols < 1) {
            throw new IllegalArgumentException("need rows ≥ 0 and cols ≥ 1, got " + rows + " × " + cols);
        }
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("data has " + data.length + " values, " + rows + " × " + cols
                    + " needs " + (long) rows * cols);
        }
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                throw new IllegalArgumentException("value " + i + " (row " + i / cols + ") is not finite: " + data[i]);
            }
        }
    }

    /** The value at ({@code row}, {@code col}). */
    public float get(int row, int col) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return data[row * cols + col];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FloatMatrix m && rows == m.rows && cols == m.cols && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "FloatMatrix[" + rows + " × " + cols + "]";
    }
}
