package org.classifierlab.app.gallery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import org.classifierlab.core.data.ImageDataset;
import org.classifierlab.core.knn.KnnResult;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.NeighbourTable;
import org.classifierlab.core.knn.TieRule;

/**
 * One metric's nearest training images of the query in rank order, each with its rank, exact distance and label,
 * framed in the query's class colour where the label agrees; the first K (the voters) stand out; above them the
 * vote tally, the prediction and whether it is right. Clicking a neighbour makes it the query. FX thread only.
 */
public final class NeighbourRow extends VBox {

    private final Metric metric;
    private final Label title = new Label();
    private final Label vote = new Label();
    private final HBox tiles = new HBox(3);
    private final ScrollPane scroller = new ScrollPane(tiles);
    private IntConsumer onPick = i -> { };

    public NeighbourRow(Metric metric) {
        this.metric = metric;
        getStyleClass().add("neighbour-row");
        setId("neighbours" + metric.name());
        setSpacing(4);
        title.setText(metric.label());
        title.getStyleClass().add("section-title");
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        vote.setId("vote" + metric.name());
        vote.getStyleClass().add("vote-line");
        vote.setWrapText(true);
        tiles.setPadding(new Insets(2));
        tiles.setAlignment(Pos.TOP_LEFT);
        scroller.setFitToHeight(true);
        scroller.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.getStyleClass().add("neighbour-scroller");
        // The vote line takes what the title leaves and wraps there instead of ending in "…".
        vote.setMinWidth(0);
        vote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox head = new HBox(12, title, vote);
        HBox.setHgrow(vote, javafx.scene.layout.Priority.ALWAYS);
        vote.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(head, scroller);
    }

    public Metric metric() {
        return metric;
    }

    /** Called with a training index when a neighbour is clicked. */
    public void setOnPick(IntConsumer action) {
        onPick = action;
    }

    /**
     * Shows the first {@code shown} neighbours of row 0 of {@code table}, the first {@code k} of them voting.
     *
     * @param queryLabel the query's class, -1 if unknown (the user's own image)
     * @param result     the vote of the first K neighbours (from {@link org.classifierlab.core.knn.ImageKnnClassifier#vote})
     */
    public void show(NeighbourTable table, ImageDataset train, Thumbnails thumbs, int queryLabel, int shown, int k,
            KnnResult result, TieRule rule, int scale) {
        double tileSize = scale * train.width();
        List<javafx.scene.Node> nodes = new ArrayList<>();
        int n = Math.min(shown, table.k());
        int classes = train.classCount();
        for (int j = 0; j < n; j++) {
            int row = table.index(0, j);
            int label = train.label(row);
            double d = table.distance(0, j);
            ImageView view = new ImageView(thumbs.get(row, scale));
            Label rank = new Label("#" + (j + 1));
            rank.getStyleClass().add("tile-rank");
            Label name = new Label(train.classNames().get(label));
            name.getStyleClass().add("tile-label");
            name.setMaxWidth(tileSize + 8);
            Label dist = new Label(shortDistance(metric, d));
            dist.getStyleClass().add("tile-distance");
            VBox tile = new VBox(1, rank, view, name, dist);
            tile.setAlignment(Pos.TOP_CENTER);
            tile.getStyleClass().add("neighbour-tile");
            tile.setId(metric.name() + "-tile-" + j);
            boolean agrees = label == queryLabel;
            Color frame = agrees ? ImageClassColors.of(queryLabel, classes) : Color.TRANSPARENT;
            tile.setStyle("-fx-border-color: " + (agrees ? QueryBrowser.web(frame) : "transparent")
                    + "; -fx-border-width: 3; -fx-border-radius: 3;");
            if (j >= k) {
                tile.getStyleClass().add("non-voter");
            }
            Tooltip.install(tile, new Tooltip(String.format(Locale.ROOT, "rank %d · training #%d · %s%n%s%s", j + 1, row,
                    train.classNames().get(label), exactDistance(metric, d), j < k ? "\nvotes (among the first K)" : "")));
            tile.setOnMouseClicked(e -> onPick.accept(row));
            tile.setUserData(row);
            nodes.add(tile);
        }
        tiles.getChildren().setAll(nodes);
        // The row is one line of tiles: the scroller is as tall as they are (plus its scroll bar), never clipping them.
        tiles.applyCss();
        scroller.setMinViewportHeight(tiles.prefHeight(-1));
        vote.setText(voteText(result, train, queryLabel, k, rule));
    }

    /** Empties the row (no result yet). */
    public void clear(String why) {
        tiles.getChildren().clear();
        vote.setText(why);
    }

    /** The vote line, e.g. "K = 3: cat 2 · dog 1 → cat ✓". */
    static String voteText(KnnResult r, ImageDataset train, int queryLabel, int k, TieRule rule) {
        if (r == null) {
            return "";
        }
        StringBuilder b = new StringBuilder("K = " + k + ": ");
        double[] tally = r.tally();
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < tally.length; c++) {
            if (tally[c] > 0) {
                order.add(c);
            }
        }
        order.sort((x, y) -> tally[x] != tally[y] ? Double.compare(tally[y], tally[x]) : Integer.compare(x, y));
        boolean weighted = rule == TieRule.DISTANCE_WEIGHTED;
        List<String> parts = new ArrayList<>();
        for (int c : order) {
            parts.add(train.classNames().get(c) + " " + (weighted ? String.format(Locale.ROOT, "%.4g", tally[c])
                    : Integer.toString((int) tally[c])));
        }
        b.append(String.join(" · ", parts));
        if (r.tie()) {
            List<String> tied = new ArrayList<>();
            for (int c : r.tiedClasses()) {
                tied.add(train.classNames().get(c));
            }
            b.append("  (tie: ").append(String.join(", ", tied)).append("; ").append(rule.label()).append(')');
        }
        b.append("  →  ");
        if (r.predicted() < 0) {
            b.append("undecided");
            if (queryLabel >= 0) {
                b.append("  ✗");
            }
        } else {
            b.append(train.classNames().get(r.predicted()));
            if (queryLabel >= 0) {
                b.append(r.predicted() == queryLabel ? "  ✓ right" : "  ✗ wrong (it is " + train.classNames().get(queryLabel) + ")");
            }
        }
        return b.toString();
    }

    /** A distance as a tile shows it: the integer for L1 and L∞, four significant digits' worth for L2. */
    static String shortDistance(Metric metric, double d) {
        return metric == Metric.L2 ? String.format(Locale.ROOT, "%.1f", d) : String.format(Locale.ROOT, "%,d", Math.round(d));
    }

    /** The exact distance: L1 and L∞ integers, L2 as √ of the integer squared distance. */
    static String exactDistance(Metric metric, double d) {
        if (metric == Metric.L2) {
            long squared = Math.round(d * d);
            return String.format(Locale.ROOT, "L2 = √%,d = %.6f", squared, d);
        }
        return (metric == Metric.L1 ? "L1 = " : "L∞ = ") + String.format(Locale.ROOT, "%,d", Math.round(d));
    }

    HBox tiles() {
        return tiles;
    }
}
