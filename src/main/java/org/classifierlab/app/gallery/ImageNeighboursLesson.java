package org.classifierlab.app.gallery;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import org.classifierlab.app.render.LessonPicture;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.ErrorReporter;
import org.classifierlab.app.shell.Lesson;
import org.classifierlab.app.shell.Shortcut;
import org.classifierlab.app.theme.Theme;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.knn.Metric;

/**
 * The "Nearest neighbours on images" lesson: a test image's nearest training images under L1 and L2 side by side on
 * the dataset in use, with the query browser, and the lesson's other panels as tabs. It follows the dataset in use:
 * a new dataset cancels every search for the old one. FX thread only.
 */
public final class ImageNeighboursLesson implements Lesson {

    private final AppContext context;
    private final ImageNeighboursViewModel viewModel;
    private final ImageNeighboursView view;
    private final TestSetVotes votes;
    private final ChangeListener<Dataset> datasetListener = (o, old, d) -> useDataset(d);
    private final ChangeListener<Number> sharedTestImage;
    private final InvalidationListener revote;
    private final ChangeListener<Theme> themeListener;
    private final NeighbourSheetPanel sheet;
    private final PixelDistancePanel pixelDistance;
    private final SameDistancePanel sameDistance;
    private final DistanceMatrixPanel matrix;
    private final CrossValidationPanel crossValidation;
    private final PixelSpaceMap pixelMap;
    private final javafx.scene.control.Tab sheetTab;
    private final javafx.scene.control.Tab pixelTab;
    private final javafx.scene.control.Tab matrixTab;
    private Dataset matrixDataset;
    private final java.util.concurrent.ExecutorService indexBuilder = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pruned-index-builder");
        t.setDaemon(true);
        return t;
    });
    private java.util.concurrent.atomic.AtomicBoolean indexCancel;
    private NeighbourSearch search;
    /** The file of the user's own image last made the query, for scene files. */
    private Path queryFile;
    /** A scene's query waiting for the dataset being loaded for it. */
    private org.classifierlab.core.scene.ImageNeighboursState pendingScene;
    private final java.util.concurrent.ExecutorService imageReader = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "image-file-reader");
        t.setDaemon(true);
        return t;
    });

    public ImageNeighboursLesson(AppContext context) {
        this.context = context;
        ErrorReporter errors = new ErrorReporter(context);
        viewModel = new ImageNeighboursViewModel(errors::report);
        view = new ImageNeighboursView(viewModel);
        votes = new TestSetVotes(context.jobs(), errors::report);
        sheet = new NeighbourSheetPanel(context);
        sheet.setBrowserImages(() -> view.browser().shown());
        pixelDistance = new PixelDistancePanel(context);
        sameDistance = new SameDistancePanel(context);
        matrix = new DistanceMatrixPanel(context);
        crossValidation = new CrossValidationPanel(context);
        pixelMap = new PixelSpaceMap(context);
        sheetTab = view.addTab("Notes' figure", "tabSheet", sheet);
        pixelTab = view.addTab("Pixel distance", "tabPixelDistance", pixelDistance);
        view.addTab("Same L2 distance", "tabSameDistance", sameDistance);
        matrixTab = view.addTab("Distance matrix", "tabDistanceMatrix", matrix);
        // The matrix computes as soon as it has a dataset, so it gets one only when its tab is first shown.
        matrixTab.selectedProperty().addListener((o, was, on) -> {
            if (on && matrixDataset != viewModel.datasetProperty().get()) {
                matrixDataset = viewModel.datasetProperty().get();
                matrix.setDataset(matrixDataset);
            }
        });
        view.addTab("Choosing K", "tabChoosingK", crossValidation);
        view.addTab("Pixel-space map", "tabPixelMap", pixelMap);
        QueryBrowser browser = view.browser();
        matrix.setOnOpenPair((test, train) -> {
            Dataset d = viewModel.datasetProperty().get();
            viewModel.goTest(test);
            pixelDistance.setPair(d.test(), test, d.train(), train);
            view.tabs().getSelectionModel().select(pixelTab);
        });
        crossValidation.setOnFilter((truth, predicted, indices) -> {
            Dataset d = viewModel.datasetProperty().get();
            java.util.List<String> names = crossValidation.confusionMatrixProperty().get() != null
                    && d.test().classCount() > 20 ? org.classifierlab.core.data.Cifar100Labels.COARSE_NAMES
                    : d.test().classNames();
            browser.setExternalSet(indices, String.format(java.util.Locale.ROOT, "Confusion cell: true %s, predicted %s (%d)",
                    names.get(truth), predicted < 0 ? "undecided" : names.get(predicted), indices.length));
            view.tabs().getSelectionModel().selectFirst();
        });
        pixelMap.setOnPick(train -> {
            viewModel.goTrain(train);
            view.tabs().getSelectionModel().selectFirst();
        });
        // The pixel panels follow the query: its pair is the query and its nearest L2 neighbour.
        viewModel.resultProperty().addListener((o, a, r) -> followQuery(r));
        browser.votesProperty().bind(votes.tableProperty());
        browser.setOnNeedVotes(this::requestVotes);
        revote = o -> {
            if (browser.needsVotes()) {
                requestVotes();
            }
        };
        view.browserMetric().valueProperty().addListener(revote);

        // The query is shared with the other image lessons through the context; only test images are shared.
        sharedTestImage = (o, a, i) -> {
            Dataset d = viewModel.datasetProperty().get();
            if (d != null && i.intValue() >= 0 && i.intValue() < d.test().size()) {
                viewModel.goTest(i.intValue());
            }
        };
        context.testImageProperty().addListener(sharedTestImage);
        viewModel.queryProperty().addListener((o, a, q) -> {
            if (q != null && q.source() == Query.Source.TEST) {
                context.testImageProperty().set(q.index());
            }
        });

        themeListener = (o, a, t) -> view.setTheme(t);
        context.themeProperty().addListener(themeListener);
        view.setTheme(context.themeProperty().get());
        view.openImageButton().setOnAction(e -> chooseImageFile());
        view.setOnDragOver(e -> {
            // Scene files (.json) are left to the window, which opens them as scenes.
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream()
                    .noneMatch(org.classifierlab.app.shell.SceneCommands::isScene)) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
                e.consume();
            }
        });
        view.setOnDragDropped(e -> {
            java.util.List<java.io.File> files = e.getDragboard().getFiles();
            if (files != null && files.stream().anyMatch(org.classifierlab.app.shell.SceneCommands::isScene)) {
                return;
            }
            boolean ok = files != null && !files.isEmpty();
            if (ok) {
                openImageFile(files.get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        view.setOnKeyPressed(this::onKey);
        view.setFocusTraversable(true);
        context.datasets().currentProperty().addListener(datasetListener);
        useDataset(context.datasets().current());
        context.datasets().ensureLoaded();
    }

    private void useDataset(Dataset d) {
        votes.clear();
        viewModel.datasetProperty().set(d);
        view.setDataset(d);
        NeighbourSearch brute = d == null ? null : NeighbourSearch.bruteForce(NeighbourSearch.trainRows(d));
        sheet.setDataset(d, brute);
        pixelDistance.setDataset(d);
        sameDistance.setDataset(d);
        if (matrixTab.isSelected()) {
            matrixDataset = d;
            matrix.setDataset(d);
        } else if (matrixDataset != null) {
            matrixDataset = null;
            matrix.setDataset(null);
        }
        crossValidation.setDataset(d);
        pixelMap.setDataset(d);
        search = brute;
        buildIndex(d);
        int shared = context.testImageProperty().get();
        if (d != null && shared >= 0 && shared < d.test().size()) {
            viewModel.goTest(shared);
        }
        if (pendingScene != null && d != null) {
            org.classifierlab.core.scene.ImageNeighboursState s = pendingScene;
            pendingScene = null;
            applyQuery(s);
        }
    }

    /**
     * Builds the pruned exact index of {@code d}'s training images in the background; once built, every search of
     * this lesson uses it (same neighbours and distances as brute force, faster). A newer dataset cancels the build.
     */
    private void buildIndex(Dataset d) {
        if (indexCancel != null) {
            indexCancel.set(true);
        }
        if (d == null || d.train().size() == 0) {
            return;
        }
        java.util.concurrent.atomic.AtomicBoolean cancel = new java.util.concurrent.atomic.AtomicBoolean();
        indexCancel = cancel;
        org.classifierlab.app.shell.JobStatus.Job job = context.jobs().start("Indexing the training images", () -> cancel.set(true));
        org.classifierlab.core.Progress progress = job.relay();
        indexBuilder.execute(() -> {
            org.classifierlab.core.knn.PrunedIndex index = null;
            try {
                if (!cancel.get()) {
                    index = org.classifierlab.core.knn.PrunedIndex.build(NeighbourSearch.trainRows(d), d.train().channels(),
                            d.train().height(), d.train().width(), progress, cancel::get);
                }
            } catch (java.util.concurrent.CancellationException e) {
                index = null;
            } catch (RuntimeException | OutOfMemoryError e) {
                // Brute force stays in use: slower, with the same results.
                index = null;
            }
            org.classifierlab.core.knn.PrunedIndex built = index;
            javafx.application.Platform.runLater(() -> {
                job.done();
                if (built != null && !cancel.get() && d == viewModel.datasetProperty().get()) {
                    NeighbourSearch pruned = NeighbourSearch.pruned(built);
                    search = pruned;
                    viewModel.useSearch(d, pruned);
                    sheet.setSearch(d, pruned);
                }
            });
            if (built != null) {
                // compiles the search kernels now rather than on the user's first selection (~1 s interpreted)
                built.warmUp(40, cancel::get);
            }
        });
    }

    private void followQuery(ImageNeighboursViewModel.Result r) {
        if (r == null || r.query().source() == Query.Source.FILE || !r.tables().containsKey(Metric.L2)) {
            return;
        }
        Dataset d = r.dataset();
        org.classifierlab.core.data.ImageDataset set = r.query().source() == Query.Source.TEST ? d.test() : d.train();
        pixelDistance.setPair(set, r.query().index(), d.train(), r.tables().get(Metric.L2).index(0, 0));
        sameDistance.setImage(set, r.query().index());
    }

    private void chooseImageFile() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Query your own image");
        chooser.getExtensionFilters().addAll(
                new javafx.stage.FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif"),
                new javafx.stage.FileChooser.ExtensionFilter("All files", "*"));
        java.io.File file = chooser.showOpenDialog(context.window());
        if (file != null) {
            openImageFile(file.toPath());
        }
    }

    /**
     * Reads {@code file} off the FX thread, reduces it to the dataset's image shape and makes it the query. A bad
     * file gives a message naming it and the problem; the query in use stays.
     */
    public CompletableFuture<Query> openImageFile(Path file) {
        Dataset d = viewModel.datasetProperty().get();
        CompletableFuture<Query> done = new CompletableFuture<>();
        if (d == null) {
            context.showError("No dataset is loaded yet, so " + file + " has nothing to be compared with.");
            done.cancel(false);
            return done;
        }
        org.classifierlab.app.shell.JobStatus.Job job = context.jobs().start("Reading " + file.getFileName());
        imageReader.execute(() -> {
            Query q = null;
            org.classifierlab.core.images.ArgbImage original = null;
            Throwable failure = null;
            try {
                original = org.classifierlab.core.images.ImageFiles.read(file);
                byte[] row = org.classifierlab.core.images.ImageReduction.reduce(original, d.train());
                q = Query.file(String.valueOf(file.getFileName()), row);
                original = preview(original);
            } catch (Exception | OutOfMemoryError e) {
                failure = e;
            }
            Query query = q;
            org.classifierlab.core.images.ArgbImage picture = original;
            Throwable error = failure;
            // Back on the FX thread: the query changes only if the dataset is still the one the image was reduced for.
            javafx.application.Platform.runLater(() -> {
                job.done();
                if (error != null) {
                    context.showError(error instanceof OutOfMemoryError ? file + " is too large to open."
                            : String.valueOf(error.getMessage()));
                    done.completeExceptionally(error);
                } else if (d == viewModel.datasetProperty().get()) {
                    queryFile = file;
                    view.showOriginal(picture);
                    viewModel.go(query);
                    done.complete(query);
                } else {
                    done.cancel(false);
                }
            });
        });
        return done;
    }

    /** The picture shrunk (area averaging, aspect kept) to at most 256 px a side, for showing it beside the query. */
    private static org.classifierlab.core.images.ArgbImage preview(org.classifierlab.core.images.ArgbImage image) {
        int w = image.width();
        int h = image.height();
        double f = Math.min(1.0, 256.0 / Math.max(w, h));
        int pw = Math.max(1, (int) Math.round(w * f));
        int ph = Math.max(1, (int) Math.round(h * f));
        if (f == 1.0) {
            return image;
        }
        byte[] chw = org.classifierlab.core.images.ImageReduction.reduce(image.pixelsShared(), w, h, 3, ph, pw);
        return new org.classifierlab.core.images.ArgbImage(pw, ph,
                org.classifierlab.core.images.ImageReduction.toArgb(chw, 3, ph, pw));
    }

    private void requestVotes() {
        Dataset d = viewModel.datasetProperty().get();
        if (d != null) {
            votes.request(d, view.browserMetric().getValue(), search);
        }
    }

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() || e.getTarget() instanceof javafx.scene.control.TextInputControl) {
            return;
        }
        KeyCode code = e.getCode();
        boolean handled = true;
        if (e.isAltDown() && code == KeyCode.LEFT) {
            viewModel.back();
        } else if (e.isAltDown() && code == KeyCode.RIGHT) {
            viewModel.forward();
        } else if (e.isAltDown()) {
            handled = false;
        } else if (code == KeyCode.PLUS || code == KeyCode.ADD || code == KeyCode.EQUALS) {
            viewModel.kUp();
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            viewModel.kDown();
        } else if (code == KeyCode.T) {
            viewModel.nextTieRule();
        } else if (code == KeyCode.M) {
            Metric[] all = Metric.values();
            view.browserMetric().setValue(all[(view.browserMetric().getValue().ordinal() + 1) % all.length]);
        } else if (code == KeyCode.R) {
            view.browser().pickRandom();
        } else if (code == KeyCode.RIGHT && !(e.getTarget() instanceof javafx.scene.control.ComboBoxBase<?>)) {
            view.browser().step(1);
        } else if (code == KeyCode.LEFT && !(e.getTarget() instanceof javafx.scene.control.ComboBoxBase<?>)) {
            view.browser().step(-1);
        } else {
            handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    @Override
    public Node view() {
        return view;
    }

    public ImageNeighboursViewModel viewModel() {
        return viewModel;
    }

    ImageNeighboursView neighboursView() {
        return view;
    }

    TestSetVotes votes() {
        return votes;
    }

    @Override
    public List<Shortcut> shortcuts() {
        String g = "Nearest neighbours on images";
        return List.of(
                new Shortcut(g, "Click a thumbnail", "Make that test image the query"),
                new Shortcut(g, "Click a neighbour", "Its own neighbours (it is left out of its search)"),
                new Shortcut(g, "←  /  →", "Previous / next image of the browser"),
                new Shortcut(g, "Alt+←  /  Alt+→", "Back / forward through the queries"),
                new Shortcut(g, "R", "A random image of those the browser shows"),
                new Shortcut(g, "+  /  −", "K up / down"),
                new Shortcut(g, "T", "Next tie rule"),
                new Shortcut(g, "M", "Next distance for the browser's predictions"),
                new Shortcut(g, "Drop an image file", "Query your own PNG or JPEG"));
    }

    /** The picture of the tab on show. */
    Node picture() {
        javafx.scene.control.Tab tab = view.tabs().getSelectionModel().getSelectedItem();
        Object content = tab == null ? null : tab.getUserData();
        if (content == sheet) {
            return sheet.picture();
        } else if (content == pixelDistance) {
            return pixelDistance.picture();
        } else if (content == sameDistance) {
            return sameDistance.picture();
        } else if (content == matrix) {
            return matrix.picture();
        } else if (content == crossValidation) {
            return crossValidation.picture();
        } else if (content == pixelMap) {
            return pixelMap.picture();
        }
        return view.neighboursPicture();
    }

    NeighbourSheetPanel sheetPanel() {
        return sheet;
    }

    /** Writes the picture of the tab on show to {@code file} off the FX thread. */
    public CompletableFuture<Path> exportPng(Path file) {
        return LessonPicture.writePng(LessonPicture.snapshot(picture()), file);
    }

    @Override
    public boolean exportImage() {
        if (view.tabs().getSelectionModel().getSelectedItem() == sheetTab) {
            // The sheet is exported at its own resolution, not as a snapshot of the preview.
            return sheet.exportWithChooser();
        }
        return LessonPicture.exportWithChooser(context, picture(), "Export the picture as PNG", "image-neighbours.png");
    }

    @Override
    public org.classifierlab.app.render.SvgChart svgChart() {
        return crossValidation.chart();
    }

    @Override
    public boolean copyImage() {
        return LessonPicture.copyToClipboard(context, picture());
    }

    @Override
    public org.classifierlab.core.scene.LessonState sceneState() {
        Query q = viewModel.queryProperty().get();
        var source = org.classifierlab.core.scene.ImageNeighboursState.QuerySource.TEST;
        int index = 0;
        String file = null;
        if (q != null && q.source() == Query.Source.FILE && queryFile != null) {
            source = org.classifierlab.core.scene.ImageNeighboursState.QuerySource.FILE;
            index = -1;
            file = queryFile.toAbsolutePath().toString();
        } else if (q != null && q.source() != Query.Source.FILE) {
            source = q.source() == Query.Source.TRAIN ? org.classifierlab.core.scene.ImageNeighboursState.QuerySource.TRAIN
                    : org.classifierlab.core.scene.ImageNeighboursState.QuerySource.TEST;
            index = q.index();
        }
        Metric browser = view.browserMetric().getValue();
        return new org.classifierlab.core.scene.ImageNeighboursState(source, index, file, viewModel.kProperty().get(),
                viewModel.shownProperty().get(), viewModel.showLinfProperty().get(), viewModel.tieRuleProperty().get(),
                browser == null ? null : browser.name(),
                org.classifierlab.app.shell.TabSelection.selectedId(view.tabs()));
    }

    /**
     * Takes a scene's settings at once and its query when the dataset is there: now if it is loaded, else when the
     * dataset being loaded for the scene arrives.
     */
    @Override
    public void applyScene(org.classifierlab.core.scene.LessonState state) {
        var s = org.classifierlab.app.shell.TabSelection.expect(org.classifierlab.core.scene.ImageNeighboursState.class,
                state);
        viewModel.kProperty().set(s.k());
        viewModel.shownProperty().set(s.shown());
        viewModel.showLinfProperty().set(s.showLinf());
        viewModel.tieRuleProperty().set(s.tieRule());
        if (s.browserMetric() != null) {
            view.browserMetric().setValue(Metric.valueOf(s.browserMetric()));
        }
        org.classifierlab.app.shell.TabSelection.select(view.tabs(), s.tab());
        if (context.datasets().busyProperty().get() || viewModel.datasetProperty().get() == null) {
            pendingScene = s;
        } else {
            applyQuery(s);
        }
    }

    private void applyQuery(org.classifierlab.core.scene.ImageNeighboursState s) {
        Dataset d = viewModel.datasetProperty().get();
        switch (s.querySource()) {
            case FILE -> {
                Path file = Path.of(s.queryFile());
                if (java.nio.file.Files.isRegularFile(file)) {
                    openImageFile(file);
                } else {
                    context.jobs().setDetail("The scene's query image " + file + " is not on this computer; "
                            + "the query stays " + (viewModel.queryProperty().get() == null ? "as it was"
                            : viewModel.queryProperty().get().name()));
                }
            }
            case TEST, TRAIN -> {
                boolean test = s.querySource() == org.classifierlab.core.scene.ImageNeighboursState.QuerySource.TEST;
                int size = test ? d.test().size() : d.train().size();
                if (s.queryIndex() < size) {
                    if (test) {
                        viewModel.goTest(s.queryIndex());
                    } else {
                        viewModel.goTrain(s.queryIndex());
                    }
                } else {
                    context.jobs().setDetail(String.format(java.util.Locale.ROOT,
                            "The scene's query, %s image #%,d, is not in %s (%,d %s images); the query stays as it was",
                            test ? "test" : "training", s.queryIndex(), d.name(), size, test ? "test" : "training"));
                }
            }
        }
    }

    @Override
    public void dispose() {
        context.datasets().currentProperty().removeListener(datasetListener);
        context.testImageProperty().removeListener(sharedTestImage);
        context.themeProperty().removeListener(themeListener);
        view.browserMetric().valueProperty().removeListener(revote);
        viewModel.dispose();
        votes.dispose();
        imageReader.shutdownNow();
        if (indexCancel != null) {
            indexCancel.set(true);
        }
        indexBuilder.shutdownNow();
        sheet.dispose();
        pixelDistance.dispose();
        sameDistance.dispose();
        matrix.dispose();
        crossValidation.dispose();
        pixelMap.dispose();
    }
}
