package org.classifierlab.app.render;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Affine;
import javafx.scene.transform.Rotate;

/**
 * A {@link Pen} that writes SVG: the charts' own drawing code, recorded as vector shapes and text (text stays text, so
 * a slide can edit and search it). Colours, line widths, dashes, caps, fonts, text alignment, save/restore, translate,
 * rotate and rectangular or path clips are kept; {@link #clearRect} clears nothing (an SVG starts empty). FX thread
 * only (it measures nothing, but reads JavaFX fonts and colours).
 */
public final class SvgPen implements Pen {

    private static final class State {
        Paint fill = Color.BLACK;
        Paint stroke = Color.BLACK;
        double lineWidth = 1;
        double[] dashes;
        StrokeLineCap cap = StrokeLineCap.SQUARE;
        StrokeLineJoin join = StrokeLineJoin.MITER;
        Font font = Font.getDefault();
        TextAlignment align = TextAlignment.LEFT;
        VPos baseline = VPos.BASELINE;
        Affine transform = new Affine();
        String clip;

        State copy() {
            State s = new State();
            s.fill = fill;
            s.stroke = stroke;
            s.lineWidth = lineWidth;
            s.dashes = dashes;
            s.cap = cap;
            s.join = join;
            s.font = font;
            s.align = align;
            s.baseline = baseline;
            s.transform = new Affine(transform);
            s.clip = clip;
            return s;
        }
    }

    private final double width;
    private final double height;
    private final StringBuilder defs = new StringBuilder();
    private final StringBuilder body = new StringBuilder();
    private final Deque<State> saved = new ArrayDeque<>();
    private State state = new State();
    private final StringBuilder path = new StringBuilder();
    private int clips;
    private final java.util.Map<Font, double[]> fontMetrics = new java.util.HashMap<>();

    /** A picture of {@code width} × {@code height} layout units (one SVG user unit each). */
    public SvgPen(double width, double height) {
        this.width = width;
        this.height = height;
    }

    /** The SVG document drawn so far. */
    public String toSvg() {
        StringBuilder s = new StringBuilder();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ')
                .append(n(height)).append("\">\n");
        if (!defs.isEmpty()) {
            s.append("<defs>\n").append(defs).append("</defs>\n");
        }
        s.append(body).append("</svg>\n");
        return s.toString();
    }

    @Override public void setFill(Paint p) { state.fill = p; }
    @Override public void setStroke(Paint p) { state.stroke = p; }
    @Override public void setLineWidth(double w) { state.lineWidth = w; }
    @Override public void setLineDashes(double... dashes) {
        state.dashes = dashes == null || dashes.length == 0 ? null : dashes.clone();
    }
    @Override public void setLineCap(StrokeLineCap cap) { state.cap = cap; }
    @Override public void setLineJoin(StrokeLineJoin join) { state.join = join; }
    @Override public void setFont(Font f) { state.font = f; }
    @Override public void setTextAlign(TextAlignment align) { state.align = align; }
    @Override public void setTextBaseline(VPos baseline) { state.baseline = baseline; }

    @Override
    public void save() {
        saved.push(state.copy());
    }

    @Override
    public void restore() {
        if (!saved.isEmpty()) {
            state = saved.pop();
        }
    }

    @Override
    public void translate(double x, double y) {
        state.transform.appendTranslation(x, y);
    }

    @Override
    public void rotate(double degrees) {
        state.transform.append(new Rotate(degrees, 0, 0));
    }

