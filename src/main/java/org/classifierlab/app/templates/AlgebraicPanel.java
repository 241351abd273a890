package org.classifierlab.app.templates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import org.classifierlab.app.linear.LinearFormat;
import org.classifierlab.app.shell.ControlPanel;
import org.classifierlab.core.linear.ScoreTerms;

/**
 * The slide's algebraic viewpoint: a 2 × 2 single-channel image stretched into x = [56, 231, 24, 2], three classes,
 * f(x) = Wx + b with every entry editable (W, b, x, class names) and checked as typed, every product and sum written
 * out by core's {@link ScoreTerms}, and the bias trick showing the same as [W | b]·[x; 1]. Buttons lead to the two
 * other viewpoints the slides name. Everything is a handful of multiplications, so it is computed on the FX thread.
 * FX thread only.
 */
final class AlgebraicPanel extends VBox {

    /** The score the slide prints for ship; the sum is 60.75. */
    static final double SLIDE_SHIP_SCORE = 61.95;
    static final double MAX_ABS = 1e6;

    private ScoreTerms terms = ScoreTerms.lectureExample();
    private final List<String> names = new ArrayList<>(List.of("cat", "dog", "ship"));
    private final CheckBox biasTrick = new CheckBox("Bias trick: [W | b]·[x; 1]");
    private final GridPane matrix = new GridPane();
    private final HBox pixels = new HBox(0);
    private final VBox formulas = new VBox(4);
    private final Label message = new Label();
    private final Label slideNote = new Label();
    private final Button visual = new Button("Visual viewpoint");
    private final Button geometric = new Button("Geometric viewpoint");
    private final VBox picture;

    AlgebraicPanel() {
        super(10);
        setId("algebraicPanel");
        setPadding(new Insets(6));
        biasTrick.setId("algebraBiasTrick");
        biasTrick.setTooltip(new Tooltip("Append b to W as a last column and a constant 1 to x: one matrix product, "
                + "the same scores"));
        biasTrick.selectedProperty().addListener(o -> rebuild());
        matrix.setHgap(6);
        matrix.setVgap(6);
        matrix.setId("algebraMatrix");
        matrix.getStyleClass().add("algebra-matrix");
        message.setId("algebraMessage");
        message.getStyleClass().add("warning-text");
        message.setWrapText(true);
        slideNote.setId("algebraSlideNote");
        slideNote.getStyleClass().add("hint");
        slideNote.setWrapText(true);
        formulas.setId("algebraFormulas");
        visual.setId("visualViewpoint");
        visual.setTooltip(new Tooltip("Each row of W as an image: the templates tab"));
        geometric.setId("geometricViewpoint");
        geometric.setTooltip(new Tooltip("Each row of W as a line in the plane: the 2D Linear classifier lesson"));
        Button reset = new Button("Slide values");
        reset.setId("algebraReset");
        reset.setOnAction(e -> {
            terms = ScoreTerms.lectureExample();
            names.clear();
            names.addAll(List.of("cat", "dog", "ship"));
            message.setText("");
            rebuild();
        });
        Label intro = new Label("Algebraic viewpoint: f(x, W) = Wx + b. An image of 2 × 2 pixels (one channel) is "
                + "stretched into the column x; each row of W, plus its bias, scores one class. Type in any entry "
                + "(Enter or leave the field).");
        intro.setWrapText(true);
        Label pixelsTitle = new Label("Input image");
        pixelsTitle.getStyleClass().add("section-title");
        VBox image = new VBox(4, pixelsTitle, pixels);
        HBox top = new HBox(28, image, matrix);
        top.setAlignment(Pos.TOP_LEFT);
        picture = new VBox(10, top, formulas, slideNote);
        picture.setId("algebraPicture");
        picture.setPadding(new Insets(4));
        getChildren().addAll(intro, ControlPanel.row(biasTrick, reset), picture, message,
                ControlPanel.row(new Label("Other viewpoints:"), visual, geometric));
        rebuild();
    }

    Button visualButton() {
        return visual;
    }

    Button geometricButton() {
        return geometric;
    }

    ScoreTerms terms() {
        return terms;
    }

    VBox picture() {
        return picture;
    }

