package org.classifierlab.app.render;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The marker shape of each class, so classes stay apart without colour (a grey projector, colour-blind
 * viewers). Class i uses {@code forClass(i)}. Drawing is FX thread only (it uses a GraphicsContext).
 */
public enum Marker {
    CIRCLE, SQUARE, TRIANGLE, DIAMOND, TRIANGLE_DOWN, HEXAGON, STAR;

    public static Marker forClass(int label) {
        Marker[] all = values();
        return all[Math.floorMod(label, all.length)];
    }

    /** Traces this marker's outline centred at (x, y) with radius r as the current path. */
    public void trace(GraphicsContext g, double x, double y, double r) {
        trace(Pen.of(g), x, y, r);
    }

    /** Traces this marker's outline centred at (x, y) with radius r as the current path of {@code g}. */
    public void trace(Pen g, double x, double y, double r) {
        g.beginPath();
        switch (this) {
            case CIRCLE -> g.arc(x, y, r, r, 0, 360);
            case SQUARE -> polygon(g, x, y, r * 1.2, 4, Math.PI / 4);
            case TRIANGLE -> polygon(g, x, y + r * 0.15, r * 1.35, 3, -Math.PI / 2);
            case DIAMOND -> polygon(g, x, y, r * 1.3, 4, 0);
            case TRIANGLE_DOWN -> polygon(g, x, y - r * 0.15, r * 1.35, 3, Math.PI / 2);
            case HEXAGON -> polygon(g, x, y, r * 1.12, 6, 0);
            case STAR -> star(g, x, y, r * 1.4, r * 0.62);
        }
        g.closePath();
    }

    /** Fills and strokes the marker with the context's current paints and line width. */
    public void draw(GraphicsContext g, double x, double y, double r, boolean filled) {
        draw(Pen.of(g), x, y, r, filled);
    }

    /** Fills and strokes the marker with the pen's current paints and line width. */
    public void draw(Pen g, double x, double y, double r, boolean filled) {
        trace(g, x, y, r);
        if (filled) {
            g.fill();
        }
        g.stroke();
    }

    /** A small picture of this marker filled with {@code fill} and outlined in {@code stroke}, for buttons. */
    public Canvas icon(Color fill, Color stroke) {
        double size = 14;
        Canvas icon = new Canvas(size + 4, size + 4);
        GraphicsContext g = icon.getGraphicsContext2D();
        g.setFill(fill);
        g.setStroke(stroke);
        g.setLineWidth(1);
        draw(g, (size + 4) / 2, (size + 4) / 2, size / 2.6, true);
        return icon;
    }

    private static void polygon(Pen g, double x, double y, double r, int sides, double phase) {
        for (int i = 0; i < sides; i++) {
            double a = phase + 2 * Math.PI * i / sides;
            double px = x + r * Math.cos(a);
            double py = y + r * Math.sin(a);
            if (i == 0) {
                g.moveTo(px, py);
            } else {
                g.lineTo(px, py);
            }
        }
    }

    private static void star(Pen g, double x, double y, double outer, double inner) {
        for (int i = 0; i < 10; i++) {
            double a = -Math.PI / 2 + Math.PI * i / 5;
            double r = i % 2 == 0 ? outer : inner;
            double px = x + r * Math.cos(a);
            double py = y + r * Math.sin(a);
            if (i == 0) {
                g.moveTo(px, py);
            } else {
                g.lineTo(px, py);
            }
        }
    }
}
