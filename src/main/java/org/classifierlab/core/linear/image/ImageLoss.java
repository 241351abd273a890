package org.classifierlab.core.linear.image;

/** The two losses of CS231n assignment 1 for a linear classifier on images. */
public enum ImageLoss {
    /** Weston–Watkins multiclass SVM, margin Δ = 1: {@code Σ_{j≠y} max(0, s_j − s_y + 1)}. */
    SVM("Multiclass SVM (hinge)"),
    /** Softmax cross-entropy: {@code −log(e^{s_y} / Σ_j e^{s_j})}, computed with the largest score subtracted. */
    SOFTMAX("Softmax (cross-entropy)");

    private final String label;

    ImageLoss(String label) {
        this.label = label;
    }

    /** For display: "Multiclass SVM (hinge)", "Softmax (cross-entropy)". */
    public String label() {
        return label;
    }
}
