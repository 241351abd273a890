package org.classifierlab.app.gallery;

import java.util.Objects;

import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.TieRule;

/**
 * The k-NN prediction of every test image of a dataset at one K, as the cross-validation panel's "accuracy on the
 * test set" computed it, for filters such as "misclassified at the current K". Immutable (the array is copied on
 * the way in and out); any thread.
 *
 * @param k              the K used
 * @param metric         the distance used
 * @param tieRule        how ties were resolved
 * @param trainingImages how many training images (the first ones of the dataset) were the references
 * @param predicted      predicted class of test image i (dataset label numbering, fine labels for CIFAR-100),
 *                       -1 where {@link TieRule#UNDECIDED} left a tie open
 */
public record TestPredictions(int k, Metric metric, TieRule tieRule, int trainingImages, int[] predicted) {

    public TestPredictions {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(tieRule, "tieRule");
        predicted = predicted.clone();
    }

    @Override
    public int[] predicted() {
        return predicted.clone();
    }

    /** The prediction for test image {@code i}. */
    public int predicted(int i) {
        return predicted[i];
    }
}
