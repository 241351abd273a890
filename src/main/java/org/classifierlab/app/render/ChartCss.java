package org.classifierlab.app.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import javafx.beans.property.Property;
import javafx.css.CssMetaData;
import javafx.css.FontCssMetaData;
import javafx.css.SimpleStyleableDoubleProperty;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.ColorConverter;
import javafx.css.converter.SizeConverter;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The CSS-settable colours, sizes and font of a canvas-drawn chart: declare each as a {@link CssMetaData}
 * once per class, create its property per instance with a repaint callback, and list them in
 * {@code getCssMetaData()}. The font is the inherited {@code -fx-font}, so a theme's root font size (the
 * projector's large type) reaches canvas text. FX thread only.
 */
public final class ChartCss {

    /** Number of class colours, {@code -cl-class-0-color} … {@code -cl-class-6-color} (the Okabe–Ito palette). */
    public static final int CLASS_SLOTS = 7;
    private static final Color[] CLASS_DEFAULTS = {
        Color.web("#e69f00"), Color.web("#56b4e9"), Color.web("#009e73"), Color.web("#f0e442"),
        Color.web("#0072b2"), Color.web("#d55e00"), Color.web("#cc79a7")};

    private ChartCss() {
    }

    /** A colour property {@code property} (e.g. {@code -cl-axis-color}) of nodes of type N. */
    public static <N extends Styleable> CssMetaData<N, Color> color(String property, Color initial,
            Function<N, StyleableObjectProperty<Color>> get) {
        return meta(property, ColorConverter.getInstance(), initial, get);
    }

    /** A size property {@code property} (e.g. {@code -cl-stroke-width}) of nodes of type N. */
    public static <N extends Styleable> CssMetaData<N, Number> size(String property, double initial,
            Function<N, StyleableDoubleProperty> get) {
        return meta(property, SizeConverter.getInstance(), initial, get);
    }

    /**
     * The class colours {@code -cl-class-0-color} … of nodes of type N, one per slot, starting at the palette;
     * {@code get} gives a node's property for a slot.
     */
    public static <N extends Styleable> List<CssMetaData<N, Color>> classColors(
            BiFunction<N, Integer, StyleableObjectProperty<Color>> get) {
        List<CssMetaData<N, Color>> all = new ArrayList<>();
        for (int i = 0; i < CLASS_SLOTS; i++) {
            int slot = i;
            all.add(color("-cl-class-" + i + "-color", CLASS_DEFAULTS[i], n -> get.apply(n, slot)));
        }
        return Collections.unmodifiableList(all);
    }

    /** The inherited {@code -fx-font} of nodes of type N (follows the root's {@code -fx-font-size}). */
    public static <N extends Styleable> CssMetaData<N, Font> font(Function<N, StyleableObjectProperty<Font>> get) {
        // FontCssMetaData, not a plain CssMetaData: it brings the -fx-font-size/-family sub-properties.
        return new FontCssMetaData<>("-fx-font", Font.getDefault()) {
            @Override
            public boolean isSettable(N node) {
                return !get.apply(node).isBound();
            }

            @Override
            public StyleableProperty<Font> getStyleableProperty(N node) {
                return get.apply(node);
            }
        };
    }

    /** The property for {@code meta} on {@code bean}, starting at its initial value, calling {@code onChange}. */
    public static <T> StyleableObjectProperty<T> property(CssMetaData<? extends Styleable, T> meta, Object bean,
            String name, Runnable onChange) {
        return onChange(new SimpleStyleableObjectProperty<>(meta, bean, name, meta.getInitialValue(null)), onChange);
    }

    /** The size property for {@code meta} on {@code bean}, from its initial value, calling {@code onChange}. */
    public static StyleableDoubleProperty sizeProperty(CssMetaData<? extends Styleable, Number> meta, Object bean,
            String name, Runnable onChange) {
        return onChange(new SimpleStyleableDoubleProperty(meta, bean, name, meta.getInitialValue(null).doubleValue()),
                onChange);
    }

    /** {@code inherited} followed by {@code own}, unmodifiable: what {@code getCssMetaData()} returns. */
    public static List<CssMetaData<? extends Styleable, ?>> list(List<CssMetaData<? extends Styleable, ?>> inherited,
            CssMetaData<?, ?>... own) {
        return list(inherited, List.of(), own);
    }

    /** {@code inherited}, then {@code group} (e.g. the class colours), then {@code own}, unmodifiable. */
    public static List<CssMetaData<? extends Styleable, ?>> list(List<CssMetaData<? extends Styleable, ?>> inherited,
            List<? extends CssMetaData<?, ?>> group, CssMetaData<?, ?>... own) {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(inherited);
        all.addAll(group);
        for (CssMetaData<?, ?> m : own) {
            all.add(m);
        }
        return Collections.unmodifiableList(all);
    }

    private static <N extends Styleable, V, P extends Property<V> & StyleableProperty<V>> CssMetaData<N, V> meta(
            String property, StyleConverter<?, V> converter, V initial, Function<N, P> get) {
        return new CssMetaData<>(property, converter, initial) {
            @Override
            public boolean isSettable(N node) {
                return !get.apply(node).isBound();
            }

            @Override
            public StyleableProperty<V> getStyleableProperty(N node) {
                return get.apply(node);
            }
        };
    }

    private static <P extends Property<?>> P onChange(P property, Runnable onChange) {
        property.addListener((o, old, now) -> onChange.run());
        return property;
    }
}
