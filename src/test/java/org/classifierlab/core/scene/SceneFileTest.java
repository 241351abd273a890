package org.classifierlab.core.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.classifierlab.core.knn.Metric;
import org.classifierlab.core.knn.TieRule;
import org.classifierlab.core.linear.HingeLoss;
import org.classifierlab.core.linear.LossFormulation;
import org.classifierlab.core.linear.image.ImageLoss;
import org.classifierlab.core.playground.Distribution;

/** Scene files: every lesson round-trips, version 1 migrates, bad files are refused naming file and field. */
class SceneFileTest {

    static KnnPlaygroundState playground(int k) {
        return new KnnPlaygroundState(List.of(new ScenePoint(0.25, -0.5, 0, false), new ScenePoint(-0.125, 0.75, 1, true),
                new ScenePoint(0.1, 0.2, 2, false)), 3, Distribution.SPIRALS, 3, 40, 0.35, -77L, 0.25, k, Metric.L1,
                TieRule.NEAREST_TIED_CLASS, 4, true, false, false, 2);
    }

    static Linear2dState linear() {
        return new Linear2dState(List.of(new ScenePoint(0.5, 0.4, 0, false), new ScenePoint(-0.4, 0.3, 1, false)), 2,
                new double[][] {{1, 2}, {2, -4}}, new double[] {0, 0.5}, 0.01, 0.3, LossFormulation.SOFTMAX, 25, 1,
                true, true, "historyTab");
    }

    static LossExplorerState loss() {
        List<String> c = List.of("cat", "car", "frog");
        return new LossExplorerState(List.of(new LossExplorerState.Example("1", c, new double[] {3.2, 5.1, -1.7}, 0),
                new LossExplorerState.Example("2", c, new double[] {1.3, 4.9, 2.0}, 1)), -1,
                new LossExplorerState.Example("all equal", c, new double[] {0, 0, 0}, 2),
                new HingeLoss.Options(2.5, true, false, true), 2);
    }

    static ImageNeighboursState neighbours() {
        return new ImageNeighboursState(ImageNeighboursState.QuerySource.TRAIN, 42, null, 7, 12, true,
                TieRule.DISTANCE_WEIGHTED, "L1", "tabPixelDistance");
    }

