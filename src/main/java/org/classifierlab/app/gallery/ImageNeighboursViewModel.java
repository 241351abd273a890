package org.classifierlab.app.gallery;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.classifierlab.app.concurrent.LatestWinsWorker;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.knn.ByteMatrix;
import org.classifierlab.core.knn.DistanceEngine;
import org.classifierlab.core.knn.ImageKnnClassifier;
import org.classifierlab.core.knn.KnnResult;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.NeighbourTable;
import org.classifierlab.core.knn.TieRule;

/**
 * State of the "Nearest neighbours on images" lesson: the dataset, the query (with back/forward history), K, the
 * tie rule and the metrics shown, and the query's nearest training images under each metric, searched on a
 * latest-wins worker. Properties and methods: FX thread only.
 */
public final class ImageNeighboursViewModel {

    /** Most neighbours shown (and searched) per metric. */
    public static final int MAX_SHOWN = 50;

    /**
     * One finished search: the query and, per metric, its {@link #MAX_SHOWN} (or fewer, on tiny datasets) nearest
     * training images as a one-row table. Immutable; any thread.
     */
    public record Result(Dataset dataset, Query query, Map<Metric, NeighbourTable> tables, long nanos, boolean indexed) {
        public Result {
            tables = Map.copyOf(tables);
        }
    }

    /** What the worker is asked: a snapshot taken on the FX thread. */
    private record Request(Dataset dataset, Query query, List<Metric> metrics, NeighbourSearch search, boolean indexed) {
    }

    private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final ReadOnlyObjectWrapper<Query> query = new ReadOnlyObjectWrapper<>(this, "query");
    private final IntegerProperty k = new SimpleIntegerProperty(this, "k", 1);
    private final IntegerProperty shown = new SimpleIntegerProperty(this, "shown", 10);
    private final ObjectProperty<TieRule> tieRule = new SimpleObjectProperty<>(this, "tieRule", TieRule.SMALLEST_CLASS);
    private final BooleanProperty showLinf = new SimpleBooleanProperty(this, "showLinf", false);
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(this, "canGoBack");
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper(this, "canGoForward");
    private final List<Query> history = new ArrayList<>();
    private int position = -1;
    private final LatestWinsWorker<Request, Result> worker;
    private NeighbourSearch search;
    private boolean indexed;

    /** A view model searching on its own worker thread; search failures go to {@code onError}. */
    public ImageNeighboursViewModel(Consumer<Throwable> onError) {
        worker = new LatestWinsWorker<>("image-neighbours", ImageNeighboursViewModel::compute, this::publish, onError);
        listen();
    }

    /** A view model on the given executors (tests run the search synchronously). */
    ImageNeighboursViewModel(Executor workerThread, Executor fxThread, Consumer<Throwable> onError) {
        worker = new LatestWinsWorker<>(workerThread, fxThread, ImageNeighboursViewModel::compute, this::publish, onError);
        listen();
    }

    private void listen() {
        dataset.addListener((o, old, d) -> {
            // A new dataset: the old query, history and result belong to other images and are dropped.
            history.clear();
            position = -1;
            updateHistoryFlags();
            result.set(null);
            search = d == null ? null : NeighbourSearch.bruteForce(NeighbourSearch.trainRows(d));
            indexed = false;
            if (d == null || d.test().size() == 0) {
                query.set(null);
                worker.requestReplacing(null);
            } else {
                go(Query.test(d, 0));
            }
        });
        showLinf.addListener(o -> research());
    }

    private static Result compute(Request r, BooleanSupplier cancelled) {
        if (r == null) {
            return null;
        }
        long t0 = System.nanoTime();
        int refs = r.dataset.train().size();
        ByteMatrix q = new ByteMatrix(r.query.pixels(), 1, r.query.pixels().length);
        int excluded = r.query.excludedTrainRow();
        int available = refs - (excluded >= 0 ? 1 : 0);
        int k = Math.min(MAX_SHOWN, available);
        Map<Metric, NeighbourTable> tables = new EnumMap<>(Metric.class);
        List<Metric> metrics = k < 1 ? List.of() : r.metrics;
        List<DistanceEngine.Options> each = new java.util.ArrayList<>();
        for (Metric m : metrics) {
            DistanceEngine.Options options = DistanceEngine.Options.of(k, m).withCancellation(cancelled);
            if (excluded >= 0) {
                options = options.excluding(excluded, excluded + 1);
            }
            each.add(options);
        }
        List<NeighbourTable> found = r.search.nearestEach(q, each);
        for (int i = 0; i < metrics.size(); i++) {
            tables.put(metrics.get(i), found.get(i));
        }
        return new Result(r.dataset, r.query, tables, System.nanoTime() - t0, r.indexed);
    }

