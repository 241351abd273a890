package org.classifierlab.app.presets;

import static org.classifierlab.app.FxTestSupport.awaitFx;
import static org.classifierlab.app.FxTestSupport.fx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.classifierlab.app.knn.KnnPlaygroundViewModel;
import org.classifierlab.app.linear.LinearClassifierViewModel;
import org.classifierlab.app.loss.LossExplorerViewModel;
import org.classifierlab.app.loss.LossPreset;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.AppShell;
import org.classifierlab.app.shell.LessonKind;
import org.classifierlab.app.templates.ImageLinearLesson;
import org.classifierlab.app.templates.ImageLinearViewModel;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.DatasetLoader;
import org.classifierlab.core.data.ImageDataset;
import org.classifierlab.core.images.ImageDistance;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.TieRule;
import org.classifierlab.core.playground.PlaygroundPoint;
import org.classifierlab.core.playground.PlaygroundScene;
import org.classifierlab.core.scene.DatasetRef;
import org.classifierlab.core.scene.ImageLinearState;
import org.classifierlab.core.scene.ImageNeighboursState;
import org.classifierlab.core.scene.KnnPlaygroundState;
import org.classifierlab.core.scene.LessonState;
import org.classifierlab.core.scene.Linear2dState;
import org.classifierlab.core.scene.SceneDocument;
import org.classifierlab.core.scene.SceneLesson;
import org.classifierlab.core.scene.ScenePoint;

/**
 * Makes the lecture presets of {@code assets/presets/} from the lessons' own view models and scene states (so a
 * preset is always a state the lesson itself can produce): each one set up as a lecturer would set it up, captured
 * with {@code sceneState()}, with its one-line note. Run on the FX thread's terms through {@link
 * org.classifierlab.app.FxTestSupport#fx}; the image presets need a studio ({@code shell}) with the bundled sample.
 */
final class PresetGenerator {

    /** The preset that stores trained weights: its W depends on the CPU's float summation order, so it is not compared byte for byte. */
    static final String TRAINED = "templates-after-training.json";

    /** Test image of the bundled sample whose nearest training image differs under L1 and L2 (found by {@link #disagreement}). */
    record Disagreement(int query, int l1Label, int l2Label, int truth) {
    }

    private final AppShell shell;
    private final AppContext context;

    PresetGenerator(AppShell shell, AppContext context) {
        this.shell = shell;
        this.context = context;
    }

