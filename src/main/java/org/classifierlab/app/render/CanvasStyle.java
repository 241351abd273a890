package org.classifierlab.app.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableDoubleProperty;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.ColorConverter;
import javafx.css.converter.SizeConverter;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The colours and sizes a lesson's 2D canvas paints with, read from CSS ({@code -cl-class-0-color} …,
 * {@code -cl-background-color}, see {@code .playground-canvas} and {@code .linear-canvas} in the stylesheet)
 * so a theme switch repaints with the theme's tokens. The canvas region implements {@link Owner} and returns
 * {@link #cssMetaData()} from {@code getCssMetaData()}. FX thread only.
 */
public final class CanvasStyle {

    /** Number of class colours (the Okabe–Ito palette; marker shapes repeat with the same period). */
    public static final int CLASS_SLOTS = 7;
    private static final Color[] DEFAULT_CLASS = {
        Color.web("#e69f00"), Color.web("#56b4e9"), Color.web("#009e73"), Color.web("#f0e442"),
        Color.web("#0072b2"), Color.web("#d55e00"), Color.web("#cc79a7")};

    /** A canvas region that carries a {@link CanvasStyle}. */
    public interface Owner {
        CanvasStyle style();
    }

    private static final List<CssMetaData<? extends Styleable, ?>> META;
    private static final List<CssMetaData<Region, Color>> CLASS_META = new ArrayList<>();
    private static final CssMetaData<Region, Color> BACKGROUND =
            color("-cl-background-color", s -> s.background, Color.WHITE);
    private static final CssMetaData<Region, Color> UNDECIDED =
            color("-cl-undecided-color", s -> s.undecided, Color.WHITE);
    private static final CssMetaData<Region, Color> BOUNDARY =
            color("-cl-boundary-color", s -> s.boundary, Color.BLACK);
    private static final CssMetaData<Region, Color> POINT_STROKE =
            color("-cl-point-stroke-color", s -> s.pointStroke, Color.BLACK);
    private static final CssMetaData<Region, Color> PROBE = color("-cl-probe-color", s -> s.probe, Color.BLACK);
    private static final CssMetaData<Region, Color> AXIS = color("-cl-axis-color", s -> s.axis, Color.GRAY);
    private static final CssMetaData<Region, Number> REGION_TINT = size("-cl-region-tint", s -> s.regionTint, 0.45);
    private static final CssMetaData<Region, Number> POINT_RADIUS = size("-cl-point-radius", s -> s.pointRadius, 6);
    private static final CssMetaData<Region, Number> STROKE_WIDTH = size("-cl-stroke-width", s -> s.strokeWidth, 1.5);

    static {
        for (int i = 0; i < CLASS_SLOTS; i++) {
            int c = i;
            CLASS_META.add(color("-cl-class-" + i + "-color", s -> s.classColors.get(c), DEFAULT_CLASS[i]));
        }
        List<CssMetaData<? extends Styleable, ?>> list = new ArrayList<>(Region.getClassCssMetaData());
        list.addAll(CLASS_META);
        list.addAll(List.of(BACKGROUND, UNDECIDED, BOUNDARY, POINT_STROKE, PROBE, AXIS, REGION_TINT, POINT_RADIUS,
                STROKE_WIDTH));
        META = Collections.unmodifiableList(list);
    }

    private final List<StyleableObjectProperty<Color>> classColors = new ArrayList<>();
    private final StyleableObjectProperty<Color> background;
    private final StyleableObjectProperty<Color> undecided;
    private final StyleableObjectProperty<Color> boundary;
    private final StyleableObjectProperty<Color> pointStroke;
    private final StyleableObjectProperty<Color> probe;
    private final StyleableObjectProperty<Color> axis;
    private final StyleableDoubleProperty regionTint;
    private final StyleableDoubleProperty pointRadius;
    private final StyleableDoubleProperty strokeWidth;

    /** The style of {@code bean} (which must implement {@link Owner}); {@code onChange} runs when CSS changes it. */
    public CanvasStyle(Region bean, Runnable onChange) {
        if (!(bean instanceof Owner)) {
            throw new IllegalArgumentException("a styled canvas must implement CanvasStyle.Owner");
        }
        for (int i = 0; i < CLASS_SLOTS; i++) {
            classColors.add(colorProperty(CLASS_META.get(i), bean, "classColor" + i, DEFAULT_CLASS[i], onChange));
        }
        background = colorProperty(BACKGROUND, bean, "backgroundColor", Color.WHITE, onChange);
        undecided = colorProperty(UNDECIDED, bean, "undecidedColor", Color.WHITE, onChange);
        boundary = colorProperty(BOUNDARY, bean, "boundaryColor", Color.BLACK, onChange);
        pointStroke = colorProperty(POINT_STROKE, bean, "pointStrokeColor", Color.BLACK, onChange);
        probe = colorProperty(PROBE, bean, "probeColor", Color.BLACK, onChange);
        axis = colorProperty(AXIS, bean, "axisColor", Color.GRAY, onChange);
        regionTint = doubleProperty(REGION_TINT, bean, "regionTint", 0.45, onChange);
        pointRadius = doubleProperty(POINT_RADIUS, bean, "pointRadius", 6, onChange);
        strokeWidth = doubleProperty(STROKE_WIDTH, bean, "strokeWidth", 1.5, onChange);
    }

    /** The CSS properties of a styled canvas (the Region's own plus this style's). */
    public static List<CssMetaData<? extends Styleable, ?>> cssMetaData() {
        return META;
    }

    /** Class {@code c}'s colour (classes beyond the palette repeat it). */
    public Color classColor(int c) {
        return classColors.get(Math.floorMod(c, CLASS_SLOTS)).get();
    }

    /** Class {@code c}'s colour as an observable, for swatches that follow the theme. */
    public ObservableValue<Color> classColorProperty(int c) {
        return classColors.get(Math.floorMod(c, CLASS_SLOTS));
    }

    /** The canvas background, and the colour region tints blend from. */
    public Color background() {
        return background.get();
    }

    /** Pixels no class wins (a tied k-NN vote). */
    public Color undecided() {
        return undecided.get();
    }

    /** Decision-boundary pixels. */
    public Color boundary() {
        return boundary.get();
    }

    /** The outline of point markers. */
    public Color pointStroke() {
        return pointStroke.get();
    }

    /** Ink of overlays drawn over the regions: probes, selections, labels. */
    public Color probe() {
        return probe.get();
    }

    /** Axes, ticks and grid lines. */
    public Color axis() {
        return axis.get();
    }

    /** How far region colours go from the background towards the class colour (0–1). */
    public double regionTint() {
        return regionTint.get();
    }

    /** Radius of a point marker in layout units. */
    public double pointRadius() {
        return pointRadius.get();
    }

    /** Base stroke width in layout units (thicker in the projector theme). */
    public double strokeWidth() {
        return strokeWidth.get();
    }

    private static StyleableObjectProperty<Color> colorProperty(CssMetaData<Region, Color> meta, Region bean,
            String name, Color initial, Runnable onChange) {
        StyleableObjectProperty<Color> prop = new SimpleStyleableObjectProperty<>(meta, bean, name, initial);
        prop.addListener((obs, old, now) -> onChange.run());
        return prop;
    }

    private static StyleableDoubleProperty doubleProperty(CssMetaData<Region, Number> meta, Region bean,
            String name, double initial, Runnable onChange) {
        StyleableDoubleProperty prop = new SimpleStyleableDoubleProperty(meta, bean, name, initial);
        prop.addListener((obs, old, now) -> onChange.run());
        return prop;
    }

    private static CssMetaData<Region, Color> color(String property,
            Function<CanvasStyle, StyleableObjectProperty<Color>> get, Color initial) {
        return new CssMetaData<>(property, ColorConverter.getInstance(), initial) {
            @Override
            public boolean isSettable(Region node) {
                return !get.apply(((Owner) node).style()).isBound();
            }

            @Override
            public StyleableProperty<Color> getStyleableProperty(Region node) {
                return get.apply(((Owner) node).style());
            }
        };
    }

    private static CssMetaData<Region, Number> size(String property, Function<CanvasStyle, StyleableDoubleProperty> get,
            double initial) {
        return new CssMetaData<>(property, SizeConverter.getInstance(), initial) {
            @Override
            public boolean isSettable(Region node) {
                return !get.apply(((Owner) node).style()).isBound();
            }

            @Override
            public StyleableProperty<Number> getStyleableProperty(Region node) {
                return get.apply(((Owner) node).style());
            }
        };
    }

    /** Opaque ARGB of {@code c}. */
    public static int argb(Color c) {
        return 0xFF000000 | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }

    /** {@code t} of the way from {@code from} to {@code to}, as opaque ARGB. */
    public static int blend(Color from, Color to, double t) {
        return argb(from.interpolate(to, Math.max(0, Math.min(1, t))));
    }
}
