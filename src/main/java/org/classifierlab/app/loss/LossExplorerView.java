package org.classifierlab.app.loss;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.IntStream;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.classifierlab.app.icons.AppIcon;
import org.classifierlab.app.shell.ControlPanel;
import org.classifierlab.app.shell.FoldingPanel;
import org.classifierlab.app.shell.LessonKeys;
import org.classifierlab.app.shell.ShortcutOverlay;
import org.classifierlab.core.linear.HingeLoss;

/**
 * The loss explorer's view: the two losses in large type, the score bars with the margin, the hinge terms
 * and the softmax pipeline, the loss against the correct score, the examples table and the lecture's
 * questions. Turns input into view-model commands and shows the view model's state. FX thread only.
 */
final class LossExplorerView extends BorderPane {

    private final LossExplorerViewModel vm;
    private final ScoreBarChart chart;
    private final LossCurveChart curveChart = new LossCurveChart();
    private final SoftmaxPipelineTable pipeline = new SoftmaxPipelineTable();
    private final HingeBreakdown breakdown = new HingeBreakdown();
    private final VBox figure = new VBox();

    private final Label exploring = new Label();
    private final Label hingeTitle = new Label();
    private final Label hingeValue = new Label();
    private final Label ceValue = new Label();
    private final Label message = new Label();

    private final VBox noteBox = new VBox();
    private final Label noteTitle = new Label();
    private final Label noteText = new Label();
    private final GridPane comparison = new GridPane();

    private final TableView<ExampleLosses.Row> table = new TableView<>();
    private final Label averageHinge = ControlPanel.valueLabel("averageHinge");
    private final Label averageCe = ControlPanel.valueLabel("averageCe");

    private final Spinner<Integer> classCount = new Spinner<>(LossExample.MIN_CLASSES, LossExample.MAX_CLASSES, 3);
    private final ComboBox<Integer> correct = new ComboBox<>();
    private final Label scoreLabel = new Label();
    private final TextField scoreField = new TextField();
    private final Slider deltaSlider = new Slider(0, LossExplorerViewModel.DELTA_SLIDER_MAX, 1);
    private final TextField deltaField = new TextField();
    private final CheckBox squared = new CheckBox("squared");
    private final CheckBox includeCorrect = new CheckBox("include y");
    private final CheckBox mean = new CheckBox("mean");

    private boolean syncing;
    private ScrollPane side;
    private LossFigureLayout figureLayout;

    LossExplorerView(LossExplorerViewModel vm) {
        this.vm = vm;
        getStyleClass().add("loss-explorer");
        chart = new ScoreBarChart(new ChartInput());

        VBox center = new VBox(buildControls(), message, buildNote(), buildFigure());
        center.getStyleClass().add("loss-center");
        VBox.setVgrow(figure, Priority.ALWAYS);
        ScrollPane centerScroll = new ScrollPane(center);
        centerScroll.setFitToWidth(true);
        centerScroll.setFitToHeight(true);
        centerScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        centerScroll.getStyleClass().add("loss-center-scroll");
        setCenter(centerScroll);

        side = ControlPanel.scroller(buildSidePanel(), "loss-side-scroll");
        side.setId("lossSidePanel");
        // The examples panel folds away when it would squeeze the figure (a 1280 × 800 projector with the lesson
        // list shown) and comes back when there is room again.
        FoldingPanel.install(this, side, FoldingPanel.Edge.RIGHT, "Examples", "showExamples",
                w -> w - FoldingPanel.width(side) - exploring.getFont().getSize() * 3 >= figureLayout.columnsMinWidth());

        message.setId("inputMessage");
        message.getStyleClass().add("input-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        vm.readoutProperty().addListener((o, a, r) -> showReadout());
        vm.examplesProperty().addListener((o, a, r) -> showExamples());
        vm.stateProperty().addListener((o, a, s) -> {
            syncTableSelection();
            showComparison();
        });
        vm.selectedBarProperty().addListener((o, a, b) -> showReadout());
        vm.noteProperty().addListener((o, a, n) -> showNote());
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);

        showReadout();
        showExamples();
        syncTableSelection();
        showNote();
    }

