package org.classifierlab.app.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * One loss's templates: a titled grid of images (five a row, so CIFAR-10's ten make the notebooks' 2 × 5 grid),
 * each with its class name; clicking one picks that class. The images are written in place when a new rendering of
 * the same size arrives, so live updates make no new nodes. FX thread only.
 */
final class TemplateGrid extends VBox {

    static final int COLUMNS = 5;

    private final Label title = new Label();
    private final GridPane grid = new GridPane();
    private final List<Cell> cells = new ArrayList<>();
    private IntConsumer onPick = c -> { };
    private int selected = -1;

    /** One template: its image, its class name and the class it shows. */
    private static final class Cell extends VBox {
        final ImageView view = new ImageView();
        final Label name = new Label();
        int classIndex;

        Cell() {
            super(2);
            setAlignment(Pos.CENTER);
            getStyleClass().add("template-cell");
            view.setSmooth(false);
            name.getStyleClass().add("template-name");
            getChildren().addAll(view, name);
        }
    }

    TemplateGrid(String id) {
        super(6);
        setId(id);
        getStyleClass().add("template-grid");
        title.getStyleClass().add("section-title");
        title.setId(id + "Title");
        grid.setHgap(3);
        grid.setVgap(6);
        getChildren().addAll(title, grid);
    }

    void setTitle(String text) {
        title.setText(text);
    }

    void setOnPick(IntConsumer action) {
        onPick = action;
    }

    /**
     * Shows {@code argb} images ({@code size} × {@code size} pixels each) of classes {@code from} …, named
     * {@code names}.
     */
    void show(int[][] argb, int width, int height, int from, List<String> names) {
        while (cells.size() < argb.length) {
            Cell cell = new Cell();
            cell.setOnMouseClicked(e -> onPick.accept(cell.classIndex));
            cell.setId(getId() + "-" + cells.size());
            cells.add(cell);
        }
        // Live updates change only pixels: the cells stay in place and no layout pass is needed.
        boolean same = grid.getChildren().size() == argb.length && (argb.length == 0 || cells.get(0).classIndex == from);
        if (!same) {
            grid.getChildren().clear();
        }
        for (int i = 0; i < argb.length; i++) {
            Cell cell = cells.get(i);
            cell.classIndex = from + i;
            WritableImage img = cell.view.getImage() instanceof WritableImage w && (int) w.getWidth() == width
                    && (int) w.getHeight() == height ? w : new WritableImage(width, height);
            img.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb[i], 0, width);
            if (cell.view.getImage() != img) {
                cell.view.setImage(img);
            }
            cell.name.setText(names.get(from + i));
            cell.name.setMaxWidth(width + 6);
            cell.setMaxWidth(width + 6);
            cell.pseudoClassStateChanged(SELECTED, from + i == selected);
            if (!same) {
                grid.add(cell, i % COLUMNS, i / COLUMNS);
            }
        }
    }

    /** Marks class {@code c} as picked (-1: none). */
    void select(int c) {
        selected = c;
        for (Cell cell : cells) {
            cell.pseudoClassStateChanged(SELECTED, cell.classIndex == c && cell.getParent() != null);
        }
    }

    void clear(String text) {
        grid.getChildren().clear();
        title.setText(text);
    }

    /** The image view of the i-th template shown (tests read its pixels). */
    ImageView imageAt(int i) {
        return cells.get(i).view;
    }

    /** The node of the i-th template shown. */
    VBox cellAt(int i) {
        return cells.get(i);
    }

    int shownCount() {
        return grid.getChildren().size();
    }

    private static final javafx.css.PseudoClass SELECTED = javafx.css.PseudoClass.getPseudoClass("selected");
}
