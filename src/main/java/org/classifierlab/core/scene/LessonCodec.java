package org.classifierlab.core.scene;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.TieRule;
import org.classifierlab.core.linear.HingeLoss;
import org.classifierlab.core.linear.LinearScene;
import org.classifierlab.core.linear.LossFormulation;
import org.classifierlab.core.linear.image.ImageLoss;
import org.classifierlab.core.linear.image.TrainConfig;
import org.classifierlab.core.playground.Distribution;
import org.classifierlab.core.playground.GeneratorSettings;

/**
 * Each lesson's state to and from its JSON object (format version 2), checking every value read against what the
 * lesson accepts, so a scene that reads is a scene every lesson can take. Stateless; any thread.
 */
final class LessonCodec {

    /** Most points of a playground scene (the generator makes at most 5,000; clicks may add more). */
    static final int MAX_PLAYGROUND_POINTS = 10_000;
    /** Most points of the 2D linear lesson (its view model's limit). */
    static final int MAX_LINEAR_POINTS = 500;
    /** Largest |coordinate| of a 2D point (the world square is ±1; a little room for dragging out). */
    static final double MAX_COORDINATE = 1_000;
    /** Largest |W|, |b| of the 2D lesson (its view model's limit). */
    static final double MAX_PARAMETER = 1_000;
    /** Most neighbours the image gallery shows and votes with (its MAX_SHOWN). */
    static final int MAX_IMAGE_K = 50;
    static final int MAX_EXAMPLES = 100;
    static final int MAX_CLASS_NAME = 24;
    static final int MAX_SCORE_CLASSES = 10;
    static final double MAX_ABS_SCORE = 1e6;
    static final double MAX_DELTA = 100;
    static final int MAX_LOSS_HISTORY = TrainConfig.MAX_ITERATIONS;
    static final int MAX_TEXT = 4_096;
    static final int MAX_ID = 64;
    /** Largest dimension of an image model's row: 3 × 32 × 32 pixels and the bias column, or larger images. */
    static final int MAX_IMAGE_DIM = 3 * 64 * 64 + 1;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private LessonCodec() {
    }

    static LessonState read(SceneLesson lesson, FieldReader.Obj o, FieldReader r) throws SceneFormatException {
        LessonState s = switch (lesson) {
            case KNN_PLAYGROUND -> readPlayground(o, r);
            case LINEAR_2D -> readLinear(o, r);
            case LOSS_EXPLORER -> readLoss(o, r);
            case IMAGE_NEIGHBOURS -> readNeighbours(o);
            case IMAGE_LINEAR -> readImageLinear(o, r);
        };
        o.finish();
        return s;
    }

    static ObjectNode write(LessonState s) {
        return switch (s) {
            case KnnPlaygroundState p -> writePlayground(p);
            case Linear2dState l -> writeLinear(l);
            case LossExplorerState e -> writeLoss(e);
            case ImageNeighboursState n -> writeNeighbours(n);
            case ImageLinearState i -> writeImageLinear(i);
        };
    }

