package org.classifierlab.core.linear.image;

/**
 * Learning rates × regularisation strengths to try, with a name for the UI. The presets are the grids
 * written in CS231n assignment 1's notebooks. Immutable by convention (the arrays are copied in).
 */
public record SearchGrid(double[] learningRates, double[] regs, String name) {

    public SearchGrid {
        if (learningRates.length == 0 || regs.length == 0) {
            throw new IllegalArgumentException("a search grid needs at least one learning rate and one reg");
        }
        learningRates = learningRates.clone();
        regs = regs.clone();
        for (double lr : learningRates) {
            if (!(lr > 0) || Double.isInfinite(lr)) {
                throw new IllegalArgumentException("learning rates must be > 0 and finite, one was " + lr);
            }
        }
        for (double r : regs) {
            ImageLosses.checkReg(r);
        }
    }

    @Override
    public double[] learningRates() {
        return learningRates.clone();
    }

    @Override
    public double[] regs() {
        return regs.clone();
    }

    /** Number of points. */
    public int size() {
        return learningRates.length * regs.length;
    }

    /** svm.ipynb: {@code learning_rates = [1e-7, 5e-5]}, {@code regularization_strengths = [2.5e4, 5e4]}. */
    public static SearchGrid svmNotebook() {
        return new SearchGrid(new double[] {1e-7, 5e-5}, new double[] {2.5e4, 5e4}, "svm.ipynb grid");
    }

    /** softmax.ipynb: {@code learning_rates = [1e-7, 5e-7]}, {@code regularization_strengths = [2.5e4, 5e4]}. */
    public static SearchGrid softmaxNotebook() {
        return new SearchGrid(new double[] {1e-7, 5e-7}, new double[] {2.5e4, 5e4}, "softmax.ipynb grid");
    }

    /** The notebook grid for {@code loss}. */
    public static SearchGrid notebook(ImageLoss loss) {
        return loss == ImageLoss.SVM ? svmNotebook() : softmaxNotebook();
    }
}
