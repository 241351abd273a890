package org.classifierlab.app.gallery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntConsumer;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;


import org.classifierlab.app.icons.AppIcon;
import org.classifierlab.app.shell.ControlPanel;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.knn.TieRule;

/**
 * The test images as a virtualised grid of thumbnails ({@link ThumbnailGrid}: sharp whole-number enlargements,
 * zoomable) with filters by true class, by predicted class, "misclassified at K", "tied votes" and a set
 * handed in from elsewhere (a confusion-matrix cell), a jump to an index and a random pick. Clicking a thumbnail
 * picks it. FX thread only.
 */
public final class QueryBrowser extends VBox {

    /** Which test images the status filter keeps. */
    public enum Status {
        ALL("All test images"), MISCLASSIFIED("Misclassified at K"), CORRECT("Correct at K"), TIED("Tied votes at K");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final int ALL = -1;

    private final ThumbnailGrid grid = new ThumbnailGrid();
    private List<Integer> items = List.of();
    private final ComboBox<Integer> trueClass = new ComboBox<>();
    private final ComboBox<Integer> predictedClass = new ComboBox<>();
    private final ComboBox<Status> status = new ComboBox<>(FXCollections.observableArrayList(Status.values()));
    private final ComboBox<org.classifierlab.core.knn.Metric> metric =
            new ComboBox<>(FXCollections.observableArrayList(org.classifierlab.core.knn.Metric.values()));
    private final Label count = new Label();
    private final Label votesNote = new Label();
    private final Label selectionNote = new Label();
    private final Button clearSelection = new Button("Show all");
    private final TextField jump = new TextField();
    private final Slider zoom = new Slider(1, 4, 2);
    private final ObjectProperty<TestSetVotes.Table> votes = new SimpleObjectProperty<>(this, "votes");
    private final IntegerProperty k = new SimpleIntegerProperty(this, "k", 1);
    private final ObjectProperty<TieRule> rule = new SimpleObjectProperty<>(this, "rule", TieRule.SMALLEST_CLASS);
    private final Random random = new Random();
    private Dataset dataset;
    private Thumbnails thumbnails;
    private int[] externalSet;
    private IntConsumer onPick = i -> { };
    private Runnable onNeedVotes = () -> { };

    public QueryBrowser() {
        getStyleClass().add("query-browser");
        setId("queryBrowser");
        setSpacing(6);
        setPadding(new Insets(8));
        grid.setId("queryGrid");
        grid.setOnPick(i -> onPick.accept(i));
        zoom.setId("browserZoom");
        zoom.setMajorTickUnit(1);
        zoom.setMinorTickCount(0);
        zoom.setSnapToTicks(true);
        zoom.setShowTickMarks(true);
        zoom.valueProperty().addListener((o, a, v) -> sizeCells());
        sizeCells();
        VBox.setVgrow(grid, Priority.ALWAYS);

        trueClass.setId("filterTrueClass");
        predictedClass.setId("filterPredictedClass");
        status.setId("filterStatus");
        status.setValue(Status.ALL);
        status.setConverter(ControlPanel.displayNames(Status::label));
        trueClass.valueProperty().addListener((o, a, v) -> refilter());
        predictedClass.valueProperty().addListener((o, a, v) -> refilter());
        status.valueProperty().addListener((o, a, v) -> refilter());
        votes.addListener((o, a, v) -> refilter());
        k.addListener((o, a, v) -> refilter());
        rule.addListener((o, a, v) -> refilter());
        metric.setId("browserMetric");
        metric.setConverter(ControlPanel.displayNames(org.classifierlab.core.knn.Metric::label));
        metric.setValue(org.classifierlab.core.knn.Metric.L2);
        metric.setTooltip(new Tooltip("The distance of the predictions the 'Predicted' and 'Show' filters use (M)"));
        for (ComboBox<?> c : List.of(trueClass, predictedClass, status, metric)) {
            c.setMaxWidth(Double.MAX_VALUE);
        }

        jump.setId("jumpToIndex");
        jump.setPromptText("index");
        jump.setPrefColumnCount(6);
        jump.setOnAction(e -> jumpTo());
        Button go = new Button("Go");
        go.setId("jumpGo");
        go.setOnAction(e -> jumpTo());
        Button randomPick = ControlPanel.iconButton(AppIcon.RANDOM_SEED, "A random image of those shown (R)", this::pickRandom);
        randomPick.setId("randomQuery");
        clearSelection.setId("clearExternalFilter");
        clearSelection.setOnAction(e -> setExternalSet(null, null));
        selectionNote.setWrapText(true);
        selectionNote.getStyleClass().add("hint");
        votesNote.setWrapText(true);
        votesNote.getStyleClass().add("hint");
        count.setId("browserCount");
        count.getStyleClass().add("hint");

        GridPane filters = ControlPanel.grid();
        filters.addRow(0, new Label("True class"), trueClass);
        Label predictedLabel = new Label("Predicted");
        Label statusLabel = new Label("Show");
        Label metricLabel = new Label("Distance");
        filters.addRow(1, predictedLabel, predictedClass);
        filters.addRow(2, statusLabel, status);
        filters.addRow(3, metricLabel, metric);
        knnFilters = List.of(predictedLabel, predictedClass, statusLabel, status, metricLabel, metric);
        HBox jumpRow = ControlPanel.row(new Label("Go to"), jump, go, randomPick);
        Label zoomLabel = new Label("Zoom");
        HBox.setHgrow(zoom, Priority.ALWAYS);
        HBox zoomRow = ControlPanel.row(zoomLabel, zoom);
        HBox selectionRow = ControlPanel.row(selectionNote, clearSelection);
        HBox.setHgrow(selectionNote, Priority.ALWAYS);
        selectionRow.managedProperty().bind(selectionRow.visibleProperty());
        selectionRow.setVisible(false);
        clearSelection.visibleProperty().bind(selectionRow.visibleProperty());
        votesNote.managedProperty().bind(votesNote.visibleProperty());
        getChildren().addAll(ControlPanel.section("Test images"), filters, votesNote, selectionRow, jumpRow, zoomRow,
                count, grid);
        this.selectionRow = selectionRow;
        setMinWidth(Region.USE_PREF_SIZE);
        setPrefWidth(330);
    }

