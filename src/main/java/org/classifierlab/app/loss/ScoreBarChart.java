package org.classifierlab.app.loss;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

import org.classifierlab.app.render.Pen;
import org.classifierlab.app.render.Marker;

/**
 * The explored score vector as vertical bars: class colours and markers, value labels, the zero line, the
 * correct class highlighted, the margin band from {@code s_y − Δ} to {@code s_y}, and each wrong class's hinge
 * term as a bracket from the margin line to its score. Bars are dragged vertically (snapping to 0.1, 0.01
 * with Shift); the axis range stays fixed during a drag and fits the scores again on release. FX thread only.
 */
final class ScoreBarChart extends LossChart {

    /** What the user asks for with the mouse; the view turns it into view-model commands. */
    interface Listener {
        void select(int j);

        void beginDrag(int j);

        void drag(int j, double score);

        void endDrag();

        void makeCorrect(int j);

        /** Typed score for class {@code j}; false keeps the editor open (the view shows why). */
        boolean commitScore(int j, String text);

        boolean renameClass(int j, String text);
    }

    private final Listener listener;
    private final TextField editor = new TextField();
    private final Tooltip tooltip = new Tooltip();
    private LossReadout readout;
    private int selected = -1;
    /** The height of a bar's value label, in font sizes. */
    private static final double VALUE_LABEL_EM = 1.25;

    private double lo = -1;
    private Bounds[] barBoxes = new Bounds[0];
    private Bounds[] valueBoxes = new Bounds[0];
    private double hi = 1;

    private double left;
    private double top;
    private double plotW;
    private double plotH;
    private double colW;
    private double barW;

    private int dragIndex = -1;
    private double dragStartY;
    private double dragStartScore;
    private int editing = -1;
    private boolean editingName;