    /** Every preset but the trained one, by file name, in menu order. */
    Map<String, SceneDocument> untrained() throws Exception {
        Map<String, SceneDocument> m = new LinkedHashMap<>();
        KnnPlaygroundState demo = fx(() -> new KnnPlaygroundViewModel().sceneState());
        m.put("knn-demo-default.json", one(SceneLesson.KNN_PLAYGROUND, demo,
                "The data-driven approach: no hand-written rules; train() memorises these labelled points and predict() "
                        + "colours every pixel by its nearest one (the CS231n demo: 4 classes, 40 points, K = 1, L2)."));
        m.put("outlier-island-k1.json", one(SceneLesson.KNN_PLAYGROUND, outlier(1),
                "K = 1: the one blue point inside the orange cluster carves out an island of its own; "
                        + "press + up to K = 5 and it is gone."));
        m.put("outlier-island-k5.json", one(SceneLesson.KNN_PLAYGROUND, outlier(5),
                "The same points at K = 5: the outlier is outvoted by its orange neighbours and its island is gone; "
                        + "the boundary is smoother."));
        m.put("tie-regions-even-k.json", one(SceneLesson.KNN_PLAYGROUND, withK(demo, 4, TieRule.UNDECIDED),
                "K = 4 on the demo's points: the white regions are tied votes (2 against 2), which the CS231n demo "
                        + "leaves undecided; press T for the other tie rules."));
        m.put("l1-vs-l2.json", two(SceneLesson.KNN_PLAYGROUND, withMetric(demo, Metric.L1),
                withMetric(demo, Metric.L2),
                "The same points under L1 (left) and L2 (right), K = 1: L1's boundaries run along the axes and at "
                        + "45°, L2's are straight perpendicular bisectors at any angle."));
        m.put("k1-training-vs-held-out.json", one(SceneLesson.KNN_PLAYGROUND, heldOut(),
                "K = 1 is 100% right on its own training points, but the held-out points (30%, crossed when wrong) "
                        + "show the real accuracy: never choose K on the training data."));
        m.put("cifar10-nearest-neighbours.json", one(SceneLesson.IMAGE_NEIGHBOURS, gallery(0, 1, "tabSheet"),
                "CIFAR-10: 10 classes of 32 × 32 images (the bundled sample: the first 5,000 training and 500 test "
                        + "images); each row is a test image and its 10 nearest training images by L1."));
        Disagreement d = disagreement(DatasetLoader.loadSample());
        m.put("l1-l2-disagree.json", one(SceneLesson.IMAGE_NEIGHBOURS, gallery(d.query(), 1, "tabNeighbours"),
                String.format(java.util.Locale.ROOT, "Test image %d: its nearest training image is a%s %s under L1 but "
                        + "a%s %s under L2 (it is a%s %s); the distance decides the answer.", d.query(),
                        article(name(d.l1Label())), name(d.l1Label()), article(name(d.l2Label())), name(d.l2Label()),
                        article(name(d.truth())), name(d.truth()))));
        m.put("pixel-distance.json", one(SceneLesson.IMAGE_NEIGHBOURS, gallery(0, 1, "tabPixelDistance"),
                "Pixel distance: L1 adds up the absolute differences of every pixel, L2 the squares under a root; "
                        + "the slide's 4 × 4 example gives L1 = 456."));
        m.put("same-l2-distance.json", one(SceneLesson.IMAGE_NEIGHBOURS, gallery(0, 1, "tabSameDistance"),
                "Shifted, boxed and tinted copies of one image at the same L2 distance from it: pixel distance does "
                        + "not see what we see."));
        m.put("algebraic-viewpoint.json", one(SceneLesson.IMAGE_LINEAR, imageLinear("tabAlgebra"),
                "Algebraic viewpoint: f(x, W) = Wx + b on the slide's 2 × 2 image gives cat −96.8, dog 437.9 and "
                        + "ship 60.75 (the slide prints 61.95, a slip)."));
        m.put("linear-demo-default.json", one(SceneLesson.LINEAR_2D, linearDemo(),
                "Geometric viewpoint: the CS231n demo's W and b; each class's score is 0 on its dashed line and grows "
                        + "along its arrow, and each region is where that class scores highest."));
        m.put("not-linearly-separable.json", one(SceneLesson.LINEAR_2D, xor(),
                "XOR: no straight line separates the two classes, so some points stay wrong however long the linear "
                        + "classifier trains (press R to run gradient descent)."));
        m.put("loss-slides-examples.json", one(SceneLesson.LOSS_EXPLORER,
                fx(() -> new LossExplorerViewModel().sceneState()),
                "The slides' three examples (a cat, a car, a frog) with their hinge and cross-entropy losses: "
                        + "means 5.27 and 2.76; click a row to explore it, or open a lecture question."));
        for (LossPreset p : LossPreset.values()) {
            m.put(lossFile(p), one(SceneLesson.LOSS_EXPLORER, fx(() -> {
                LossExplorerViewModel vm = new LossExplorerViewModel();
                vm.applyPreset(p);
                return vm.sceneState();
            }), p.title() + ": " + p.question()));
        }
        return m;
    }

    /** The file of loss question {@code p}: {@code loss-margins-met.json}. */
    static String lossFile(LossPreset p) {
        return "loss-" + p.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".json";
    }

