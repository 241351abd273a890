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
                d.train().rows(), DistanceEngine.Options.of(10, m));
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

    private static java.nio.file.Path writeTestImageTwiceAsLarge(Dataset d, int i, java.nio.file.Path dir) throws Exception {
        int[] argb = d.test().argb(i);
        int w = d.test().width();
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(2 * w, 2 * w, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2 * w; y++) {
            for (int x = 0; x < 2 * w; x++) {
                img.setRGB(x, y, argb[(y / 2) * w + x / 2]);
            }
        }
        java.nio.file.Path file = dir.resolve("my-picture.png");
        javax.imageio.ImageIO.write(img, "png", file.toFile());
        return file;
    }

    @Test
    void yourOwnImageIsReducedAndQueriedLikeATestImage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Dataset d = dataset();
        java.nio.file.Path file = writeTestImageTwiceAsLarge(d, 5, dir);
        fx(() -> lesson.openImageFile(file)).get(20, java.util.concurrent.TimeUnit.SECONDS);
        awaitFx(20, "the picture's neighbours are shown", () -> vm.resultProperty().get() != null
                && vm.resultProperty().get().query().source() == Query.Source.FILE);
        // 2 × 2 averaging of a picture made by doubling test image 5 gives test image 5 back, so the same neighbours.
        assertThat(fx(() -> vm.resultProperty().get().tables().get(Metric.L2)).indices())
                .startsWith(direct(d, 5, Metric.L2).indices());
        assertThat(fx(() -> ((Label) view.lookup("#queryName")).getText())).isEqualTo("my-picture.png");
        assertThat(fx(() -> ((javafx.scene.image.ImageView) view.lookup("#originalImage")).getImage())).isNotNull();
    }

    @Test
    void aFileThatIsNoImageGivesAMessageAndKeepsTheQuery(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path bad = java.nio.file.Files.writeString(dir.resolve("notes.png"), "these are my lecture notes");
        var done = fx(() -> lesson.openImageFile(bad));
        try {
            done.get(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException expected) {
            assertThat(expected.getCause().getMessage()).contains("notes.png");
        }
        assertThat(done.isCompletedExceptionally()).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane dialog = robot.lookup("#errorDialog").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(dialog.getContentText()).contains("notes.png");
        assertThat(fx(() -> vm.queryProperty().get().name())).isEqualTo("test #0");
        fx(() -> {
            ((javafx.stage.Stage) dialog.getScene().getWindow()).close();
            return null;
        });
    }

    @Test
    void theSheetExportWritesAPngOfTheSheetsSize(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        NeighbourSheetPanel sheet = fx(() -> lesson.sheetPanel());
        awaitFx(30, "the sheet is drawn", () -> sheet.sheet() != null);
        var layout = fx(() -> sheet.sheet().layout());
        java.nio.file.Path file = dir.resolve("sheet.png");
        fx(() -> sheet.exportPng(file)).get(20, java.util.concurrent.TimeUnit.SECONDS);
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(file.toFile());
        // Ten rows of 32 px CIFAR images at scale 4, each followed by its 10 nearest training images.
        assertThat(layout.rows()).isEqualTo(10);
        assertThat(png.getWidth()).isEqualTo(layout.width());
        assertThat(png.getHeight()).isEqualTo(layout.height());
        assertThat(png.getWidth()).isGreaterThanOrEqualTo(11 * 32 * 4);
    }
}
