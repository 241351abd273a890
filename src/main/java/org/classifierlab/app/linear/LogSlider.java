package org.classifierlab.app.linear;

import java.util.Locale;
import java.util.function.DoublePredicate;

import javafx.geometry.Pos;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A slider on a log scale (10^min … 10^max) with a text field showing the exact value, where a value can
 * also be typed. Slider values are rounded to three significant digits. FX thread only.
 */
public final class LogSlider extends HBox {

    private final Slider slider;
    private final TextField field = new TextField();
    private final DoublePredicate onCommit;
    private double value;
    private boolean updating;

    /**
     * @param onCommit receives each new value; returns false to refuse it (the old value is shown again)
     */
    public LogSlider(String id, double minExponent, double maxExponent, double initial, String tip, DoublePredicate onCommit) {
        super(6);
        this.onCommit = onCommit;
        setId(id);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("log-slider");
        slider = new Slider(minExponent, maxExponent, Math.log10(initial));
        slider.setId(id + "Slider");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setShowTickMarks(true);
        slider.setTooltip(new Tooltip(tip + " (log scale, 10^" + (int) minExponent + " … 10^" + (int) maxExponent
                + ")"));
        slider.setMinWidth(60);
        HBox.setHgrow(slider, Priority.ALWAYS);
        field.setId(id + "Field");
        field.setPrefColumnCount(5);
        field.setMinWidth(USE_PREF_SIZE);
        field.setTooltip(new Tooltip(tip + ": type a value and press Enter"));
        value = initial;
        field.setText(LinearFormat.number(initial));
        slider.valueProperty().addListener((o, a, v) -> {
            if (!updating) {
                commit(round3(Math.pow(10, v.doubleValue())));
            }
        });
        field.setOnAction(e -> commitText());
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                commitText();
            }
        });
        getChildren().addAll(slider, field);
    }

    /** Shows {@code v} without reporting it. */
    public void setValue(double v) {
        value = v;
        updating = true;
        try {
            if (v > 0) {
                slider.setValue(Math.log10(v));
            }
            field.setText(LinearFormat.number(v));
        } finally {
            updating = false;
        }
    }

    public double value() {
        return value;
    }

    public TextField field() {
        return field;
    }

    Slider slider() {
        return slider;
    }

    private void commitText() {
        Double v = LinearFormat.parse(field.getText());
        if (v == null) {
            // Let the owner explain what is allowed.
            onCommit.test(Double.NaN);
            setValue(value);
        } else if (v != value) {
            commit(v);
        } else {
            field.setText(LinearFormat.number(value));
        }
    }

    private void commit(double v) {
        if (onCommit.test(v)) {
            setValue(v);
        } else {
            setValue(value);
        }
    }

    /** {@code v} rounded to three significant digits. */
    static double round3(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.2e", v));
    }
}
