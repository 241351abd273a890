package org.classifierlab.app.templates;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.classifierlab.app.gallery.QueryBrowser;
import org.classifierlab.app.gallery.Thumbnails;
import org.classifierlab.app.icons.AppIcon;
import org.classifierlab.app.linear.LinearFormat;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.linear.image.ImageLoss;
import org.classifierlab.core.linear.image.LinearImageData;
import org.classifierlab.core.linear.image.LinearImageModel;

/**
 * "Scores of one image": the gallery's query browser on the left; the picked test image and, per trained loss, its
 * class scores as bars with the correct class marked, its hinge and cross-entropy loss, and "Explore this example",
 * which hands exactly those scores to the loss explorer. One image's scores are a few thousand multiply-adds, so
 * they are computed on the FX thread. FX thread only.
 */
final class ScoresPanel extends BorderPane {

    private final ImageLinearViewModel vm;
    private final QueryBrowser browser = new QueryBrowser();
    private final IntegerProperty testImage = new SimpleIntegerProperty(this, "testImage", -1);
    private final ImageView image = new ImageView();
    private final Label imageName = new Label("…");
    private final Label imageTruth = new Label();
    /** The charts of the losses shown: stacked on a tall screen, side by side on a wide one (a projector). */
    private final VBox perLossColumn = new VBox(14);
    private final HBox perLossRow = new HBox(18);
    private javafx.scene.layout.Pane perLoss = perLossColumn;
    private final Map<ImageLoss, ScoreBars> bars = new EnumMap<>(ImageLoss.class);
    private final Map<ImageLoss, Label> losses = new EnumMap<>(ImageLoss.class);
    private final Map<ImageLoss, Label> titles = new EnumMap<>(ImageLoss.class);
    private final Map<ImageLoss, Button> explore = new EnumMap<>(ImageLoss.class);
    private final Map<ImageLoss, VBox> boxes = new EnumMap<>(ImageLoss.class);
    private final Map<ImageLoss, ImageScores> current = new EnumMap<>(ImageLoss.class);
    private final VBox picture;
    private Dataset dataset;
    private Thumbnails thumbnails;
    private boolean large;
    private boolean showing;
    private BiConsumer<ImageScores, String> onExplore = (s, n) -> { };

    ScoresPanel(ImageLinearViewModel vm) {
        this.vm = vm;
        setId("scoresPanel");
        browser.setKnnFilters(false);
        browser.setOnPick(testImage::set);
        browser.selectedProperty().bind(testImage);
        image.setId("scoresImage");
        imageName.setId("scoresImageName");
        imageName.getStyleClass().add("metric-value");
        imageTruth.setId("scoresImageTruth");
        for (ImageLoss l : ImageLoss.values()) {
            String key = l == ImageLoss.SVM ? "Svm" : "Softmax";
            ScoreBars b = new ScoreBars();
            b.setId("scoreBars" + key);
            Label t = new Label(l.label());
            t.getStyleClass().add("section-title");
            t.setWrapText(true);
            Label v = new Label();
            v.setId("scoreLosses" + key);
            v.getStyleClass().add("loss-values");
            Button e = new Button("Explore this example", AppIcon.LOSS_EXPLORER.node());
            e.setId("explore" + key);
            e.setOnAction(ev -> {
                ImageScores s = current.get(l);
                if (s != null) {
                    onExplore.accept(s, exampleName(l));
                }
            });
            e.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            javafx.scene.layout.FlowPane foot = new javafx.scene.layout.FlowPane(14, 4, v, e);
            foot.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(4, t, b, foot);
            VBox.setVgrow(b, Priority.ALWAYS);
            HBox.setHgrow(box, Priority.ALWAYS);
            box.setMaxWidth(Double.MAX_VALUE);
            // Two side-by-side boxes share the row equally, whatever their titles' lengths.
            box.setPrefWidth(0);
            bars.put(l, b);
            losses.put(l, v);
            titles.put(l, t);
            explore.put(l, e);
            boxes.put(l, box);
        }
        Label hint = new Label("Scores s = Wx + b of the picked test image (its mean-subtracted pixels, as in "
                + "training). Hinge loss: Σ over the wrong classes of max(0, s_j − s_y + 1); cross-entropy: "
                + "−log of the softmax probability of the correct class y.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        VBox info = new VBox(6, imageName, imageTruth, hint);
        HBox.setHgrow(info, Priority.ALWAYS);
        HBox head = new HBox(14, image, info);
        head.setAlignment(Pos.TOP_LEFT);
        picture = new VBox(12, head, perLoss);
        picture.setPadding(new Insets(8));
        picture.setId("scoresPicture");
        VBox.setVgrow(perLossColumn, Priority.ALWAYS);
        VBox.setVgrow(perLossRow, Priority.ALWAYS);
        perLossRow.setFillHeight(true);
        perLossColumn.setId("scoresCharts");
        perLossRow.setId("scoresCharts");
        setLeft(browser);
        // Short or wider than tall (a 1280 × 800 projector, a laptop): the charts go side by side so both are in view; on a
        // tall window they stack. Only if even that does not fit does the picture scroll; nothing is cut.
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(picture);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.viewportBoundsProperty().addListener((o, a, b) -> arrange(b.getWidth() >= 640
                && (b.getHeight() < 860 || b.getWidth() > 1.15 * b.getHeight())));
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);

        testImage.addListener(o -> refresh());
        vm.modelsProperty().addListener(o -> refresh());
        // While training, the scores follow the live models only when this tab is on show.
        vm.liveProperty().addListener(o -> {
            if (showing) {
                refresh();
            }
        });
        vm.modeProperty().addListener(o -> refresh());
        vm.dataProperty().addListener(o -> refresh());
    }

