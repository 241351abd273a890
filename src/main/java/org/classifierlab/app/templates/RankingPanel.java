package org.classifierlab.app.templates;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import org.classifierlab.app.gallery.PanelJob;
import org.classifierlab.app.gallery.Thumbnails;
import org.classifierlab.app.linear.LinearFormat;
import org.classifierlab.app.shell.AppContext;
import org.classifierlab.core.data.ImageDataset;
import org.classifierlab.core.linear.image.ImageLoss;
import org.classifierlab.core.linear.image.LinearImageData;
import org.classifierlab.core.linear.image.LinearImageModel;
import org.classifierlab.core.linear.image.Split;
import org.classifierlab.core.linear.image.TemplateRanking;

/**
 * The training images that score highest and lowest for one class under one model (core's {@link TemplateRanking}
 * over the training split), as thumbnails with their score and true class, ranked off the FX thread. FX thread only.
 */
final class RankingPanel extends VBox {

    /** Images shown per row. */
    static final int COUNT = 8;

    /** One ranked image: its training-set index, its score for the class and its true class. */
    record Ranked(int trainIndex, double score, int label) {
    }

    /** A finished ranking. Immutable. */
    record Ranking(LinearImageData data, ImageLoss loss, int classIndex, List<Ranked> highest, List<Ranked> lowest) {
    }

    private final Label title = new Label("Click a template to see the training images that score highest and "
            + "lowest for its class.");
    private final FlowPane highest = new FlowPane(6, 6);
    private final FlowPane lowest = new FlowPane(6, 6);
    private final Label highLabel = new Label();
    private final Label lowLabel = new Label();
    private final PanelJob job;
    private Ranking shown;
    private Thumbnails thumbnails;
    private boolean large;

    RankingPanel(AppContext context) {
        super(6);
        setId("rankingPanel");
        getStyleClass().add("ranking-panel");
        job = new PanelJob("template-ranking", context.jobs(), context::showError);
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        title.setId("rankingTitle");
        highest.setId("rankingHighest");
        lowest.setId("rankingLowest");
        highLabel.getStyleClass().add("hint");
        lowLabel.getStyleClass().add("hint");
        getChildren().addAll(title, highLabel, highest, lowLabel, lowest);
    }

    /** Ranks the training images of {@code data} for class {@code c} under {@code model} in the background. */
    void rank(ImageDataset train, LinearImageData data, ImageLoss loss, LinearImageModel model, int c) {
        title.setText(String.format(Locale.ROOT, "Ranking the training images for %s (%s)…", data.classNames().get(c),
                loss.label()));
        job.run("Ranking training images for " + data.classNames().get(c), (progress, cancelled) -> {
            Split s = data.train();
            int[] hi = TemplateRanking.highest(model, s, c, COUNT);
            int[] lo = TemplateRanking.lowest(model, s, c, COUNT);
            return new Ranking(data, loss, c, ranked(model, s, hi, c), ranked(model, s, lo, c));
        }, r -> {
            if (thumbnails == null || thumbnails.set() != train) {
                thumbnails = new Thumbnails(train);
            }
            show(r);
        });
    }

    private static List<Ranked> ranked(LinearImageModel m, Split s, int[] rows, int c) {
        return Arrays.stream(rows).mapToObj(i -> {
            float[] x = Arrays.copyOfRange(s.x(), i * s.dim(), (i + 1) * s.dim());
            return new Ranked(s.sourceIndex()[i], m.scores(x)[c], s.y()[i]);
        }).toList();
    }

    private void show(Ranking r) {
        shown = r;
        String name = r.data().classNames().get(r.classIndex());
        title.setText(String.format(Locale.ROOT, "Class %s under the %s model: training images by their %s score",
                name, r.loss() == ImageLoss.SVM ? "SVM" : "softmax", name));
        highLabel.setText(String.format(Locale.ROOT, "Highest %d of the %,d training images (frame: true class is %s)",
                r.highest().size(), r.data().train().n(), name));
        lowLabel.setText(String.format(Locale.ROOT, "Lowest %d", r.lowest().size()));
        fill(highest, r.highest(), r);
        fill(lowest, r.lowest(), r);
    }

    private void fill(FlowPane pane, List<Ranked> list, Ranking r) {
        pane.getChildren().clear();
        int scale = Math.max(1, (large ? 3 : 2) * 32 / thumbnails.set().width());
        for (Ranked k : list) {
            ImageView v = new ImageView(thumbnails.get(k.trainIndex(), scale));
            Label score = new Label(LinearFormat.number(Math.round(k.score() * 100) / 100.0));
            score.getStyleClass().add("tile-distance");
            Label label = new Label(r.data().classNames().get(k.label()));
            label.getStyleClass().add("tile-label");
            VBox tile = new VBox(1, v, score, label);
            tile.setAlignment(Pos.CENTER);
            tile.getStyleClass().add("ranking-tile");
            if (k.label() == r.classIndex()) {
                tile.getStyleClass().add("same-class");
            }
            tile.setUserData(k);
            pane.getChildren().add(tile);
        }
    }

    void clear() {
        job.cancel();
        shown = null;
        highest.getChildren().clear();
        lowest.getChildren().clear();
        highLabel.setText("");
        lowLabel.setText("");
        title.setText("Click a template to see the training images that score highest and lowest for its class.");
    }

    void setLarge(boolean on) {
        large = on;
        if (shown != null) {
            show(shown);
        }
    }

    /** The ranking on show, or null. */
    Ranking shown() {
        return shown;
    }

    FlowPane highestPane() {
        return highest;
    }

    FlowPane lowestPane() {
        return lowest;
    }

    void dispose() {
        job.dispose();
    }
}
