package org.classifierlab.app.gallery;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.classifierlab.app.concurrent.LatestWinsWorker;
import org.classifierlab.app.shell.JobStatus;
import org.classifierlab.core.Progress;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.knn.ByteMatrix;
import org.classifierlab.core.knn.DistanceEngine;
import org.classifierlab.core.knn.ImageKnnClassifier;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.NeighbourTable;
import org.classifierlab.core.knn.TieRule;

/**
 * The nearest training images of every test image under one metric (up to
 * {@link ImageNeighboursViewModel#MAX_SHOWN} each), searched once in the background with progress and Cancel in
 * the status bar, so the query browser can filter by predicted class, "misclassified at K" and "tied votes" for any
 * K and tie rule at once. FX thread only.
 */
public final class TestSetVotes {

    /** The neighbour table of all test images of {@code dataset} under {@code metric}. Immutable; any thread. */
    public record Table(Dataset dataset, Metric metric, NeighbourTable table) {

        /** Predicted class of every test image with K neighbours under {@code rule} (-1: undecided). */
        public int[] predictions(int k, TieRule rule) {
            return ImageKnnClassifier.predict(table, dataset.train().labels(), dataset.train().classCount(),
                    Math.min(k, table.k()), rule);
        }

        /** Whether the vote of each test image's first K neighbours is tied. */
        public boolean[] tied(int k) {
            return ImageKnnClassifier.tied(table, dataset.train().labels(), dataset.train().classCount(),
                    Math.min(k, table.k()));
        }
    }

    private record Request(Dataset dataset, Metric metric, NeighbourSearch search, Progress progress) {
    }

    private final JobStatus jobs;
    private final ReadOnlyObjectWrapper<Table> table = new ReadOnlyObjectWrapper<>(this, "table");
    private final LatestWinsWorker<Request, Table> worker;
    private JobStatus.Job job;
    private Dataset wantedDataset;
    private Metric wantedMetric;

    public TestSetVotes(JobStatus jobs, Consumer<Throwable> onError) {
        this.jobs = Objects.requireNonNull(jobs);
        worker = new LatestWinsWorker<>("test-set-votes", TestSetVotes::compute, this::publish, e -> {
            endJob();
            onError.accept(e);
        });
        worker.busyProperty().addListener((o, was, busy) -> {
            if (!busy) {
                endJob();
            }
        });
    }

    private static Table compute(Request r, BooleanSupplier cancelled) {
        if (r == null) {
            return null;
        }
        Dataset d = r.dataset;
        int k = Math.min(ImageNeighboursViewModel.MAX_SHOWN, d.train().size());
        ByteMatrix queries = d.test().rows();
        DistanceEngine.Options options = DistanceEngine.Options.of(k, r.metric).withCancellation(cancelled)
                .withProgress(r.progress);
        return new Table(d, r.metric, r.search.nearest(queries, options));
    }

    private void publish(Table t) {
        if (t.dataset == wantedDataset && t.metric == wantedMetric) {
            table.set(t);
        }
    }

    /**
     * Classifies the test images of {@code d} under {@code metric} unless that is already known or running; a
     * search for another dataset or metric is cancelled.
     */
    public void request(Dataset d, Metric metric, NeighbourSearch search) {
        Table t = table.get();
        if (d == wantedDataset && metric == wantedMetric && (t != null || worker.busyProperty().get())) {
            return;
        }
        wantedDataset = d;
        wantedMetric = metric;
        table.set(null);
        endJob();
        if (d == null || d.test().size() == 0 || d.train().size() == 0) {
            worker.requestReplacing(null);
            return;
        }
        job = jobs.start(String.format("Classifying %,d test images (%s)", d.test().size(), metric.label()),
                this::cancel);
        worker.requestReplacing(new Request(d, metric, search, job.relay()));
    }

    /** Forgets the table (a new dataset); nothing is searched until the next {@link #request}. */
    public void clear() {
        wantedDataset = null;
        wantedMetric = null;
        table.set(null);
        worker.requestReplacing(null);
    }

    /** Cancels a running classification. */
    public void cancel() {
        wantedDataset = null;
        wantedMetric = null;
        worker.requestReplacing(null);
        endJob();
    }

    private void endJob() {
        if (job != null) {
            job.done();
            job = null;
        }
    }

    /** The finished table, or null while none is (being) computed. */
    public ReadOnlyObjectProperty<Table> tableProperty() {
        return table.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty busyProperty() {
        return worker.busyProperty();
    }

    public void dispose() {
        worker.dispose();
        endJob();
    }
}
