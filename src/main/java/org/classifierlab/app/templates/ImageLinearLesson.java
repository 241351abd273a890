package org.classifierlab.app.templates;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import org.classifierlab.app.loss.LossExplorerLesson;
import org.classifierlab.app.render.LessonPicture;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.ErrorReporter;
import org.classifierlab.app.shell.JobStatus;
import org.classifierlab.app.shell.Lesson;
import org.classifierlab.app.shell.LessonKeys;
import org.classifierlab.app.shell.LessonKind;
import org.classifierlab.app.shell.Shortcut;
import org.classifierlab.app.shell.ShortcutOverlay;
import org.classifierlab.app.theme.Theme;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.linear.image.ImageLoss;

/**
 * The "Linear classifier on images" lesson: SVM and softmax trained on the dataset in use as the CS231n assignments
 * do, their templates live while training, one test image's scores (handed to the loss explorer on request), the
 * confusion matrix, the notebooks' hyperparameter search and the slide's algebraic viewpoint. It follows the dataset
 * and the shared test image of the image lessons. FX thread only.
 */
public final class ImageLinearLesson implements Lesson {

    private final AppContext context;
    private final ImageLinearViewModel viewModel;
    private final ImageLinearView view;
    private final ChangeListener<Dataset> datasetListener = (o, a, d) -> useDataset(d);
    private final ChangeListener<Number> sharedTestImage;
    private final ChangeListener<Theme> themeListener;

