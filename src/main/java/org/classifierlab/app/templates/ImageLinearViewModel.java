package org.classifierlab.app.templates;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.classifierlab.app.linear.LinearFormat;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.linear.image.HyperparameterSearch;
import org.classifierlab.core.linear.image.ImageLoss;
import org.classifierlab.core.linear.image.LinearImageData;
import org.classifierlab.core.linear.image.LinearImageModel;
import org.classifierlab.core.linear.image.SearchGrid;
import org.classifierlab.core.linear.image.SearchPoint;
import org.classifierlab.core.linear.image.SgdTrainer;
import org.classifierlab.core.linear.image.SplitSizes;
import org.classifierlab.core.linear.image.TrainConfig;
import org.classifierlab.core.linear.image.TrainResult;
import org.classifierlab.core.linear.image.Split;
import org.classifierlab.core.linear.image.TrainSnapshot;
import org.classifierlab.core.playground.EditHistory;
import org.classifierlab.core.scene.ImageLinearState;

/**
 * State and commands of the "Linear classifier on images" lesson: the dataset prepared as the assignments do
 * (float32, mean image off, bias trick or separate b), the training settings, the trained model of each loss with
 * undo, training (one loss or both side by side from the same initial W) and the hyperparameter search off the FX
 * thread with live snapshots, and the split sizes. Holds no nodes. Properties and methods: FX thread only; the work
 * runs on the executors given.
 */
public final class ImageLinearViewModel {

    /** What is trained: one loss or both side by side. */
    public enum Mode {
        SVM("Multiclass SVM", List.of(ImageLoss.SVM)),
        SOFTMAX("Softmax", List.of(ImageLoss.SOFTMAX)),
        BOTH("Both side by side", List.of(ImageLoss.SVM, ImageLoss.SOFTMAX));

        private final String label;
        private final List<ImageLoss> losses;

        Mode(String label, List<ImageLoss> losses) {
            this.label = label;
            this.losses = losses;
        }

        public String label() {
            return label;
        }

        public List<ImageLoss> losses() {
            return losses;
        }
    }

    /**
     * One loss's model as the lesson keeps it: the weights, the loss of every iteration so far, the accuracies
     * (NaN until measured) and where it came from. Immutable; any thread.
     */
    public record Trained(ImageLoss loss, LinearImageModel model, double[] lossHistory, double trainAccuracy,
                          double validationAccuracy, String origin) {
        public Trained {
            lossHistory = lossHistory.clone();
        }

        @Override
        public double[] lossHistory() {
            return lossHistory.clone();
        }

        public int iterations() {
            return lossHistory.length;
        }
    }

    /** The models of the prepared data (an undo step); {@code byLoss} may be empty. Immutable. */
    public record Models(LinearImageData data, Map<ImageLoss, Trained> byLoss) {
        public Models {
            byLoss = Collections.unmodifiableMap(new EnumMap<>(byLoss.isEmpty() ? new EnumMap<>(ImageLoss.class) : byLoss));
        }

        Models with(Trained t) {
            Map<ImageLoss, Trained> m = new EnumMap<>(ImageLoss.class);
            m.putAll(byLoss);
            m.put(t.loss(), t);
            return new Models(data, m);
        }
    }

    /**
     * What training shows while it runs: per loss, the newest snapshot and the newest accuracy estimate. Immutable.
     */
    public record Live(Map<ImageLoss, TrainSnapshot> snapshots, Map<ImageLoss, double[]> previousHistory,
                       Map<ImageLoss, LiveAccuracy> accuracy) {
    }

    /**
     * Accuracy of a live model at {@code iteration}: on the first {@code trainRows} training images (a quick estimate;
     * the run's end measures all of them) and on the whole validation split.
     */
    public record LiveAccuracy(int iteration, double train, int trainRows, double validation) {
    }

    /** How often a trainer measures its live model's accuracy (a few milliseconds each time: ~2% of training). */
    static final long ACCURACY_NANOS = 250_000_000L;
    /** Training images the live accuracy estimate uses. */
    static final int LIVE_TRAIN_ROWS = 1_000;