    /**
     * The templates preset: both losses trained with the notebooks' defaults on the bundled sample by the lesson
     * itself in {@code shell}, captured with the lesson's scene state (W and the loss history included).
     */
    SceneDocument trained() {
        ImageLinearLesson lesson = fx(() -> (ImageLinearLesson) context.openLesson(LessonKind.IMAGE_LINEAR));
        ImageLinearViewModel vm = lesson.viewModel();
        fx(() -> {
            context.datasets().ensureLoaded();
            return null;
        });
        awaitFx(120, "the sample is prepared for training", () -> !context.datasets().busyProperty().get()
                && vm.dataProperty().get() != null
                && vm.datasetProperty().get() != null && !vm.preparingProperty().get()
                && vm.datasetProperty().get().format() == org.classifierlab.core.data.DatasetFormat.SAMPLE);
        fx(() -> {
            vm.modeProperty().set(ImageLinearViewModel.Mode.BOTH);
            vm.train();
            return null;
        });
        awaitFx(300, "training ends", () -> !vm.trainingProperty().get() && vm.modelsProperty().get() != null
                && vm.modelsProperty().get().byLoss().size() == 2);
        for (var t : fx(() -> vm.modelsProperty().get().byLoss().values())) {
            if (t.lossHistory().length != 1500) {
                throw new AssertionError("training stopped early: " + t.origin());
            }
        }
        ImageLinearState s = fx(() -> (ImageLinearState) lesson.sceneState());
        ImageLinearState t = new ImageLinearState(s.mode(), s.biasTrick(), s.learningRate(), s.reg(), s.iterations(),
                s.batchSize(), s.seed(), s.normalisation(), s.channel(), s.zoom(), "tabTemplates", s.trained());
        return one(SceneLesson.IMAGE_LINEAR, t,
                "Visual viewpoint: each row of W after 1,500 iterations on the bundled sample, drawn as an image — "
                        + "one template per class, SVM and softmax side by side; click one for its top images.");
    }

    private static SceneDocument one(SceneLesson lesson, LessonState s, String note) {
        return SceneDocument.of(null, DatasetRef.SAMPLE, lesson, null, Map.of(lesson, s), Map.of()).withNote(note);
    }

    private static SceneDocument two(SceneLesson lesson, LessonState left, LessonState right, String note) {
        return SceneDocument.of(null, DatasetRef.SAMPLE, lesson, lesson, Map.of(lesson, left), Map.of(lesson, right))
                .withNote(note);
    }

    /**
     * Two clusters of 12 points (orange class 0 left, light blue class 1 right) and one class-1 point in the middle of
     * the orange cluster, at {@link #OUTLIER}.
     */
    private static KnnPlaygroundState outlier(int k) {
        return fx(() -> {
            List<PlaygroundPoint> pts = new ArrayList<>();
            Random r = new Random(231);
            for (int c = 0; c < 2; c++) {
                double cx = c == 0 ? -0.45 : 0.45;
                for (int i = 0; i < 12; i++) {
                    double a = 2 * Math.PI * i / 12 + r.nextDouble() * 0.3;
                    double rad = 0.22 + 0.16 * r.nextDouble();
                    pts.add(new PlaygroundPoint(round(cx + rad * Math.cos(a)), round(rad * Math.sin(a)), c, false));
                }
            }
            pts.add(new PlaygroundPoint(OUTLIER[0], OUTLIER[1], 1, false));
            KnnPlaygroundViewModel vm = new KnnPlaygroundViewModel();
            vm.load(new PlaygroundScene(pts, 2));
            vm.classesProperty().set(2);
            vm.countProperty().set(pts.size());
            vm.kProperty().set(k);
            return vm.sceneState();
        });
    }

    /** Where the outlier of {@link #outlier} is (world coordinates). */
    static final double[] OUTLIER = {-0.45, 0.02};

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static KnnPlaygroundState withK(KnnPlaygroundState s, int k, TieRule rule) {
        return new KnnPlaygroundState(s.points(), s.classCount(), s.distribution(), s.classes(), s.count(), s.noise(),
                s.seed(), s.testFraction(), k, s.metric(), rule, s.folds(), s.confidenceShading(), s.boundaryLines(),
                s.probe(), s.addClass());
    }

    private static KnnPlaygroundState withMetric(KnnPlaygroundState s, Metric m) {
        return new KnnPlaygroundState(s.points(), s.classCount(), s.distribution(), s.classes(), s.count(), s.noise(),
                s.seed(), s.testFraction(), s.k(), m, s.tieRule(), s.folds(), s.confidenceShading(), s.boundaryLines(),
                s.probe(), s.addClass());
    }

