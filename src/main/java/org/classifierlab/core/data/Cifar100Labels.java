package org.classifierlab.core.data;

/**
 * Which of the two labels of a CIFAR-100 image to use: the 100 fine classes or the 20 coarse superclasses.
 * Immutable; any thread.
 */
public enum Cifar100Labels {

    /** 100 classes ("apple", "aquarium_fish", …), named by {@code fine_label_names.txt}. */
    FINE("fine_label_names.txt", 100, 1),

    /** 20 superclasses ("aquatic_mammals", "fish", …), named by {@code coarse_label_names.txt}. */
    COARSE("coarse_label_names.txt", 20, 0);

    private final String namesFile;
    private final int classCount;
    private final int labelByte;

    Cifar100Labels(String namesFile, int classCount, int labelByte) {
        this.namesFile = namesFile;
        this.classCount = classCount;
        this.labelByte = labelByte;
    }

    /** The file of the binary version that names these classes. */
    public String namesFile() {
        return namesFile;
    }

    /** 100 or 20. */
    public int classCount() {
        return classCount;
    }

    /** Position of this label in a 3,074-byte record: 0 for coarse, 1 for fine. */
    int labelByte() {
        return labelByte;
    }
}
