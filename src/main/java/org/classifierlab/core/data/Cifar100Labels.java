package org.classifierlab.core.data;

import java.util.List;
import java.util.Objects;

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

    /**
     * The superclass of every fine class, index = fine label, as in the CIFAR-100 binary files (each record
     * carries both labels; every superclass holds exactly five fine classes).
     */
    private static final int[] COARSE_OF_FINE = {
        4, 1, 14, 8, 0, 6, 7, 7, 18, 3,
        3, 14, 9, 18, 7, 11, 3, 9, 7, 11,
        6, 11, 5, 10, 7, 6, 13, 15, 3, 15,
        0, 11, 1, 10, 12, 14, 16, 9, 11, 5,
        5, 19, 8, 8, 15, 13, 14, 17, 18, 10,
        16, 4, 17, 4, 2, 0, 17, 4, 18, 17,
        10, 3, 2, 12, 12, 16, 12, 1, 9, 19,
        2, 10, 0, 1, 16, 12, 9, 13, 15, 13,
        16, 19, 2, 4, 6, 19, 5, 5, 8, 19,
        18, 1, 2, 15, 6, 0, 17, 8, 14, 13};

    /** The 20 superclass names of {@code coarse_label_names.txt}, index = coarse label. */
    public static final List<String> COARSE_NAMES = List.of(
            "aquatic_mammals", "fish", "flowers", "food_containers", "fruit_and_vegetables",
            "household_electrical_devices", "household_furniture", "insects", "large_carnivores",
            "large_man-made_outdoor_things", "large_natural_outdoor_scenes", "large_omnivores_and_herbivores",
            "medium_mammals", "non-insect_invertebrates", "people", "reptiles", "small_mammals", "trees",
            "vehicles_1", "vehicles_2");

    /** The superclass (0–19) of fine class {@code fine} (0–99), e.g. apple (0) → fruit_and_vegetables (4). */
    public static int coarseOf(int fine) {
        return COARSE_OF_FINE[Objects.checkIndex(fine, COARSE_OF_FINE.length)];
    }

    /** {@link #coarseOf} of every entry of {@code fineLabels}, in a new array. */
    public static int[] coarseOf(int[] fineLabels) {
        int[] out = new int[fineLabels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = coarseOf(fineLabels[i]);
        }
        return out;
    }
}
