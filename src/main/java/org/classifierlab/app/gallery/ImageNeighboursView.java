package org.classifierlab.app.gallery;

import static org.classifierlab.app.shell.ControlPanel.intSpinner;
import static org.classifierlab.app.shell.ControlPanel.row;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TabPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.classifierlab.app.icons.AppIcon;
import org.classifierlab.app.shell.ControlPanel;
import org.classifierlab.app.shell.FoldingPanel;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.TieRule;

/**
 * The "Nearest neighbours on images" lesson's window content: the query browser on the left, the lesson's panels as
 * tabs in the middle (first the query and its neighbours under L1 and L2 side by side), the controls on the right.
 * FX thread only.
 */
final class ImageNeighboursView extends BorderPane {

    /** Enlargement of a neighbour's image (2: 64 px for CIFAR). */
    static final int TILE_SCALE = 2;
    /** Enlargement of the query image. */
    static final int QUERY_SCALE = 4;

    private final ImageNeighboursViewModel vm;
    private final QueryBrowser browser = new QueryBrowser();
    private final TabPane tabs = new TabPane();
    private final ImageView queryImage = new ImageView();
    private final ImageView originalImage = new ImageView();
    private final Label originalCaption = new Label();
    private org.classifierlab.core.images.ArgbImage original;
    private final Label queryName = new Label("…");
    private final Label queryTruth = new Label();
    private final Label searchNote = new Label();
    private final List<NeighbourRow> rows = new ArrayList<>();
    private final VBox rowBox = new VBox(14);
    private final VBox neighboursPane;
    private final Button openImage = new Button("Open image…", AppIcon.OPEN_IMAGE.node());
    private Thumbnails trainThumbs;
    private boolean large;
    /**
     * Projector type on a short screen (1280 × 800): the query and the tiles keep their normal size and the hint moves
     * to a tooltip, so the L1 and L2 rows are both in view.
     */
    private boolean compact;
    /** The least width of the tabs beside the browser, in font sizes. */
    private static final double MAIN_MIN_EM = 44;

