package org.classifierlab.app.shell;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Circle;

/**
 * A laser-pointer-like highlight of the mouse for lectures: a translucent red dot with a glow, drawn on a layer over
 * the whole window that takes no mouse events (every click and drag still reaches the lessons). It follows the mouse
 * while {@link #enabledProperty() enabled} and disappears when the mouse leaves the window. FX thread only.
 */
public final class LaserPointer {

    /** Radius of the glow in px; the bright core is about a quarter of it. */
    static final double RADIUS = 24;

    private final Pane layer = new Pane();
    private final Circle dot = new Circle(RADIUS);
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", false);
    private boolean inside;

    public LaserPointer() {
        layer.setId("laserPointer");
        layer.getStyleClass().add("laser-pointer");
        layer.setMouseTransparent(true);
        layer.setPickOnBounds(false);
        dot.setId("laserDot");
        dot.setFill(new RadialGradient(0, 0, 0.5, 0.5, 0.5, true, CycleMethod.NO_CYCLE,
                new Stop(0, Color.rgb(255, 60, 60, 1)), new Stop(0.22, Color.rgb(255, 0, 0, 0.9)),
                new Stop(0.5, Color.rgb(255, 0, 0, 0.35)), new Stop(1, Color.rgb(255, 0, 0, 0))));
        dot.setMouseTransparent(true);
        dot.setManaged(false);
        dot.setVisible(false);
        layer.getChildren().add(dot);
        enabled.addListener((o, was, on) -> dot.setVisible(on && inside));
    }

    /** The layer to stack over the window's content. */
    public Node node() {
        return layer;
    }

    /** Follows the mouse over {@code source} (the window's root) without consuming any event. */
    void attach(Node source) {
        source.addEventFilter(MouseEvent.MOUSE_MOVED, this::follow);
        source.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::follow);
        source.addEventFilter(MouseEvent.MOUSE_ENTERED, this::follow);
        source.addEventFilter(MouseEvent.MOUSE_EXITED, e -> {
            if (e.getTarget() == source) {
                inside = false;
                dot.setVisible(false);
            }
        });
    }

    private void follow(MouseEvent e) {
        inside = true;
        moveTo(layer.sceneToLocal(e.getSceneX(), e.getSceneY()));
    }

    private void moveTo(Point2D p) {
        if (p == null) {
            return;
        }
        dot.setCenterX(p.getX());
        dot.setCenterY(p.getY());
        dot.setVisible(enabled.get());
    }

    /** Whether the highlight follows the mouse (View ▸ Laser pointer, F8; on while presenting). */
    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** Whether the dot is on screen now. */
    public boolean isShowing() {
        return dot.isVisible();
    }

    /** Where the dot's centre is, in scene coordinates. */
    public Point2D position() {
        return dot.localToScene(dot.getCenterX(), dot.getCenterY());
    }
}