    LossFigureLayout figureLayout() {
        return figureLayout;
    }

    ScoreBarChart chart() {
        return chart;
    }

    TableView<ExampleLosses.Row> table() {
        return table;
    }

    /** The part of the lesson that export and copy take a picture of. */
    Node figure() {
        return figure;
    }

    private Node buildControls() {
        classCount.setId("classCount");
        classCount.setEditable(true);
        classCount.setPrefWidth(80);
        classCount.valueProperty().addListener((o, a, n) -> {
            if (!syncing && n != null) {
                vm.setClassCount(n);
            }
        });
        ControlPanel.wholeNumbers(classCount);
        commitOnEnterOrLeave(classCount.getEditor(), classCount.focusedProperty(), this::commitClassCount);

        correct.setId("correctClass");
        correct.setTooltip(new Tooltip("The correct class y (keys 1 … 9, 0; or click a class name under the bars)"));
        correct.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Integer j, boolean empty) {
                super.updateItem(j, empty);
                setText(empty || j == null ? null : className(j));
            }
        });
        correct.setButtonCell(correct.getCellFactory().call(null));
        correct.valueProperty().addListener((o, a, j) -> {
            if (!syncing && j != null) {
                vm.setCorrect(j);
            }
        });

        scoreField.setId("scoreField");
        scoreField.setPrefColumnCount(6);
        scoreField.setTooltip(new Tooltip("Type the selected bar's score and press Enter (or double-click a bar)"));
        commitOnEnterOrLeave(scoreField, scoreField.focusedProperty(), this::commitScoreField);

        deltaSlider.setId("deltaSlider");
        deltaSlider.setPrefWidth(150);
        deltaSlider.setMajorTickUnit(5);
        deltaSlider.setBlockIncrement(0.5);
        deltaSlider.setTooltip(new Tooltip("Margin Δ (D / Shift+D: ±1)"));
        deltaSlider.valueProperty().addListener((o, a, v) -> {
            if (syncing) {
                return;
            }
            double d = LossExplorerViewModel.snap(v.doubleValue(), 1);
            if (deltaSlider.isValueChanging()) {
                vm.previewDelta(d);
            } else {
                vm.setDelta(d);
            }
        });
        deltaSlider.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                vm.setDelta(LossExplorerViewModel.snap(deltaSlider.getValue(), 1));
            }
        });
        deltaField.setId("deltaField");
        deltaField.setPrefColumnCount(4);
        commitOnEnterOrLeave(deltaField, deltaField.focusedProperty(), this::commitDeltaField);

        squared.setId("squaredHinge");
        squared.setTooltip(new Tooltip("Squared hinge: max(0, s_j − s_y + Δ)² (Q)"));
        squared.setOnAction(e -> vm.setSquared(squared.isSelected()));
        includeCorrect.setId("includeCorrect");
        includeCorrect.setTooltip(new Tooltip("Sum over all classes, including j = y, whose term is always Δ (Y)"));
        includeCorrect.setOnAction(e -> vm.setIncludeCorrect(includeCorrect.isSelected()));
        mean.setId("meanNotSum");
        mean.setTooltip(new Tooltip("Mean instead of sum: divide by the number of terms (M)"));
        mean.setOnAction(e -> vm.setMean(mean.isSelected()));

        Button undo = ControlPanel.iconButton(AppIcon.UNDO, "Undo (Ctrl+Z)", vm::undo);
        undo.setId("lossUndo");
        undo.disableProperty().bind(vm.canUndoProperty().not());
        Button redo = ControlPanel.iconButton(AppIcon.REDO, "Redo (Ctrl+Shift+Z)", vm::redo);
        redo.setId("lossRedo");
        redo.disableProperty().bind(vm.canRedoProperty().not());

        FlowPane bar = new FlowPane();
        bar.getStyleClass().add("loss-controls");
        bar.getChildren().addAll(
                group(new Label("Classes"), classCount),
                group(new Label("Correct"), correct),
                group(scoreLabel, scoreField),
                group(new Label("Δ"), deltaSlider, deltaField),
                group(new Label("Hinge:"), squared, includeCorrect, mean),
                group(undo, redo));
        return bar;
    }

    private Node buildNote() {
        noteBox.getStyleClass().addAll("lesson-callout", "loss-note");
        noteBox.setId("lessonNote");
        noteTitle.getStyleClass().add("note-title");
        noteText.setId("noteText");
        noteText.setWrapText(true);
        noteText.setMinHeight(Region.USE_PREF_SIZE);
        Button close = new Button("✕");
        close.setId("closeNote");
        close.getStyleClass().add("note-close");
        close.setTooltip(new Tooltip("Hide this note (Esc)"));
        close.setOnAction(e -> vm.dismissNote());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, noteTitle, spacer, close);
        header.setAlignment(Pos.CENTER_LEFT);
        comparison.getStyleClass().add("comparison-table");
        comparison.setId("comparison");
        comparison.setMinWidth(Region.USE_PREF_SIZE);
        SideBySide body = new SideBySide(noteText, comparison, () -> noteText.getFont().getSize() * 22, 20, false);
        // A long note scrolls inside a bounded height (CSS) so the bars stay in view on a projector.
        ScrollPane bodyScroll = new ScrollPane(body) {
            @Override
            protected double computePrefHeight(double width) {
                double w = (width < 0 ? getWidth() : width) - snappedLeftInset() - snappedRightInset();
                double h = (w > 0 ? body.prefHeight(w) : body.prefHeight(-1)) + snappedTopInset()
                        + snappedBottomInset();
                return getMaxHeight() > 0 ? Math.min(h, getMaxHeight()) : h;
            }

            @Override
            protected double computeMinHeight(double width) {
                return computePrefHeight(width);
            }
        };
        bodyScroll.setFitToWidth(true);
        bodyScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        bodyScroll.getStyleClass().add("note-scroll");
        noteBox.getChildren().addAll(header, bodyScroll);
        return noteBox;
    }

    private Node buildFigure() {
        figure.getStyleClass().add("loss-figure");
        figure.setId("lossFigure");

        exploring.setId("exploring");
        exploring.getStyleClass().add("exploring");
        exploring.setWrapText(true);
        hingeTitle.getStyleClass().add("loss-title");
        hingeValue.setId("hingeValue");
        hingeValue.getStyleClass().addAll("loss-value", "hinge-value");
        Label ceTitle = new Label("Cross-entropy loss =");
        ceTitle.getStyleClass().add("loss-title");
        ceValue.setId("ceValue");
        ceValue.getStyleClass().addAll("loss-value", "ce-value");
        HBox hinge = new HBox(10, hingeTitle, hingeValue);
        hinge.setAlignment(Pos.BASELINE_LEFT);
        HBox ce = new HBox(10, ceTitle, ceValue);
        ce.setAlignment(Pos.BASELINE_LEFT);
        FlowPane readout = new FlowPane(hinge, ce);
        readout.getStyleClass().add("loss-readout");

        // The step-by-step tables are as wide as their grids; their titles and notes wrap within.
        VBox tables = new VBox(breakdown, pipeline) {
            @Override
            protected double computePrefWidth(double height) {
                return Math.max(Math.max(breakdown.gridWidth(), pipeline.gridWidth()), chart.fontSize.get() * 22)
                        + snappedLeftInset() + snappedRightInset();
            }
        };
        tables.getStyleClass().add("loss-tables");
        tables.setMinWidth(Region.USE_PREF_SIZE);
        figureLayout = new LossFigureLayout(chart, curveChart, tables, 16);
        VBox.setVgrow(figureLayout, Priority.ALWAYS);
        exploring.setMinHeight(Region.USE_PREF_SIZE);
        readout.setMinHeight(Region.USE_PREF_SIZE);
        figure.getChildren().addAll(exploring, readout, figureLayout);
        return figure;
    }

    private Node buildSidePanel() {
        VBox panel = new VBox();
        panel.getStyleClass().addAll("control-panel", "loss-side");

        table.setId("examplesTable");
        table.getStyleClass().add("examples-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ExampleLosses.Row, String> name = column("#", r -> r.example().name(), "name-column");
        TableColumn<ExampleLosses.Row, String> y = column("y", r -> r.example().correctName(), "correct-column");
        TableColumn<ExampleLosses.Row, String> hinge = column("Hinge", r -> LossFormat.number(r.hinge()),
                "number-column");
        TableColumn<ExampleLosses.Row, String> ce = column("CE", r -> LossFormat.number(r.crossEntropy()),
                "number-column");
        TableColumn<ExampleLosses.Row, String> scores = column("Scores", r -> LossFormat.scores(r.example().scores()),
                "scores-column");
        // A long score vector ends in "…" in its cell; the tooltip shows all of it.
        scores.setCellFactory(c -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                tip.setText(item);
                setTooltip(empty ? null : tip);
            }
        });
        table.getColumns().setAll(List.of(name, y, hinge, ce, scores));
        table.getColumns().forEach(c -> c.setSortable(false));
        Label examplesTitle = section("Examples: the slides' cat, car, frog");
        // Column widths follow the type size, so the projector theme's large type is not cut to "Hi…".
        examplesTitle.fontProperty().addListener((o, a, f) -> sizeColumns(f.getSize(), name, y, hinge, ce, scores));
        sizeColumns(examplesTitle.getFont().getSize(), name, y, hinge, ce, scores);
        table.setPlaceholder(new Label("No examples"));
        // The scores column only shows when it has room (not in the projector theme's narrow side panel).
        table.widthProperty().addListener((o, a, w) -> scores.setVisible(
                w.doubleValue() >= examplesTitle.getFont().getSize() * 20));
        table.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (!syncing && i != null && i.intValue() >= 0) {
                vm.selectExample(i.intValue());
            }
        });
        table.setOnMouseClicked(e -> {
            int i = table.getSelectionModel().getSelectedIndex();
            if (e.getButton() == MouseButton.PRIMARY && i >= 0 && i != vm.state().selected()) {
                vm.selectExample(i);
            }
        });
        GridPane averages = new GridPane();
        averages.getStyleClass().add("averages");
        averages.addRow(0, new Label("Average hinge"), averageHinge);
        averages.addRow(1, new Label("Average CE"), averageCe);
        averageHinge.setMinWidth(Region.USE_PREF_SIZE);
        averageCe.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip.install(averages, new Tooltip("The data loss L = (1/N) Σ L_i over the N examples of the table"));

        Button reset = new Button("Reset examples", AppIcon.RESET.node());
        reset.setId("resetExamples");
        reset.setTooltip(new Tooltip("Put the slides' three examples back"));
        reset.setOnAction(e -> vm.resetExamples());
        Button add = new Button("Add current", AppIcon.ADD_EXAMPLE.node());
        add.setId("addExample");
        add.setTooltip(new Tooltip("Append the explored scores to the table as a new example"));
        add.setOnAction(e -> vm.addCurrentAsExample());
        FlowPane buttons = new FlowPane(6, 6, reset, add);
        Label tableHint = new Label("y = correct class, CE = cross-entropy. Click a row to explore it; "
                + "your edits stay in its row.");
        tableHint.getStyleClass().add("hint");
        tableHint.setWrapText(true);

        VBox presets = new VBox();
        presets.getStyleClass().add("preset-list");
        for (LossPreset p : LossPreset.values()) {
            Button b = new Button(p.title());
            b.setId("preset" + camel(p.name()));
            b.getStyleClass().add("preset-button");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setWrapText(true);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setTooltip(new Tooltip(p.question()));
            b.setOnAction(e -> vm.applyPreset(p));
            presets.getChildren().add(b);
        }

        panel.getChildren().addAll(examplesTitle, table, averages, buttons,
                tableHint, section("Lecture questions"), presets);
        return panel;
    }

    private void showReadout() {
        LossReadout r = vm.readoutProperty().get();
        LossState s = vm.state();
        LossExample e = r.example();
        HingeLoss.Options o = r.options();
        syncing = true;
        try {
            hingeTitle.setText((o.squared() ? "Squared hinge" : "Hinge (SVM)") + " loss =");
            hingeValue.setText(LossFormat.number(r.hingeLoss()));
            ceValue.setText(LossFormat.number(r.crossEntropy()));
            exploring.setText(s.exploringRow()
                    ? "Example " + e.name() + " of the table · correct class " + e.correctName()
                    : "\u201c" + e.name() + "\u201d · correct class " + e.correctName()
                            + " · not in the table");
            classCount.getValueFactory().setValue(e.classCount());
            List<Integer> indices = IntStream.range(0, e.classCount()).boxed().toList();
            if (!correct.getItems().equals(indices)) {
                correct.getItems().setAll(indices);
            }
            correct.setValue(null);
            correct.setValue(e.correct());
            int j = Math.min(vm.selectedBarProperty().get(), e.classCount() - 1);
            scoreLabel.setText("Score of " + e.className(j));
            if (!scoreField.isFocused()) {
                scoreField.setText(LossFormat.editable(e.score(j)));
            }
            if (!deltaSlider.isValueChanging()) {
                deltaSlider.setValue(Math.min(LossExplorerViewModel.DELTA_SLIDER_MAX, o.delta()));
            }
            if (!deltaField.isFocused()) {
                deltaField.setText(LossFormat.editable(o.delta()));
            }
            squared.setSelected(o.squared());
            includeCorrect.setSelected(o.includeCorrect());
            mean.setSelected(o.mean());
        } finally {
            syncing = false;
        }
        chart.show(r, vm.selectedBarProperty().get());
        breakdown.show(r);
        pipeline.show(r);
        curveChart.show(LossCurve.of(e, o), r);
    }

    private void showExamples() {
        ExampleLosses losses = vm.examplesProperty().get();
        syncing = true;
        try {
            table.getItems().setAll(losses.rows());
        } finally {
            syncing = false;
        }
        syncTableSelection();
        averageHinge.setText(LossFormat.number(losses.meanHinge()));
        averageCe.setText(LossFormat.number(losses.meanCrossEntropy()));
    }

    private void syncTableSelection() {
        int row = vm.state().selected();
        syncing = true;
        try {
            if (row < 0) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedIndex() != row) {
                table.getSelectionModel().clearAndSelect(row);
            }
        } finally {
            syncing = false;
        }
    }

    private void showNote() {
        LossPreset.Note n = vm.noteProperty().get();
        noteBox.setVisible(n != null);
        noteBox.setManaged(n != null);
        if (n != null) {
            noteTitle.setText(n.title());
            noteText.setText(n.text());
        }
        showComparison();
    }

    private void showComparison() {
        LossPreset.Note n = vm.noteProperty().get();
        comparison.getChildren().clear();
        boolean has = n != null && n.comparison() != null;
        comparison.setVisible(has);
        comparison.setManaged(has);
        if (!has) {
            return;
        }
        LossPreset.Comparison c = n.comparison();
        for (int k = 0; k < c.headers().size(); k++) {
            Label h = new Label(c.headers().get(k));
            h.getStyleClass().add("header");
            comparison.add(h, k, 0);
        }
        for (int i = 0; i < c.rows().size(); i++) {
            LossPreset.Row row = c.rows().get(i);
            boolean current = row.target() != null && row.target().equals(vm.state());
            for (int k = 0; k < row.cells().size(); k++) {
                Label cell = new Label(row.cells().get(k));
                cell.setMinWidth(Region.USE_PREF_SIZE);
                cell.getStyleClass().add("comparison-cell");
                if (current) {
                    cell.getStyleClass().add("current");
                }
                if (row.target() != null) {
                    cell.getStyleClass().add("explorable");
                    cell.setOnMouseClicked(e -> vm.explore(row.target()));
                } else {
                    cell.getStyleClass().add("summary");
                }
                cell.setId("comparison" + i + "_" + k);
                comparison.add(cell, k, i + 1);
            }
        }
    }

    private void commitScoreField() {
        LossExample e = vm.state().current();
        int j = Math.min(vm.selectedBarProperty().get(), e.classCount() - 1);
        if (scoreField.getText().equals(LossFormat.editable(e.score(j)))) {
            return;
        }
        if (!typedScore(j, scoreField.getText())) {
            scoreField.setText(LossFormat.editable(e.score(j)));
        }
    }

    private boolean typedScore(int j, String text) {
        try {
            return vm.setScore(j, LossFormat.parse(text));
        } catch (NumberFormatException ex) {
            vm.refuse(ex.getMessage() + ": type a score such as 3.2 or -1.7.");
            return false;
        }
    }

    private void commitDeltaField() {
        String text = deltaField.getText();
        if (text.equals(LossFormat.editable(vm.options().delta()))) {
            return;
        }
        try {
            if (!vm.setDelta(LossFormat.parse(text))) {
                deltaField.setText(LossFormat.editable(vm.options().delta()));
            }
        } catch (NumberFormatException ex) {
            vm.refuse(ex.getMessage() + ": Δ is a number from 0 to " + (int) LossExplorerViewModel.DELTA_MAX + ".");
            deltaField.setText(LossFormat.editable(vm.options().delta()));
        }
    }

    private void commitClassCount() {
        SpinnerValueFactory.IntegerSpinnerValueFactory f =
                (SpinnerValueFactory.IntegerSpinnerValueFactory) classCount.getValueFactory();
        try {
            int v = Integer.parseInt(classCount.getEditor().getText().trim());
            if (v < f.getMin() || v > f.getMax()) {
                vm.refuse("The number of classes is 2 to 10.");
            } else {
                f.setValue(v);
            }
        } catch (NumberFormatException ex) {
            vm.refuse("The number of classes is a whole number from 2 to 10.");
        }
        classCount.getEditor().setText(Integer.toString(f.getValue()));
    }

    private final class ChartInput implements ScoreBarChart.Listener {
        @Override
        public void select(int j) {
            vm.selectedBarProperty().set(j);
        }

        @Override
        public void beginDrag(int j) {
            vm.beginDrag(j);
        }

        @Override
        public void drag(int j, double score) {
            vm.dragScore(j, score);
        }

        @Override
        public void endDrag() {
            vm.endDrag();
        }

        @Override
        public void makeCorrect(int j) {
            vm.setCorrect(j);
        }

        @Override
        public boolean commitScore(int j, String text) {
            return typedScore(j, text);
        }

        @Override
        public boolean renameClass(int j, String text) {
            return vm.renameClass(j, text);
        }
    }

    private void onKey(KeyEvent e) {
        if (ShortcutOverlay.isTyping(e) || e.isAltDown()) {
            return;
        }
        if (LessonKeys.undoRedo(e, vm::undo, vm::redo)) {
            e.consume();
            return;
        }
        KeyCode code = e.getCode();
        boolean handled = true;
        int bars = vm.state().current().classCount();
        if (e.isShortcutDown()) {
            handled = false;
        } else if (code.isDigitKey() && LessonKeys.digit(code) >= 0) {
            int y = LessonKeys.digit(code) == 0 ? 9 : LessonKeys.digit(code) - 1;
            if (y < bars) {
                vm.setCorrect(y);
            }
        } else if (code == KeyCode.LEFT || code == KeyCode.RIGHT) {
            int j = vm.selectedBarProperty().get() + (code == KeyCode.LEFT ? -1 : 1);
            vm.selectedBarProperty().set(Math.max(0, Math.min(bars - 1, j)));
        } else if (code == KeyCode.UP || code == KeyCode.DOWN) {
            double step = e.isShiftDown() ? 1 : 0.1;
            vm.nudgeSelected(code == KeyCode.UP ? step : -step, 1);
        } else if (code == KeyCode.ENTER) {
            chart.startEditing(vm.selectedBarProperty().get(), false);
        } else if (code == KeyCode.C) {
            vm.setCorrect(vm.selectedBarProperty().get());
        } else if (code == KeyCode.D) {
            vm.stepDelta(e.isShiftDown() ? -1 : 1);
        } else if (code == KeyCode.Q) {
            vm.setSquared(!vm.options().squared());
        } else if (code == KeyCode.Y) {
            vm.setIncludeCorrect(!vm.options().includeCorrect());
        } else if (code == KeyCode.M) {
            vm.setMean(!vm.options().mean());
        } else if (code == KeyCode.PLUS || code == KeyCode.ADD || code == KeyCode.EQUALS || "+".equals(e.getText())) {
            vm.setClassCount(Math.min(LossExample.MAX_CLASSES, bars + 1));
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            vm.setClassCount(Math.max(LossExample.MIN_CLASSES, bars - 1));
        } else if (code == KeyCode.PAGE_UP || code == KeyCode.PAGE_DOWN) {
            vm.stepExample(code == KeyCode.PAGE_UP ? -1 : 1);
        } else if (code == KeyCode.ESCAPE && vm.noteProperty().get() != null) {
            vm.dismissNote();
        } else {
            handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    /** Runs {@code commit} on Enter in {@code editor} and when {@code focused} (the control's focus) turns false. */
    private static void commitOnEnterOrLeave(TextField editor, ReadOnlyBooleanProperty focused, Runnable commit) {
        editor.setOnAction(e -> commit.run());
        focused.addListener((o, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
    }

    private String className(int j) {
        LossExample e = vm.state().current();
        return j >= 0 && j < e.classCount() ? (j + 1) + ": " + e.className(j) : "";
    }

    private static TableColumn<ExampleLosses.Row, String> column(String title,
            Function<ExampleLosses.Row, String> value, String styleClass) {
        TableColumn<ExampleLosses.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.getStyleClass().add(styleClass);
        c.setReorderable(false);
        return c;
    }

    private static void sizeColumns(double em, TableColumn<?, ?> name, TableColumn<?, ?> y, TableColumn<?, ?> hinge,
            TableColumn<?, ?> ce, TableColumn<?, ?> scores) {
        name.setPrefWidth(em * 1.8);
        y.setPrefWidth(em * 3.2);
        hinge.setPrefWidth(em * 3.9);
        ce.setPrefWidth(em * 3.5);
        scores.setMinWidth(em * 5);
    }

    /** A row of the control bar that wraps as one piece. */
    private static HBox group(Node... nodes) {
        HBox h = ControlPanel.row(nodes);
        h.getStyleClass().add("control-group");
        return h;
    }

    /** A section title that wraps in the narrow side panel. */
    private static Label section(String title) {
        Label l = ControlPanel.section(title);
        l.setWrapText(true);
        return l;
    }

    private static String camel(String constant) {
        StringBuilder b = new StringBuilder();
        for (String part : constant.split("_")) {
            b.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }
}