    private final HBox selectionRow;
    private final List<javafx.scene.Node> knnFilters;

    /**
     * Shows or hides the filters by k-NN prediction (predicted class, misclassified / tied at K, distance), for a
     * lesson that picks test images without k-NN votes; hidden filters are reset to "any".
     */
    public void setKnnFilters(boolean shown) {
        for (javafx.scene.Node n : knnFilters) {
            n.setVisible(shown);
            n.setManaged(shown);
        }
        if (!shown) {
            predictedClass.setValue(ALL);
            status.setValue(Status.ALL);
        }
    }

    /** Whole enlargement of the thumbnails (1 … 4). */
    private int scale() {
        return (int) Math.max(1, Math.min(4, Math.round(zoom.getValue())));
    }

    private void sizeCells() {
        grid.show(thumbnails, items, scale());
    }

    /** Larger default thumbnails and a wider browser for the projector theme; grid colours of the theme. */
    public void setTheme(org.classifierlab.app.theme.Theme theme) {
        boolean large = theme == org.classifierlab.app.theme.Theme.PROJECTOR;
        zoom.setValue(large ? 3 : 2);
        setPrefWidth(large ? 380 : 330);
        switch (theme) {
            case DARK -> grid.setColors(javafx.scene.paint.Color.web("#56b4e9"), javafx.scene.paint.Color.web("#16181d"));
            case PROJECTOR -> grid.setColors(javafx.scene.paint.Color.BLACK, javafx.scene.paint.Color.WHITE);
            default -> grid.setColors(javafx.scene.paint.Color.web("#0072b2"), javafx.scene.paint.Color.WHITE);
        }
    }

    /** Shows the test images of {@code d} (null: none); filters that name classes are reset. */
    public void setDataset(Dataset d) {
        dataset = d;
        thumbnails = d == null ? null : new Thumbnails(d.test());
        externalSet = null;
        selectionRow.setVisible(false);
        List<Integer> classes = new ArrayList<>();
        classes.add(ALL);
        if (d != null) {
            for (int c = 0; c < d.test().classCount(); c++) {
                classes.add(c);
            }
        }
        for (ComboBox<Integer> box : List.of(trueClass, predictedClass)) {
            box.setItems(FXCollections.observableArrayList(classes));
            box.setConverter(ControlPanel.displayNames(c -> c == ALL ? "Any" : className(c)));
            box.setValue(ALL);
        }
        status.setValue(Status.ALL);
        sizeCells();
        refilter();
    }

    private String className(int c) {
        return dataset == null ? Integer.toString(c) : dataset.test().classNames().get(c);
    }

    /**
     * Keeps only {@code indices} (e.g. the images of a confusion-matrix cell), described by {@code what}; null shows
     * all images again.
     */
    public void setExternalSet(int[] indices, String what) {
        externalSet = indices == null ? null : indices.clone();
        selectionRow.setVisible(indices != null);
        selectionNote.setText(what == null ? "" : what);
        refilter();
    }

    /** Whether the filters need the predictions of the test images. */
    public boolean needsVotes() {
        return predictedClass.getValue() != null && predictedClass.getValue() != ALL || status.getValue() != Status.ALL;
    }

