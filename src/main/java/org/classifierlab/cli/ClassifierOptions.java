package org.classifierlab.cli;

import picocli.CommandLine.Option;

import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.TieRule;

/** {@code --metric} and {@code --tie-rule}: how the k-NN commands compare images and break ties. */
final class ClassifierOptions {

    @Option(names = "--metric", defaultValue = "L2", description = "L1, L2 or LINF (default ${DEFAULT-VALUE}).")
    Metric metric;

    @Option(names = "--tie-rule", defaultValue = "SMALLEST_CLASS",
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}, the assignments' rule).")
    TieRule rule;
}