    /** Rebuilds the fields and the written-out sums from {@link #terms}. */
    private void rebuild() {
        boolean trick = biasTrick.isSelected();
        ScoreTerms shown = trick ? terms.withBiasTrick() : terms;
        double[][] w = shown.w();
        double[] x = shown.x();
        double[] b = terms.b();
        int classes = w.length;
        int d = terms.x().length;
        matrix.getChildren().clear();
        int col = 1;
        matrix.add(header(trick ? "[W | b]" : "W"), col, 0, trick ? d + 1 : d, 1);
        col += trick ? d + 1 : d;
        matrix.add(header("·"), col++, 1);
        matrix.add(header(trick ? "[x; 1]" : "x"), col++, 0);
        if (!trick) {
            matrix.add(header("+"), col++, 1);
            matrix.add(header("b"), col++, 0);
        }
        matrix.add(header("="), col++, 1);
        matrix.add(header("scores"), col, 0);
        int scoreCol = col;
        int rows = Math.max(classes, x.length);
        for (int c = 0; c < classes; c++) {
            int cc = c;
            TextField name = field("name-" + c, names.get(c), 6, text -> rename(cc, text));
            matrix.add(name, 0, c + 1);
            for (int j = 0; j < d; j++) {
                int jj = j;
                matrix.add(number("w-" + c + "-" + j, w[c][j], v -> terms = terms.withWeight(cc, jj, v)), 1 + j, c + 1);
            }
            TextField bias = number("b-" + c, b[c], v -> terms = terms.withBias(cc, v));
            if (trick) {
                bias.getStyleClass().add("bias-column");
                matrix.add(bias, 1 + d, c + 1);
            } else {
                matrix.add(bias, scoreCol - 2, c + 1);
            }
            Label score = new Label(LinearFormat.number(round(shown.score(c))));
            score.setId("algebraScore-" + c);
            score.getStyleClass().addAll("metric-value", "algebra-score");
            matrix.add(score, scoreCol, c + 1);
        }
        int xCol = 1 + (trick ? d + 1 : d) + 1;
        for (int j = 0; j < rows && j < x.length; j++) {
            if (j < d) {
                int jj = j;
                matrix.add(number("x-" + j, x[j], v -> {
                    if (v < 0 || v > 255) {
                        throw new IllegalArgumentException("A pixel is 0 to 255.");
                    }
                    terms = terms.withPixel(jj, v);
                }), xCol, j + 1);
            } else {
                Label one = new Label("1");
                one.setId("x-one");
                one.getStyleClass().add("bias-column");
                GridPane.setHalignment(one, HPos.CENTER);
                matrix.add(one, xCol, j + 1);
            }
        }
        pixels.getChildren().clear();
        double[] px = terms.x();
        int side = (int) Math.round(Math.sqrt(d));
        GridPane cells = new GridPane();
        for (int j = 0; j < d; j++) {
            double g = Math.max(0, Math.min(255, px[j])) / 255.0;
            Rectangle r = new Rectangle(56, 56, Color.gray(g));
            r.setStroke(Color.gray(0.5));
            Label v = new Label(LinearFormat.number(px[j]));
            // An inline style: the theme's label colour would otherwise win over a text fill set in code.
            v.setStyle(g > 0.5 ? "-fx-text-fill: black;" : "-fx-text-fill: white;");
            StackPane cell = new StackPane(r, v);
            cell.setId("pixel-" + j);
            cells.add(cell, side * side == d ? j % side : j, side * side == d ? j / side : 0);
        }
        pixels.getChildren().add(cells);
        formulas.getChildren().clear();
        for (int c = 0; c < classes; c++) {
            Label f = new Label(names.get(c) + " score:  " + shown.formula(c, Locale.ROOT));
            f.setId("algebraFormula-" + c);
            f.getStyleClass().add("algebra-formula");
            f.setWrapText(true);
            formulas.getChildren().add(f);
        }
        boolean slide = Arrays.deepEquals(terms.w(), ScoreTerms.lectureExample().w())
                && Arrays.equals(terms.b(), ScoreTerms.lectureExample().b())
                && Arrays.equals(terms.x(), ScoreTerms.lectureExample().x());
        slideNote.setText(slide ? "Note: the slide prints 61.95 for ship; 0·56 + 0.25·231 + 0.2·24 + (−0.3)·2 + (−1.2) "
                + "is 60.75, an arithmetic slip on the slide (cat −96.8 and dog 437.9 are as printed)." : "");
        slideNote.setVisible(slide);
        slideNote.setManaged(slide);
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("algebra-header");
        GridPane.setHalignment(l, HPos.CENTER);
        return l;
    }

    /** A value that the user types: committed on Enter and when the field loses the focus. */
    private interface Commit {
        void accept(double v);
    }

    private TextField number(String id, double value, Commit commit) {
        return field(id, LinearFormat.number(value), 5, text -> {
            Double v = LinearFormat.parse(text);
            if (v == null || Math.abs(v) > MAX_ABS) {
                throw new IllegalArgumentException("“" + text + "” is not a number between −1,000,000 and "
                        + "1,000,000.");
            }
            commit.accept(v);
        });
    }

    private TextField field(String id, String text, int columns, java.util.function.Consumer<String> commit) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.getStyleClass().add("algebra-field");
        Runnable apply = () -> {
            if (f.getText().equals(text)) {
                return;
            }
            try {
                commit.accept(f.getText());
                message.setText("");
                // Rebuilding replaces this field; later in the pulse, so the focus change that triggered it finishes.
                javafx.application.Platform.runLater(this::rebuild);
            } catch (IllegalArgumentException e) {
                message.setText(id.startsWith("name") ? e.getMessage() : fieldName(id) + ": " + e.getMessage());
                if (!f.getStyleClass().contains("invalid")) {
                    f.getStyleClass().add("invalid");
                }
            }
        };
        f.setOnAction(e -> apply.run());
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                apply.run();
            }
        });
        return f;
    }

    private String fieldName(String id) {
        String[] p = id.split("-");
        return switch (p[0]) {
            case "w" -> "W[" + names.get(Integer.parseInt(p[1])) + ", " + (Integer.parseInt(p[2]) + 1) + "]";
            case "b" -> "b[" + names.get(Integer.parseInt(p[1])) + "]";
            case "x" -> "pixel " + (Integer.parseInt(p[1]) + 1);
            default -> id;
        };
    }

    private void rename(int c, String text) {
        String n = text == null ? "" : text.strip();
        if (n.isEmpty() || n.length() > 24) {
            throw new IllegalArgumentException("A class name needs 1 to 24 characters.");
        }
        names.set(c, n);
    }
}
