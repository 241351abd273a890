package org.classifierlab.core.data;

import java.util.Objects;

/**
 * A training set and a test set of the same kind of images and classes, with the format they were read
 * from. Immutable; any thread.
 *
 * @param name   display name, e.g. "CIFAR-10" or "Fashion-MNIST"
 * @param source where it was read from (a folder, an archive, the bundled sample), for display
 */
public record Dataset(String name, ImageDataset train, ImageDataset test, DatasetFormat format, String source) {

    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(source, "source");
        if (train.channels() != test.channels() || train.height() != test.height() || train.width() != test.width()) {
            throw new IllegalArgumentException("train and test images differ in shape: " + train + " and " + test);
        }
        if (!train.classNames().equals(test.classNames())) {
            throw new IllegalArgumentException("train and test have different classes: " + train.classNames()
                    + " and " + test.classNames());
        }
    }

    /** Heap taken by both sets, approximately. */
    public long heapBytes() {
        return train.heapBytes() + test.heapBytes();
    }
}
