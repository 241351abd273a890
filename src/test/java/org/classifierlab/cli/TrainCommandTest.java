package org.classifierlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** {@code classifier-lab train} and {@code classifier-lab scores}. */
class TrainCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRun.execute(out, err, args);
    }

    @Test
    void scoresPrintsTheSlidesExampleTermByTerm() {
        assertThat(run("scores", "--pixels", "56,231,24,2", "--weights", "0.2,-0.5,0.1,2.0;1.5,1.3,2.1,0.0;0,0.25,0.2,-0.3",
                "--bias", "1.1,3.2,-1.2", "--names", "cat,dog,ship", "--bias-trick")).isEqualTo(0);
        // by hand: −96.8, 437.9 and 60.75 (the slide's 61.95 for ship is a slip)
        assertThat(out.toString())
                .contains("cat    0.2·56 + (−0.5)·231 + 0.1·24 + 2.0·2 + 1.1 = −96.8")
                .contains("dog    1.5·56 + 1.3·231 + 2.1·24 + 0.0·2 + 3.2 = 437.9")
                .contains("ship   0.0·56 + 0.25·231 + 0.2·24 + (−0.3)·2 + (−1.2) = 60.75")
                .contains("ship   0.0·56 + 0.25·231 + 0.2·24 + (−0.3)·2 + (−1.2)·1 = 60.75")
                .contains("highest score: dog");
    }

    @Test
    void scoresRejectsRaggedInput() {
        assertThat(run("scores", "--pixels", "1,2", "--weights", "1,2;3", "--bias", "0,0")).isEqualTo(2);
        assertThat(err.toString()).contains("--weights: row 2 has 1 entries, --pixels 2");
        assertThat(run("scores", "--pixels", "1", "--weights", "1;x", "--bias", "0,0")).isEqualTo(2);
        assertThat(err.toString()).contains("--weights: row 2, entry 1 is not a number: 'x'");
        assertThat(run("scores", "--pixels", "1", "--weights", "1;2", "--bias", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--bias gives 1 values for 2 rows");
    }

    @Test
    void trainOnTheSamplePrintsTheLossEveryHundredIterationsAndTheAccuracies(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("templates.png");
        assertThat(run("train", "--data", "sample", "--loss", "softmax", "--iters", "201", "--templates",
                png.toString())).isEqualTo(0);
        String text = out.toString();
        assertThat(text).contains("4,900 train · 100 validation · 500 test · 500 dev")
                .contains("iteration 0 / 201: loss ").contains("iteration 100 / 201: loss ")
                .contains("iteration 200 / 201: loss ").doesNotContain("iteration 300")
                .contains("training accuracy:").contains("validation accuracy:").contains("test accuracy:");
        // softmax at W ≈ 0: ln 10 = 2.303 plus reg·ΣW² = 2.5e4 · 3,073 · 10 · 1e−8 ≈ 7.7
        double first = Double.parseDouble(text.replaceAll("(?s).*iteration 0 / 201: loss ([0-9.]+).*", "$1"));
        assertThat(first).isBetween(9.5, 10.5);
        double test = Double.parseDouble(text.replaceAll("(?s).*test accuracy: +([0-9.]+).*", "$1"));
        assertThat(test).isBetween(0.2, 0.45);
        BufferedImage image = ImageIO.read(png.toFile());
        // 2 × 5 tiles of 128 px (32 px at 4×) with captions
        assertThat(image.getWidth()).isGreaterThan(5 * 128).isLessThan(5 * 128 + 200);
        assertThat(image.getHeight()).isGreaterThan(2 * 128).isLessThan(2 * 128 + 100);
    }

    @Test
    void searchPrintsTheNotebookGridWithTheBestMarked() {
        assertThat(run("train", "--data", "sample", "--loss", "softmax", "--iters", "50", "--search")).isEqualTo(0);
        String text = out.toString();
        assertThat(text).contains("softmax.ipynb grid").contains("1e-07").contains("5e-07").contains("25000")
                .contains("50000").contains("← best").contains("best validation accuracy");
        assertThat(text.lines().filter(l -> l.matches(" +[0-9.e-]+ +[0-9]+ +0\\.\\d{4} +0\\.\\d{4}.*"))).hasSize(4);
    }

    @Test
    void absurdSettingsAreRefusedNamingTheOption(@TempDir Path dir) {
        assertThat(run("train", "--data", "sample", "--lr", "-1e-7")).isEqualTo(2);
        assertThat(err.toString()).contains("--lr must be a positive finite number");
        assertThat(run("train", "--data", "sample", "--batch", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--batch must be between 1 and 100,000, not 0");
        assertThat(run("train", "--data", "sample", "--iters", "2000000000")).isEqualTo(2);
        assertThat(err.toString()).contains("--iters must be between 1 and 1,000,000");
        assertThat(run("train", "--data", "sample", "--reg", "NaN")).isEqualTo(2);
        assertThat(err.toString()).contains("--reg must be a finite number ≥ 0");
        assertThat(run("train", "--data", "sample", "--loss", "hinge2")).isEqualTo(2);
        assertThat(err.toString()).contains("--loss must be svm or softmax, not 'hinge2'");
        assertThat(run("train", "--data", dir.resolve("nothing-here").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--data: ").contains("nothing-here does not exist");
        assertThat(run("train", "--data", "sample", "--templates", dir.resolve("no/such/t.png").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--templates: the folder");
    }

    @Test
    void benchTrainPrintsARowPerLoss() {
        assertThat(run("bench", "train", "--data", "sample", "--iters", "20", "--warmup", "0", "--runs", "1",
                "--eval-runs", "1")).isEqualTo(0);
        assertThat(out.toString()).contains("train svm, 20 iters, batch 200").contains("train softmax, 20 iters")
                .contains("evaluate 4,900 rows");
    }
}
