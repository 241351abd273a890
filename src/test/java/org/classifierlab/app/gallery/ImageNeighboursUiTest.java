package org.classifierlab.app.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FxTestSupport.awaitFx;
import static org.classifierlab.app.FxTestSupport.fx;
import static org.classifierlab.app.FxTestSupport.showStudio;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import org.classifierlab.app.FxTestSupport;
import org.classifierlab.app.shell.AppShell;
import org.classifierlab.app.shell.LessonKind;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.knn.ByteMatrix;
import org.classifierlab.core.knn.DistanceEngine;
import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.NeighbourTable;

/** What a student sees in the "Nearest neighbours on images" lesson on the bundled sample, through the real window. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ImageNeighboursUiTest {

    private ImageNeighboursLesson lesson;
    private ImageNeighboursView view;
    private ImageNeighboursViewModel vm;
    private FxTestSupport.FxErrors errors;

    @Start
    void start(Stage stage) {
        errors = FxTestSupport.recordFxErrors();
        AppShell shell = showStudio(stage, 1280, 800, LessonKind.IMAGE_NEIGHBOURS);
        lesson = (ImageNeighboursLesson) shell.lessons().get(0);
        view = lesson.neighboursView();
        vm = lesson.viewModel();
    }

    @BeforeEach
    void waitForNeighbours() {
        awaitFx(30, "the sample's first query shows its neighbours", () -> vm.resultProperty().get() != null
                && view.rowOf(Metric.L2).tiles().getChildren().size() == 10);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @org.junit.jupiter.api.AfterEach
    void stopRecording() {
        errors.close();
    }

    private Dataset dataset() {
        return fx(() -> vm.datasetProperty().get());
    }

    private static NeighbourTable direct(Dataset d, int test, Metric m) {
        byte[] row = Query.test(d, test).pixels();
        return DistanceEngine.nearest(new ByteMatrix(row, 1, row.length),
                new ByteMatrix(d.train().pixelsShared(), d.train().size(), d.train().dim()), DistanceEngine.Options.of(10, m));
    }

    private static String tileText(Node tile, int child) {
        return ((Label) ((VBox) tile).getChildren().get(child)).getText();
    }

    @Test
    void theQueryShowsItsTenNearestImagesWithTheDistancesCoreComputesUnderL1AndL2() {
        Dataset d = dataset();
        for (Metric m : new Metric[] {Metric.L1, Metric.L2}) {
            NeighbourTable expected = direct(d, 0, m);
            var tiles = fx(() -> java.util.List.copyOf(view.rowOf(m).tiles().getChildren()));
            for (int j = 0; j < 10; j++) {
                assertThat(tiles.get(j).getUserData()).as("%s rank %d", m, j + 1).isEqualTo(expected.index(0, j));
                assertThat(tileText(tiles.get(j), 3)).isEqualTo(NeighbourRow.shortDistance(m, expected.distance(0, j)));
                assertThat(tileText(tiles.get(j), 2)).isEqualTo(d.train().classNames().get(d.train().label(expected.index(0, j))));
            }
        }
        assertThat(fx(() -> ((Label) view.lookup("#queryName")).getText())).isEqualTo("test #0");
        if (System.getProperty("shot") != null) {
            WaitForAsyncUtils.sleep(2, java.util.concurrent.TimeUnit.SECONDS);
            fx(() -> {
                for (Node t : view.rowOf(Metric.L2).tiles().getChildren()) {
                    System.out.println("TILE " + t.getLayoutX() + " " + t.getBoundsInParent());
                }
                for (javafx.scene.Parent p = ((Label) view.lookup("#voteL2")).getParent(); p != null; p = p.getParent()) {
                    System.out.println("UP " + p.getClass().getSimpleName() + " " + p.getStyleClass() + " " + p.isNeedsLayout());
                }
                System.out.println("VOTE " + ((Label) view.lookup("#voteL2")).getText() + " needsLayout " + view.isNeedsLayout());
                var img = org.classifierlab.app.render.LessonPicture.snapshot(view);
                org.classifierlab.app.render.LessonPicture.writePng(img, java.nio.file.Path.of("/tmp/uitest.png")).join();
                return null;
            });
        }
        assertThat(fx(() -> ((Label) view.lookup("#voteL2")).getText())).startsWith("K = 1: ");
        assertThat(errors.list()).isEmpty();
    }

    @Test
    void l1AndL2RowsDifferWhereCoreSaysTheyDo() {
        Dataset d = dataset();
        NeighbourTable l1 = direct(d, 0, Metric.L1);
        NeighbourTable l2 = direct(d, 0, Metric.L2);
        var shownL1 = fx(() -> view.rowOf(Metric.L1).tiles().getChildren().stream().map(Node::getUserData).toList());
        var shownL2 = fx(() -> view.rowOf(Metric.L2).tiles().getChildren().stream().map(Node::getUserData).toList());
        for (int j = 0; j < 10; j++) {
            assertThat(shownL1.get(j).equals(shownL2.get(j))).isEqualTo(l1.index(0, j) == l2.index(0, j));
        }
        assertThat(shownL1).isNotEqualTo(shownL2);
    }

    @Test
    void clickingAThumbnailQueriesItAndClickingANeighbourQueriesThatTrainingImage(FxRobot robot) {
        ThumbnailGrid grid = fx(() -> view.browser().grid());
        javafx.geometry.Point2D at = fx(() -> grid.localToScreen(grid.positionOf(3).add(10, 10)));
        robot.clickOn(at);
        awaitFx(20, "test #3 becomes the query", () -> vm.resultProperty().get() != null
                && vm.resultProperty().get().query().name().equals("test #3"));
        awaitFx(10, "its row is shown", () -> ((Label) view.lookup("#queryName")).getText().equals("test #3"));
        Node neighbour = fx(() -> view.rowOf(Metric.L2).tiles().getChildren().get(0));
        int train = (Integer) neighbour.getUserData();
        robot.clickOn(neighbour);
        awaitFx(20, "the neighbour becomes the query", () -> vm.resultProperty().get().query().name()
                .equals("training #" + train));
        var shown = fx(() -> view.rowOf(Metric.L2).tiles().getChildren().stream().map(Node::getUserData).toList());
        assertThat(shown).doesNotContain(train);
        robot.clickOn("#queryBack");
        awaitFx(10, "back to test #3", () -> vm.queryProperty().get().name().equals("test #3"));
        assertThat(errors.list()).isEmpty();
    }

    @Test
    void aTrueClassFilterNarrowsTheGrid(FxRobot robot) {
        assertThat(fx(() -> view.browser().shown().size())).isEqualTo(500);
        fx(() -> {
            @SuppressWarnings("unchecked")
            var box = (javafx.scene.control.ComboBox<Integer>) view.lookup("#filterTrueClass");
            box.setValue(3);
            return null;
        });
        Dataset d = dataset();
        var shown = fx(() -> view.browser().shown());
        long cats = java.util.stream.IntStream.range(0, 500).filter(i -> d.test().label(i) == 3).count();
        assertThat(shown).hasSize((int) cats).allMatch(i -> d.test().label(i) == 3);
        assertThat(fx(() -> ((Label) view.lookup("#browserCount")).getText()))
                .isEqualTo("Showing " + cats + " of 500 test images");
    }

    @Test
    void theMisclassifiedFilterKeepsExactlyTheImagesThe1nnGetsWrong() {
        fx(() -> {
            @SuppressWarnings("unchecked")
            var box = (javafx.scene.control.ComboBox<QueryBrowser.Status>) view.lookup("#filterStatus");
            box.setValue(QueryBrowser.Status.CORRECT);
            return null;
        });
        // The sample's published figure: L2 1-NN gets 137 of the 500 test images right.
        awaitFx(60, "the test images are classified", () -> view.browser().shown().size() == 137);
        assertThat(fx(() -> ((Label) view.lookup("#browserCount")).getText())).isEqualTo("Showing 137 of 500 test images");
    }
}