    /** Puts the loss charts in a row ({@code wide}) or a column. */
    private void arrange(boolean wide) {
        javafx.scene.layout.Pane next = wide ? perLossRow : perLossColumn;
        if (next == perLoss) {
            return;
        }
        List<javafx.scene.Node> shown = List.copyOf(perLoss.getChildren());
        perLoss.getChildren().clear();
        next.getChildren().setAll(shown);
        picture.getChildren().set(picture.getChildren().indexOf(perLoss), next);
        perLoss = next;
    }

    /** Whether the loss charts are side by side now. */
    boolean chartsSideBySide() {
        return perLoss == perLossRow;
    }

    private String exampleName(ImageLoss l) {
        return String.format(Locale.ROOT, "test #%d, %s", testImage.get(), l == ImageLoss.SVM ? "SVM" : "softmax");
    }

    /** The test image whose scores are shown (-1: none); kept in step with the app's shared test image. */
    IntegerProperty testImageProperty() {
        return testImage;
    }

    /** Whether the tab is on show; on showing it catches up with the models. */
    void setShowing(boolean on) {
        showing = on;
        if (on) {
            refresh();
        }
    }

    void setOnExplore(BiConsumer<ImageScores, String> action) {
        onExplore = action;
    }

    void setDataset(Dataset d) {
        dataset = d;
        thumbnails = d == null ? null : new Thumbnails(d.test());
        browser.setDataset(d);
        if (d != null && d.test().size() > 0 && (testImage.get() < 0 || testImage.get() >= d.test().size())) {
            testImage.set(0);
        }
        refresh();
    }

    void setTheme(org.classifierlab.app.theme.Theme theme) {
        large = theme == org.classifierlab.app.theme.Theme.PROJECTOR;
        browser.setTheme(theme);
        // Narrower than in the gallery: this tab shares the width with the training controls.
        browser.setPrefWidth(large ? 280 : 250);
        refresh();
    }

    private void refresh() {
        int i = testImage.get();
        LinearImageData data = vm.dataProperty().get();
        if (dataset == null || i < 0 || i >= dataset.test().size()) {
            image.setImage(null);
            imageName.setText(dataset == null ? "Loading the dataset…" : "Pick a test image");
            imageTruth.setText("");
            perLoss.getChildren().clear();
            current.clear();
            return;
        }
        int scale = Math.max(1, (large ? 6 : 4) * 32 / dataset.test().width());
        image.setImage(thumbnails.get(i, scale));
        imageName.setText("test #" + i);
        int truth = dataset.test().label(i);
        imageTruth.setText("true class: " + dataset.test().classNames().get(truth));
        Map<ImageLoss, LinearImageModel> models = vm.shownModels();
        List<ImageLoss> chosen = vm.modeProperty().get().losses();
        perLoss.getChildren().setAll(chosen.stream().map(boxes::get).toList());
        current.clear();
        float[] x = data == null ? null : data.row(dataset.test(), i);
        for (ImageLoss l : chosen) {
            LinearImageModel m = models.get(l);
            if (m == null || x == null) {
                bars.get(l).show(null);
                titles.get(l).setText(l.label() + (data == null ? ": preparing the images…" : ": not trained yet"));
                losses.get(l).setText("");
                explore.get(l).setDisable(true);
                continue;
            }
            ImageScores s = ImageScores.of(m.scores(x), truth, data.classNames());
            current.put(l, s);
            bars.get(l).show(s);
            titles.get(l).setText(l.label() + " model: scores of test #" + i);
            losses.get(l).setText(String.format(Locale.ROOT, "hinge loss %s   ·   cross-entropy loss %s",
                    LinearFormat.number(s.hinge()), LinearFormat.number(s.crossEntropy())));
            explore.get(l).setDisable(false);
        }
    }

    /** The scores shown for {@code loss}, or null. */
    ImageScores scores(ImageLoss loss) {
        return current.get(loss);
    }

    /** The first score chart shown (the SVM's, or the only model's), for SVG export. */
    ScoreBars firstChart() {
        return bars.values().stream().filter(javafx.scene.Node::isVisible).findFirst()
                .orElse(bars.values().iterator().next());
    }

    QueryBrowser browser() {
        return browser;
    }

    Button exploreButton(ImageLoss loss) {
        return explore.get(loss);
    }

    /** What File ▸ Export saves from this tab. */
    VBox picture() {
        return picture;
    }
}