    private void publish(Result r) {
        // Results of a query the user has already left, or of another dataset, are never shown.
        if (r.dataset == dataset.get() && r.query.sameAs(query.get())) {
            result.set(r);
        }
    }

    /** The metrics whose rows are shown: L1 and L2 side by side, and L∞ when asked for. */
    public List<Metric> metrics() {
        return showLinf.get() ? List.of(Metric.L1, Metric.L2, Metric.LINF) : List.of(Metric.L1, Metric.L2);
    }

    /** Makes {@code q} the query (a new history entry after the current one; forward entries are dropped). */
    public void go(Query q) {
        Objects.requireNonNull(q, "q");
        if (q.sameAs(query.get())) {
            return;
        }
        while (history.size() > position + 1) {
            history.remove(history.size() - 1);
        }
        history.add(q);
        position = history.size() - 1;
        show(q);
    }

    /** Test image {@code i} of the dataset as the query. */
    public void goTest(int i) {
        go(Query.test(dataset.get(), i));
    }

    /** Training image {@code i} as the query: its own neighbours, leaving itself out. */
    public void goTrain(int i) {
        go(Query.train(dataset.get(), i));
    }

    /** The previous query of the history. */
    public void back() {
        if (position > 0) {
            position--;
            show(history.get(position));
        }
    }

    /** The next query of the history. */
    public void forward() {
        if (position < history.size() - 1) {
            position++;
            show(history.get(position));
        }
    }

    private void show(Query q) {
        updateHistoryFlags();
        query.set(q);
        research();
    }

    private void updateHistoryFlags() {
        canGoBack.set(position > 0);
        canGoForward.set(position >= 0 && position < history.size() - 1);
    }

    private void research() {
        Dataset d = dataset.get();
        Query q = query.get();
        if (d != null && q != null && d.train().size() > 0) {
            worker.requestReplacing(new Request(d, q, metrics(), search, indexed));
        }
    }

    /**
     * Uses {@code faster} for the searches of {@code forDataset} from now on (the pruned index, once it is built);
     * ignored if the dataset has changed since.
     */
    public void useSearch(Dataset forDataset, NeighbourSearch faster) {
        if (forDataset == dataset.get()) {
            search = Objects.requireNonNull(faster);
            indexed = true;
        }
    }

    /** Whether searches use a faster search than brute force (the pruned index). */
    public boolean usesIndex() {
        return indexed;
    }

    /** The vote of the first K neighbours under {@code metric} in the current result; null while there is none. */
    public KnnResult vote(Metric metric) {
        Result r = result.get();
        if (r == null || !r.tables.containsKey(metric)) {
            return null;
        }
        NeighbourTable t = r.tables.get(metric);
        int kk = Math.min(k.get(), t.k());
        return ImageKnnClassifier.vote(t, 0, r.dataset.train().labels(), r.dataset.train().classCount(), kk,
                tieRule.get());
    }

    /** K up (by one, to at most {@link #MAX_SHOWN}). */
    public void kUp() {
        k.set(Math.min(MAX_SHOWN, k.get() + 1));
    }

    /** K down (by one, to at least 1). */
    public void kDown() {
        k.set(Math.max(1, k.get() - 1));
    }

    /** The next tie rule. */
    public void nextTieRule() {
        TieRule[] all = TieRule.values();
        tieRule.set(all[(tieRule.get().ordinal() + 1) % all.length]);
    }

    public ObjectProperty<Dataset> datasetProperty() {
        return dataset;
    }

    public ReadOnlyObjectProperty<Query> queryProperty() {
        return query.getReadOnlyProperty();
    }

    /** K of the vote, 1 … {@link #MAX_SHOWN}. */
    public IntegerProperty kProperty() {
        return k;
    }

    /** Neighbours shown per metric, 1 … {@link #MAX_SHOWN}. */
    public IntegerProperty shownProperty() {
        return shown;
    }

    public ObjectProperty<TieRule> tieRuleProperty() {
        return tieRule;
    }

    public BooleanProperty showLinfProperty() {
        return showLinf;
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** True while a search runs or waits. */
    public ReadOnlyBooleanProperty busyProperty() {
        return worker.busyProperty();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }

    /** Stops the search worker. */
    public void dispose() {
        worker.dispose();
    }
}
