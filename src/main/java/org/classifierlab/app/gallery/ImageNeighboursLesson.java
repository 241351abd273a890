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

    public ImageNeighboursLesson(AppContext context) {
        this.context = context;
        ErrorReporter errors = new ErrorReporter(context);
        viewModel = new ImageNeighboursViewModel(errors::report);
        view = new ImageNeighboursView(viewModel);
        votes = new TestSetVotes(context.jobs(), errors::report);
        QueryBrowser browser = view.browser();
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
        int shared = context.testImageProperty().get();
        if (d != null && shared >= 0 && shared < d.test().size()) {
            viewModel.goTest(shared);
        }
    }

    private void requestVotes() {
        Dataset d = viewModel.datasetProperty().get();
        if (d != null) {
            votes.request(d, view.browserMetric().getValue(), NeighbourSearch.bruteForce(NeighbourSearch.trainRows(d)));
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
        return view.neighboursPicture();
    }

    /** Writes the picture of the tab on show to {@code file} off the FX thread. */
    public CompletableFuture<Path> exportPng(Path file) {
        return LessonPicture.writePng(LessonPicture.snapshot(picture()), file);
    }

    @Override
    public boolean exportImage() {
        return LessonPicture.exportWithChooser(context, picture(), "Export the picture as PNG", "image-neighbours.png");
    }

    @Override
    public boolean copyImage() {
        return LessonPicture.copyToClipboard(context, picture());
    }

    @Override
    public void dispose() {
        context.datasets().currentProperty().removeListener(datasetListener);
        context.testImageProperty().removeListener(sharedTestImage);
        context.themeProperty().removeListener(themeListener);
        view.browserMetric().valueProperty().removeListener(revote);
        viewModel.dispose();
        votes.dispose();
    }
}