    @Override
    public void clearRect(double x, double y, double w, double h) {
        // An SVG starts transparent; nothing to clear.
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        shape("rect", "x=\"" + n(x) + "\" y=\"" + n(y) + "\" width=\"" + n(w) + "\" height=\"" + n(h) + "\"", true);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        shape("rect", "x=\"" + n(x) + "\" y=\"" + n(y) + "\" width=\"" + n(w) + "\" height=\"" + n(h) + "\"", false);
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double aw, double ah) {
        shape("rect", "x=\"" + n(x) + "\" y=\"" + n(y) + "\" width=\"" + n(w) + "\" height=\"" + n(h) + "\" rx=\""
                + n(aw / 2) + "\" ry=\"" + n(ah / 2) + "\"", true);
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double aw, double ah) {
        shape("rect", "x=\"" + n(x) + "\" y=\"" + n(y) + "\" width=\"" + n(w) + "\" height=\"" + n(h) + "\" rx=\""
                + n(aw / 2) + "\" ry=\"" + n(ah / 2) + "\"", false);
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        shape("ellipse", "cx=\"" + n(x + w / 2) + "\" cy=\"" + n(y + h / 2) + "\" rx=\"" + n(w / 2) + "\" ry=\""
                + n(h / 2) + "\"", true);
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        shape("ellipse", "cx=\"" + n(x + w / 2) + "\" cy=\"" + n(y + h / 2) + "\" rx=\"" + n(w / 2) + "\" ry=\""
                + n(h / 2) + "\"", false);
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        shape("line", "x1=\"" + n(x1) + "\" y1=\"" + n(y1) + "\" x2=\"" + n(x2) + "\" y2=\"" + n(y2) + "\"", false);
    }

    @Override
    public void fillText(String text, double x, double y) {
        text(text, x, y, -1, true);
    }

    @Override
    public void fillText(String text, double x, double y, double maxWidth) {
        text(text, x, y, maxWidth, true);
    }

    @Override
    public void strokeText(String text, double x, double y) {
        text(text, x, y, -1, false);
    }

    @Override public void beginPath() { path.setLength(0); }
    @Override public void moveTo(double x, double y) { path.append('M').append(n(x)).append(' ').append(n(y)).append(' '); }
    @Override public void lineTo(double x, double y) { path.append('L').append(n(x)).append(' ').append(n(y)).append(' '); }
    @Override public void closePath() { path.append("Z "); }

    @Override
    public void rect(double x, double y, double w, double h) {
        moveTo(x, y);
        lineTo(x + w, y);
        lineTo(x + w, y + h);
        lineTo(x, y + h);
        closePath();
    }

    @Override
    public void arc(double x, double y, double rx, double ry, double start, double length) {
        if (Math.abs(length) >= 360) {
            // A whole ellipse: two half arcs.
            double a = Math.toRadians(start);
            double sx = x + rx * Math.cos(a);
            double sy = y - ry * Math.sin(a);
            double ox = x - rx * Math.cos(a);
            double oy = y + ry * Math.sin(a);
            path.append(path.isEmpty() ? "M" : "L").append(n(sx)).append(' ').append(n(sy)).append(' ');
            path.append("A").append(n(rx)).append(' ').append(n(ry)).append(" 0 1 0 ").append(n(ox)).append(' ')
                    .append(n(oy)).append(' ');
            path.append("A").append(n(rx)).append(' ').append(n(ry)).append(" 0 1 0 ").append(n(sx)).append(' ')
                    .append(n(sy)).append(' ');
            return;
        }
        double a0 = Math.toRadians(start);
        double a1 = Math.toRadians(start + length);
        double x0 = x + rx * Math.cos(a0);
        double y0 = y - ry * Math.sin(a0);
        double x1 = x + rx * Math.cos(a1);
        double y1 = y - ry * Math.sin(a1);
        path.append(path.isEmpty() ? "M" : "L").append(n(x0)).append(' ').append(n(y0)).append(' ');
        path.append("A").append(n(rx)).append(' ').append(n(ry)).append(" 0 ").append(Math.abs(length) > 180 ? 1 : 0)
                .append(' ').append(length > 0 ? 0 : 1).append(' ').append(n(x1)).append(' ').append(n(y1))
                .append(' ');
    }

    @Override
    public void fill() {
        if (!path.isEmpty()) {
            shape("path", "d=\"" + path.toString().strip() + "\"", true);
        }
    }

    @Override
    public void stroke() {
        if (!path.isEmpty()) {
            shape("path", "d=\"" + path.toString().strip() + "\"", false);
        }
    }

    @Override
    public void clip() {
        String id = "clip" + (++clips);
        defs.append("<clipPath id=\"").append(id).append("\"><path").append(transformAttr())
                .append(" d=\"").append(path.toString().strip()).append("\"/></clipPath>\n");
        state.clip = id;
    }

    private void shape(String element, String geometry, boolean filled) {
        body.append('<').append(element).append(' ').append(geometry).append(paintAttrs(filled)).append(transformAttr())
                .append(clipAttr()).append("/>\n");
    }

