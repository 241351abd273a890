package org.classifierlab.app.loss;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableDoubleProperty;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.ColorConverter;
import javafx.css.converter.SizeConverter;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * A region that paints one canvas with colours and sizes read from CSS ({@code .loss-chart} in the
 * stylesheet), so a theme switch repaints it. Subclasses draw; they hold no loss maths. FX thread only.
 */
abstract class LossChart extends Region {

    static final int CLASS_SLOTS = 7;
    private static final Color[] DEFAULT_CLASS = {
        Color.web("#e69f00"), Color.web("#56b4e9"), Color.web("#009e73"), Color.web("#f0e442"),
        Color.web("#0072b2"), Color.web("#d55e00"), Color.web("#cc79a7")};

    final Canvas canvas = new Canvas();
    private final List<StyleableObjectProperty<Color>> classColors = new ArrayList<>();
    final StyleableObjectProperty<Color> background = color(BACKGROUND, "background", Color.WHITE);
    final StyleableObjectProperty<Color> foreground = color(FOREGROUND, "foreground", Color.BLACK);
    final StyleableObjectProperty<Color> muted = color(MUTED, "muted", Color.GRAY);
    final StyleableObjectProperty<Color> accent = color(ACCENT, "accent", Color.web("#0072b2"));
    final StyleableObjectProperty<Color> warning = color(WARNING, "warning", Color.web("#a15c00"));
    final StyleableObjectProperty<Color> good = color(GOOD, "good", Color.web("#007a55"));
    final StyleableObjectProperty<Color> hingeColor = color(HINGE, "hingeColor", Color.web("#0072b2"));
    final StyleableObjectProperty<Color> crossEntropyColor = color(CROSS_ENTROPY, "crossEntropyColor",
            Color.web("#d55e00"));
    final StyleableDoubleProperty strokeWidth = size(STROKE, "strokeWidth", 1.5);
    final StyleableDoubleProperty fontSize = size(FONT_SIZE, "fontSize", 13);

    LossChart() {
        getStyleClass().add("loss-chart");
        for (int i = 0; i < CLASS_SLOTS; i++) {
            StyleableObjectProperty<Color> p = new SimpleStyleableObjectProperty<>(CLASS_META.get(i), this,
                    "classColor" + i, DEFAULT_CLASS[i]);
            p.addListener((o, a, b) -> draw());
            classColors.add(p);
        }
        getChildren().add(canvas);
    }

    /** Class {@code c}'s colour; classes beyond the palette reuse it (and are hatched by the bar chart). */
    Color classColor(int c) {
        return classColors.get(Math.floorMod(c, CLASS_SLOTS)).get();
    }

    Font font() {
        return Font.font(fontSize.get());
    }

    Font boldFont(double scale) {
        return Font.font(null, FontWeight.BOLD, fontSize.get() * scale);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    /** Repaints the whole canvas from the current data and style. */
    abstract void draw();

    // ---- CSS ----
    private static final List<CssMetaData<LossChart, Color>> CLASS_META = new ArrayList<>();
    private static final CssMetaData<LossChart, Color> BACKGROUND = colorMeta("-cl-background-color",
            c -> c.background, Color.WHITE);
    private static final CssMetaData<LossChart, Color> FOREGROUND = colorMeta("-cl-foreground-color",
            c -> c.foreground, Color.BLACK);
    private static final CssMetaData<LossChart, Color> MUTED = colorMeta("-cl-muted-color", c -> c.muted, Color.GRAY);
    private static final CssMetaData<LossChart, Color> ACCENT = colorMeta("-cl-accent-color",
            c -> c.accent, Color.web("#0072b2"));
    private static final CssMetaData<LossChart, Color> WARNING = colorMeta("-cl-warning-color",
            c -> c.warning, Color.web("#a15c00"));
    private static final CssMetaData<LossChart, Color> GOOD = colorMeta("-cl-good-color",
            c -> c.good, Color.web("#007a55"));
    private static final CssMetaData<LossChart, Color> HINGE = colorMeta("-cl-hinge-color",
            c -> c.hingeColor, Color.web("#0072b2"));
    private static final CssMetaData<LossChart, Color> CROSS_ENTROPY = colorMeta("-cl-cross-entropy-color",
            c -> c.crossEntropyColor, Color.web("#d55e00"));
    private static final CssMetaData<LossChart, Number> STROKE = sizeMeta("-cl-stroke-width", c -> c.strokeWidth, 1.5);
    private static final CssMetaData<LossChart, Number> FONT_SIZE = sizeMeta("-cl-chart-font-size",
            c -> c.fontSize, 13);
    private static final List<CssMetaData<? extends Styleable, ?>> META;

    static {
        for (int i = 0; i < CLASS_SLOTS; i++) {
            int c = i;
            CLASS_META.add(colorMeta("-cl-class-" + i + "-color", n -> n.classColors.get(c), DEFAULT_CLASS[i]));
        }
        List<CssMetaData<? extends Styleable, ?>> list = new ArrayList<>(Region.getClassCssMetaData());
        list.addAll(CLASS_META);
        list.addAll(List.of(BACKGROUND, FOREGROUND, MUTED, ACCENT, WARNING, GOOD, HINGE, CROSS_ENTROPY, STROKE,
                FONT_SIZE));
        META = Collections.unmodifiableList(list);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return META;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return META;
    }

    private StyleableObjectProperty<Color> color(CssMetaData<LossChart, Color> meta, String name, Color initial) {
        StyleableObjectProperty<Color> p = new SimpleStyleableObjectProperty<>(meta, this, name, initial);
        p.addListener((o, a, b) -> draw());
        return p;
    }

    private StyleableDoubleProperty size(CssMetaData<LossChart, Number> meta, String name, double initial) {
        StyleableDoubleProperty p = new SimpleStyleableDoubleProperty(meta, this, name, initial);
        p.addListener((o, a, b) -> draw());
        return p;
    }

    private static CssMetaData<LossChart, Color> colorMeta(String property,
            Function<LossChart, StyleableObjectProperty<Color>> get, Color initial) {
        return new CssMetaData<>(property, ColorConverter.getInstance(), initial) {
            @Override
            public boolean isSettable(LossChart n) {
                return !get.apply(n).isBound();
            }

            @Override
            public StyleableProperty<Color> getStyleableProperty(LossChart n) {
                return get.apply(n);
            }
        };
    }

    private static CssMetaData<LossChart, Number> sizeMeta(String property,
            Function<LossChart, StyleableDoubleProperty> get, double initial) {
        return new CssMetaData<>(property, SizeConverter.getInstance(), initial) {
            @Override
            public boolean isSettable(LossChart n) {
                return !get.apply(n).isBound();
            }

            @Override
            public StyleableProperty<Number> getStyleableProperty(LossChart n) {
                return get.apply(n);
            }
        };
    }
}