    public ImageLinearLesson(AppContext context) {
        this.context = context;
        ErrorReporter errors = new ErrorReporter(context);
        viewModel = new ImageLinearViewModel(context::showError);
        viewModel.setJobs((title, cancel) -> {
            JobStatus.Job job = context.jobs().start(title, cancel);
            return new ImageLinearViewModel.JobHooks.Job() {
                @Override
                public void progress(double value, String what) {
                    job.progress(value, what);
                }

                @Override
                public void done() {
                    job.done();
                }
            };
        });
        view = new ImageLinearView(context, viewModel, errors::report);

        ScoresPanel scores = view.scores();
        sharedTestImage = (o, a, i) -> {
            Dataset d = viewModel.datasetProperty().get();
            if (d != null && i.intValue() >= 0 && i.intValue() < d.test().size()) {
                scores.testImageProperty().set(i.intValue());
            }
        };
        context.testImageProperty().addListener(sharedTestImage);
        scores.testImageProperty().addListener((o, a, i) -> {
            if (i.intValue() >= 0) {
                context.testImageProperty().set(i.intValue());
            }
        });
        scores.setOnExplore(this::explore);
        view.confusion().setOnCell((what, indices) -> {
            scores.browser().setExternalSet(indices, what);
            view.tabs().getSelectionModel().select(view.scoresTab());
        });
        view.algebra().visualButton().setOnAction(e -> view.tabs().getSelectionModel().select(view.templatesTab()));
        view.algebra().geometricButton().setOnAction(e -> context.openLesson(LessonKind.LINEAR_CLASSIFIER));

        viewModel.trainingProperty().addListener((o, was, now) -> {
            if (now) {
                view.templates().startLiveCount();
            } else if (!Double.isNaN(view.templates().liveRate())) {
                context.jobs().setDetail(String.format(java.util.Locale.ROOT, "Templates redrawn %.1f times a second "
                        + "while training", view.templates().liveRate()));
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
        viewModel.datasetProperty().set(d);
        view.scores().setDataset(d);
        int shared = context.testImageProperty().get();
        if (d != null && shared >= 0 && shared < d.test().size()) {
            view.scores().testImageProperty().set(shared);
        }
    }

    /**
     * Opens the loss explorer with {@code s}'s scores, class names and correct class (for more than ten classes the
     * ten shown: the highest scores with the correct class); returns the explorer, or null if it could not load them.
     */
    LossExplorerLesson explore(ImageScores s, String name) {
        Lesson opened = context.openLesson(LessonKind.LOSS_EXPLORER);
        if (!(opened instanceof LossExplorerLesson explorer)) {
            return null;
        }
        boolean ok = explorer.viewModel().loadExample(s.partial() ? name + ", top 10 of " + s.scores().length : name,
                s.shownNames(), s.shownScores(), s.shownCorrect());
        if (ok && s.partial()) {
            context.jobs().setDetail("The loss explorer takes 10 classes: the 10 highest scores, with the correct class");
        }
        return ok ? explorer : null;
    }

    private void onKey(KeyEvent e) {
        if (LessonKeys.undoRedo(e, viewModel::undo, viewModel::redo)) {
            return;
        }
        if (e.isShortcutDown() || e.isAltDown() || ShortcutOverlay.isTyping(e)) {
            return;
        }
        KeyCode code = e.getCode();
        boolean onScores = view.tabs().getSelectionModel().getSelectedItem() == view.scoresTab();
        boolean handled = true;
        if (code == KeyCode.R) {
            if (viewModel.trainingProperty().get()) {
                viewModel.stop();
            } else {
                viewModel.train();
            }
        } else if (code == KeyCode.SPACE) {
            viewModel.continueTraining();
        } else if (code == KeyCode.PLUS || code == KeyCode.ADD || code == KeyCode.EQUALS) {
            view.templates().zoomBy(1);
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            view.templates().zoomBy(-1);
        } else if (code == KeyCode.PAGE_DOWN) {
            view.templates().turnPage(1);
        } else if (code == KeyCode.PAGE_UP) {
            view.templates().turnPage(-1);
        } else if (onScores && code == KeyCode.RIGHT) {
            view.scores().browser().step(1);
        } else if (onScores && code == KeyCode.LEFT) {
            view.scores().browser().step(-1);
        } else if (code.isDigitKey() && LessonKeys.digit(code) >= 0 && viewModel.dataProperty().get() != null) {
            int c = LessonKeys.digit(code) == 0 ? 9 : LessonKeys.digit(code) - 1;
            ImageLoss loss = viewModel.modeProperty().get().losses().get(0);
            if (c < viewModel.dataProperty().get().classCount() && viewModel.shownModels().containsKey(loss)) {
                view.templates().select(loss, c);
                view.rankFor(loss, c);
            }
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

    public ImageLinearViewModel viewModel() {
        return viewModel;
    }

    ImageLinearView linearView() {
        return view;
    }

    @Override
    public List<Shortcut> shortcuts() {
        String g = "Linear classifier on images";
        return List.of(
                new Shortcut(g, "R", "Train from the initial W / stop"),
                new Shortcut(g, "Space", "Continue training the current model(s)"),
                new Shortcut(g, "Ctrl+Z  /  Ctrl+Shift+Z", "Back to the previous model / forward again"),
                new Shortcut(g, "Click a template", "Training images scoring highest and lowest for its class"),
                new Shortcut(g, "1 … 9, 0", "The same for class 1 … 9, 10"),
                new Shortcut(g, "+  /  −", "Templates larger / smaller"),
                new Shortcut(g, "PgUp  /  PgDn", "Previous / next page of templates (CIFAR-100)"),
                new Shortcut(g, "←  /  →", "Previous / next test image (Scores of one image)"),
                new Shortcut(g, "Click a search dot", "Use that setting's model"));
    }

    /** Writes the picture of the tab on show to {@code file} off the FX thread. */
    public CompletableFuture<Path> exportPng(Path file) {
        return LessonPicture.writePng(LessonPicture.snapshot(view.picture()), file);
    }

    @Override
    public boolean exportImage() {
        return LessonPicture.exportWithChooser(context, view.picture(), "Export the picture as PNG",
                "linear-classifier-images.png");
    }

    @Override
    public org.classifierlab.app.render.SvgChart svgChart() {
        return view.svgChart();
    }

    @Override
    public boolean copyImage() {
        return LessonPicture.copyToClipboard(context, view.picture());
    }

    @Override
    public org.classifierlab.core.scene.LessonState sceneState() {
        org.classifierlab.core.scene.ImageLinearState s = viewModel.sceneState();
        TemplatesPanel t = view.templates();
        return new org.classifierlab.core.scene.ImageLinearState(s.mode(), s.biasTrick(), s.learningRate(), s.reg(),
                s.iterations(), s.batchSize(), s.seed(), t.normalisation().name(), t.channel().name(), t.zoom(),
                org.classifierlab.app.shell.TabSelection.selectedId(view.tabs()), s.trained());
    }

    @Override
    public void applyScene(org.classifierlab.core.scene.LessonState state) {
        var s = org.classifierlab.app.shell.TabSelection.expect(org.classifierlab.core.scene.ImageLinearState.class,
                state);
        viewModel.applyScene(s, context.datasets().busyProperty().get());
        view.templates().setLook(s.normalisation() == null ? null
                        : org.classifierlab.core.linear.image.TemplateImages.Normalisation.valueOf(s.normalisation()),
                s.channel() == null ? null : org.classifierlab.core.linear.image.TemplateImages.Channel.valueOf(s.channel()),
                s.zoom());
        org.classifierlab.app.shell.TabSelection.select(view.tabs(), s.tab());
    }

    @Override
    public void dispose() {
        context.datasets().currentProperty().removeListener(datasetListener);
        context.testImageProperty().removeListener(sharedTestImage);
        context.themeProperty().removeListener(themeListener);
        viewModel.dispose();
        view.dispose();
    }
}