    private void text(String text, double x, double y, double maxWidth, boolean filled) {
        Font f = state.font;
        String anchor = switch (state.align) {
            case CENTER -> "middle";
            case RIGHT -> "end";
            default -> "start";
        };
        // The canvas's text baselines, as an offset to the alphabetic baseline from the font's ascent and descent
        // (SVG viewers differ on dominant-baseline; an offset looks the same in all of them).
        double[] m = metrics(f);
        double shift = switch (state.baseline) {
            case TOP -> m[0];
            case CENTER -> (m[0] - m[1]) / 2;
            case BOTTOM -> -m[1];
            default -> 0;
        };
        String style = f.getStyle().toLowerCase(Locale.ROOT);
        boolean bold = style.contains("bold");
        boolean italic = style.contains("italic") || style.contains("oblique");
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y + shift)).append("\" font-family=\"")
                .append(escape(f.getFamily())).append(", sans-serif\" font-size=\"").append(n(f.getSize())).append('"')
                .append(bold ? " font-weight=\"bold\"" : "").append(italic ? " font-style=\"italic\"" : "")
                .append(" text-anchor=\"").append(anchor).append('"');
        if (maxWidth > 0) {
            TextMeter meter = new TextMeter();
            if (meter.width(text, f) > maxWidth) {
                body.append(" textLength=\"").append(n(maxWidth)).append("\" lengthAdjust=\"spacingAndGlyphs\"");
            }
        }
        body.append(paintAttrs(filled)).append(transformAttr()).append(clipAttr()).append('>').append(escape(text))
                .append("</text>\n");
    }

    /** Ascent and descent of {@code f}, as the canvas places text by them. */
    private double[] metrics(Font f) {
        return fontMetrics.computeIfAbsent(f, k -> {
            javafx.scene.text.Text t = new javafx.scene.text.Text("Hg");
            t.setFont(k);
            javafx.geometry.Bounds b = t.getLayoutBounds();
            return new double[] {-b.getMinY(), b.getMaxY()};
        });
    }

    private String paintAttrs(boolean filled) {
        StringBuilder a = new StringBuilder();
        if (filled) {
            a.append(" fill=\"").append(colour(state.fill)).append('"').append(opacity("fill-opacity", state.fill));
        } else {
            a.append(" fill=\"none\" stroke=\"").append(colour(state.stroke)).append('"')
                    .append(opacity("stroke-opacity", state.stroke)).append(" stroke-width=\"")
                    .append(n(state.lineWidth)).append('"');
            if (state.cap != StrokeLineCap.SQUARE) {
                a.append(" stroke-linecap=\"").append(state.cap == StrokeLineCap.ROUND ? "round" : "butt").append('"');
            } else {
                a.append(" stroke-linecap=\"square\"");
            }
            if (state.join != StrokeLineJoin.MITER) {
                a.append(" stroke-linejoin=\"").append(state.join == StrokeLineJoin.ROUND ? "round" : "bevel")
                        .append('"');
            }
            if (state.dashes != null) {
                a.append(" stroke-dasharray=\"");
                for (int i = 0; i < state.dashes.length; i++) {
                    a.append(i == 0 ? "" : " ").append(n(state.dashes[i]));
                }
                a.append('"');
            }
        }
        return a.toString();
    }

    private String transformAttr() {
        Affine t = state.transform;
        if (t.isIdentity()) {
            return "";
        }
        return " transform=\"matrix(" + n(t.getMxx()) + ' ' + n(t.getMyx()) + ' ' + n(t.getMxy()) + ' ' + n(t.getMyy())
                + ' ' + n(t.getTx()) + ' ' + n(t.getTy()) + ")\"";
    }

    private String clipAttr() {
        return state.clip == null ? "" : " clip-path=\"url(#" + state.clip + ")\"";
    }

    private static String colour(Paint p) {
        Color c = p instanceof Color col ? col : Color.BLACK;
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    private static String opacity(String attr, Paint p) {
        double o = p instanceof Color c ? c.getOpacity() : 1;
        return o >= 1 ? "" : " " + attr + "=\"" + n(o) + "\"";
    }

    private static String n(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return "-0".equals(s) ? "0" : s;
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n') {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }
}
