package org.classifierlab.app.loss;

import java.util.ArrayList;
import java.util.List;

import org.classifierlab.core.linear.HingeLoss;
import org.classifierlab.core.linear.SoftmaxLoss;

/**
 * The rows of the examples table: each example's hinge and cross-entropy loss from core, and the averages
 * over the table (the data loss {@code L = (1/N) Σ L_i}). Immutable; any thread.
 *
 * @param rows            one row per example, in table order
 * @param meanHinge       the average hinge loss
 * @param meanCrossEntropy the average cross-entropy
 */
public record ExampleLosses(List<Row> rows, double meanHinge, double meanCrossEntropy) {

    /** One example with its two losses. */
    public record Row(int index, LossExample example, double hinge, double crossEntropy) {
    }

    public ExampleLosses {
        rows = List.copyOf(rows);
    }

    public static ExampleLosses of(List<LossExample> examples, HingeLoss.Options options) {
        List<Row> rows = new ArrayList<>(examples.size());
        double hinge = 0;
        double ce = 0;
        for (int i = 0; i < examples.size(); i++) {
            LossExample e = examples.get(i);
            double[] s = e.scores();
            Row r = new Row(i, e, HingeLoss.of(s, e.correct(), options).loss(), SoftmaxLoss.loss(s, e.correct()));
            rows.add(r);
            hinge += r.hinge();
            ce += r.crossEntropy();
        }
        return new ExampleLosses(rows, hinge / rows.size(), ce / rows.size());
    }
}
