package org.classifierlab.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.classifierlab.core.knn.Permutation;

/**
 * Labelled uint8 images stored as one byte array, each image planar channel-major (CHW: all of channel 0
 * row by row, then channel 1, …), as CIFAR stores them. Immutable once built (nobody may write the array
 * returned by {@link #pixelsShared()}); any thread.
 */
public final class ImageDataset {

    private static final long ARRAY_HEADER_BYTES = 16;
    private static final long STRING_BYTES = 56;

    private final String name;
    private final int channels;
    private final int height;
    private final int width;
    private final byte[] pixels;
    private final int[] labels;
    private final List<String> classNames;
    private final String source;

    /**
     * Takes ownership of {@code pixels} and {@code labels} without copying them: the caller must not
     * change them afterwards.
     *
     * @param channels   1 (grey) or 3 (red, green, blue planes)
     * @param pixels     {@code labels.length · channels · height · width} bytes, image after image, each CHW
     * @param labels     class of each image, in {@code [0, classNames.size())}
     * @param classNames one name per class, at least one
     * @param source     where the images came from, for display (a path, an archive entry, "bundled sample")
     */
    public ImageDataset(String name, int channels, int height, int width, byte[] pixels, int[] labels,
            List<String> classNames, String source) {
        this.name = Objects.requireNonNull(name, "name");
        this.pixels = Objects.requireNonNull(pixels, "pixels");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.classNames = List.copyOf(Objects.requireNonNull(classNames, "classNames"));
        this.source = Objects.requireNonNull(source, "source");
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, was " + channels);
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("height and width must be positive, were " + height + " and " + width);
        }
        if (this.classNames.isEmpty()) {
            throw new IllegalArgumentException("classNames must not be empty");
        }
        long expected = (long) labels.length * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException("pixels must hold " + labels.length + " images of " + channels + "×"
                    + height + "×" + width + " = " + expected + " bytes, has " + pixels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= this.classNames.size()) {
                throw new IllegalArgumentException("label of image " + i + " must be in [0, " + this.classNames.size()
                        + "), was " + labels[i]);
            }
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    /** Display name, e.g. "CIFAR-10 train". */
    public String name() {
        return name;
    }