    ImageNeighboursView(ImageNeighboursViewModel vm) {
        this.vm = vm;
        getStyleClass().add("image-neighbours");
        setId("imageNeighbours");
        for (Metric m : Metric.values()) {
            NeighbourRow r = new NeighbourRow(m);
            r.setOnPick(vm::goTrain);
            rows.add(r);
        }
        queryImage.setId("queryImage");
        queryName.setId("queryName");
        queryName.getStyleClass().add("metric-value");
        queryTruth.setId("queryTruth");
        searchNote.setId("searchNote");
        searchNote.getStyleClass().add("hint");
        searchNote.setWrapText(true);
        Button back = ControlPanel.iconButton(AppIcon.BACK, "Back to the previous query (Alt+←)", vm::back);
        back.setId("queryBack");
        back.disableProperty().bind(vm.canGoBackProperty().not());
        Button forward = ControlPanel.iconButton(AppIcon.FORWARD, "Forward (Alt+→)", vm::forward);
        forward.setId("queryForward");
        forward.disableProperty().bind(vm.canGoForwardProperty().not());
        openImage.setId("openImage");
        Label hint = new Label("Click a neighbour to see its own neighbours (it is left out of its search). "
                + "Frames in the query's class colour mark neighbours of the same class; the first K vote. "
                + "Open or drop a PNG or JPEG to query your own image.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        VBox queryInfo = new VBox(6, queryName, queryTruth, row(back, forward, openImage), searchNote, hint);
        HBox.setHgrow(queryInfo, Priority.ALWAYS);
        originalImage.setPreserveRatio(true);
        originalImage.setSmooth(true);
        originalImage.setId("originalImage");
        originalCaption.getStyleClass().add("hint");
        VBox originalBox = new VBox(2, originalImage, originalCaption);
        originalBox.managedProperty().bind(originalBox.visibleProperty());
        originalBox.visibleProperty().bind(originalImage.imageProperty().isNotNull());
        HBox queryBox = new HBox(14, originalBox, queryImage, queryInfo);
        queryBox.setAlignment(Pos.TOP_LEFT);
        queryBox.getStyleClass().add("query-box");
        neighboursPane = new VBox(12, queryBox, buildVoteBar(), rowBox);
        neighboursPane.setPadding(new Insets(12));
        neighboursPane.setId("neighboursPane");
        Tooltip.install(queryImage, new Tooltip(hint.getText()));
        neighboursPane.heightProperty().addListener((o, a, h) -> {
            boolean c = h.doubleValue() > 0 && h.doubleValue() < 700;
            if (c != compact) {
                compact = c;
                hint.setVisible(!c);
                hint.setManaged(!c);
                showQuery();
            }
        });
        Tab neighboursTab = new Tab("Neighbours", neighboursPane);
        neighboursTab.setId("tabNeighbours");
        neighboursTab.setClosable(false);
        tabs.getTabs().add(neighboursTab);
        tabs.setId("imageTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        browser.setOnPick(vm::goTest);
        Tooltip.install(openImage, new Tooltip("Your own PNG or JPEG of any size: centre-cropped, reduced by area "
                + "averaging to the dataset's size (grey for MNIST) and queried like a test image"));
        browser.kProperty().bind(vm.kProperty());
        browser.ruleProperty().bind(vm.tieRuleProperty());
        // On a 1280 × 800 projector the browser folds away so the tabs' pictures get the width (its handle opens it).
        FoldingPanel.install(this, browser, FoldingPanel.Edge.LEFT, "Test images", "showBrowser",
                w -> w - FoldingPanel.width(browser) - queryTruth.getFont().getSize() * 2
                        >= queryTruth.getFont().getSize() * MAIN_MIN_EM);
        setCenter(tabs);

        vm.queryProperty().addListener((o, a, q) -> showQuery());
        vm.resultProperty().addListener((o, a, r) -> showResult());
        vm.kProperty().addListener(o -> showResult());
        vm.shownProperty().addListener(o -> showResult());
        vm.tieRuleProperty().addListener(o -> showResult());
        vm.showLinfProperty().addListener(o -> layoutRows());
        vm.busyProperty().addListener(o -> showResult());
        layoutRows();
    }

    /** K, neighbours shown, tie rule and the L∞ row, in one line above the rows. */
    private javafx.scene.layout.FlowPane buildVoteBar() {
        Spinner<Integer> k = intSpinner("imageK", 1, ImageNeighboursViewModel.MAX_SHOWN, vm.kProperty().get());
        k.valueProperty().addListener((o, a, v) -> vm.kProperty().set(v));
        vm.kProperty().addListener((o, a, v) -> k.getValueFactory().setValue(v.intValue()));
        Spinner<Integer> shown = intSpinner("imageShown", 1, ImageNeighboursViewModel.MAX_SHOWN, vm.shownProperty().get());
        shown.valueProperty().addListener((o, a, v) -> vm.shownProperty().set(v));
        vm.shownProperty().addListener((o, a, v) -> shown.getValueFactory().setValue(v.intValue()));
        for (Spinner<Integer> sp : List.of(k, shown)) {
            sp.setPrefWidth(96);
            sp.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        ComboBox<TieRule> rule = new ComboBox<>(FXCollections.observableArrayList(TieRule.values()));
        rule.setId("imageTieRule");
        rule.setConverter(ControlPanel.displayNames(TieRule::label));
        rule.valueProperty().bindBidirectional(vm.tieRuleProperty());
        rule.setTooltip(new javafx.scene.control.Tooltip("How a tie between classes is resolved (T). The assignments "
                + "take the smallest class index, np.argmax of np.bincount."));
        CheckBox linf = new CheckBox("L∞ row");
        linf.setId("showLinf");
        linf.selectedProperty().bindBidirectional(vm.showLinfProperty());
        // Groups wrap as whole groups, so the projector's large type never squeezes a spinner or cuts a label.
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(14, 6, row(new Label("K"), k),
                row(new Label("Shown"), shown), row(new Label("Ties"), rule), linf);
        bar.getStyleClass().add("vote-bar");
        return bar;
    }

    private void layoutRows() {
        List<javafx.scene.Node> shownRows = new ArrayList<>();
        for (Metric m : vm.metrics()) {
            shownRows.add(rows.get(m.ordinal()));
        }
        rowBox.getChildren().setAll(shownRows);
        showResult();
    }

    void setDataset(Dataset d) {
        trainThumbs = d == null ? null : new Thumbnails(d.train());
        browser.setDataset(d);
        showQuery();
    }

    /** The user's picture as it was before the reduction, shown beside the reduced query. */
    void showOriginal(org.classifierlab.core.images.ArgbImage picture) {
        original = picture;
        showQuery();
    }

    private void showQuery() {
        Query q = vm.queryProperty().get();
        Dataset d = vm.datasetProperty().get();
        if (q != null && q.source() == Query.Source.FILE && original != null) {
            double side = large && !compact ? 192 : 128;
            originalImage.setImage(Thumbnails.of(original.pixelsShared(), original.width(), original.height()));
            originalImage.setFitWidth(side);
            originalImage.setFitHeight(side);
            originalCaption.setText(String.format(Locale.ROOT, "your image, %d × %d", original.width(), original.height()));
        } else {
            originalImage.setImage(null);
        }
        if (q == null || d == null) {
            queryImage.setImage(null);
            queryName.setText(d == null ? "Loading the dataset…" : "No test images in this dataset");
            queryTruth.setText("");
            browser.selectedProperty().set(-1);
            showResult();
            return;
        }
        int scale = Math.max(1, (large && !compact ? 6 : QUERY_SCALE) * 32 / d.train().width());
        queryImage.setImage(Thumbnails.scaled(org.classifierlab.core.images.ImageReduction.toArgb(q.pixels(), d.train().channels(), d.train().height(),
                d.train().width()), d.train().width(), d.train().height(), scale));
        queryName.setText(q.name());
        queryTruth.setText(q.label() < 0 ? String.format(Locale.ROOT, "your image reduced to %d × %d%s (class unknown)",
                d.train().width(), d.train().height(), d.train().channels() == 1 ? ", grey" : "")
                : "true class: " + d.train().classNames().get(q.label()));
        browser.selectedProperty().set(q.source() == Query.Source.TEST ? q.index() : -1);
        showResult();
    }

    private void showResult() {
        ImageNeighboursViewModel.Result r = vm.resultProperty().get();
        Query q = vm.queryProperty().get();
        boolean current = r != null && q != null && r.query().sameAs(q) && trainThumbs != null
                && r.dataset() == vm.datasetProperty().get();
        for (Metric m : vm.metrics()) {
            NeighbourRow row = rows.get(m.ordinal());
            if (!current || !r.tables().containsKey(m)) {
                row.clear(vm.busyProperty().get() ? "Searching…" : "");
                continue;
            }
            int k = Math.min(vm.kProperty().get(), r.tables().get(m).k());
            row.show(r.tables().get(m), r.dataset().train(), trainThumbs, q.label(), vm.shownProperty().get(), k,
                    vm.vote(m), vm.tieRuleProperty().get(), large && !compact ? TILE_SCALE + 1 : TILE_SCALE);
        }
        if (current) {
            searchNote.setText(String.format(Locale.ROOT, "%,d training images searched exactly under %s in %.1f ms"
                    + (r.indexed() ? " (pruned index)" : " (brute force)"),
                    r.dataset().train().size() - (q.excludedTrainRow() >= 0 ? 1 : 0),
                    String.join(" and ", vm.metrics().stream().map(Metric::name).toList()), r.nanos() / 1e6));
        } else {
            searchNote.setText(vm.busyProperty().get() ? "Searching…" : "");
        }
    }

    /** Larger images for the projector theme, so thumbnails read from the back row. */
    void setTheme(org.classifierlab.app.theme.Theme theme) {
        this.large = theme == org.classifierlab.app.theme.Theme.PROJECTOR;
        browser.setTheme(theme);
        showQuery();
    }

    /** Adds one of the lesson's panels as a tab (id {@code id}) after the existing ones. */
    Tab addTab(String title, String id, javafx.scene.Node content) {
        javafx.scene.layout.StackPane framed = new javafx.scene.layout.StackPane(content);
        framed.setPadding(new Insets(6, 8, 6, 8));
        Tab tab = new Tab(title, framed);
        tab.setUserData(content);
        tab.setId(id);
        tab.setClosable(false);
        tabs.getTabs().add(tab);
        return tab;
    }

    QueryBrowser browser() {
        return browser;
    }

    TabPane tabs() {
        return tabs;
    }

    ComboBox<Metric> browserMetric() {
        return browser.metricChoice();
    }

    Button openImageButton() {
        return openImage;
    }

    NeighbourRow rowOf(Metric m) {
        return rows.get(m.ordinal());
    }

    /** The query with its neighbour rows: the picture File ▸ Export saves from the first tab. */
    VBox neighboursPicture() {
        return neighboursPane;
    }
}