    ScoreBarChart(Listener listener) {
        super(12, 12, 40, 26);
        this.listener = listener;
        getStyleClass().add("score-bar-chart");
        setId("scoreChart");
        setFocusTraversable(true);
        editor.setManaged(false);
        editor.setVisible(false);
        editor.setId("scoreEditor");
        editor.getStyleClass().add("score-editor");
        getChildren().add(editor);
        editor.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                commitEditor();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                closeEditor(true);
                e.consume();
            }
        });
        editor.focusedProperty().addListener((o, was, focused) -> {
            if (!focused && editing >= 0 && !commitEditor()) {
                closeEditor(false);
            }
        });
        installMouse();
        tooltip.setShowDelay(Duration.millis(600));
        Tooltip.install(this, tooltip);
    }

    /** The hovered class in words: its full name, score and hinge term. */
    private String describe(int j) {
        LossExample e = readout.example();
        String term = j == e.correct() && !readout.options().includeCorrect() ? "the correct class y"
                : "hinge term " + LossFormat.number(readout.hinge().terms()[j]);
        return e.className(j) + ": score " + LossFormat.score(e.score(j)) + ", " + term;
    }

    /** Shows {@code r}; the axis fits the scores unless a bar is being dragged. */
    void show(LossReadout r, int selectedBar) {
        boolean first = readout == null;
        readout = r;
        selected = selectedBar;
        if (dragIndex < 0 || first) {
            fit();
        }
        draw();
    }

    /** The screen y of score {@code v} in local coordinates (for tests and the editor). */
    /** Where bar {@code j} was last drawn, in the chart's coordinates (tests: labels never cover bars). */
    Bounds barBounds(int j) {
        return barBoxes[j];
    }

    /** Where bar {@code j}'s value label was last drawn, in the chart's coordinates. */
    Bounds valueLabelBounds(int j) {
        return valueBoxes[j];
    }

    double toLocalY(double v) {
        return top + (hi - v) / (hi - lo) * plotH;
    }

    /** The local x of bar {@code j}'s centre. */
    double barCentreX(int j) {
        return left + (j + 0.5) * colW;
    }

    /** The local x of bar {@code j}'s hinge-term bracket, just right of the bar (stroke width {@code sw}). */
    private double bracketX(int j, double sw) {
        return barCentreX(j) + barW / 2 + Math.max(4, sw * 2.5);
    }

    /** The local y of the class-name row (click to make the class correct). */
    double nameRowY() {
        return top + plotH + fontSize.get() * 1.35;
    }

    private void fit() {
        LossExample e = readout.example();
        double a = Math.min(0, readout.marginLevel());
        double b = Math.max(0, readout.marginLevel());
        for (int j = 0; j < e.classCount(); j++) {
            a = Math.min(a, e.score(j));
            b = Math.max(b, e.score(j));
        }
        double span = Math.max(1, b - a);
        lo = a - 0.1 * span;
        hi = b + 0.14 * span;
    }

    @Override
    void paint(Pen g, double w, double h) {
        if (readout == null || w < 40 || h < 40) {
            return;
        }
        LossExample e = readout.example();
        int c = e.classCount();
        int y = e.correct();
        double fs = fontSize.get();
        double sw = strokeWidth.get();
        String[] ticks = tickLabels();
        double labelW = 0;
        for (String t : ticks) {
            labelW = Math.max(labelW, textWidth(t, font()));
        }
        left = labelW + fs * 0.9;
        top = fs * 1.9;
        double bottom = fs * 3.9;
        plotW = Math.max(10, w - left - fs * 0.8);
        plotH = Math.max(10, h - top - bottom);
        colW = plotW / c;
        barW = Math.min(colW * 0.56, fs * 7);
        // A negative bar's value label goes below the bar's end: leave it a label's height of room there, so it
        // never has to sit on the bar (the −1.7 under frog).
        // Likewise above the highest bar, whose label may not climb past the top of the plot.
        double lowest = 0;
        double highest = 0;
        for (int j = 0; j < c; j++) {
            lowest = Math.min(lowest, e.score(j));
            highest = Math.max(highest, e.score(j));
        }
        double roomBelow = (fs * VALUE_LABEL_EM + 3) / plotH;
        double roomAbove = (fs * 1.1 + 3) / plotH;
        if (roomBelow + roomAbove < 0.6) {
            for (int round = 0; round < 3; round++) {
                if (highest > 0 && hi - highest < roomAbove * (hi - lo)) {
                    hi = (highest - roomAbove * lo) / (1 - roomAbove);
                }
                if (lowest < 0 && lowest - lo < roomBelow * (hi - lo)) {
                    lo = hi - (hi - lowest) / (1 - roomBelow);
                }
            }
        }

        g.setFont(font());
        g.setFill(muted.get());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(firstThatFits(new String[] {
            "Scores s: drag a bar · double-click to type · click a name to make it correct",
            "Scores s: drag a bar · double-click to type", "Scores s"}, font(), w - left), left, fs * 0.85);

        // The correct class's column.
        g.setFill(withAlpha(accent.get(), 0.09));
        g.fillRect(left + y * colW, top, colW, plotH);

        // Grid and axis labels.
        double step = tickStep();
        g.setTextAlign(TextAlignment.RIGHT);
        g.setLineWidth(1);
        for (double t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) {
            double ty = toLocalY(t);
            g.setStroke(withAlpha(muted.get(), 0.3));
            g.strokeLine(left, ty, left + plotW, ty);
            g.setFill(muted.get());
            g.fillText(LossFormat.score(t), left - fs * 0.4, ty);
        }

        // Margin band from s_y − Δ up to s_y, and the margin line.
        double sy = e.score(y);
        double level = readout.marginLevel();
        double yLevel = toLocalY(level);
        g.setFill(withAlpha(accent.get(), 0.13));
        g.fillRect(left, toLocalY(sy), plotW, yLevel - toLocalY(sy));

        // Bars.
        double zero = toLocalY(0);
        barBoxes = new Bounds[c];
        for (int j = 0; j < c; j++) {
            double x = barCentreX(j) - barW / 2;
            double ys = toLocalY(e.score(j));
            double yTop = Math.min(ys, zero);
            double height = Math.max(1, Math.abs(ys - zero));
            barBoxes[j] = new BoundingBox(x, yTop, barW, height);
            g.setFill(classColor(j));
            g.fillRect(x, yTop, barW, height);
            if (j >= CLASS_SLOTS) {
                hatch(g, x, yTop, barW, height, background.get());
            }
            g.setStroke(foreground.get());
            g.setLineWidth(j == y ? sw * 2 : Math.max(1, sw * 0.6));
            g.strokeRect(x, yTop, barW, height);
            if (j == selected) {
                g.setStroke(accent.get());
                g.setLineWidth(Math.max(1.5, sw));
                g.setLineDashes(4, 3);
                double pad = sw * 2 + 3;
                g.strokeRect(x - pad, yTop - pad, barW + 2 * pad, height + 2 * pad);
                g.setLineDashes((double[]) null);
            }
        }

        // Zero line.
        g.setStroke(foreground.get());
        g.setLineWidth(Math.max(1, sw * 0.8));
        g.strokeLine(left, zero, left + plotW, zero);

        g.setStroke(accent.get());
        g.setLineWidth(Math.max(1.5, sw * 1.3));
        g.setLineDashes(8, 5);
        g.strokeLine(left, yLevel, left + plotW, yLevel);
        g.setLineDashes((double[]) null);

        List<Bounds> occupied = new ArrayList<>();
        // The score labels are drawn last (on top) but claim their place first, so no term label covers them.
        Font valueFont = boldFont(1.05);
        double[] valueY = new double[c];
        valueBoxes = new Bounds[c];
        double[] valueW = new double[c];
        for (int j = 0; j < c; j++) {
            double ys = toLocalY(e.score(j));
            boolean up = e.score(j) >= 0;
            valueY[j] = up ? Math.max(top + fs * 1.1, ys - 3) : Math.min(top + plotH - fs * VALUE_LABEL_EM, ys + 3);
            valueW[j] = textWidth(LossFormat.score(e.score(j)), valueFont) + fs * 0.4;
            valueBoxes[j] = new BoundingBox(barCentreX(j) - valueW[j] / 2, up ? valueY[j] - fs * VALUE_LABEL_EM
                    : valueY[j], valueW[j], fs * VALUE_LABEL_EM);
            occupied.add(valueBoxes[j]);
        }

        // Hinge terms: a bracket from the margin line to each violating score.
        for (int j = 0; j < c; j++) {
            if (!readout.hinge().violated(j)) {
                continue;
            }
            double top0 = toLocalY(e.score(j));
            double bx = bracketX(j, sw);
            g.setStroke(warning.get());
            g.setLineWidth(Math.max(2.5, sw * 2));
            g.setLineCap(StrokeLineCap.BUTT);
            g.strokeLine(bx, yLevel, bx, top0);
            g.strokeLine(bx - fs * 0.35, yLevel, bx + fs * 0.35, yLevel);
            g.strokeLine(bx - fs * 0.35, top0, bx + fs * 0.35, top0);
            occupied.add(new BoundingBox(bx - fs * 0.35, Math.min(yLevel, top0), fs * 0.7, Math.abs(top0 - yLevel)));
        }
        // Each term's value beside its bracket, once every bracket is known.
        for (int j = 0; j < c; j++) {
            if (!readout.hinge().violated(j)) {
                continue;
            }
            double top0 = toLocalY(e.score(j));
            double bx = bracketX(j, sw);
            String label = "+" + LossFormat.number(readout.hinge().terms()[j]);
            Font f = boldFont(1);
            double lw = textWidth(label, f) + fs * 0.6;
            double lh = fs * 1.5;
            double mid = Math.max(top + lh / 2, Math.min(top + plotH - lh / 2, (yLevel + top0) / 2));
            double rightX = bx + fs * 0.5;
            double leftX = barCentreX(j) - barW / 2 - lw - fs * 0.5;
            // Beside the bracket, else left of or on the bar, moving up or down when another label is in the
            // way; when every spot is taken, the one that covers the least.
            double centreX = barCentreX(j) - lw / 2;
            double[] chosen = {rightX + lw <= left + plotW ? rightX : leftX, mid};
            double best = Double.MAX_VALUE;
            for (double dy : new double[] {0, -lh * 1.1, lh * 1.1, -lh * 2.2, lh * 2.2}) {
                for (double x : new double[] {rightX, leftX, centreX}) {
                    double cy = mid + dy;
                    BoundingBox box = new BoundingBox(x, cy - lh / 2, lw, lh);
                    boolean inside = x >= left && x + lw <= left + plotW && box.getMinY() >= top
                            && box.getMaxY() <= top + plotH;
                    double cost = inside ? overlap(box, occupied) : Double.MAX_VALUE;
                    if (cost < best - 1e-6) {
                        best = cost;
                        chosen = new double[] {x, cy};
                    }
                }
                if (best == 0) {
                    break;
                }
            }
            labelBox(g, label, chosen[0], chosen[1], lw, f, warning.get());
            occupied.add(new BoundingBox(chosen[0], chosen[1] - lh / 2, lw, lh));
        }

        // Score values on the bars.
        g.setFont(valueFont);
        g.setTextAlign(TextAlignment.CENTER);
        for (int j = 0; j < c; j++) {
            boolean up = e.score(j) >= 0;
            double ty = valueY[j];
            g.setTextBaseline(up ? VPos.BOTTOM : VPos.TOP);
            g.setFill(withAlpha(background.get(), 0.8));
            g.fillRect(barCentreX(j) - valueW[j] / 2, up ? ty - fs * VALUE_LABEL_EM : ty, valueW[j], fs * VALUE_LABEL_EM);
            g.setFill(foreground.get());
            g.fillText(LossFormat.score(e.score(j)), barCentreX(j), ty);
        }

        // The margin line's label where it covers the least: no other label if possible, then as little bar as
        // possible; tried at both ends and between the columns, above and below the line.
        String marginLabel = "s_y " + LossFormat.MINUS + " Δ = " + LossFormat.score(level);
        Font mf = boldFont(0.95);
        double mw = textWidth(marginLabel, mf) + fs * 0.6;
        double mh = fs * 1.5;
        List<Bounds> bars = new ArrayList<>();
        for (int j = 0; j < c; j++) {
            double ys = toLocalY(e.score(j));
            bars.add(new BoundingBox(barCentreX(j) - barW / 2 - fs, Math.min(ys, zero), barW + 2 * fs,
                    Math.abs(ys - zero)));
        }
        List<Double> xs = new ArrayList<>(List.of(left + plotW - mw - 2, left + 2));
        for (int k = 1; k < c; k++) {
            xs.add(left + k * colW - mw / 2);
        }
        double[] spot = {xs.get(0), yLevel - fs * 0.95};
        double best = Double.MAX_VALUE;
        for (double x : xs) {
            for (double dy : new double[] {-fs * 0.95, fs * 0.95}) {
                BoundingBox box = new BoundingBox(x, yLevel + dy - mh / 2, mw, mh);
                if (box.getMinY() < top || box.getMaxY() > top + plotH) {
                    continue;
                }
                double cost = 100 * overlap(box, occupied) + overlap(box, bars);
                if (cost < best - 1e-6) {
                    best = cost;
                    spot = new double[] {x, yLevel + dy};
                }
            }
        }
        labelBox(g, marginLabel, spot[0], spot[1], mw, mf, accent.get());

        // Class names with their marker, then each class's hinge term (or "correct").
        double nameY = nameRowY();
        double termY = nameY + fs * 1.35;
        double r = fs * 0.36;
        for (int j = 0; j < c; j++) {
            double cx = barCentreX(j);
            Font nf = j == y ? boldFont(1.1) : Font.font(fs * 1.05);
            // The class name, shortened to fit its column, or just its number (1-based) when even that is too long.
            String full = e.className(j);
            String name = fit(full, nf, colW - r * 2 - 8);
            if (name.length() < Math.min(full.length(), 4)) {
                name = Integer.toString(j + 1);
            }
            double nw = textWidth(name, nf);
            g.setFill(classColor(j));
            g.setStroke(foreground.get());
            g.setLineWidth(1);
            Marker.forClass(j).draw(g, cx - nw / 2 - r - 2, nameY, r, true);
            g.setFont(nf);
            g.setTextBaseline(VPos.CENTER);
            g.setTextAlign(TextAlignment.CENTER);
            g.setFill(j == y ? accent.get() : foreground.get());
            g.fillText(name, cx + r, nameY);
            String[] term;
            Color colour;
            if (j == y) {
                String plus = "+" + LossFormat.number(readout.hinge().terms()[j]);
                term = readout.options().includeCorrect() ? new String[] {"correct  " + plus, plus}
                        : new String[] {"correct", "y"};
                colour = accent.get();
            } else if (readout.hinge().violated(j)) {
                double t = readout.hinge().terms()[j];
                term = new String[] {"+" + LossFormat.number(t), "+" + LossFormat.score(Math.round(t * 10) / 10.0),
                    "+" + LossFormat.score(Math.round(t))};
                colour = warning.get();
            } else {
                term = new String[] {"0 (margin met)", "0 (met)", "0"};
                colour = good.get();
            }
            Font tf = boldFont(0.95);
            if (textWidth(term[term.length - 1], tf) > colW - 4) {
                tf = boldFont(0.8);
            }
            g.setFont(tf);
            g.setFill(colour);
            g.fillText(firstThatFits(term, tf, colW - 4), cx, termY);
        }
        if (editing >= 0) {
            placeEditor();
        }
    }

    private static double overlap(Bounds box, List<Bounds> others) {
        double sum = 0;
        for (Bounds o : others) {
            double w = Math.min(box.getMaxX(), o.getMaxX()) - Math.max(box.getMinX(), o.getMinX());
            double h = Math.min(box.getMaxY(), o.getMaxY()) - Math.max(box.getMinY(), o.getMinY());
            if (w > 0 && h > 0) {
                sum += w * h;
            }
        }
        return sum;
    }

    private void labelBox(Pen g, String text, double x, double cy, double w, Font f, Color colour) {
        double fs = fontSize.get();
        double h = fs * 1.45;
        g.setFill(withAlpha(background.get(), 0.92));
        g.fillRoundRect(x, cy - h / 2, w, h, 6, 6);
        g.setStroke(colour);
        g.setLineWidth(Math.max(1, strokeWidth.get() * 0.8));
        g.strokeRoundRect(x, cy - h / 2, w, h, 6, 6);
        g.setFill(colour);
        g.setFont(f);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x + w / 2, cy);
    }

    private void hatch(Pen g, double x, double y, double w, double h, Color colour) {
        g.save();
        g.beginPath();
        g.rect(x, y, w, h);
        g.clip();
        g.setStroke(withAlpha(colour, 0.7));
        g.setLineWidth(2);
        for (double d = -h; d < w; d += 8) {
            g.strokeLine(x + d, y + h, x + d + h, y);
        }
        g.restore();
    }

    private double tickStep() {
        return tickStep(hi - lo, Math.max(3, Math.min(8, plotH / (fontSize.get() * 3))));
    }

    private String[] tickLabels() {
        double step = tickStep();
        return new String[] {LossFormat.score(Math.ceil(lo / step) * step),
            LossFormat.score(Math.floor(hi / step) * step)};
    }

    private String firstThatFits(String[] candidates, Font f, double width) {
        return fit(firstFitting(candidates, f, width), f, width);
    }

    private String fit(String text, Font f, double width) {
        if (textWidth(text, f) <= width || text.length() <= 1) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && textWidth(t + "…", f) > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private int columnAt(double x) {
        if (readout == null || x < left || x >= left + plotW) {
            return -1;
        }
        return Math.min(readout.example().classCount() - 1, (int) ((x - left) / colW));
    }

    private boolean inNames(double y) {
        return y > top + plotH + 2;
    }

    private void installMouse() {
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getTarget() == editor) {
                return;
            }
            requestFocus();
            int j = columnAt(e.getX());
            if (j < 0 || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            listener.select(j);
            if (!inNames(e.getY())) {
                dragIndex = j;
                dragStartY = e.getY();
                dragStartScore = readout.example().score(j);
                listener.beginDrag(j);
            }
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (dragIndex >= 0) {
                double v = dragStartScore + (dragStartY - e.getY()) * (hi - lo) / plotH;
                v = Math.max(lo, Math.min(hi, v));
                listener.drag(dragIndex, LossExplorerViewModel.snap(v, e.isShiftDown() ? 2 : 1));
                e.consume();
            }
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (dragIndex >= 0) {
                dragIndex = -1;
                listener.endDrag();
                if (readout != null) {
                    fit();
                    draw();
                }
                e.consume();
            }
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            int j = columnAt(e.getX());
            if (j < 0 || e.getButton() != MouseButton.PRIMARY || e.getTarget() == editor) {
                return;
            }
            if (e.getClickCount() == 2) {
                startEditing(j, inNames(e.getY()));
            } else if (inNames(e.getY()) && e.isStillSincePress()) {
                listener.makeCorrect(j);
            }
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            int j = columnAt(e.getX());
            setCursor(j < 0 ? Cursor.DEFAULT : inNames(e.getY()) ? Cursor.HAND : Cursor.V_RESIZE);
            tooltip.setText(j < 0 ? "" : describe(j));
        });
    }

    /** Opens the inline editor for bar {@code j}'s score, or its class name. */
    void startEditing(int j, boolean name) {
        if (readout == null || j < 0 || j >= readout.example().classCount()) {
            return;
        }
        editing = j;
        editingName = name;
        editor.setText(name ? readout.example().className(j) : LossFormat.editable(readout.example().score(j)));
        editor.getStyleClass().remove("invalid");
        editor.setVisible(true);
        placeEditor();
        editor.requestFocus();
        editor.selectAll();
    }

    private void placeEditor() {
        double fs = fontSize.get();
        double w = Math.max(fs * 6, Math.min(colW - 4, fs * 9));
        double h = editor.prefHeight(-1);
        double x = Math.max(0, Math.min(getWidth() - w, barCentreX(editing) - w / 2));
        double y = editingName ? nameRowY() - h / 2
                : Math.max(0, Math.min(top + plotH - h, toLocalY(readout.example().score(editing)) - h / 2));
        editor.resizeRelocate(x, y, w, h);
    }

    private boolean commitEditor() {
        if (editing < 0) {
            return true;
        }
        int j = editing;
        String text = editor.getText();
        boolean ok = editingName ? listener.renameClass(j, text) : listener.commitScore(j, text);
        if (ok) {
            closeEditor(editor.isFocused());
        } else if (!editor.getStyleClass().contains("invalid")) {
            editor.getStyleClass().add("invalid");
        }
        return ok;
    }

    private void closeEditor(boolean refocus) {
        editing = -1;
        editor.setVisible(false);
        if (refocus) {
            requestFocus();
        }
    }
}
