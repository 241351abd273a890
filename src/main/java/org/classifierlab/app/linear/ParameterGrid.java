package org.classifierlab.app.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

import org.classifierlab.app.render.CanvasStyle;
import org.classifierlab.app.render.Marker;
import org.classifierlab.core.linear.Gradient;
import org.classifierlab.core.linear.LinearModel;

/**
 * Spinners for every entry of W and b, one row per class with its colour and marker, each with its gradient
 * ∂L/∂θ in small type below (a row headed "∂L/∂·"). An edited spinner is one undo step. FX thread only.
 */
final class ParameterGrid extends GridPane {

    /** Spinner arrows change a parameter by this much. */
    static final double SPINNER_STEP = 0.1;

    private final LinearClassifierViewModel vm;
    private final CanvasStyle style;
    private final List<Spinner<Double>> spinners = new ArrayList<>();
    private final List<Label> gradients = new ArrayList<>();
    private int builtFor = -1;
    private boolean updating;

    ParameterGrid(LinearClassifierViewModel vm, CanvasStyle style) {
        this.vm = vm;
        this.style = style;
        setId("parameterGrid");
        getStyleClass().add("parameter-grid");
        setHgap(8);
        setVgap(1);
    }

    /** Shows the model's values and the gradient; rebuilds the rows when the class count changed. */
    void show(LinearModel model, Gradient gradient) {
        if (model.classCount() != builtFor) {
            build(model.classCount());
        }
        updating = true;
        try {
            for (int p = 0; p < model.parameterCount(); p++) {
                Spinner<Double> s = spinners.get(p);
                double v = model.parameter(p);
                if (s.getValue() == null || s.getValue() != v) {
                    s.getValueFactory().setValue(v);
                }
                if (!s.getEditor().isFocused()) {
                    s.getEditor().setText(s.getValueFactory().getConverter().toString(v));
                }
                gradients.get(p).setText(LinearFormat.fixed(gradient.get(p), 3));
            }
        } finally {
            updating = false;
        }
    }

    /** Redraws the class swatches (after a theme change). */
    void refreshSwatches() {
        builtFor = -1;
    }

    Spinner<Double> spinner(int index) {
        return spinners.get(index);
    }

    Label gradientLabel(int index) {
        return gradients.get(index);
    }

    private void build(int classes) {
        builtFor = classes;
        getChildren().clear();
        getColumnConstraints().clear();
        spinners.clear();
        gradients.clear();
        ColumnConstraints swatch = new ColumnConstraints();
        swatch.setMinWidth(USE_PREF_SIZE);
        getColumnConstraints().add(swatch);
        for (int i = 0; i < 3; i++) {
            ColumnConstraints value = new ColumnConstraints();
            value.setHgrow(Priority.ALWAYS);
            value.setFillWidth(true);
            value.setHalignment(HPos.LEFT);
            getColumnConstraints().add(value);
        }
        String[] headers = {"W[c][0]", "W[c][1]", "b[c]"};
        for (int i = 0; i < 3; i++) {
            Label h = new Label(headers[i]);
            h.getStyleClass().add("parameter-header");
            add(h, i + 1, 0);
        }
        int flatCount = classes * 3;
        List<Spinner<Double>> flat = new ArrayList<>(flatCount);
        List<Label> flatGradients = new ArrayList<>(flatCount);
        for (int p = 0; p < flatCount; p++) {
            flat.add(null);
            flatGradients.add(null);
        }
        for (int c = 0; c < classes; c++) {
            int row = 2 * c + 1;
            add(swatch(c), 0, row);
            Label gradientName = new Label("∂L/∂·");
            gradientName.getStyleClass().add("gradient-value");
            gradientName.setTooltip(new Tooltip("The gradient of the total loss with respect to the parameter above"));
            add(gradientName, 0, row + 1);
            for (int col = 0; col < 3; col++) {
                int index = col < 2 ? c * 2 + col : classes * 2 + c;
                String name = col < 2 ? "W[" + c + "][" + col + "]" : "b[" + c + "]";
                String id = col < 2 ? "w" + c + "_" + col : "b" + c;
                Spinner<Double> s = spinner(index, name, id);
                Label g = new Label();
                g.getStyleClass().add("gradient-value");
                g.setId("grad-" + id);
                g.setTooltip(new Tooltip("∂L/∂" + name + ": how fast the total loss grows as " + name
                        + " grows; a step subtracts η times it"));
                add(s, col + 1, row);
                add(g, col + 1, row + 1);
                flat.set(index, s);
                flatGradients.set(index, g);
            }
        }
        spinners.addAll(flat);
        gradients.addAll(flatGradients);
    }

    private Node swatch(int c) {
        double size = 16;
        Canvas icon = new Canvas(size + 4, size + 4);
        GraphicsContext g = icon.getGraphicsContext2D();
        g.setFill(style.classColor(c));
        g.setStroke(style.pointStroke());
        g.setLineWidth(1.2);
        Marker.forClass(c).draw(g, (size + 4) / 2, (size + 4) / 2, size / 2.6, true);
        Label name = new Label(Integer.toString(c));
        name.getStyleClass().add("class-name");
        HBox box = new HBox(4, icon, name);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setId("classSwatch" + c);
        return box;
    }

    private Spinner<Double> spinner(int index, String name, String id) {
        double max = LinearClassifierViewModel.MAX_PARAMETER;
        SpinnerValueFactory.DoubleSpinnerValueFactory factory =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(-max, max, 0, SPINNER_STEP);
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : editText(v);
            }

            @Override
            public Double fromString(String s) {
                // The shown text of the current value maps back to the exact value, so a focus change alone
                // never rounds a parameter.
                if (s == null || factory.getValue() == null || s.trim().equals(editText(factory.getValue()))) {
                    return factory.getValue();
                }
                Double v = LinearFormat.parse(s);
                return v == null ? factory.getValue() : v;
            }
        });
        Spinner<Double> s = new Spinner<>(factory);
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(105);
        s.setMinWidth(70);
        s.setMaxWidth(Double.MAX_VALUE);
        s.setTooltip(new Tooltip(name + " (type a value and press Enter, or use the arrows: ±" + SPINNER_STEP + ")"));
        s.valueProperty().addListener((o, a, v) -> {
            if (!updating && v != null && !vm.setParameter(index, v)) {
                revert(s, index);
            }
        });
        s.getEditor().setOnAction(e -> commit(s, index));
        s.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                commit(s, index);
            }
        });
        return s;
    }

    /** Applies typed text: a changed number becomes the parameter; nonsense gets a message and the old value. */
    private void commit(Spinner<Double> s, int index) {
        if (index >= vm.scene().model().parameterCount()) {
            return;
        }
        double current = vm.scene().model().parameter(index);
        String text = s.getEditor().getText();
        if (text.trim().equals(editText(current))) {
            return;
        }
        Double v = LinearFormat.parse(text);
        if (!vm.setParameter(index, v == null ? Double.NaN : v)) {
            revert(s, index);
        }
    }

    private void revert(Spinner<Double> s, int index) {
        updating = true;
        try {
            double current = vm.scene().model().parameter(index);
            s.getValueFactory().setValue(current);
            s.getEditor().setText(editText(current));
        } finally {
            updating = false;
        }
    }

    /** The spinner text of a value: up to three decimals, an ASCII minus (it is typed over). */
    static String editText(double v) {
        String t = String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        return "-0".equals(t) ? "0" : t;
    }
}