    /** Where the images came from (a path, an archive entry, the bundled sample). */
    public String source() {
        return source;
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** 1 (grey) or 3 (RGB planes). */
    public int channels() {
        return channels;
    }

    /** Image height in pixels. */
    public int height() {
        return height;
    }

    /** Image width in pixels. */
    public int width() {
        return width;
    }

    /** Bytes per image: channels · height · width (3,072 for CIFAR, 784 for MNIST). */
    public int dim() {
        return channels * height * width;
    }

    /** Class of image {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** A copy of all labels. */
    public int[] labels() {
        return labels.clone();
    }

    /** The class names, index = label; unmodifiable. */
    public List<String> classNames() {
        return classNames;
    }

    /** Number of classes. */
    public int classCount() {
        return classNames.size();
    }

    /**
     * The backing array, not a copy, so the distance engine can scan it without 184 MB of copies: image
     * {@code i} is {@code [i · dim(), (i + 1) · dim())}. Read-only by convention; never write to it.
     */
    public byte[] pixelsShared() {
        return pixels;
    }

    /** All images as one matrix row each, sharing {@link #pixelsShared()} (no copy), for the distance engine. */
    public org.classifierlab.core.knn.ByteMatrix rows() {
        return new org.classifierlab.core.knn.ByteMatrix(pixels, labels.length, dim());
    }

    /**
     * Image {@code i} as opaque {@code 0xAARRGGBB} pixels, row-major ({@code y · width + x}), grey for one
     * channel: for thumbnails. A new array each call.
     */
    public int[] argb(int i) {
        Objects.checkIndex(i, labels.length);
        int plane = height * width;
        int base = i * dim();
        int[] out = new int[plane];
        if (channels == 1) {
            for (int p = 0; p < plane; p++) {
                int v = pixels[base + p] & 0xFF;
                out[p] = 0xFF000000 | v << 16 | v << 8 | v;
            }
        } else {
            for (int p = 0; p < plane; p++) {
                int r = pixels[base + p] & 0xFF;
                int g = pixels[base + plane + p] & 0xFF;
                int b = pixels[base + 2 * plane + p] & 0xFF;
                out[p] = 0xFF000000 | r << 16 | g << 8 | b;
            }
        }
        return out;
    }

    /** The images at {@code indices}, in that order (repeats allowed), copied into new arrays. */
    public ImageDataset subset(int[] indices) {
        int d = dim();
        byte[] px = new byte[Math.multiplyExact(indices.length, d)];
        int[] lb = new int[indices.length];
        for (int j = 0; j < indices.length; j++) {
            int i = Objects.checkIndex(indices[j], labels.length);
            System.arraycopy(pixels, i * d, px, j * d, d);
            lb[j] = labels[i];
        }
        return new ImageDataset(name, channels, height, width, px, lb, classNames, source);
    }

    /** The first {@code n} images (0 ≤ n ≤ size()). */
    public ImageDataset first(int n) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException("n must be in [0, " + size() + "], was " + n);
        }
        return new ImageDataset(name, channels, height, width, Arrays.copyOf(pixels, n * dim()),
                Arrays.copyOf(labels, n), classNames, source);
    }

    /**
     * The images of the given classes, in dataset order, relabelled {@code 0 … classes.length − 1} in the
     * order given; the result's class names are those classes' names. E.g. {@code ofClasses(3, 5)} keeps
     * cats (new label 0) and dogs (new label 1).
     */
    public ImageDataset ofClasses(int... classes) {
        if (classes.length == 0) {
            throw new IllegalArgumentException("at least one class is needed");
        }
        int[] newLabel = new int[classNames.size()];
        Arrays.fill(newLabel, -1);
        List<String> names = new ArrayList<>(classes.length);
        for (int k = 0; k < classes.length; k++) {
            int c = Objects.checkIndex(classes[k], classNames.size());
            if (newLabel[c] >= 0) {
                throw new IllegalArgumentException("class " + c + " is given twice");
            }
            newLabel[c] = k;
            names.add(classNames.get(c));
        }
        int count = 0;
        for (int label : labels) {
            if (newLabel[label] >= 0) {
                count++;
            }
        }
        int d = dim();
        byte[] px = new byte[Math.multiplyExact(count, d)];
        int[] lb = new int[count];
        int j = 0;
        for (int i = 0; i < labels.length; i++) {
            if (newLabel[labels[i]] >= 0) {
                System.arraycopy(pixels, i * d, px, j * d, d);
                lb[j++] = newLabel[labels[i]];
            }
        }
        return new ImageDataset(name, channels, height, width, px, lb, names, source);
    }

    /**
     * {@code n} distinct images drawn at random: the first {@code n} of {@link Permutation#shuffled(int, long)},
     * so the same seed gives the same sample everywhere.
     */
    public ImageDataset sample(int n, long seed) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException("n must be in [0, " + size() + "], was " + n);
        }
        return subset(Arrays.copyOf(Permutation.shuffled(size(), seed), n));
    }

    /** Number of images of each class, index = label. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** Approximate heap taken by this dataset: its two arrays plus the class names. */
    public long heapBytes() {
        long names = 0;
        for (String n : classNames) {
            names += STRING_BYTES + n.length();
        }
        return ARRAY_HEADER_BYTES + pixels.length + ARRAY_HEADER_BYTES + 4L * labels.length + names;
    }

    @Override
    public String toString() {
        return "ImageDataset[" + name + ": " + size() + " images of " + channels + "×" + height + "×" + width
                + ", " + classCount() + " classes, from " + source + "]";
    }
}
