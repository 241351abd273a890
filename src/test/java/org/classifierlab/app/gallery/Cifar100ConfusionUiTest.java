package org.classifierlab.app.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.app.FxTestSupport.awaitFx;
import static org.classifierlab.app.FxTestSupport.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import org.classifierlab.app.shell.AppContext;
import org.classifierlab.app.shell.JobStatus;
import org.classifierlab.app.theme.Theme;
import org.classifierlab.core.data.Cifar100Labels;
import org.classifierlab.core.data.Dataset;
import org.classifierlab.core.data.DatasetFormat;
import org.classifierlab.core.data.ImageDataset;
import org.classifierlab.core.knn.ConfusionMatrix;

/** With CIFAR-100's 100 fine classes the test-set confusion matrix is per superclass (20 × 20). */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class Cifar100ConfusionUiTest {

    private CrossValidationPanel panel;
    private Dataset data;

    private static ImageDataset random(String name, int n, long seed, List<String> names) {
        Random r = new Random(seed);
        byte[] px = new byte[n * 3 * 8 * 8];
        r.nextBytes(px);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(100);
        }
        return new ImageDataset(name, 3, 8, 8, px, labels, names, "random");
    }

    @Start
    void start(Stage stage) {
        List<String> fine = new ArrayList<>();
        for (int c = 0; c < 100; c++) {
            fine.add("fine" + c);
        }
        data = new Dataset("CIFAR-100", random("train", 400, 1, fine), random("test", 120, 2, fine),
                DatasetFormat.CIFAR100_BINARY, "random 8×8 images");
        panel = new CrossValidationPanel(new AppContext(new JobStatus()));
        Scene scene = new Scene(panel, 1260, 790);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        panel.setDataset(data);
    }

    @Test
    void theConfusionMatrixCountsSuperclasses() {
        fx(() -> {
            ((Button) panel.lookup("#cvEvaluate")).fire();
            return null;
        });
        awaitFx(60, "no test predictions", () -> panel.predictionsProperty().get() != null);
        int[] predicted = fx(() -> panel.predictionsProperty().get().predicted());
        int[] coarsePredicted = new int[predicted.length];
        for (int i = 0; i < predicted.length; i++) {
            coarsePredicted[i] = predicted[i] < 0 ? -1 : Cifar100Labels.coarseOf(predicted[i]);
        }
        ConfusionMatrix expected = ConfusionMatrix.of(Cifar100Labels.coarseOf(data.test().labels()), coarsePredicted, 20);
        ConfusionMatrix shown = fx(() -> panel.confusionMatrixProperty().get());
        assertThat(shown.classCount()).isEqualTo(20);
        assertThat(shown).isEqualTo(expected);
        assertThat(fx(() -> ((Label) panel.lookup("#confusion-4-4")).getText()))
                .isEqualTo(Integer.toString(expected.count(4, 4)));
        assertThat(fx(() -> ((Label) panel.lookup("#cvConfusionTitle")).getText())).contains("by superclass");
    }
}
