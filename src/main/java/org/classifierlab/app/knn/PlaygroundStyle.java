package org.classifierlab.app.knn;

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
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The colours and sizes the playground canvas paints with, read from CSS (see {@code .playground-canvas}
 * in the stylesheet) so a theme switch repaints with the theme's tokens. FX thread only.
 */
final class PlaygroundStyle {

    static final int CLASS_SLOTS = KnnPlaygroundViewModel.MAX_CLASSES;
    private static final Color[] DEFAULT_CLASS = {
        Color.web("#e69f00"), Color.web("#56b4e9"), Color.web("#009e73"), Color.web("#f0e442"),
        Color.web("#0072b2"), Color.web("#d55e00"), Color.web("#cc79a7")};

    /** Style properties of one canvas region. */
    static final class Props {
        final List<StyleableObjectProperty<Color>> classColors = new ArrayList<>();
        StyleableObjectProperty<Color> background;
        StyleableObjectProperty<Color> undecided;
        StyleableObjectProperty<Color> boundary;
        StyleableObjectProperty<Color> pointStroke;
        StyleableObjectProperty<Color> probe;
        StyleableDoubleProperty regionTint;
        StyleableDoubleProperty pointRadius;
        StyleableDoubleProperty strokeWidth;

        Color classColor(int c) {
            return classColors.get(Math.floorMod(c, CLASS_SLOTS)).get();
        }
    }

    /** Something that carries {@link Props}: the playground canvas. */
    interface HasStyle {
        Props style();
    }

    private static final List<CssMetaData<? extends Styleable, ?>> META;
    private static final List<CssMetaData<Region, Color>> CLASS_META = new ArrayList<>();
    private static final CssMetaData<Region, Color> BACKGROUND = color("-cl-background-color", p -> p.background, Color.WHITE);
    private static final CssMetaData<Region, Color> UNDECIDED = color("-cl-undecided-color", p -> p.undecided, Color.WHITE);
    private static final CssMetaData<Region, Color> BOUNDARY = color("-cl-boundary-color", p -> p.boundary, Color.BLACK);
    private static final CssMetaData<Region, Color> POINT_STROKE = color("-cl-point-stroke-color", p -> p.pointStroke, Color.BLACK);
    private static final CssMetaData<Region, Color> PROBE = color("-cl-probe-color", p -> p.probe, Color.BLACK);
    private static final CssMetaData<Region, Number> REGION_TINT = size("-cl-region-tint", p -> p.regionTint, 0.45);
    private static final CssMetaData<Region, Number> POINT_RADIUS = size("-cl-point-radius", p -> p.pointRadius, 6);
    private static final CssMetaData<Region, Number> STROKE_WIDTH = size("-cl-stroke-width", p -> p.strokeWidth, 1.5);

    static {
        for (int i = 0; i < CLASS_SLOTS; i++) {
            int c = i;
            CLASS_META.add(color("-cl-class-" + i + "-color", p -> p.classColors.get(c), DEFAULT_CLASS[i]));
        }
        List<CssMetaData<? extends Styleable, ?>> list = new ArrayList<>(Region.getClassCssMetaData());
        list.addAll(CLASS_META);
        list.addAll(List.of(BACKGROUND, UNDECIDED, BOUNDARY, POINT_STROKE, PROBE, REGION_TINT, POINT_RADIUS, STROKE_WIDTH));
        META = Collections.unmodifiableList(list);
    }

    private PlaygroundStyle() {
    }

    static List<CssMetaData<? extends Styleable, ?>> cssMetaData() {
        return META;
    }

    /** Creates the properties for {@code bean}, each calling {@code onChange} when CSS changes it. */
    static Props create(Region bean, Runnable onChange) {
        Props p = new Props();
        for (int i = 0; i < CLASS_SLOTS; i++) {
            p.classColors.add(colorProperty(CLASS_META.get(i), bean, "classColor" + i, DEFAULT_CLASS[i], onChange));
        }
        p.background = colorProperty(BACKGROUND, bean, "backgroundColor", Color.WHITE, onChange);
        p.undecided = colorProperty(UNDECIDED, bean, "undecidedColor", Color.WHITE, onChange);
        p.boundary = colorProperty(BOUNDARY, bean, "boundaryColor", Color.BLACK, onChange);
        p.pointStroke = colorProperty(POINT_STROKE, bean, "pointStrokeColor", Color.BLACK, onChange);
        p.probe = colorProperty(PROBE, bean, "probeColor", Color.BLACK, onChange);
        p.regionTint = doubleProperty(REGION_TINT, bean, "regionTint", 0.45, onChange);
        p.pointRadius = doubleProperty(POINT_RADIUS, bean, "pointRadius", 6, onChange);
        p.strokeWidth = doubleProperty(STROKE_WIDTH, bean, "strokeWidth", 1.5, onChange);
        return p;
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

    private static CssMetaData<Region, Color> color(String property, Function<Props, StyleableObjectProperty<Color>> get,
            Color initial) {
        return new CssMetaData<>(property, ColorConverter.getInstance(), initial) {
            @Override
            public boolean isSettable(Region node) {
                return !get.apply(((HasStyle) node).style()).isBound();
            }

            @Override
            public StyleableProperty<Color> getStyleableProperty(Region node) {
                return get.apply(((HasStyle) node).style());
            }
        };
    }

    private static CssMetaData<Region, Number> size(String property, Function<Props, StyleableDoubleProperty> get,
            double initial) {
        return new CssMetaData<>(property, SizeConverter.getInstance(), initial) {
            @Override
            public boolean isSettable(Region node) {
                return !get.apply(((HasStyle) node).style()).isBound();
            }

            @Override
            public StyleableProperty<Number> getStyleableProperty(Region node) {
                return get.apply(((HasStyle) node).style());
            }
        };
    }

    /** Opaque ARGB of {@code c}. */
    static int argb(Color c) {
        return 0xFF000000 | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }

    /** {@code t} of the way from {@code from} to {@code to}, as opaque ARGB. */
    static int blend(Color from, Color to, double t) {
        return argb(from.interpolate(to, Math.max(0, Math.min(1, t))));
    }
}
