package org.classifierlab.app.render;

import java.util.List;
import java.util.function.IntToDoubleFunction;

import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;

/**
 * A lesson's view of the 2D plane: the decision-region image (filled by a worker) at the bottom, the
 * subclass's canvas layers above it, colours and sizes from a {@link CanvasStyle}. Subclasses map world
 * coordinates (y up) to local ones and lay out their layers. FX thread only.
 */
public abstract class PlaneCanvas extends Region implements CanvasStyle.Owner {

    private final ImageView regions = new ImageView();
    private final CanvasStyle style;
    private Runnable onGeometryChanged = () -> { };
    private Runnable onStyleChanged = () -> { };

    /** A plane with style class {@code styleClass} and id {@code id}; its region image gets id {@code regionsId}. */
    protected PlaneCanvas(String styleClass, String id, String regionsId) {
        getStyleClass().add(styleClass);
        setId(id);
        style = new CanvasStyle(this, () -> onStyleChanged.run());
        regions.setSmooth(false);
        regions.setPreserveRatio(false);
        regions.setId(regionsId);
        setFocusTraversable(true);
        // A window moved to a screen of another scale needs a region image of another size.
        sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o2, oldW, window) -> {
                    if (window != null) {
                        window.renderScaleXProperty().addListener((o3, a, b) -> onGeometryChanged.run());
                    }
                });
            }
        });
    }

    @Override
    public CanvasStyle style() {
        return style;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CanvasStyle.cssMetaData();
    }

    /** Runs {@code r} when the size, the view or the screen scale changes (the region image must follow). */
    public void setOnGeometryChanged(Runnable r) {
        onGeometryChanged = r;
    }

    /** Runs {@code r} when CSS changes a colour or size of the style (a theme switch). */
    public void setOnStyleChanged(Runnable r) {
        onStyleChanged = r;
    }

    /** The bottom layer: the decision-region image, {@link #deviceWidth()} × {@link #deviceHeight()} pixels. */
    public ImageView regionsView() {
        return regions;
    }

    /** Device pixels per layout unit (2 on a HiDPI screen). */
    public double renderScale() {
        if (getScene() != null && getScene().getWindow() != null) {
            return Math.max(1, getScene().getWindow().getRenderScaleX());
        }
        return 1;
    }

    /** Width of the region image in device pixels. */
    public int deviceWidth() {
        return Math.max(1, (int) Math.ceil(getWidth() * renderScale() - 1e-9));
    }

    /** Height of the region image in device pixels. */
    public int deviceHeight() {
        return Math.max(1, (int) Math.ceil(getHeight() * renderScale() - 1e-9));
    }

    /** Local x of world x. */
    public abstract double toLocalX(double wx);

    /** Local y of world y (world y grows upwards). */
    public abstract double toLocalY(double wy);

    /** World position of local point (lx, ly). */
    public abstract Point2D toWorld(double lx, double ly);

    /** World position of a local point, clamped to the visible canvas (a drag outside never escapes). */
    public Point2D toWorldClamped(double lx, double ly) {
        return toWorld(Math.max(0, Math.min(getWidth(), lx)), Math.max(0, Math.min(getHeight(), ly)));
    }

    /** Scene coordinates of world position (wx, wy) (for scripted input in tests and benchmarks). */
    public Point2D worldToScene(double wx, double wy) {
        return localToScene(toLocalX(wx), toLocalY(wy));
    }

    /** Tells the owner that the geometry changed (subclasses call it after a resize, zoom or fit). */
    protected void geometryChanged() {
        onGeometryChanged.run();
    }

    /**
     * Index of the one of {@code count} world positions ({@code worldX(i)}, {@code worldY(i)}) nearest to local
     * point (lx, ly) within {@code radius} layout units, or -1; of equal distances the last (drawn on top) wins.
     */
    protected int nearest(int count, IntToDoubleFunction worldX, IntToDoubleFunction worldY, double lx, double ly,
            double radius) {
        double best = radius * radius;
        int index = -1;
        for (int i = count - 1; i >= 0; i--) {
            double dx = toLocalX(worldX.applyAsDouble(i)) - lx;
            double dy = toLocalY(worldY.applyAsDouble(i)) - ly;
            double d = dx * dx + dy * dy;
            if (d < best) {
                best = d;
                index = i;
            }
        }
        return index;
    }

    /** The dashed ring around the selected point at local (x, y), whose marker has radius {@code r}. */
    protected void drawSelectionRing(GraphicsContext g, double x, double y, double r) {
        g.setStroke(style.probe());
        g.setLineWidth(style.strokeWidth() * 1.2);
        g.setLineDashes(4, 3);
        g.strokeOval(x - r * 2.1, y - r * 2.1, r * 4.2, r * 4.2);
        g.setLineDashes((double[]) null);
    }
}
