package org.classifierlab.app.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import javafx.css.CssMetaData;
import javafx.css.FontCssMetaData;
import javafx.css.SimpleStyleableDoubleProperty;
import javafx.css.SimpleStyleableObjectProperty;
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

    private ChartCss() {
    }

    /** A colour property {@code property} (e.g. {@code -cl-axis-color}) of nodes of type N. */
    public static <N extends Styleable> CssMetaData<N, Color> color(String property, Color initial,
            Function<N, StyleableObjectProperty<Color>> get) {
        return new CssMetaData<>(property, ColorConverter.getInstance(), initial) {
            @Override
            public boolean isSettable(N node) {
                return !get.apply(node).isBound();
            }

            @Override
            public StyleableProperty<Color> getStyleableProperty(N node) {
                return get.apply(node);
            }
        };
    }

    /** A size property {@code property} (e.g. {@code -cl-stroke-width}) of nodes of type N. */
    public static <N extends Styleable> CssMetaData<N, Number> size(String property, double initial,
            Function<N, StyleableDoubleProperty> get) {
        return new CssMetaData<>(property, SizeConverter.getInstance(), initial) {
            @Override
            public boolean isSettable(N node) {
                return !get.apply(node).isBound();
            }

            @Override
            public StyleableProperty<Number> getStyleableProperty(N node) {
                return get.apply(node);
            }
        };
    }

    /** The inherited {@code -fx-font} of nodes of type N (follows the root's {@code -fx-font-size}). */
    public static <N extends Styleable> CssMetaData<N, Font> font(Function<N, StyleableObjectProperty<Font>> get) {
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
        StyleableObjectProperty<T> p =
                new SimpleStyleableObjectProperty<>(meta, bean, name, meta.getInitialValue(null));
        p.addListener((o, old, now) -> onChange.run());
        return p;
    }

    /** The size property for {@code meta} on {@code bean}, from its initial value, calling {@code onChange}. */
    public static StyleableDoubleProperty sizeProperty(CssMetaData<? extends Styleable, Number> meta, Object bean,
            String name, Runnable onChange) {
        StyleableDoubleProperty p = new SimpleStyleableDoubleProperty(meta, bean, name,
                meta.getInitialValue(null).doubleValue());
        p.addListener((o, old, now) -> onChange.run());
        return p;
    }

    /** {@code inherited} followed by {@code own}, unmodifiable: what {@code getCssMetaData()} returns. */
    public static List<CssMetaData<? extends Styleable, ?>> list(List<CssMetaData<? extends Styleable, ?>> inherited,
            CssMetaData<?, ?>... own) {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(inherited);
        for (CssMetaData<?, ?> m : own) {
            all.add(m);
        }
        return Collections.unmodifiableList(all);
    }
}
