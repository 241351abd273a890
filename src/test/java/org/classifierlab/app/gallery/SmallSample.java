package org.classifierlab.app.gallery;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.DatasetLoader;

/** A small subset of the bundled sample for fast UI tests: its first 600 training and first 100 test images. */
final class SmallSample {

    private static Dataset small;

    private SmallSample() {
    }

    static synchronized Dataset get() {
        if (small == null) {
            try {
                Dataset sample = DatasetLoader.loadSample();
                small = new Dataset("CIFAR-10 (test subset)", sample.train().first(600), sample.test().first(100),
                        sample.format(), "first 600 + 100 images of the bundled sample");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return small;
    }
}