    private static List<ScenePoint> readPoints(FieldReader.Obj o, int max, int classCount, boolean withTest)
            throws SceneFormatException {
        FieldReader.Arr a = o.array("points", 0, max, "points");
        List<ScenePoint> points = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            FieldReader.Obj p = a.object(i);
            double x = p.number("x", -MAX_COORDINATE, MAX_COORDINATE, "a coordinate");
            double y = p.number("y", -MAX_COORDINATE, MAX_COORDINATE, "a coordinate");
            int label = p.integer("class", 0, classCount - 1, "a class of this scene");
            boolean test = withTest && p.bool("test", false);
            p.finish();
            points.add(new ScenePoint(x, y, label, test));
        }
        return points;
    }

    private static ArrayNode writePoints(List<ScenePoint> points, boolean withTest) {
        ArrayNode a = JSON.arrayNode(points.size());
        for (ScenePoint p : points) {
            ObjectNode n = a.addObject();
            n.put("x", p.x());
            n.put("y", p.y());
            n.put("class", p.label());
            if (withTest) {
                n.put("test", p.test());
            }
        }
        return a;
    }

    private static KnnPlaygroundState readPlayground(FieldReader.Obj o, FieldReader r) throws SceneFormatException {
        int classCount = o.integer("classCount", 1, GeneratorSettings.MAX_CLASSES, "a number of classes");
        List<ScenePoint> points = readPoints(o, MAX_PLAYGROUND_POINTS, classCount, true);
        long training = points.stream().filter(p -> !p.test()).count();
        if (training < 1) {
            throw r.fail(o.at("points"), "no training point: a playground needs at least one");
        }
        FieldReader.Obj g = o.object("generator");
        Distribution distribution = g.choice("distribution", Distribution.class);
        int classes = g.integer("classes", GeneratorSettings.MIN_CLASSES, GeneratorSettings.MAX_CLASSES,
                "a number of classes");
        int count = g.integer("count", GeneratorSettings.MIN_COUNT, GeneratorSettings.MAX_COUNT, "a number of points");
        double noise = g.number("noise", 0, 1, "a noise level");
        long seed = g.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, "a seed");
        g.finish();
        double testFraction = o.number("testFraction", 0, 1, "a held-out fraction", 0);
        int k = o.integer("k", 1, MAX_PLAYGROUND_POINTS, "a K");
        if (k > training) {
            throw r.fail(o.at("k"), String.format(Locale.ROOT, "K = %,d but the scene has only %,d training points", k,
                    training));
        }
        Metric metric = o.choice("metric", Metric.class, Metric.L2);
        TieRule tie = o.choice("tieRule", TieRule.class, TieRule.UNDECIDED);
        int folds = o.integer("folds", 2, 10, "a number of folds", 5);
        boolean shading = o.bool("confidenceShading", false);
        boolean lines = o.bool("boundaryLines", false);
        boolean probe = o.bool("probe", true);
        int addClass = o.integer("addClass", 0, classCount - 1, "a class of this scene", 0);
        return new KnnPlaygroundState(points, classCount, distribution, classes, count, noise, seed, testFraction, k,
                metric, tie, folds, shading, lines, probe, addClass);
    }

    private static ObjectNode writePlayground(KnnPlaygroundState s) {
        ObjectNode o = JSON.objectNode();
        o.put("classCount", s.classCount());
        o.set("points", writePoints(s.points(), true));
        ObjectNode g = o.putObject("generator");
        g.put("distribution", s.distribution().name());
        g.put("classes", s.classes());
        g.put("count", s.count());
        g.put("noise", s.noise());
        g.put("seed", s.seed());
        o.put("testFraction", s.testFraction());
        o.put("k", s.k());
        o.put("metric", s.metric().name());
        o.put("tieRule", s.tieRule().name());
        o.put("folds", s.folds());
        o.put("confidenceShading", s.confidenceShading());
        o.put("boundaryLines", s.boundaryLines());
        o.put("probe", s.probe());
        o.put("addClass", s.addClass());
        return o;
    }

    private static Linear2dState readLinear(FieldReader.Obj o, FieldReader r) throws SceneFormatException {
        int classCount = o.integer("classCount", LinearScene.MIN_CLASSES, LinearScene.MAX_CLASSES, "a number of classes");
        List<ScenePoint> points = readPoints(o, MAX_LINEAR_POINTS, classCount, false);
        FieldReader.Arr rows = o.array("W", classCount, classCount, "rows (one per class)");
        double[][] w = new double[classCount][];
        for (int c = 0; c < classCount; c++) {
            if (!rows.node(c).isArray() || rows.node(c).size() != 2) {
                throw r.fail(rows.at(c), FieldReader.describe(rows.node(c)) + " is not a row of 2 weights");
            }
            w[c] = new double[2];
            for (int d = 0; d < 2; d++) {
                w[c][d] = r.numberOf(rows.node(c).get(d), rows.at(c) + "[" + d + "]", -MAX_PARAMETER, MAX_PARAMETER,
                        "a weight");
            }
        }
        double[] b = o.numbers("b", classCount, classCount, -MAX_PARAMETER, MAX_PARAMETER, "a bias");
        double lambda = o.number("lambda", 0, 1e6, "a regularisation strength λ");
        double step = o.number("stepSize", Double.MIN_VALUE, 1e6, "a step size");
        LossFormulation loss = o.choice("loss", LossFormulation.class);
        int speed = o.integer("stepsPerSecond", 1, 60, "a number of steps per second", 10);
        int addClass = o.integer("addClass", 0, classCount - 1, "a class of this scene", 0);
        boolean shading = o.bool("shading", false);
        boolean boundaries = o.bool("boundaries", false);
        String tab = o.text("tab", MAX_ID, null);
        return new Linear2dState(points, classCount, w, b, lambda, step, loss, speed, addClass, shading, boundaries,
                tab);
    }

    private static ObjectNode writeLinear(Linear2dState s) {
        ObjectNode o = JSON.objectNode();
        o.put("classCount", s.classCount());
        o.set("points", writePoints(s.points(), false));
        ArrayNode w = o.putArray("W");
        for (double[] row : s.weights()) {
            ArrayNode a = w.addArray();
            for (double v : row) {
                a.add(v);
            }
        }
        ArrayNode b = o.putArray("b");
        for (double v : s.biases()) {
            b.add(v);
        }
        o.put("lambda", s.lambda());
        o.put("stepSize", s.stepSize());
        o.put("loss", s.formulation().name());
        o.put("stepsPerSecond", s.stepsPerSecond());
        o.put("addClass", s.addClass());
        o.put("shading", s.shading());
        o.put("boundaries", s.boundaries());
        if (s.tab() != null) {
            o.put("tab", s.tab());
        }
        return o;
    }

    private static LossExplorerState.Example readExample(FieldReader.Obj e, FieldReader r) throws SceneFormatException {
        String name = e.text("name", MAX_CLASS_NAME * 4);
        FieldReader.Arr names = e.array("classes", 2, MAX_SCORE_CLASSES, "class names");
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.text(i, MAX_CLASS_NAME);
            if (n.isBlank()) {
                throw r.fail(names.at(i), "a class name must not be empty");
            }
            classes.add(n);
        }
        double[] scores = e.numbers("scores", classes.size(), classes.size(), -MAX_ABS_SCORE, MAX_ABS_SCORE, "a score");
        int correct = e.integer("correct", 0, classes.size() - 1, "a class of this example");
        e.finish();
        return new LossExplorerState.Example(name, classes, scores, correct);
    }

    private static ObjectNode writeExample(LossExplorerState.Example x) {
        ObjectNode o = JSON.objectNode();
        o.put("name", x.name());
        ArrayNode c = o.putArray("classes");
        x.classes().forEach(c::add);
        ArrayNode s = o.putArray("scores");
        for (double v : x.scores()) {
            s.add(v);
        }
        o.put("correct", x.correct());
        return o;
    }

    private static LossExplorerState readLoss(FieldReader.Obj o, FieldReader r) throws SceneFormatException {
        FieldReader.Arr a = o.array("examples", 1, MAX_EXAMPLES, "examples");
        List<LossExplorerState.Example> examples = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            examples.add(readExample(a.object(i), r));
        }
        int selected = o.integer("selected", -1, examples.size() - 1, "an example row (−1: the scratch example)");
        FieldReader.Obj s = o.optionalObject("scratch");
        LossExplorerState.Example scratch = s == null ? null : readExample(s, r);
        if (selected < 0 && scratch == null) {
            throw r.fail(o.at("scratch"), "missing: no row is selected, so the scene must hold the example explored");
        }
        FieldReader.Obj h = o.object("hinge");
        HingeLoss.Options options = new HingeLoss.Options(h.number("delta", 0, MAX_DELTA, "a margin Δ"),
                h.bool("squared", false), h.bool("includeCorrect", false), h.bool("mean", false));
        h.finish();
        int explored = selected >= 0 ? examples.get(selected).classes().size() : scratch.classes().size();
        int bar = o.integer("selectedBar", 0, explored - 1, "a class of the explored example", Math.min(1, explored - 1));
        return new LossExplorerState(examples, selected, scratch, options, bar);
    }

    private static ObjectNode writeLoss(LossExplorerState s) {
        ObjectNode o = JSON.objectNode();
        ArrayNode a = o.putArray("examples");
        s.examples().forEach(e -> a.add(writeExample(e)));
        o.put("selected", s.selected());
        if (s.scratch() != null) {
            o.set("scratch", writeExample(s.scratch()));
        }
        ObjectNode h = o.putObject("hinge");
        h.put("delta", s.options().delta());
        h.put("squared", s.options().squared());
        h.put("includeCorrect", s.options().includeCorrect());
        h.put("mean", s.options().mean());
        o.put("selectedBar", s.selectedBar());
        return o;
    }

    private static ImageNeighboursState readNeighbours(FieldReader.Obj o) throws SceneFormatException {
        FieldReader.Obj q = o.object("query");
        ImageNeighboursState.QuerySource source = q.choice("source", ImageNeighboursState.QuerySource.class);
        int index = -1;
        String file = null;
        if (source == ImageNeighboursState.QuerySource.FILE) {
            file = q.text("file", MAX_TEXT);
        } else {
            index = q.integer("index", 0, 100_000_000, "an image index");
        }
        q.finish();
        int k = o.integer("k", 1, MAX_IMAGE_K, "a K");
        int shown = o.integer("shown", 1, MAX_IMAGE_K, "a number of neighbours shown", 10);
        boolean linf = o.bool("showLinf", false);
        TieRule tie = o.choice("tieRule", TieRule.class, TieRule.SMALLEST_CLASS);
        Metric browser = o.choice("browserMetric", Metric.class, null);
        String tab = o.text("tab", MAX_ID, null);
        return new ImageNeighboursState(source, index, file, k, shown, linf, tie, browser == null ? null : browser.name(),
                tab);
    }

    private static ObjectNode writeNeighbours(ImageNeighboursState s) {
        ObjectNode o = JSON.objectNode();
        ObjectNode q = o.putObject("query");
        q.put("source", s.querySource().name());
        if (s.querySource() == ImageNeighboursState.QuerySource.FILE) {
            q.put("file", s.queryFile());
        } else {
            q.put("index", s.queryIndex());
        }
        o.put("k", s.k());
        o.put("shown", s.shown());
        o.put("showLinf", s.showLinf());
        o.put("tieRule", s.tieRule().name());
        if (s.browserMetric() != null) {
            o.put("browserMetric", s.browserMetric());
        }
        if (s.tab() != null) {
            o.put("tab", s.tab());
        }
        return o;
    }

    private static ImageLinearState readImageLinear(FieldReader.Obj o, FieldReader r) throws SceneFormatException {
        String mode = o.text("mode", MAX_ID);
        if (!List.of("SVM", "SOFTMAX", "BOTH").contains(mode)) {
            throw r.fail(o.at("mode"), "\"" + mode + "\" is not one of SVM, SOFTMAX, BOTH");
        }
        boolean biasTrick = o.bool("biasTrick", true);
        double lr = o.number("learningRate", Double.MIN_VALUE, 1e6, "a learning rate");
        double reg = o.number("reg", 0, 1e12, "a regularisation strength");
        int iterations = o.integer("iterations", 1, TrainConfig.MAX_ITERATIONS, "a number of iterations");
        int batch = o.integer("batchSize", 1, TrainConfig.MAX_BATCH, "a batch size");
        long seed = o.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, "a seed");
        String norm = o.text("normalisation", MAX_ID, null);
        if (norm != null && !List.of("GLOBAL", "PER_CLASS").contains(norm)) {
            throw r.fail(o.at("normalisation"), "\"" + norm + "\" is not one of GLOBAL, PER_CLASS");
        }
        String channel = o.text("channel", MAX_ID, null);
        if (channel != null && !List.of("COLOUR", "RED", "GREEN", "BLUE").contains(channel)) {
            throw r.fail(o.at("channel"), "\"" + channel + "\" is not one of COLOUR, RED, GREEN, BLUE");
        }
        int zoom = o.integer("zoom", 1, 6, "a zoom", 2);
        String tab = o.text("tab", MAX_ID, null);
        List<ImageLinearState.Trained> trained = new ArrayList<>();
        if (o.has("trained")) {
            FieldReader.Arr a = o.array("trained", 0, ImageLoss.values().length, "trained models");
            for (int i = 0; i < a.size(); i++) {
                FieldReader.Obj t = a.object(i);
                ImageLoss loss = t.choice("loss", ImageLoss.class);
                for (ImageLinearState.Trained other : trained) {
                    if (other.loss() == loss) {
                        throw r.fail(t.at("loss"), loss + " appears twice");
                    }
                }
                int classes = t.integer("classCount", 2, 100, "a number of classes");
                boolean trick = t.bool("biasTrick", biasTrick);
                int dim = t.integer("dim", trick ? 2 : 1, MAX_IMAGE_DIM, "a row length of W");
                if ((long) classes * dim > ImageLinearState.MAX_SAVED_FLOATS) {
                    throw r.fail(t.at("dim"), String.format(Locale.ROOT, "%,d × %,d weights are more than a scene holds "
                            + "(%,d)", classes, dim, ImageLinearState.MAX_SAVED_FLOATS));
                }
                float[] w = t.floats("W", classes * dim);
                float[] b = t.has("b") ? t.floats("b", classes) : new float[classes];
                if (trick) {
                    for (float v : b) {
                        if (v != 0f) {
                            throw r.fail(t.at("b"), "with the bias trick b is W's last column and must be all 0");
                        }
                    }
                }
                double[] history = t.has("lossHistory")
                        ? t.numbers("lossHistory", 0, MAX_LOSS_HISTORY, 0, Double.MAX_VALUE, "a loss")
                        : new double[0];
                double trainAcc = t.numberOrNaN("trainAccuracy", 0, 1, "an accuracy");
                double valAcc = t.numberOrNaN("validationAccuracy", 0, 1, "an accuracy");
                String origin = t.text("origin", MAX_TEXT, "scene");
                t.finish();
                trained.add(new ImageLinearState.Trained(loss, classes, dim, trick, w, b, history, trainAcc, valAcc,
                        origin));
            }
        }
        return new ImageLinearState(mode, biasTrick, lr, reg, iterations, batch, seed, norm, channel, zoom, tab,
                trained);
    }

    private static ObjectNode writeImageLinear(ImageLinearState s) {
        ObjectNode o = JSON.objectNode();
        o.put("mode", s.mode());
        o.put("biasTrick", s.biasTrick());
        o.put("learningRate", s.learningRate());
        o.put("reg", s.reg());
        o.put("iterations", s.iterations());
        o.put("batchSize", s.batchSize());
        o.put("seed", s.seed());
        if (s.normalisation() != null) {
            o.put("normalisation", s.normalisation());
        }
        if (s.channel() != null) {
            o.put("channel", s.channel());
        }
        o.put("zoom", s.zoom());
        if (s.tab() != null) {
            o.put("tab", s.tab());
        }
        ArrayNode a = o.putArray("trained");
        for (ImageLinearState.Trained t : s.trained()) {
            ObjectNode n = a.addObject();
            n.put("loss", t.loss().name());
            n.put("classCount", t.classCount());
            n.put("dim", t.dim());
            n.put("biasTrick", t.biasTrick());
            n.put("W", base64(t.weights()));
            n.put("b", base64(t.bias()));
            ArrayNode h = n.putArray("lossHistory");
            for (double v : t.lossHistory()) {
                // JSON has no infinity: a diverged run's loss is written as the largest double.
                h.add(Double.isFinite(v) ? v : Double.MAX_VALUE);
            }
            putAccuracy(n, "trainAccuracy", t.trainAccuracy());
            putAccuracy(n, "validationAccuracy", t.validationAccuracy());
            n.put("origin", t.origin());
        }
        return o;
    }

    private static void putAccuracy(ObjectNode n, String name, double v) {
        if (Double.isNaN(v)) {
            n.putNull(name);
        } else {
            n.put(name, v);
        }
    }

    /** Float32 little-endian, base64: 4 bytes a value instead of ~12 characters of decimal text. */
    static String base64(float[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        return Base64.getEncoder().encodeToString(buf.array());
    }
}