    /**
     * Each trainer hands out a snapshot at most this often (20 per second), so the templates can follow at well over
     * 5 redraws a second even when rendering waits for a core; a snapshot is one copy of W.
     */
    static final long SNAPSHOT_NANOS = 50_000_000L;
    static final int HISTORY_LIMIT = 50;

    private final Executor trainers;
    private final Executor preparer;
    private final Executor fxThread;
    private final List<ExecutorService> owned = new ArrayList<>();
    private final Consumer<String> showError;

    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final BooleanProperty biasTrick = new SimpleBooleanProperty(this, "biasTrick", true);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.BOTH);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate");
    private final DoubleProperty reg = new SimpleDoubleProperty(this, "reg");
    private final IntegerProperty iterations = new SimpleIntegerProperty(this, "iterations");
    private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize");
    private final LongProperty seed = new SimpleLongProperty(this, "seed");

    private final ReadOnlyObjectWrapper<LinearImageData> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyBooleanWrapper preparing = new ReadOnlyBooleanWrapper(this, "preparing");
    private final ReadOnlyBooleanWrapper training = new ReadOnlyBooleanWrapper(this, "training");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyObjectWrapper<Models> models = new ReadOnlyObjectWrapper<>(this, "models");
    private final ReadOnlyObjectWrapper<Live> live = new ReadOnlyObjectWrapper<>(this, "live");
    private final ReadOnlyObjectWrapper<List<SearchPoint>> searchPoints =
            new ReadOnlyObjectWrapper<>(this, "searchPoints", List.of());
    private final ReadOnlyObjectWrapper<ImageLoss> searchLoss = new ReadOnlyObjectWrapper<>(this, "searchLoss");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private EditHistory<Models> history;
    /** A scene's trained models waiting for the data they belong to. */
    private List<ImageLinearState.Trained> pendingModels = List.of();

    private AtomicBoolean prepareCancel;
    private AtomicBoolean trainCancel;
    private AtomicBoolean searchCancel;
    private JobHooks jobs = JobHooks.NONE;
    private boolean disposed;

    /** How the view model shows its jobs (the status bar); tests pass {@link #NONE}. FX thread. */
    public interface JobHooks {
        JobHooks NONE = (title, cancel) -> new Job() {
            @Override
            public void progress(double value, String what) {
            }

            @Override
            public void done() {
            }
        };

        Job start(String title, Runnable cancel);

        /** One shown job. */
        interface Job {
            void progress(double value, String what);

            void done();
        }
    }

    /** A view model with its own daemon threads, publishing on the FX thread; problems go to {@code showError}. */
    public ImageLinearViewModel(Consumer<String> showError) {
        this.showError = Objects.requireNonNull(showError);
        ExecutorService t = Executors.newFixedThreadPool(2, daemon("image-linear-training"));
        ExecutorService p = Executors.newSingleThreadExecutor(daemon("image-linear-prepare"));
        owned.add(t);
        owned.add(p);
        trainers = t;
        preparer = p;
        fxThread = Platform::runLater;
        init();
    }

    /** A view model on the given executors (tests run everything synchronously on the calling thread). */
    ImageLinearViewModel(Executor trainers, Executor preparer, Executor fxThread, Consumer<String> showError) {
        this.trainers = trainers;
        this.preparer = preparer;
        this.fxThread = fxThread;
        this.showError = Objects.requireNonNull(showError);
        init();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread th = new Thread(r, name);
            th.setDaemon(true);
            return th;
        };
    }

    private void init() {
        TrainConfig d = TrainConfig.defaults(ImageLoss.SVM);
        learningRate.set(d.learningRate());
        reg.set(d.reg());
        iterations.set(d.iterations());
        batchSize.set(d.batchSize());
        seed.set(d.seed());
        dataset.addListener((o, a, ds) -> prepare());
        biasTrick.addListener((o, a, b) -> prepare());
    }

    /** Shows jobs through {@code hooks} from now on. */
    public void setJobs(JobHooks hooks) {
        jobs = Objects.requireNonNull(hooks);
    }

    /**
     * Prepares the dataset in use (splits, float32, mean image off, bias column) in the background; a running
     * training or search and an earlier preparation are cancelled, and the models (of other data) are dropped.
     */
    private void prepare() {
        stop();
        stopSearch();
        if (prepareCancel != null) {
            prepareCancel.set(true);
        }
        data.set(null);
        models.set(null);
        live.set(null);
        searchPoints.set(List.of());
        history = null;
        updateUndo();
        Dataset d = dataset.get();
        if (d == null || d.train().size() < 2 || d.test().size() < 1) {
            preparing.set(false);
            return;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        prepareCancel = cancelled;
        preparing.set(true);
        boolean bias = biasTrick.get();
        SplitSizes sizes = SplitSizes.forDataset(d.train().size(), d.test().size());
        JobHooks.Job job = jobs.start(String.format(java.util.Locale.ROOT, "Preparing %,d images for the linear "
                + "classifier", sizes.train() + sizes.validation() + sizes.test()), () -> cancelled.set(true));
        job.progress(-1, sizes.describe());
        preparer.execute(() -> {
            LinearImageData prepared = null;
            Throwable failure = null;
            try {
                if (!cancelled.get()) {
                    prepared = LinearImageData.prepare(d.train(), d.test(), sizes, bias, 0L);
                }
            } catch (Throwable t) {
                failure = t;
            }
            LinearImageData result = prepared;
            Throwable error = failure;
            // Back on the FX thread: only the newest preparation of the dataset still in use is kept.
            fxThread.execute(() -> {
                job.done();
                if (cancelled.get() || disposed || d != dataset.get()) {
                    if (prepareCancel == cancelled) {
                        preparing.set(false);
                    }
                    return;
                }
                prepareCancel = null;
                preparing.set(false);
                if (error != null) {
                    showError.accept("Preparing " + d.name() + " for the linear classifier failed: "
                            + (error instanceof OutOfMemoryError ? "not enough memory (start the app with -Xmx4g)"
                            : error.getMessage()));
                    return;
                }
                data.set(result);
                Models first = new Models(result, Map.of());
                history = new EditHistory<>(first, HISTORY_LIMIT);
                models.set(first);
                updateUndo();
                restorePending();
            });
        });
    }

    /** The split sizes the prepared data uses, as the UI states them. */
    public String splitDescription() {
        Dataset d = dataset.get();
        return d == null ? "" : SplitSizes.forDataset(d.train().size(), d.test().size()).describe();
    }

    /** The training settings of {@code loss} now. */
    public TrainConfig config(ImageLoss loss) {
        return new TrainConfig(loss, learningRate.get(), reg.get(), iterations.get(), batchSize.get(), seed.get());
    }

    /** Trains the chosen loss(es) from the seeded initial W (the same W for both). */
    public void train() {
        LinearImageData d = data.get();
        if (d == null) {
            return;
        }
        LinearImageModel start = LinearImageModel.initial(d.classCount(), d.dim(), d.biasTrick(), seed.get());
        Map<ImageLoss, Trained> from = new EnumMap<>(ImageLoss.class);
        for (ImageLoss l : mode.get().losses()) {
            from.put(l, new Trained(l, start, new double[0], Double.NaN, Double.NaN, "initial W"));
        }
        run(from, "Training");
    }

    /** Trains the chosen loss(es) further from their current models (from the initial W where there is none). */
    public void continueTraining() {
        Models m = models.get();
        if (m == null) {
            return;
        }
        LinearImageModel start = null;
        Map<ImageLoss, Trained> from = new EnumMap<>(ImageLoss.class);
        for (ImageLoss l : mode.get().losses()) {
            Trained t = m.byLoss().get(l);
            if (t == null) {
                if (start == null) {
                    start = LinearImageModel.initial(m.data().classCount(), m.data().dim(), m.data().biasTrick(),
                            seed.get());
                }
                t = new Trained(l, start, new double[0], Double.NaN, Double.NaN, "initial W");
            }
            from.put(l, t);
        }
        run(from, "Continuing");
    }

    private boolean checkSettings() {
        if (!(learningRate.get() > 0) || !(reg.get() >= 0) || iterations.get() < 1 || batchSize.get() < 1) {
            message.set("Training needs a learning rate above 0, a regularisation of at least 0, "
                    + "and at least one iteration and one image per batch.");
            return false;
        }
        message.set("");
        return true;
    }

    private void run(Map<ImageLoss, Trained> from, String verb) {
        if (!checkSettings() || training.get()) {
            return;
        }
        stopSearch();
        LinearImageData d = data.get();
        AtomicBoolean cancelled = new AtomicBoolean();
        trainCancel = cancelled;
        training.set(true);
        List<ImageLoss> losses = List.copyOf(from.keySet());
        String names = String.join(" and ", losses.stream().map(ImageLoss::label).toList());
        JobHooks.Job job = jobs.start(verb + " " + names, this::stop);
        Map<ImageLoss, double[]> previous = new EnumMap<>(ImageLoss.class);
        from.forEach((l, t) -> previous.put(l, t.lossHistory()));
        Map<ImageLoss, TrainSnapshot> first = new EnumMap<>(ImageLoss.class);
        live.set(new Live(Collections.unmodifiableMap(first), Collections.unmodifiableMap(previous), Map.of()));
        Split probe = d.train().first(LIVE_TRAIN_ROWS, "the first " + LIVE_TRAIN_ROWS + " training images");
        Map<ImageLoss, AtomicReference<LiveAccuracy>> latestAccuracy = new EnumMap<>(ImageLoss.class);
        losses.forEach(l -> latestAccuracy.put(l, new AtomicReference<>()));
        // Each trainer thread leaves its newest snapshot here; one hand-off to the FX thread at a time drains them
        // all, so the FX thread sees at most one update per pulse however fast training runs.
        Map<ImageLoss, AtomicReference<TrainSnapshot>> latest = new EnumMap<>(ImageLoss.class);
        losses.forEach(l -> latest.put(l, new AtomicReference<>()));
        AtomicBoolean posted = new AtomicBoolean();
        Runnable drain = () -> {
            posted.set(false);
            if (trainCancel != cancelled || disposed) {
                return;
            }
            Map<ImageLoss, TrainSnapshot> now = new EnumMap<>(ImageLoss.class);
            Live before = live.get();
            if (before != null) {
                now.putAll(before.snapshots());
            }
            latest.forEach((l, ref) -> {
                TrainSnapshot s = ref.getAndSet(null);
                if (s != null) {
                    now.put(l, s);
                }
            });
            Map<ImageLoss, LiveAccuracy> acc = new EnumMap<>(ImageLoss.class);
            if (before != null) {
                acc.putAll(before.accuracy());
            }
            latestAccuracy.forEach((l, ref) -> {
                LiveAccuracy a = ref.get();
                if (a != null) {
                    acc.put(l, a);
                }
            });
            live.set(new Live(Collections.unmodifiableMap(now), Collections.unmodifiableMap(previous),
                    Collections.unmodifiableMap(acc)));
            double done = 0;
            int total = 0;
            for (ImageLoss l : losses) {
                TrainSnapshot s = now.get(l);
                done += s == null ? 0 : s.iteration();
                total += s == null ? iterations.get() : s.iterations();
            }
            job.progress(total == 0 ? -1 : done / total, String.format(java.util.Locale.ROOT, "iteration %,d of %,d",
                    Math.round(done / losses.size()), total / losses.size()));
        };
        Map<ImageLoss, Trained> results = Collections.synchronizedMap(new EnumMap<>(ImageLoss.class));
        java.util.concurrent.atomic.AtomicInteger remaining = new java.util.concurrent.atomic.AtomicInteger(losses.size());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (ImageLoss l : losses) {
            Trained t = from.get(l);
            TrainConfig cfg = config(l);
            // Continuing draws other minibatches than the run before it: the seed moves on by the iterations done.
            TrainConfig runCfg = new TrainConfig(l, cfg.learningRate(), cfg.reg(), cfg.iterations(), cfg.batchSize(),
                    cfg.seed() + t.iterations());
            trainers.execute(() -> {
                try {
                    long[] lastMeasured = {System.nanoTime() - ACCURACY_NANOS};
                    TrainResult r = SgdTrainer.train(d, t.model(), runCfg, s -> {
                        long nowNanos = System.nanoTime();
                        if (nowNanos - lastMeasured[0] >= ACCURACY_NANOS || s.iteration() == s.iterations()) {
                            lastMeasured[0] = nowNanos;
                            latestAccuracy.get(l).set(new LiveAccuracy(s.iteration(), s.model().accuracy(probe),
                                    probe.n(), s.model().accuracy(d.validation())));
                        }
                        latest.get(l).set(s);
                        if (posted.compareAndSet(false, true)) {
                            fxThread.execute(drain);
                        }
                    }, SNAPSHOT_NANOS, cancelled::get);
                    double[] hist = concat(t.lossHistory(), r.lossHistory(), r.iterationsDone());
                    double trainAcc = r.model().accuracy(d.train());
                    double valAcc = r.model().accuracy(d.validation());
                    results.put(l, new Trained(l, r.model(), hist, trainAcc, valAcc, String.format(
                            java.util.Locale.ROOT, "%s, lr %s, reg %s, %,d iterations%s", l == ImageLoss.SVM ? "SVM"
                                    : "softmax", LinearFormat.number(cfg.learningRate()),
                            LinearFormat.number(cfg.reg()), hist.length, r.cancelled() ? " (stopped)" : "")));
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
                if (remaining.decrementAndGet() == 0) {
                    Map<ImageLoss, Trained> done = new EnumMap<>(results);
                    Throwable error = failure.get();
                    fxThread.execute(() -> finishTraining(cancelled, job, done, error));
                }
            });
        }
    }

    private static double[] concat(double[] before, double[] run, int done) {
        int n = Math.min(done, run.length);
        double[] all = java.util.Arrays.copyOf(before, before.length + n);
        System.arraycopy(run, 0, all, before.length, n);
        return all;
    }

    private void finishTraining(AtomicBoolean cancelled, JobHooks.Job job, Map<ImageLoss, Trained> done,
                                Throwable error) {
        job.done();
        if (trainCancel != cancelled || disposed) {
            // A newer dataset took over; these models belong to data no longer in use.
            return;
        }
        trainCancel = null;
        training.set(false);
        live.set(null);
        if (error != null) {
            showError.accept("Training failed: " + (error instanceof OutOfMemoryError ? "not enough memory"
                    : String.valueOf(error.getMessage())));
        }
        Models m = models.get();
        if (m == null || done.isEmpty()) {
            return;
        }
        for (Trained t : done.values()) {
            m = m.with(t);
        }
        record(m);
    }

    /** Stops training: each loss keeps the model it has reached (recorded as one undo step). */
    public void stop() {
        if (trainCancel != null) {
            trainCancel.set(true);
        }
    }

    /**
     * Runs the notebook's grid of learning rates × regularisation strengths for {@code loss} with {@code iters}
     * iterations per point; the points arrive one by one in {@link #searchPointsProperty()}.
     */
    public void search(ImageLoss loss, SearchGrid grid, int iters) {
        LinearImageData d = data.get();
        if (d == null || training.get() || !checkSettings()) {
            return;
        }
        stopSearch();
        AtomicBoolean cancelled = new AtomicBoolean();
        searchCancel = cancelled;
        searching.set(true);
        searchLoss.set(loss);
        searchPoints.set(List.of());
        int total = grid.learningRates().length * grid.regs().length;
        JobHooks.Job job = jobs.start("Hyperparameter search (" + loss.label() + ")", this::stopSearch);
        job.progress(0, "0 of " + total + " settings");
        int batch = batchSize.get();
        long s = seed.get();
        List<SearchPoint> found = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean posted = new AtomicBoolean();
        Runnable drain = () -> {
            posted.set(false);
            if (searchCancel == cancelled && !disposed) {
                List<SearchPoint> now;
                synchronized (found) {
                    now = List.copyOf(found);
                }
                searchPoints.set(now);
                job.progress((double) now.size() / total, now.size() + " of " + total + " settings");
            }
        };
        trainers.execute(() -> {
            Throwable failure = null;
            try {
                HyperparameterSearch.run(d, loss, grid, iters, batch, s, p -> {
                    found.add(p);
                    if (posted.compareAndSet(false, true)) {
                        fxThread.execute(drain);
                    }
                }, cancelled::get);
            } catch (Throwable t) {
                failure = t;
            }
            Throwable error = failure;
            fxThread.execute(() -> {
                job.done();
                if (searchCancel == cancelled) {
                    searchCancel = null;
                    searching.set(false);
                    drainNow(found);
                    if (error != null && !(error instanceof java.util.concurrent.CancellationException)) {
                        showError.accept("The hyperparameter search failed: " + error.getMessage());
                    }
                }
            });
        });
    }

    private void drainNow(List<SearchPoint> found) {
        synchronized (found) {
            searchPoints.set(List.copyOf(found));
        }
    }

    /** Stops the search; the points found so far stay. */
    public void stopSearch() {
        if (searchCancel != null) {
            searchCancel.set(true);
            searchCancel = null;
            searching.set(false);
        }
    }

    /** Makes a search point's model the model of its loss (one undo step). */
    public void load(SearchPoint p, ImageLoss loss) {
        Models m = models.get();
        if (m == null || training.get() || p.model().dim() != m.data().dim()) {
            return;
        }
        record(m.with(new Trained(loss, p.model(), new double[0], p.trainAccuracy(), p.validationAccuracy(),
                String.format(java.util.Locale.ROOT, "search point lr %s, reg %s", LinearFormat.number(p.learningRate()),
                        LinearFormat.number(p.reg())))));
    }

    private void record(Models next) {
        if (history == null || next.data() != history.current().data()) {
            return;
        }
        history.push(next);
        models.set(next);
        updateUndo();
    }

    /** Back to the models before the last training run or load. */
    public void undo() {
        if (history != null && history.canUndo() && !training.get()) {
            models.set(history.undo());
            updateUndo();
        }
    }

    public void redo() {
        if (history != null && history.canRedo() && !training.get()) {
            models.set(history.redo());
            updateUndo();
        }
    }

    private void updateUndo() {
        canUndo.set(history != null && history.canUndo());
        canRedo.set(history != null && history.canRedo());
    }

    /** The models shown now: the live ones while training, the trained ones otherwise (only the chosen losses). */
    public Map<ImageLoss, LinearImageModel> shownModels() {
        Map<ImageLoss, LinearImageModel> shown = new EnumMap<>(ImageLoss.class);
        Models m = models.get();
        Live l = live.get();
        for (ImageLoss loss : mode.get().losses()) {
            TrainSnapshot s = l == null ? null : l.snapshots().get(loss);
            if (s != null) {
                shown.put(loss, s.model());
            } else if (m != null && m.byLoss().containsKey(loss)) {
                shown.put(loss, m.byLoss().get(loss).model());
            }
        }
        return shown;
    }

    /** The loss of every iteration of {@code loss}'s model so far (with the live run's iterations appended). */
    public double[] lossCurve(ImageLoss loss) {
        Live l = live.get();
        if (l != null && l.previousHistory().containsKey(loss)) {
            TrainSnapshot s = l.snapshots().get(loss);
            double[] before = l.previousHistory().get(loss);
            return s == null ? before : concat(before, s.lossHistory(), s.iteration());
        }
        Models m = models.get();
        Trained t = m == null ? null : m.byLoss().get(loss);
        return t == null ? new double[0] : t.lossHistory();
    }

    public ObjectProperty<Dataset> datasetProperty() {
        return dataset;
    }

    /** Bias trick (a column of ones, W is C × (D + 1)) or a separate b. */
    public BooleanProperty biasTrickProperty() {
        return biasTrick;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public DoubleProperty regProperty() {
        return reg;
    }

    public IntegerProperty iterationsProperty() {
        return iterations;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    /** The prepared data, null while preparing or without a dataset. */
    public ReadOnlyObjectProperty<LinearImageData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty preparingProperty() {
        return preparing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty trainingProperty() {
        return training.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** The trained models (null while there is no prepared data). */
    public ReadOnlyObjectProperty<Models> modelsProperty() {
        return models.getReadOnlyProperty();
    }

    /** The newest training snapshots while training runs, else null. */
    public ReadOnlyObjectProperty<Live> liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** The points of the last (or running) search. */
    public ReadOnlyObjectProperty<List<SearchPoint>> searchPointsProperty() {
        return searchPoints.getReadOnlyProperty();
    }

    /** The loss of the last search. */
    public ReadOnlyObjectProperty<ImageLoss> searchLossProperty() {
        return searchLoss.getReadOnlyProperty();
    }

    /** Why the last command was refused, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Cancels every job and stops the threads. */
    public void dispose() {
        disposed = true;
        stop();
        stopSearch();
        if (prepareCancel != null) {
            prepareCancel.set(true);
        }
        owned.forEach(ExecutorService::shutdownNow);
    }

    /**
     * The settings and, where small enough ({@link ImageLinearState#MAX_SAVED_FLOATS} floats a loss), the trained
     * models with their loss history, for a scene file (view look and tab: the lesson adds them).
     */
    public ImageLinearState sceneState() {
        List<ImageLinearState.Trained> trained = new ArrayList<>();
        Models m = models.get();
        if (m != null) {
            for (Trained t : m.byLoss().values()) {
                LinearImageModel w = t.model();
                if ((long) w.classCount() * w.dim() <= ImageLinearState.MAX_SAVED_FLOATS && w.classCount() <= 100) {
                    trained.add(new ImageLinearState.Trained(t.loss(), w.classCount(), w.dim(), w.biasTrick(),
                            // With the bias trick b is W's last column, already in W; the file's b is then all 0
                            // (what the reader requires), not a second copy of that column.
                            w.weights(), w.biasTrick() ? new float[w.classCount()] : w.bias(), t.lossHistory(),
                            t.trainAccuracy(), t.validationAccuracy(),
                            t.origin()));
                }
            }
        } else {
            trained.addAll(pendingModels);
        }
        return new ImageLinearState(mode.get().name(), biasTrick.get(), learningRate.get(), reg.get(), iterations.get(),
                batchSize.get(), seed.get(), null, null, 2, null, trained);
    }

    /**
     * Takes a scene's settings (checked by the scene reader); training and search stop. Its trained models become
     * the models (one undo step) once the data is prepared, if they fit it (same classes and row length); else a
     * message says why they were left out. With {@code datasetComing} (a scene's dataset is being loaded) they wait
     * for that dataset's data.
     */
    public void applyScene(ImageLinearState s, boolean datasetComing) {
        stop();
        stopSearch();
        mode.set(Mode.valueOf(s.mode()));
        learningRate.set(s.learningRate());
        reg.set(s.reg());
        iterations.set(s.iterations());
        batchSize.set(s.batchSize());
        seed.set(s.seed());
        pendingModels = s.trained();
        // A changed bias trick prepares the data again; its end restores the models.
        biasTrick.set(s.biasTrick());
        if (!datasetComing && data.get() != null && !preparing.get()) {
            restorePending();
        }
    }

    /** Whether a scene's models still wait for prepared data. */
    boolean hasPendingModels() {
        return !pendingModels.isEmpty();
    }

    /** Called when data is ready (and by the lesson once the scene's dataset is in use). */
    void restorePending() {
        LinearImageData d = data.get();
        if (pendingModels.isEmpty() || d == null || history == null) {
            return;
        }
        List<ImageLinearState.Trained> list = pendingModels;
        pendingModels = List.of();
        Models next = models.get();
        List<String> refused = new ArrayList<>();
        for (ImageLinearState.Trained t : list) {
            if (t.classCount() != d.classCount() || t.dim() != d.dim() || t.biasTrick() != d.biasTrick()) {
                refused.add(String.format(java.util.Locale.ROOT, "the %s model (%d classes × %,d) does not fit %s "
                        + "(%d classes × %,d)", t.loss(), t.classCount(), t.dim(), dataset.get().name(), d.classCount(),
                        d.dim()));
                continue;
            }
            LinearImageModel w = LinearImageModel.of(t.classCount(), t.dim(), t.biasTrick(), t.weights(),
                    t.biasTrick() ? null : t.bias());
            next = next.with(new Trained(t.loss(), w, t.lossHistory(), t.trainAccuracy(), t.validationAccuracy(),
                    t.origin()));
        }
        if (next != models.get()) {
            record(next);
        }
        message.set(refused.isEmpty() ? "" : "From the scene, " + String.join("; ", refused) + ".");
    }
}
