package org.classifierlab.app.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FitAssertions.assertFullyVisible;
import static org.classifierlab.app.FitAssertions.shownScrollBars;
import static org.classifierlab.app.FxTestSupport.awaitFx;
import static org.classifierlab.app.FxTestSupport.fx;
import static org.classifierlab.app.FxTestSupport.showStudio;

import javafx.scene.control.Tab;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.classifierlab.app.shell.AppShell;
import org.classifierlab.app.shell.LessonKind;
import org.classifierlab.app.theme.Theme;

/** The same-L2 demo on a 1280 × 800 projector: the original and its three copies side by side, no sideways scroll. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ImageNeighboursFitUiTest {

    private ImageNeighboursView view;

    @Start
    void start(Stage stage) {
        AppShell shell = showStudio(stage, 1280, 800, LessonKind.IMAGE_NEIGHBOURS, Theme.PROJECTOR);
        view = ((ImageNeighboursLesson) shell.lessons().get(0)).neighboursView();
    }

    @Test
    void theBrowserFoldsOnTheProjectorAndItsHandleOpensIt() {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ToggleButton handle = (javafx.scene.control.ToggleButton) fx(() -> view.lookup("#showBrowser"));
        assertThat(fx(() -> view.browser().isVisible())).as("folded at 1280 × 800 in the projector theme").isFalse();
        assertThat(fx(() -> view.tabs().getWidth())).isGreaterThan(900);
        fx(() -> {
            handle.fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> view.browser().isVisible())).isTrue();
        assertFullyVisible(view.browser(), "the unfolded browser");
        fx(() -> {
            handle.fire();
            return null;
        });
    }

    @Test
    void theFourSameDistanceTilesFitTheTabsWidth() {
        Tab same = fx(() -> view.tabs().getTabs().stream().filter(t -> t.getText().startsWith("Same L2"))
                .findFirst().orElseThrow());
        fx(() -> {
            view.tabs().getSelectionModel().select(same);
            return null;
        });
        awaitFx(30, "the copies are made", () -> view.lookup("#distance-BOXED") != null
                && ((javafx.scene.control.Label) view.lookup("#distance-BOXED")).getText().startsWith("L2 = "));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownScrollBars(same.getContent()).stream().filter(s -> s.startsWith("HORIZONTAL"))).isEmpty();
        for (String id : new String[] {"copy-original", "copy-SHIFTED", "copy-BOXED", "copy-TINTED"}) {
            assertFullyVisible(same.getContent().lookup("#" + id), id);
        }
        assertFullyVisible(same.getContent().lookup("#distance-TINTED"), "the last copy's distance");
    }

    @Test
    void theL1AndL2RowsAreBothInViewWithTheirTenNeighbours() {
        awaitFx(60, "the neighbours are shown", () -> view.lookup("#neighboursL2") != null
                && view.lookup("#neighboursL2").lookupAll(".neighbour-tile").size() == 10
                && view.lookup("#neighboursL1").lookupAll(".neighbour-tile").size() == 10);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node pane = fx(() -> view.lookup("#neighboursPane"));
        assertThat(shownScrollBars(pane)).as("nothing in the neighbours tab scrolls").isEmpty();
        for (String row : new String[] {"#neighboursL1", "#neighboursL2"}) {
            java.util.List<javafx.scene.Node> tiles = fx(() -> java.util.List.copyOf(view.lookup(row).lookupAll(
                    ".neighbour-tile")));
            for (int i = 0; i < tiles.size(); i++) {
                assertFullyVisible(tiles.get(i), row + " tile " + (i + 1));
            }
        }
        assertFullyVisible(view.lookup("#voteL2"), "the L2 vote");
    }
}
