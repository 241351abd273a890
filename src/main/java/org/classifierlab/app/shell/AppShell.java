package org.classifierlab.app.shell;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.controlsfx.control.StatusBar;
import org.classifierlab.app.icons.AppIcon;
import org.classifierlab.app.theme.Theme;

/**
 * The main window's content: menu bar, lesson navigator, one or two lesson panes side by side, the
 * status bar with the current job, and the shortcut overlay. FX thread only.
 */
public final class AppShell {

    /** Style classes used by the shell, kept here instead of as scattered strings. */
    public static final String NAVIGATOR = "lesson-navigator";
    public static final String PANE_HEADER = "pane-header";

    private final AppContext context;
    private final StackPane root = new StackPane();
    private final BorderPane frame = new BorderPane();
    private final SplitPane panes = new SplitPane();
    private final ListView<LessonKind> navigator = new ListView<>(FXCollections.observableArrayList(LessonKind.values()));
    private final ShortcutOverlay overlay;
    private final LessonPane primary;
    private LessonPane secondary;
    private final CheckMenuItem sideBySideItem = new CheckMenuItem("Two lessons side by side");
    private final StatusBar statusBar = new StatusBar();
    private Stage datasetStage;
    private final SceneCommands scenes;
    /** Above the lessons, below the menu bar: where the tour shows its caption bar. */
    private final javafx.scene.layout.VBox banner = new javafx.scene.layout.VBox();
    private final CheckMenuItem showNavigator = new CheckMenuItem("Lesson list");
    /** The lesson list with the tour's button under it. */
    private final javafx.scene.layout.VBox navigatorBox = new javafx.scene.layout.VBox();
    private final CheckMenuItem showControls = new CheckMenuItem("Control panel");
    private final LaserPointer laser = new LaserPointer();
    private final PresentationMode presentation;
    private final TourController tour;