    private void refilter() {
        items = List.of();
        sizeCells();
        if (dataset == null) {
            count.setText("No dataset loaded");
            votesNote.setVisible(false);
            return;
        }
        int n = dataset.test().size();
        int tc = trueClass.getValue() == null ? ALL : trueClass.getValue();
        int pc = predictedClass.getValue() == null ? ALL : predictedClass.getValue();
        Status st = status.getValue() == null ? Status.ALL : status.getValue();
        boolean needVotes = needsVotes();
        TestSetVotes.Table table = votes.get();
        if (needVotes && (table == null || table.dataset() != dataset)) {
            votesNote.setText("Classifying the test images for this filter… (status bar)");
            votesNote.setVisible(true);
            count.setText("");
            onNeedVotes.run();
            return;
        }
        int[] predicted = null;
        boolean[] tied = null;
        if (needVotes) {
            predicted = table.predictions(k.get(), rule.get());
            if (st == Status.TIED) {
                tied = table.tied(k.get());
            }
            votesNote.setText(String.format(Locale.ROOT, "Predicted with K = %d, %s, %s", Math.min(k.get(), table.table().k()),
                    table.metric().label(), rule.get().label()));
            votesNote.setVisible(true);
        } else {
            votesNote.setVisible(false);
        }
        List<Integer> keep = new ArrayList<>();
        int[] candidates = externalSet;
        int total = candidates == null ? n : candidates.length;
        for (int j = 0; j < total; j++) {
            int i = candidates == null ? j : candidates[j];
            if (i < 0 || i >= n) {
                continue;
            }
            int truth = dataset.test().label(i);
            if (tc != ALL && truth != tc) {
                continue;
            }
            if (predicted != null) {
                if (pc != ALL && predicted[i] != pc) {
                    continue;
                }
                if (st == Status.MISCLASSIFIED && predicted[i] == truth || st == Status.CORRECT && predicted[i] != truth
                        || st == Status.TIED && !tied[i]) {
                    continue;
                }
            }
            keep.add(i);
        }
        items = List.copyOf(keep);
        sizeCells();
        count.setText(String.format(Locale.ROOT, "Showing %,d of %,d test images", keep.size(), n));
    }

    private void jumpTo() {
        if (dataset == null) {
            return;
        }
        String text = jump.getText() == null ? "" : jump.getText().strip();
        try {
            int i = Integer.parseInt(text);
            if (i >= 0 && i < dataset.test().size()) {
                jump.getStyleClass().remove("invalid");
                onPick.accept(i);
                scrollTo(i);
                return;
            }
        } catch (NumberFormatException e) {
            // Reported below like an index out of range.
        }
        if (!jump.getStyleClass().contains("invalid")) {
            jump.getStyleClass().add("invalid");
        }
        jump.setTooltip(new Tooltip("A test image index from 0 to " + (dataset.test().size() - 1)));
    }

    /** Picks a random image among those the filters show (or among all, if none is shown). */
    public void pickRandom() {
        if (dataset == null || dataset.test().size() == 0) {
            return;
        }
        int i = items.isEmpty() ? random.nextInt(dataset.test().size()) : items.get(random.nextInt(items.size()));
        onPick.accept(i);
        scrollTo(i);
    }

    /** Picks the image shown {@code step} places after the selected one (wrapping around). */
    public void step(int step) {
        if (items.isEmpty()) {
            return;
        }
        int at = items.indexOf(grid.selectedProperty().get());
        int next = at < 0 ? 0 : Math.floorMod(at + step, items.size());
        onPick.accept(items.get(next));
        scrollTo(items.get(next));
    }

    private void scrollTo(int index) {
        grid.scrollTo(index);
    }

    /** The test image shown selected (-1: none). */
    public IntegerProperty selectedProperty() {
        return grid.selectedProperty();
    }

    /** The predictions the filters use. */
    public ObjectProperty<TestSetVotes.Table> votesProperty() {
        return votes;
    }

    /** The distance of the predictions the filters use. */
    public ComboBox<org.classifierlab.core.knn.Metric> metricChoice() {
        return metric;
    }

    /** K of the predictions the filters use. */
    public IntegerProperty kProperty() {
        return k;
    }

    /** Tie rule of the predictions the filters use. */
    public ObjectProperty<TieRule> ruleProperty() {
        return rule;
    }

    /** Called with a test image index when the user picks one. */
    public void setOnPick(IntConsumer action) {
        onPick = action;
    }

    /** Called when a filter needs the test images' predictions and they are not there yet. */
    public void setOnNeedVotes(Runnable action) {
        onNeedVotes = action;
    }

    /** The test indices shown now, in order. */
    public List<Integer> shown() {
        return List.copyOf(items);
    }

    ThumbnailGrid grid() {
        return grid;
    }

    static String web(javafx.scene.paint.Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