    /** Two noisy moons, 200 points, 30% held out, K = 1. */
    private static KnnPlaygroundState heldOut() {
        return fx(() -> {
            KnnPlaygroundViewModel vm = new KnnPlaygroundViewModel();
            vm.distributionProperty().set(org.classifierlab.core.playground.Distribution.TWO_MOONS);
            vm.classesProperty().set(2);
            vm.countProperty().set(200);
            vm.noiseProperty().set(0.8);
            vm.seedProperty().set(7);
            vm.regenerate();
            vm.applyTestSplit(0.3);
            vm.kProperty().set(1);
            return vm.sceneState();
        });
    }

    /** The gallery's state as a fresh lesson has it, with test image {@code query}, K = {@code k} and tab {@code tab}. */
    private ImageNeighboursState gallery(int query, int k, String tab) {
        ImageNeighboursState s = fx(() -> (ImageNeighboursState) context.openLesson(LessonKind.IMAGE_NEIGHBOURS)
                .sceneState());
        return new ImageNeighboursState(ImageNeighboursState.QuerySource.TEST, query, null, k, s.shown(),
                s.showLinf(), s.tieRule(), s.browserMetric(), tab);
    }

    private ImageLinearState imageLinear(String tab) {
        ImageLinearState s = fx(() -> (ImageLinearState) context.openLesson(LessonKind.IMAGE_LINEAR).sceneState());
        return new ImageLinearState(s.mode(), s.biasTrick(), s.learningRate(), s.reg(), s.iterations(), s.batchSize(),
                s.seed(), s.normalisation(), s.channel(), s.zoom(), tab, List.of());
    }

    private static Linear2dState linearDemo() {
        return fx(() -> {
            LinearClassifierViewModel vm = new LinearClassifierViewModel();
            try {
                return vm.sceneState();
            } finally {
                vm.dispose();
            }
        });
    }

    /** Two classes in the XOR pattern: class 0 top right and bottom left, class 1 top left and bottom right. */
    private static Linear2dState xor() {
        Linear2dState d = linearDemo();
        List<ScenePoint> pts = new ArrayList<>();
        Random r = new Random(2);
        double[][] centres = {{0.5, 0.5}, {-0.5, -0.5}, {-0.5, 0.5}, {0.5, -0.5}};
        for (int q = 0; q < 4; q++) {
            for (int i = 0; i < 4; i++) {
                pts.add(new ScenePoint(round(centres[q][0] + 0.25 * (r.nextDouble() - 0.5)),
                        round(centres[q][1] + 0.25 * (r.nextDouble() - 0.5)), q < 2 ? 0 : 1, false));
            }
        }
        double[][] w = d.weights();
        double[] b = d.biases();
        return new Linear2dState(pts, 2, new double[][] {w[0], w[1]}, new double[] {b[0], b[1]}, d.lambda(),
                d.stepSize(), d.formulation(), d.stepsPerSecond(), 0, d.shading(), d.boundaries(), d.tab());
    }

    /**
     * The first test image of {@code sample} whose nearest training image (exact, brute force) has another class under
     * L1 than under L2, with one of the two right.
     */
    static Disagreement disagreement(Dataset sample) {
        ImageDataset test = sample.test();
        ImageDataset train = sample.train();
        for (int q = 0; q < test.size(); q++) {
            int l1 = train.label(nearest(test, q, train, Metric.L1));
            int l2 = train.label(nearest(test, q, train, Metric.L2));
            if (l1 != l2 && (l1 == test.label(q) || l2 == test.label(q))) {
                return new Disagreement(q, l1, l2, test.label(q));
            }
        }
        throw new AssertionError("no test image of the sample where L1 and L2 disagree");
    }

    static int nearest(ImageDataset queries, int q, ImageDataset refs, Metric m) {
        long best = Long.MAX_VALUE;
        int arg = -1;
        for (int r = 0; r < refs.size(); r++) {
            long key = ImageDistance.key(queries, q, refs, r, m);
            if (key < best) {
                best = key;
                arg = r;
            }
        }
        return arg;
    }

    private static final List<String> CIFAR10 = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    private static String name(int label) {
        return CIFAR10.get(label);
    }

    private static String article(String noun) {
        return "aeiou".indexOf(noun.charAt(0)) >= 0 ? "n" : "";
    }
}
