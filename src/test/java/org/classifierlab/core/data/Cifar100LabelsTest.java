package org.classifierlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The standard CIFAR-100 fine → coarse table. */
class Cifar100LabelsTest {

    @Test
    void knownPairsMapToTheirSuperclass() {
        assertThat(Cifar100Labels.coarseOf(0)).isEqualTo(4);   // apple → fruit_and_vegetables
        assertThat(Cifar100Labels.coarseOf(1)).isEqualTo(1);   // aquarium_fish → fish
        assertThat(Cifar100Labels.coarseOf(2)).isEqualTo(14);  // baby → people
        assertThat(Cifar100Labels.coarseOf(30)).isEqualTo(0);  // dolphin → aquatic_mammals
        assertThat(Cifar100Labels.coarseOf(58)).isEqualTo(18); // pickup_truck → vehicles_1
        assertThat(Cifar100Labels.coarseOf(99)).isEqualTo(13); // worm → non-insect_invertebrates
        assertThat(Cifar100Labels.COARSE_NAMES.get(4)).isEqualTo("fruit_and_vegetables");
        assertThat(Cifar100Labels.COARSE_NAMES.get(14)).isEqualTo("people");
        assertThat(Cifar100Labels.COARSE_NAMES).hasSize(Cifar100Labels.COARSE.classCount());
    }

    @Test
    void everySuperclassHoldsFiveFineClasses() {
        int[] counts = new int[20];
        for (int fine = 0; fine < 100; fine++) {
            counts[Cifar100Labels.coarseOf(fine)]++;
        }
        assertThat(counts).containsOnly(5);
        assertThat(Cifar100Labels.coarseOf(new int[] {0, 1, 2})).containsExactly(4, 1, 14);
    }

    @Test
    void aLabelOutsideTheHundredIsRefused() {
        assertThatThrownBy(() -> Cifar100Labels.coarseOf(100)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