    public AppShell(AppContext context) {
        this.context = Objects.requireNonNull(context);
        primary = new LessonPane(false);
        scenes = new SceneCommands(this, context, new RecentScenes());
        overlay = new ShortcutOverlay(this::allShortcuts);
        presentation = new PresentationMode(this, context, laser);
        tour = new TourController(this, scenes);

        navigator.getStyleClass().add(NAVIGATOR);
        navigator.setId("lessonNavigator");
        navigator.setCellFactory(list -> new ListCell<>() {
            {
                // Long titles ("Nearest neighbours on images") wrap onto a second line instead of being cut off
                // or widening the list into a horizontal scroll bar: a zero preferred width lets the cell take the
                // list's width, and the text wraps within it.
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(LessonKind item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                } else {
                    setText(item.title());
                    setGraphic(item.icon().node());
                    setGraphicTextGap(10);
                    setTooltip(new Tooltip(item.summary()));
                }
            }
        });
        navigator.getSelectionModel().selectedItemProperty().addListener((obs, old, kind) -> {
            if (kind != null) {
                primary.show(kind);
            }
        });

        statusBar.setId("statusBar");
        statusBar.textProperty().bind(context.jobs().textProperty());
        statusBar.progressProperty().bind(Bindings.when(
                Bindings.createBooleanBinding(context.jobs()::isIdle, context.jobs().textProperty()))
                .then(0.0).otherwise(context.jobs().progressProperty()));
        Label detail = new Label();
        detail.setId("statusDetail");
        detail.textProperty().bind(context.jobs().detailProperty());
        Button cancelJob = new Button("Cancel");
        cancelJob.setId("cancelJob");
        cancelJob.visibleProperty().bind(context.jobs().cancellableProperty());
        cancelJob.managedProperty().bind(cancelJob.visibleProperty());
        cancelJob.setOnAction(e -> context.jobs().cancelShown());
        statusBar.getRightItems().addAll(detail, cancelJob);

        panes.getItems().add(primary.node());
        frame.setTop(new javafx.scene.layout.VBox(buildMenuBar(), banner));
        javafx.scene.layout.VBox.setVgrow(navigator, Priority.ALWAYS);
        Button startTour = new Button("Lecture 2 tour", AppIcon.RUN.node());
        startTour.setId("navigatorTour");
        startTour.setMaxWidth(Double.MAX_VALUE);
        startTour.setTooltip(new Tooltip("The lecture presets in the lecture's order: PgDn / PgUp step, Esc leaves "
                + "(File ▸ Lecture presets has each one)"));
        startTour.setOnAction(e -> tour.start());
        javafx.scene.layout.VBox footer = new javafx.scene.layout.VBox(startTour);
        footer.getStyleClass().add("navigator-footer");
        navigatorBox.getChildren().setAll(navigator, footer);
        frame.setLeft(navigatorBox);
        frame.setCenter(panes);
        frame.setBottom(statusBar);
        root.getChildren().addAll(frame, laser.node(), overlay.node());
        laser.attach(root);
        root.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        // The tour's and the presentation's keys (PgDn, PgUp, arrows, Esc) come before the lessons' own.
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!overlay.isShowing() && !tour.handle(e)) {
                presentation.handle(e);
            }
        });
        // Scene files dropped anywhere open as scenes; a lesson that takes dropped files (the gallery's images) leaves
        // .json files to this handler.
        root.addEventHandler(javafx.scene.input.DragEvent.DRAG_OVER, scenes::onDragOver);
        root.addEventHandler(javafx.scene.input.DragEvent.DRAG_DROPPED, scenes::onDragDropped);
        // A lesson chosen with the mouse takes the keyboard, so its shortcuts (Space, R, + …) work at once;
        // chosen with the arrow keys, the focus stays in the list for the next arrow.
        navigator.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> primary.focusLesson());

        navigator.getSelectionModel().select(LessonKind.KNN_PLAYGROUND);
        context.setLessonOpener(kind -> {
            // Selecting in the list shows the lesson, so the list and the pane never disagree.
            navigator.getSelectionModel().select(kind);
            primary.show(kind);
            return primary.lesson;
        });
    }

    public Parent root() {
        return root;
    }

    private MenuBar buildMenuBar() {
        MenuItem export = new MenuItem("Export picture as PNG…", AppIcon.EXPORT.node());
        export.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        export.setOnAction(e -> activeLesson().exportImage());
        // Pictures at 1× or 2× the screen's pixels (slides want 2×); the choice is remembered (ClassifierLabApp).
        Menu pictureScale = new Menu("Picture scale");
        pictureScale.setId("pictureScaleMenu");
        ToggleGroup scales = new ToggleGroup();
        for (int scale : new int[] {1, 2}) {
            RadioMenuItem item = new RadioMenuItem(scale + "×" + (scale == 1 ? " (screen pixels)" : " (sharper, for slides)"));
            item.setId("pictureScale" + scale);
            item.setToggleGroup(scales);
            item.setSelected(context.exportScaleProperty().get() == scale);
            item.setOnAction(e -> context.exportScaleProperty().set(scale));
            context.exportScaleProperty().addListener((o, a, v) -> item.setSelected(v.intValue() == scale));
            pictureScale.getItems().add(item);
        }
        MenuItem exportSvg = new MenuItem("Export chart as SVG…");
        exportSvg.setId("exportSvgMenu");
        exportSvg.setOnAction(e -> exportChartSvg());
        MenuItem copy = new MenuItem("Copy picture", AppIcon.COPY.node());
        copy.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        copy.setOnAction(e -> activeLesson().copyImage());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> {
            if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
                stage.close();
            }
        });
        MenuItem datasets = new MenuItem("Image datasets…");
        datasets.setId("datasetsMenu");
        datasets.setAccelerator(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN));
        datasets.setOnAction(e -> showDatasets());
        MenuItem saveScene = new MenuItem("Save scene…");
        saveScene.setId("saveSceneMenu");
        saveScene.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        saveScene.setOnAction(e -> scenes.saveWithChooser());
        MenuItem openScene = new MenuItem("Open scene…");
        openScene.setId("openSceneMenu");
        openScene.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        openScene.setOnAction(e -> scenes.openWithChooser());
        Menu file = new Menu("_File", null, openScene, scenes.recentMenu(), saveScene,
                LecturePresetsMenu.build(scenes, tour), new SeparatorMenuItem(), datasets,
                new SeparatorMenuItem(), export, exportSvg, copy, pictureScale, new SeparatorMenuItem(), quit);

        Menu themes = new Menu("Theme", AppIcon.THEME.node());
        ToggleGroup themeGroup = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(t.label());
            item.setToggleGroup(themeGroup);
            item.setSelected(context.themeProperty().get() == t);
            item.setOnAction(e -> context.themeProperty().set(t));
            context.themeProperty().addListener((obs, old, now) -> item.setSelected(now == t));
            themes.getItems().add(item);
        }
        MenuItem cycleTheme = new MenuItem("Next theme");
        cycleTheme.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN));
        cycleTheme.setOnAction(e -> context.themeProperty().set(context.themeProperty().get().next()));
        themes.getItems().addAll(new SeparatorMenuItem(), cycleTheme);

        sideBySideItem.setGraphic(AppIcon.SIDE_BY_SIDE.node());
        sideBySideItem.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN));
        sideBySideItem.setOnAction(e -> setSideBySide(sideBySideItem.isSelected()));
        MenuItem fullScreen = new MenuItem("Full screen", AppIcon.FULL_SCREEN.node());
        fullScreen.setAccelerator(new KeyCodeCombination(KeyCode.F11));
        fullScreen.setOnAction(e -> toggleFullScreen());
        showNavigator.setSelected(true);
        showNavigator.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        showNavigator.setOnAction(e -> setNavigatorShown(showNavigator.isSelected()));
        showControls.setId("controlPanelMenu");
        showControls.setSelected(true);
        showControls.setAccelerator(new KeyCodeCombination(KeyCode.F9));
        showControls.setOnAction(e -> setControlsShown(showControls.isSelected()));
        CheckMenuItem presenting = new CheckMenuItem("Presentation");
        presenting.setId("presentationMenu");
        presenting.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        presenting.setOnAction(e -> presentation.setActive(presenting.isSelected()));
        presentation.activeProperty().addListener((o, was, now) -> presenting.setSelected(now));
        CheckMenuItem laserItem = new CheckMenuItem("Laser pointer");
        laserItem.setId("laserMenu");
        laserItem.setAccelerator(new KeyCodeCombination(KeyCode.F8));
        laserItem.selectedProperty().bindBidirectional(laser.enabledProperty());
        Menu view = new Menu("_View", null, themes, showNavigator, showControls, sideBySideItem, fullScreen,
                new SeparatorMenuItem(), presenting, laserItem);

        MenuItem shortcuts = new MenuItem("Keyboard shortcuts", AppIcon.SHORTCUTS.node());
        shortcuts.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        shortcuts.setOnAction(e -> overlay.toggle());
        Menu help = new Menu("_Help", null, shortcuts);

        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menuBar");
        return bar;
    }

    /** Opens (or brings forward) the dataset chooser window; loads the bundled sample on first use. */
    public void showDatasets() {
        if (datasetStage == null) {
            datasetStage = new Stage();
            datasetStage.setTitle("Classifier Lab: image datasets");
            Scene scene = new Scene(new org.classifierlab.app.data.DatasetView(context.datasets(), () -> datasetStage), 860, 640);
            context.themeProperty().get().applyTo(scene);
            context.themeProperty().addListener((o, a, t) -> t.applyTo(scene));
            datasetStage.setScene(scene);
            if (root.getScene() != null && root.getScene().getWindow() != null) {
                datasetStage.initOwner(root.getScene().getWindow());
            }
        }
        context.datasets().ensureLoaded();
        datasetStage.show();
        datasetStage.toFront();
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && overlay.isShowing()) {
            overlay.hide();
            e.consume();
        } else if ("?".equals(e.getText()) && !ShortcutOverlay.isTyping(e)) {
            overlay.toggle();
            e.consume();
        }
    }

    /** Shows or hides the lesson list (View ▸ Lesson list, Ctrl+L). */
    public void setNavigatorShown(boolean shown) {
        showNavigator.setSelected(shown);
        frame.setLeft(shown ? navigatorBox : null);
    }

    public boolean isNavigatorShown() {
        return frame.getLeft() == navigatorBox;
    }

    /**
     * Shows or hides the control panel of every lesson shown (View ▸ Control panel, F9): the lessons keep their
     * panels (style class {@code control-panel-scroll}), which are only taken out of the layout, so the main picture
     * gets the room.
     */
    public void setControlsShown(boolean shown) {
        showControls.setSelected(shown);
        applyControlsShown();
    }

    public boolean isControlsShown() {
        return showControls.isSelected();
    }

    private void applyControlsShown() {
        boolean shown = showControls.isSelected();
        for (Node n : panes.lookupAll(".control-panel-scroll")) {
            // A panel that folds has its visibility bound to its handle: its slot, handle and all, is hidden instead.
            Node target = FoldingPanel.outermost(n);
            if (!target.visibleProperty().isBound() && !target.managedProperty().isBound()) {
                target.setVisible(shown);
                target.setManaged(shown);
            }
        }
    }

    /** Gives the keyboard to the primary pane's lesson. */
    void focusPrimaryLesson() {
        primary.focusLesson();
    }

    /** The row between the menu bar and the lessons where the tour puts its caption bar. */
    javafx.scene.layout.VBox banner() {
        return banner;
    }

    /** The presentation view (View ▸ Presentation, F5). */
    public PresentationMode presentation() {
        return presentation;
    }

    /** The Lecture 2 tour (File ▸ Lecture presets). */
    public TourController tour() {
        return tour;
    }

    /** The laser-pointer highlight (View ▸ Laser pointer, F8). */
    public LaserPointer laser() {
        return laser;
    }

    void toggleFullScreen() {
        if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
            stage.setFullScreenExitHint("Press F11 to leave full screen");
            stage.setFullScreen(!stage.isFullScreen());
        }
    }

    /** Shows or hides a second lesson pane to the right of the first. */
    public void setSideBySide(boolean on) {
        sideBySideItem.setSelected(on);
        if (on && secondary == null) {
            secondary = new LessonPane(true);
            secondary.show(primary.kind == null ? LessonKind.KNN_PLAYGROUND : primary.kind);
            panes.getItems().add(secondary.node());
            panes.setDividerPositions(0.5);
            applyControlsShown();
        } else if (!on && secondary != null) {
            secondary.close();
            panes.getItems().remove(secondary.node());
            secondary = null;
        }
    }

    public boolean isSideBySide() {
        return secondary != null;
    }

    /** Saves the active lesson's chart as SVG, or says that the lesson shows none. */
    private void exportChartSvg() {
        org.classifierlab.app.render.SvgChart chart = activeLesson().svgChart();
        if (chart == null) {
            context.jobs().setDetail("This lesson has no chart to export as SVG; File ▸ Export picture saves a PNG");
            return;
        }
        org.classifierlab.app.render.LessonPicture.exportSvgWithChooser(context, chart,
                primary.kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-chart.svg");
    }

    /** The lesson in the pane that holds the keyboard focus, or the first pane. */
    public Lesson activeLesson() {
        Scene scene = root.getScene();
        if (secondary != null && scene != null && scene.getFocusOwner() != null) {
            for (Node n = scene.getFocusOwner(); n != null; n = n.getParent()) {
                if (n == secondary.node()) {
                    return secondary.lesson;
                }
            }
        }
        return primary.lesson;
    }

    /** The lessons currently shown, left to right. */
    public List<Lesson> lessons() {
        List<Lesson> list = new ArrayList<>();
        list.add(primary.lesson);
        if (secondary != null) {
            list.add(secondary.lesson);
        }
        return list;
    }

    public ShortcutOverlay overlay() {
        return overlay;
    }

    /** Save scene, Open scene, Recent scenes and dropped scene files. */
    public SceneCommands scenes() {
        return scenes;
    }

    /** The whole scene now: lessons open in each pane with their states, theme and dataset. */
    public org.classifierlab.core.scene.SceneDocument captureScene() {
        org.classifierlab.core.data.Dataset d = context.datasets().current();
        org.classifierlab.core.scene.DatasetRef dataset;
        if (d == null || d.format() == org.classifierlab.core.data.DatasetFormat.SAMPLE) {
            dataset = org.classifierlab.core.scene.DatasetRef.SAMPLE;
        } else {
            java.nio.file.Path path = context.datasets().currentPath();
            dataset = org.classifierlab.core.scene.DatasetRef.at(
                    path != null ? path.toAbsolutePath().toString() : d.source(), d.format().name());
        }
        return org.classifierlab.core.scene.SceneDocument.of(context.themeProperty().get().name(), dataset,
                primary.kind.sceneLesson(), secondary == null ? null : secondary.kind.sceneLesson(), primary.states(),
                secondary == null ? Map.of() : secondary.states());
    }

    /**
     * Applies a checked scene: dataset (the bundled sample when the scene's is missing), theme, the lessons open and
     * every lesson's state. Returns what the status bar says about it.
     */
    String applyScene(org.classifierlab.core.scene.SceneDocument scene, String fileName) {
        List<String> said = new ArrayList<>();
        said.add("Opened the scene " + fileName);
        org.classifierlab.core.scene.DatasetRef ref = scene.dataset();
        org.classifierlab.core.data.Dataset current = context.datasets().current();
        boolean sampleInUse = current != null && current.format() == org.classifierlab.core.data.DatasetFormat.SAMPLE;
        boolean needsImages = scene.lessons().keySet().stream().anyMatch(AppShell::usesImages)
                || scene.secondaryLessons().keySet().stream().anyMatch(AppShell::usesImages)
                || usesImages(scene.primary()) || (scene.secondary() != null && usesImages(scene.secondary()));
        if (ref.sample()) {
            if (!sampleInUse && (current != null || needsImages)) {
                context.datasets().useSample();
            }
        } else {
            java.nio.file.Path path = java.nio.file.Path.of(ref.path());
            if (java.nio.file.Files.exists(path)) {
                if (current == null || !path.toAbsolutePath().equals(context.datasets().currentPath() == null ? null
                        : context.datasets().currentPath().toAbsolutePath())) {
                    context.datasets().open(path);
                }
            } else {
                said.add(fileName + " names the dataset " + ref.path() + (ref.format() == null ? "" : " (" + ref.format()
                        + ")") + ", which is not on this computer: the bundled sample is used instead");
                if (!sampleInUse) {
                    context.datasets().useSample();
                }
            }
        }
        if (scene.theme() != null) {
            context.themeProperty().set(Theme.parse(scene.theme()));
        }
        LessonKind first = LessonKind.of(scene.primary());
        navigator.getSelectionModel().select(first);
        primary.show(first);
        primary.apply(scene.lessons());
        setSideBySide(scene.secondary() != null);
        if (secondary != null) {
            secondary.show(LessonKind.of(scene.secondary()));
            secondary.apply(scene.secondaryLessons());
        }
        if (scene.note() != null) {
            said.add(scene.note());
        }
        said.addAll(scene.notes());
        applyControlsShown();
        return String.join(". ", said);
    }

    private static boolean usesImages(org.classifierlab.core.scene.SceneLesson l) {
        return l == org.classifierlab.core.scene.SceneLesson.IMAGE_NEIGHBOURS
                || l == org.classifierlab.core.scene.SceneLesson.IMAGE_LINEAR;
    }

    /** Disposes every lesson; called when the window closes. */
    public void dispose() {
        scenes.dispose();
        context.datasets().dispose();
        primary.close();
        if (secondary != null) {
            secondary.close();
        }
    }

    private List<Shortcut> allShortcuts() {
        List<Shortcut> list = new ArrayList<>(List.of(
                new Shortcut("Application", "F1  or  ?", "Show / hide this overview"),
                new Shortcut("Application", "F11", "Full screen on / off"),
                new Shortcut("Application", "Ctrl+T", "Next theme (light, dark, projector)"),
                new Shortcut("Application", "Ctrl+D", "Two lessons side by side"),
                new Shortcut("Application", "Ctrl+L", "Show / hide the lesson list"),
                new Shortcut("Application", "F9", "Show / hide the control panel"),
                new Shortcut("Application", "F5", "Presentation view on / off"),
                new Shortcut("Application", "F8", "Laser pointer on / off"),
                new Shortcut("Application", "Ctrl+S  /  Ctrl+O", "Save the scene / open a scene (or drop a .json file)"),
                new Shortcut("Application", "Ctrl+I", "Image datasets (sample, folder, archive, download)"),
                new Shortcut("Application", "Ctrl+E", "Export the picture as PNG"),
                new Shortcut("Application", "Ctrl+Shift+C", "Copy the picture to the clipboard"),
                new Shortcut("Application", "Ctrl+Q", "Quit"),
                new Shortcut("Lecture tour", "PgDn, →  /  PgUp, ←", "Next / previous step (File ▸ Lecture presets)"),
                new Shortcut("Lecture tour", "Esc", "Leave the tour (then the presentation view)")));
        list.addAll(primary.lesson.shortcuts());
        return list;
    }

    /** One pane: a header naming the lesson and the lesson's view below it. */
    private final class LessonPane {
        private final BorderPane pane = new BorderPane();
        private final Label title = new Label();
        private final ComboBox<LessonKind> chooser = new ComboBox<>(FXCollections.observableArrayList(LessonKind.values()));
        private LessonKind kind;
        private Lesson lesson;
        // Every lesson opened in this pane stays alive until the pane closes, so leaving a lesson and coming
        // back keeps the user's points, parameters and examples (and a run keeps going).
        private final Map<LessonKind, Lesson> opened = new EnumMap<>(LessonKind.class);

        LessonPane(boolean closable) {
            title.getStyleClass().add("title");
            HBox header = new HBox(8);
            header.getStyleClass().add(PANE_HEADER);
            header.setAlignment(Pos.CENTER_LEFT);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            chooser.setConverter(ControlPanel.displayNames(LessonKind::title));
            if (closable) {
                chooser.setOnAction(e -> {
                    if (chooser.getValue() != null && chooser.getValue() != kind) {
                        show(chooser.getValue());
                    }
                });
                Button close = new Button("Close");
                close.setOnAction(e -> setSideBySide(false));
                close.setMinWidth(Region.USE_PREF_SIZE);
                // The chooser names the lesson, so the title would only repeat it (and be cut short in projector type).
                title.setVisible(false);
                title.setManaged(false);
                header.getChildren().addAll(title, spacer, chooser, close);
            } else {
                header.getChildren().addAll(title, spacer);
            }
            pane.setTop(header);
            pane.setPadding(Insets.EMPTY);
            pane.setMinWidth(0);
        }

        Node node() {
            return pane;
        }

        void show(LessonKind newKind) {
            kind = newKind;
            lesson = opened.computeIfAbsent(newKind, k -> k.create(context));
            context.jobs().setDetail("");
            title.setText(newKind.title());
            chooser.setValue(newKind);
            pane.setCenter(lesson.view());
            applyControlsShown();
        }

        /** Gives the keyboard focus to the lesson's view. */
        void focusLesson() {
            if (lesson != null) {
                lesson.view().requestFocus();
            }
        }

        /** The scene state of every lesson opened in this pane. */
        Map<org.classifierlab.core.scene.SceneLesson, org.classifierlab.core.scene.LessonState> states() {
            Map<org.classifierlab.core.scene.SceneLesson, org.classifierlab.core.scene.LessonState> m =
                    new EnumMap<>(org.classifierlab.core.scene.SceneLesson.class);
            opened.forEach((k, l) -> m.put(k.sceneLesson(), l.sceneState()));
            return m;
        }

        /** Gives each state to its lesson in this pane (opening the lesson when it is not open yet). */
        void apply(Map<org.classifierlab.core.scene.SceneLesson, org.classifierlab.core.scene.LessonState> states) {
            states.forEach((l, state) -> opened.computeIfAbsent(LessonKind.of(l), k -> k.create(context))
                    .applyScene(state));
        }

        void close() {
            opened.values().forEach(Lesson::dispose);
            opened.clear();
        }
    }

    /** Kept for tests: the navigator. */
    public ListView<LessonKind> navigator() {
        return navigator;
    }

}
