package org.classifierlab.app.gallery;

import java.util.Objects;

import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.ImageDataset;

/**
 * The image whose neighbours the gallery shows: a test image, a training image (whose neighbours then leave it
 * out) or the user's own image reduced to the dataset's shape. Immutable (the pixels are never written); any thread.
 *
 * @param source where the image comes from
 * @param index  its index in the test or training set; -1 for the user's own image
 * @param pixels the image as one CHW uint8 row of the dataset's shape
 * @param label  its class, -1 when unknown (the user's own image)
 * @param name   what the user sees, e.g. "test #12" or the file name
 */
public record Query(Source source, int index, byte[] pixels, int label, String name) {

    /** Where a query image comes from. */
    public enum Source { TEST, TRAIN, FILE }

    public Query {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(name, "name");
    }

    /** Test image {@code i} of {@code d}. */
    public static Query test(Dataset d, int i) {
        return of(Source.TEST, d.test(), i, "test #" + i);
    }

    /** Training image {@code i} of {@code d}. */
    public static Query train(Dataset d, int i) {
        return of(Source.TRAIN, d.train(), i, "training #" + i);
    }

    /** The user's own image, already reduced to the dataset's shape. */
    public static Query file(String name, byte[] pixels) {
        return new Query(Source.FILE, -1, pixels, -1, name);
    }

    private static Query of(Source source, ImageDataset set, int i, String name) {
        int dim = set.dim();
        byte[] row = new byte[dim];
        System.arraycopy(set.pixelsShared(), Math.multiplyExact(Objects.checkIndex(i, set.size()), dim), row, 0, dim);
        return new Query(source, i, row, set.label(i), name);
    }

    /** The training row to leave out of the search: this image itself when it is a training image, else -1. */
    public int excludedTrainRow() {
        return source == Source.TRAIN ? index : -1;
    }

    /** Same image from the same place (pixels compared only for the user's own images). */
    public boolean sameAs(Query o) {
        return o != null && source == o.source && index == o.index
                && (source != Source.FILE || java.util.Arrays.equals(pixels, o.pixels));
    }
}
