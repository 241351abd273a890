package org.classifierlab.app.knn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.classifierlab.app.concurrent.LatestWinsWorker;
import org.classifierlab.app.shell.JobStatus;
import org.classifierlab.core.knn.CrossValidation;
import org.classifierlab.core.knn.CrossValidationResult;
import org.classifierlab.core.knn.Evaluation;
import org.classifierlab.core.knn.KnnClassifier;
import org.classifierlab.core.knn.LabeledPoints;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.TieRule;
import org.classifierlab.core.playground.PlaygroundPoint;
import org.classifierlab.core.playground.PlaygroundScene;

/**
 * Accuracy figures of the playground (training, leave-one-out, held-out test) and n-fold
 * cross-validation over K, each recomputed on its own worker whenever the points or settings change.
 * Requests and results on the FX thread.
 */
final class PlaygroundAnalysis {

    /** Where the playground reports to: the status bar and the error dialog. FX thread. */
    interface Listener {
        void mapPublished(DecisionMapRenderer.Result result);

        void failed(Throwable error);

        JobStatus jobs();
    }

    record EvaluationRequest(PlaygroundScene scene, int k, Metric metric, TieRule rule) {
    }

    /** Accuracies in [0, 1] (NaN when undefined) and, per scene index, whether a test point is misclassified. */
    record EvaluationResult(int k, double training, double leaveOneOut, double test, int testCount,
            boolean[] misclassifiedTest) {
    }

    record CrossValidationRequest(LabeledPoints training, int folds, Metric metric, TieRule rule) {
    }

    private final LatestWinsWorker<EvaluationRequest, EvaluationResult> evaluation;
    private final LatestWinsWorker<CrossValidationRequest, CrossValidationResult> crossValidation;

    PlaygroundAnalysis(Listener listener, Consumer<EvaluationResult> onEvaluation,
            Consumer<CrossValidationResult> onCrossValidation) {
        evaluation = new LatestWinsWorker<>("playground-evaluation", PlaygroundAnalysis::evaluate, onEvaluation,
                listener::failed);
        crossValidation = new LatestWinsWorker<>("playground-cross-validation", PlaygroundAnalysis::crossValidate,
                onCrossValidation, listener::failed);
        JobStatus.Job[] job = new JobStatus.Job[1];
        crossValidation.busyProperty().addListener((o, was, busy) -> {
            if (busy) {
                job[0] = listener.jobs().start("Cross-validating K on the playground points");
            } else if (job[0] != null) {
                job[0].done();
                job[0] = null;
            }
        });
    }

    void requestEvaluation(EvaluationRequest r) {
        evaluation.requestReplacing(r);
    }

    void requestCrossValidation(CrossValidationRequest r) {
        crossValidation.requestReplacing(r);
    }

    javafx.beans.property.ReadOnlyBooleanProperty crossValidationBusy() {
        return crossValidation.busyProperty();
    }

    javafx.beans.property.ReadOnlyBooleanProperty evaluationBusy() {
        return evaluation.busyProperty();
    }

    void dispose() {
        evaluation.dispose();
        crossValidation.dispose();
    }

    static EvaluationResult evaluate(EvaluationRequest r, BooleanSupplier cancelled) {
        PlaygroundScene scene = r.scene();
        LabeledPoints train = scene.training();
        int k = Math.min(r.k(), train.size());
        double training = Evaluation.trainingAccuracy(train, k, r.metric(), r.rule());
        if (cancelled.getAsBoolean()) {
            return null;
        }
        double loo = train.size() > 1 ? Evaluation.leaveOneOutAccuracy(train, Math.min(k, train.size() - 1), r.metric(), r.rule())
                : Double.NaN;
        if (cancelled.getAsBoolean()) {
            return null;
        }
        List<PlaygroundPoint> points = scene.points();
        boolean[] wrong = new boolean[points.size()];
        int tests = 0;
        int correct = 0;
        for (int i = 0; i < points.size(); i++) {
            PlaygroundPoint p = points.get(i);
            if (p.test()) {
                tests++;
                int predicted = KnnClassifier.predict(train, p.x(), p.y(), k, r.metric(), r.rule());
                if (predicted == p.label()) {
                    correct++;
                } else {
                    wrong[i] = true;
                }
            }
        }
        return new EvaluationResult(k, training, loo, tests == 0 ? Double.NaN : correct / (double) tests, tests, wrong);
    }

    static CrossValidationResult crossValidate(CrossValidationRequest r, BooleanSupplier cancelled) {
        int n = r.training().size();
        int folds = Math.min(r.folds(), n);
        if (folds < 2) {
            return null;
        }
        return CrossValidation.run(r.training(), folds, candidateKs(n, folds), r.metric(), r.rule(), 0L, false, cancelled);
    }

    /** K values to try: every K up to 30, then a coarser ladder, all within the smallest training fold. */
    static int[] candidateKs(int n, int folds) {
        int smallestTrain = n - (n + folds - 1) / folds;
        List<Integer> ks = new ArrayList<>();
        for (int k = 1; k <= Math.min(30, smallestTrain); k++) {
            ks.add(k);
        }
        for (int k : new int[] {40, 50, 75, 100, 150, 200, 300, 500}) {
            if (k <= smallestTrain) {
                ks.add(k);
            }
        }
        if (ks.isEmpty()) {
            ks.add(1);
        }
        return ks.stream().mapToInt(Integer::intValue).toArray();
    }
}