    static ImageLinearState imageLinear() {
        float[] w = new float[10 * 3073];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.sin(i) * 1e-3f;
        }
        w[5] = Float.MIN_VALUE;
        w[6] = -0f;
        var svm = new ImageLinearState.Trained(ImageLoss.SVM, 10, 3073, true, w, new float[10],
                new double[] {9.01, 5.5, 3.25}, 0.31, Double.NaN, "initial W");
        return new ImageLinearState("BOTH", true, 1e-7, 2.5e4, 1500, 200, 231, "PER_CLASS", "GREEN", 4, "tabScores",
                List.of(svm));
    }

    static SceneDocument everything() {
        Map<SceneLesson, LessonState> lessons = new EnumMap<>(SceneLesson.class);
        for (LessonState s : List.of(playground(2), linear(), loss(), neighbours(), imageLinear())) {
            lessons.put(s.lesson(), s);
        }
        return SceneDocument.of("PROJECTOR", DatasetRef.at("/data/cifar-10-batches-bin", "CIFAR10_BINARY"),
                SceneLesson.LINEAR_2D, SceneLesson.KNN_PLAYGROUND, lessons,
                Map.of(SceneLesson.KNN_PLAYGROUND, playground(1)));
    }

    @Test
    void everyLessonsStateComesBackExactly() throws Exception {
        SceneDocument saved = everything();
        SceneDocument read = SceneFile.parse("scene.json", SceneFile.toBytes(saved));
        assertThat(read.notes()).isEmpty();
        assertThat(read.lessons()).isEqualTo(saved.lessons());
        assertThat(read.secondaryLessons()).isEqualTo(saved.secondaryLessons());
        assertThat(read.primary()).isEqualTo(SceneLesson.LINEAR_2D);
        assertThat(read.secondary()).isEqualTo(SceneLesson.KNN_PLAYGROUND);
        assertThat(read.theme()).isEqualTo("PROJECTOR");
        assertThat(read.dataset()).isEqualTo(saved.dataset());
        ImageLinearState.Trained t = ((ImageLinearState) read.lessons().get(SceneLesson.IMAGE_LINEAR)).trained().get(0);
        assertThat(Float.floatToRawIntBits(t.weights()[6])).isEqualTo(Float.floatToRawIntBits(-0f));
        assertThat(t.weights()[5]).isEqualTo(Float.MIN_VALUE);
        assertThat(t.validationAccuracy()).isNaN();
    }

    @Test
    void theTrainedWeightsAreBase64OfLittleEndianFloat32() throws Exception {
        String json = new String(SceneFile.toBytes(everything()), StandardCharsets.UTF_8);
        // 1.0f is 00 00 80 3F little-endian: base64 "AACAPw=="
        assertThat(LessonCodec.base64(new float[] {1f})).isEqualTo("AACAPw==");
        // 10 × 3,073 floats = 122,920 bytes = 163,896 base64 characters (4 per started 3 bytes)
        int start = json.indexOf("\"W\" : \"") + 7;
        assertThat(json.indexOf('"', start) - start).isEqualTo(163_896);
    }

    @Test
    void aVersionOneSceneMigrates() throws Exception {
        String v1 = """
                {"formatVersion": 1, "lessons": {"knnPlayground": {"classCount": 2,
                  "points": [[0.5, 0.25, 0], [-0.5, -0.25, 1]],
                  "generator": {"distribution": "UNIFORM", "classes": 2, "count": 2, "noise": 0, "seed": 5},
                  "k": 1}}}""";
        SceneDocument d = SceneFile.parse("old.json", v1.getBytes(StandardCharsets.UTF_8));
        KnnPlaygroundState s = (KnnPlaygroundState) d.lessons().get(SceneLesson.KNN_PLAYGROUND);
        assertThat(s.points()).containsExactly(new ScenePoint(0.5, 0.25, 0, false), new ScenePoint(-0.5, -0.25, 1, false));
        assertThat(d.primary()).isEqualTo(SceneLesson.KNN_PLAYGROUND);
        assertThat(d.notes()).containsExactly("old.json: written in scene format 1 and updated to format 2 (saving "
                + "writes the new format)");
        assertThat(new String(SceneFile.toBytes(d), StandardCharsets.UTF_8)).contains("\"formatVersion\" : 2")
                .contains("\"test\" : false");
    }

    private static String valid() {
        return new String(SceneFile.toBytes(SceneDocument.of(null, DatasetRef.SAMPLE, SceneLesson.KNN_PLAYGROUND, null,
                Map.of(SceneLesson.KNN_PLAYGROUND, playground(2)), Map.of())), StandardCharsets.UTF_8);
    }

    private static void refused(String json, String message) {
        assertThatThrownBy(() -> SceneFile.parse("scene.json", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SceneFormatException.class).hasMessage(message);
    }

    @Test
    void badScenesAreRefusedNamingTheFileAndTheField() {
        String ok = valid();
        refused(ok.replace("\"k\" : 2", "\"k\" : -3"),
                "scene.json: lessons.knnPlayground.k: \u22123 is not a K (1 to 10,000)");
        refused(ok.replace("\"k\" : 2", "\"k\" : 3"),
                "scene.json: lessons.knnPlayground.k: K = 3 but the scene has only 2 training points");
        refused(ok.replace("\"count\" : 40", "\"count\" : 1000000000"),
                "scene.json: lessons.knnPlayground.generator.count: 1,000,000,000 is not a number of points (2 to 5,000)");
        refused(ok.replace("\"k\" : 2", "\"k\" : \"two\""),
                "scene.json: lessons.knnPlayground.k: the text \"two\" is not a number");
        refused(ok.replace("\"metric\" : \"L1\"", "\"metric\" : \"L7\""),
                "scene.json: lessons.knnPlayground.metric: the text \"L7\" is not one of L1, L2, LINF");
        refused(ok.replace("\"x\" : 0.25", "\"x\" : true"),
                "scene.json: lessons.knnPlayground.points[0].x: true is not a number");
        refused(ok.replace("\"class\" : 2", "\"class\" : 3"),
                "scene.json: lessons.knnPlayground.points[2].class: 3 is not a class of this scene (0 to 2)");
        refused(ok.replace("\"formatVersion\" : 2", "\"formatVersion\" : 9"),
                "scene.json: formatVersion: written by a newer Classifier Lab: format 9, this one reads up to 2");
        refused(ok.replace("\"noise\" : 0.35", "\"noise\" : NaN"),
                "scene.json: is not valid JSON (line 33, column 22: NaN or Infinity, which JSON has no numbers for)");
        refused("[1, 2]", "scene.json: a scene file holds one JSON object, this one holds a list of 2");
        refused("", "scene.json: the file is empty");
    }

    @Test
    void aTruncatedFileIsRefusedAsCutOff() {
        String ok = valid();
        assertThatThrownBy(() -> SceneFile.parse("scene.json", ok.substring(0, ok.length() / 2)
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(SceneFormatException.class)
                .hasMessageStartingWith("scene.json: the file ends in the middle of the JSON (line ")
                .hasMessageEndingWith("); it may have been cut off while it was copied");
    }

    @Test
    void aHugeListOfPointsIsRefusedByItsLength() {
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i <= LessonCodec.MAX_PLAYGROUND_POINTS; i++) {
            pts.append(i == 0 ? "" : ",").append("{\"x\":0,\"y\":0,\"class\":0}");
        }
        String json = valid().replaceFirst("\"points\" : \\[[^\\]]*\\]", "\"points\" : [" + pts + "]");
        refused(json, "scene.json: lessons.knnPlayground.points: 10,001 points are too many (at most 10,000)");
    }

    @Test
    void unknownFieldsAreReportedAndWrittenBackOnSave() throws Exception {
        String json = valid().replace("\"k\" : 2", "\"k\" : 2, \"colour\" : {\"r\" : 1}")
                .replace("\"formatVersion\" : 2", "\"formatVersion\" : 2, \"presenter\" : \"Ada\"");
        SceneDocument d = SceneFile.parse("scene.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(d.notes()).containsExactlyInAnyOrder(
                "scene.json: lessons.knnPlayground.colour is not known to this version of Classifier Lab; it is kept as "
                        + "it was and written back on save",
                "scene.json: presenter is not known to this version of Classifier Lab; it is kept as it was and written "
                        + "back on save");
        SceneDocument again = SceneFile.parse("scene.json", SceneFile.toBytes(d));
        assertThat(again.kept()).containsEntry("/lessons/knnPlayground/colour", "{\"r\":1}")
                .containsEntry("/presenter", "\"Ada\"");
        assertThat(again.lessons()).isEqualTo(d.lessons());
    }

    @Test
    void aFailingWriteLeavesTheOldFileIntactAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scene.json");
        SceneFile.write(file, everything());
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> SceneFile.writeAtomically(file, out -> {
            out.write("{\"formatVersion\" : 2, \"lessons\" : {".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString()).toList()).containsExactly("scene.json");
        }
        assertThat(SceneFile.read(file).lessons()).isEqualTo(everything().lessons());
    }

    @Test
    void filesThatAreNotScenesAreRefusedByName(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> SceneFile.read(dir.resolve("gone.json"))).hasMessageStartingWith(
                "gone.json: there is no such file");
        assertThatThrownBy(() -> SceneFile.read(dir)).hasMessageEndingWith(": is a folder, not a scene file");
        Path noVersion = Files.writeString(dir.resolve("x.json"), "{\"lessons\": {}}");
        assertThatThrownBy(() -> SceneFile.read(noVersion)).hasMessage(
                "x.json: formatVersion: missing: this is not a Classifier Lab scene file");
        List<String> broken = new ArrayList<>();
        Path badW = Files.writeString(dir.resolve("w.json"), new String(SceneFile.toBytes(everything()),
                StandardCharsets.UTF_8).replaceFirst("\"W\" : \"[^\"]*\"", "\"W\" : \"AACAPw==\""));
        try {
            SceneFile.read(badW);
        } catch (SceneFormatException e) {
            broken.add(e.getMessage());
        }
        assertThat(broken).containsExactly("w.json: lessons.imageLinear.trained[0].W: holds 4 bytes, not the 122,920 of "
                + "30,730 float32 values");
    }
}
