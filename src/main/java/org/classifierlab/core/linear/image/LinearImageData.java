package org.classifierlab.core.linear.image;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.classifierlab.core.data.ImageDataset;
import org.classifierlab.core.knn.Permutation;

/**
 * The data of CS231n assignment 1's svm and softmax notebooks: float32 rows, the first {@code sizes.train()}
 * training images for training, the next {@code sizes.validation()} for validation, the first
 * {@code sizes.test()} test images for testing and {@code sizes.dev()} training-split images drawn without
 * replacement ({@link Permutation#shuffled(int, long)} of the training split, seeded) as the dev set; the
 * mean image of the training split subtracted from every split; with the bias trick a last column of ones.
 * Pixels stay in the dataset's CHW order. Immutable; any thread.
 */
public final class LinearImageData {

    private final int channels;
    private final int height;
    private final int width;
    private final List<String> classNames;
    private final boolean biasTrick;
    private final double[] mean;
    private final Split train;
    private final Split validation;
    private final Split test;
    private final Split dev;

    private LinearImageData(ImageDataset like, boolean biasTrick, double[] mean, Split train, Split validation,
                            Split test, Split dev) {
        this.channels = like.channels();
        this.height = like.height();
        this.width = like.width();
        this.classNames = like.classNames();
        this.biasTrick = biasTrick;
        this.mean = mean;
        this.train = train;
        this.validation = validation;
        this.test = test;
        this.dev = dev;
    }

