package org.classifierlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FxTestSupport.fx;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;

/**
 * What "fits one screen" means in the layout tests: no scroll pane inside a lesson shows a scroll bar (control panels,
 * which may scroll down, excepted: never sideways), and key nodes lie wholly inside the window and inside every
 * scroll pane's viewport that holds them. Called from the test thread.
 */
public final class FitAssertions {

    private FitAssertions() {
    }

    /** The scroll bars shown by scroll panes under {@code root}, described for a failure message. */
    public static List<String> shownScrollBars(Node root) {
        return fx(() -> {
            List<String> shown = new ArrayList<>();
            for (Node n : root.lookupAll(".scroll-bar")) {
                if (n instanceof ScrollBar bar && bar.getParent() instanceof ScrollPane pane && showing(bar)) {
                    boolean controlPanel = pane.getStyleClass().contains("control-panel-scroll");
                    if (bar.getOrientation() == Orientation.HORIZONTAL || !controlPanel) {
                        shown.add(bar.getOrientation() + " bar of " + pane.getStyleClass() + " id=" + pane.getId()
                                + " content " + pane.getContent().getLayoutBounds() + " in viewport "
                                + pane.getViewportBounds());
                    }
                }
            }
            return shown;
        });
    }

    private static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Asserts that {@code node} is shown and lies wholly within the scene and the viewports of its scroll panes. */
    public static void assertFullyVisible(Node node, String what) {
        fx(() -> {
            assertThat(showing(node)).as(what + " is shown").isTrue();
            Scene scene = node.getScene();
            Bounds b = node.localToScene(node.getLayoutBounds());
            assertThat(b.getMinX()).as(what + " left edge " + b).isGreaterThanOrEqualTo(-0.5);
            assertThat(b.getMinY()).as(what + " top edge " + b).isGreaterThanOrEqualTo(-0.5);
            assertThat(b.getMaxX()).as(what + " right edge " + b).isLessThanOrEqualTo(scene.getWidth() + 0.5);
            assertThat(b.getMaxY()).as(what + " bottom edge " + b).isLessThanOrEqualTo(scene.getHeight() + 0.5);
            for (Node p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane pane) {
                    Bounds port = pane.localToScene(pane.getLayoutBounds());
                    assertThat(b.getMinY()).as(what + " inside " + pane.getStyleClass()).isGreaterThanOrEqualTo(
                            port.getMinY() - 0.5);
                    assertThat(b.getMaxY()).as(what + " inside " + pane.getStyleClass()).isLessThanOrEqualTo(
                            port.getMaxY() + 0.5);
                    assertThat(b.getMaxX()).as(what + " inside " + pane.getStyleClass()).isLessThanOrEqualTo(
                            port.getMaxX() + 0.5);
                }
            }
            return null;
        });
    }
}
