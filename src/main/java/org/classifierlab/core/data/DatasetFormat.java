package org.classifierlab.core.data;

/** The file formats {@link DatasetLoader} reads. Immutable; any thread. */
public enum DatasetFormat {

    CIFAR10_BINARY("CIFAR-10, binary version"),
    CIFAR10_PYTHON("CIFAR-10, python version"),
    CIFAR100_BINARY("CIFAR-100, binary version"),
    IDX("MNIST-style IDX"),
    SAMPLE("bundled CIFAR-10 sample");

    private final String label;

    DatasetFormat(String label) {
        this.label = label;
    }

    /** A human-readable name, e.g. "CIFAR-10, binary version". */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
