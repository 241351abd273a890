package org.classifierlab.app.shell;

import java.util.function.DoublePredicate;

import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A side panel of a lesson (its control panel, a browser) that folds away behind a slim handle when the lesson is too
 * narrow for its main content beside it (a 1280 × 800 projector with the lesson list shown), and unfolds when there is
 * room again; the handle (style class {@code fold-handle}) folds and unfolds it by hand at any time, and a hand-made
 * choice stands until the window crosses the limit again. FX thread only.
 */
public final class FoldingPanel {

    /** Which edge of the lesson the panel sits on. */
    public enum Edge { LEFT, RIGHT }

    /** Key of a folding panel's properties entry that holds its slot (panel and handle). */
    private static final Object SLOT = new Object();

    private final ToggleButton handle = new ToggleButton();
    private Boolean room;

    private FoldingPanel(BorderPane host, Region panel, Edge edge, String title, String id, DoublePredicate fits) {
        Label text = new Label(title);
        text.setRotate(edge == Edge.LEFT ? 90 : -90);
        handle.setGraphic(new Group(text));
        handle.setId(id);
        handle.getStyleClass().add("fold-handle");
        handle.setMaxHeight(Double.MAX_VALUE);
        handle.setTooltip(new Tooltip("Show or hide the " + title.toLowerCase(java.util.Locale.ROOT)
                + " (it folds by itself when the window is too narrow for both)"));
        handle.setSelected(true);
        panel.visibleProperty().bind(handle.selectedProperty());
        panel.managedProperty().bind(handle.selectedProperty());
        HBox.setHgrow(panel, Priority.NEVER);
        HBox slot = edge == Edge.LEFT ? new HBox(panel, handle) : new HBox(handle, panel);
        slot.setAlignment(Pos.TOP_LEFT);
        slot.setFillHeight(true);
        slot.getStyleClass().add("fold-slot");
        panel.getProperties().put(SLOT, slot);
        if (edge == Edge.LEFT) {
            host.setLeft(slot);
        } else {
            host.setRight(slot);
        }
        host.widthProperty().addListener((o, a, w) -> {
            boolean r = fits.test(w.doubleValue());
            if (room == null || r != room) {
                room = r;
                handle.setSelected(r);
            }
        });
    }

    /**
     * Puts {@code panel} on {@code edge} of {@code host} with a fold handle titled {@code title} (id {@code id});
     * {@code fits} tells, from the host's width, whether the panel leaves the main content enough room.
     *
     * @return the handle: selected while the panel shows
     */
    public static ToggleButton install(BorderPane host, Region panel, Edge edge, String title, String id,
            DoublePredicate fits) {
        return new FoldingPanel(host, panel, edge, title, id, fits).handle;
    }

    /**
     * What shows or hides {@code node} as a whole: if it is (or lies inside) a panel installed here, that panel's slot
     * (the panel with its handle; the panel's own visibility is bound to the handle), else {@code node} itself.
     */
    public static Node outermost(Node node) {
        for (Node a = node; a != null; a = a.getParent()) {
            if (a.getProperties().get(SLOT) instanceof Node slot) {
                return slot;
            }
        }
        return node;
    }

    /** The width {@code panel} takes when unfolded. */
    public static double width(Node panel) {
        return Math.max(panel.minWidth(-1), panel.prefWidth(-1));
    }
}