    /**
     * Cuts, converts and centres the splits (on all cores; about a second for full CIFAR-10).
     *
     * @throws IllegalArgumentException if the sets are too small for {@code sizes} or their images differ
     *                                  in shape or classes
     */
    public static LinearImageData prepare(ImageDataset train, ImageDataset test, SplitSizes sizes, boolean biasTrick,
                                          long devSeed) {
        Objects.requireNonNull(sizes, "sizes");
        if (train.channels() != test.channels() || train.height() != test.height() || train.width() != test.width()) {
            throw new IllegalArgumentException("training images are " + shape(train) + ", test images " + shape(test));
        }
        if (!train.classNames().equals(test.classNames())) {
            throw new IllegalArgumentException("training and test sets have different classes");
        }
        if (train.size() < sizes.train() + sizes.validation()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%s has %,d training images, the splits need %,d train + %,d validation", train.name(),
                    train.size(), sizes.train(), sizes.validation()));
        }
        if (test.size() < sizes.test()) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%s has %,d test images, the test split needs %,d", test.name(), test.size(), sizes.test()));
        }
        int pixelDim = train.dim();
        double[] mean = meanImage(train, sizes.train());
        Split tr = split("train", train, range(0, sizes.train()), false, mean, biasTrick);
        Split va = split("validation", train, range(sizes.train(), sizes.validation()), false, mean, biasTrick);
        Split te = split("test", test, range(0, sizes.test()), true, mean, biasTrick);
        int[] devRows = Arrays.copyOf(Permutation.shuffled(sizes.train(), devSeed), sizes.dev());
        int dim = pixelDim + (biasTrick ? 1 : 0);
        float[] dx = new float[sizes.dev() * dim];
        int[] dy = new int[sizes.dev()];
        for (int i = 0; i < devRows.length; i++) {
            System.arraycopy(tr.x(), devRows[i] * dim, dx, i * dim, dim);
            dy[i] = tr.y()[devRows[i]];
        }
        Split de = new Split("dev", dx, dy, sizes.dev(), dim, devRows, false);
        return new LinearImageData(train, biasTrick, mean, tr, va, te, de);
    }

    private static String shape(ImageDataset d) {
        return d.channels() + "×" + d.height() + "×" + d.width();
    }

    private static int[] range(int from, int count) {
        int[] r = new int[count];
        for (int i = 0; i < count; i++) {
            r[i] = from + i;
        }
        return r;
    }

    /** The mean of the first {@code n} images, pixel by pixel (exact sums of bytes, then one division). */
    private static double[] meanImage(ImageDataset d, int n) {
        int dim = d.dim();
        byte[] px = d.pixelsShared();
        int parts = Math.min(n, Workers.THREADS);
        long[][] sums = new long[parts][dim];
        Workers.forEach(parts, p -> {
            long[] s = sums[p];
            for (int i = p * n / parts; i < (p + 1) * n / parts; i++) {
                int o = i * dim;
                for (int j = 0; j < dim; j++) {
                    s[j] += px[o + j] & 0xFF;
                }
            }
        });
        double[] mean = new double[dim];
        for (int j = 0; j < dim; j++) {
            long s = 0;
            for (long[] part : sums) {
                s += part[j];
            }
            mean[j] = (double) s / n;
        }
        return mean;
    }

    private static Split split(String name, ImageDataset d, int[] source, boolean fromTest, double[] mean,
                               boolean biasTrick) {
        int pixelDim = d.dim();
        int dim = pixelDim + (biasTrick ? 1 : 0);
        int n = source.length;
        float[] x = new float[Math.multiplyExact(n, dim)];
        int[] y = new int[n];
        byte[] px = d.pixelsShared();
        int parts = Math.max(1, Math.min(n, 4 * Workers.THREADS));
        Workers.forEach(parts, p -> {
            for (int i = p * n / parts; i < (p + 1) * n / parts; i++) {
                convert(px, source[i] * pixelDim, mean, x, i * dim, biasTrick);
                y[i] = d.label(source[i]);
            }
        });
        return new Split(name, x, y, n, dim, source, fromTest);
    }

    private static void convert(byte[] px, int from, double[] mean, float[] out, int to, boolean biasTrick) {
        int pixelDim = mean.length;
        for (int j = 0; j < pixelDim; j++) {
            out[to + j] = (float) ((px[from + j] & 0xFF) - mean[j]);
        }
        if (biasTrick) {
            out[to + pixelDim] = 1f;
        }
    }

    public Split train() {
        return train;
    }

    public Split validation() {
        return validation;
    }

    public Split test() {
        return test;
    }

    public Split dev() {
        return dev;
    }

    /** Columns of every row: {@link #pixelDim()} plus one with the bias trick. */
    public int dim() {
        return pixelDim() + (biasTrick ? 1 : 0);
    }

    /** channels · height · width, CHW order. */
    public int pixelDim() {
        return mean.length;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public int classCount() {
        return classNames.size();
    }

    public List<String> classNames() {
        return classNames;
    }

    public boolean biasTrick() {
        return biasTrick;
    }

    /** The split sizes these data were cut with. */
    public SplitSizes sizes() {
        return new SplitSizes(train.n(), validation.n(), test.n(), dev.n());
    }

    /** A copy of the mean training image, {@link #pixelDim()} floats. */
    public float[] mean() {
        float[] m = new float[mean.length];
        for (int j = 0; j < m.length; j++) {
            m[j] = (float) mean[j];
        }
        return m;
    }

    /** One raw CHW image (bytes from {@code offset}) as a row: the mean subtracted, a 1 appended with the bias trick. */
    public float[] preprocess(byte[] rawPixels, int offset) {
        Objects.checkFromIndexSize(offset, pixelDim(), rawPixels.length);
        float[] out = new float[dim()];
        convert(rawPixels, offset, mean, out, 0, biasTrick);
        return out;
    }

    /** {@link #preprocess} of image {@code index} of {@code d}, which must have this data's image shape. */
    public float[] row(ImageDataset d, int index) {
        if (d.dim() != pixelDim()) {
            throw new IllegalArgumentException("images of " + d.name() + " have " + d.dim() + " pixels, these data "
                    + pixelDim());
        }
        Objects.checkIndex(index, d.size());
        return preprocess(d.pixelsShared(), index * pixelDim());
    }
}
