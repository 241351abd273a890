package org.classifierlab.app.render;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** Measures how wide a text is in a font, for laying out canvas charts and sizing table columns. FX thread only. */
public final class TextMeter {

    private final Text measure = new Text();

    /** The layout width of {@code s} in {@code f}. */
    public double width(String s, Font f) {
        measure.setFont(f);
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }
}
