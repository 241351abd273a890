package org.classifierlab.core.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A scene's one-line note (format 2, optional: older files read without one) and the preset index with the Lecture 2
 * tour: the shipped index reads, names real presets in the lecture's order, and a broken index is refused naming the
 * file and the field.
 */
class LecturePresetsTest {

    private static SceneDocument scene() {
        return SceneDocument.of(null, DatasetRef.SAMPLE, SceneLesson.KNN_PLAYGROUND, null,
                Map.of(SceneLesson.KNN_PLAYGROUND, SceneFileTest.playground(2)), Map.of());
    }

    @Test
    void aNoteRoundTripsAndIsOptional() throws Exception {
        SceneDocument with = scene().withNote("K = 1: the outlier keeps an island — press + to K = 5");
        String json = new String(SceneFile.toBytes(with), StandardCharsets.UTF_8);
        assertThat(json).contains("\"note\" : \"K = 1: the outlier keeps an island — press + to K = 5\"");
        SceneDocument back = SceneFile.parse("n.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(back.note()).isEqualTo(with.note());
        assertThat(back.notes()).isEmpty();
        assertThat(back.lessons()).isEqualTo(with.lessons());
        // Without a note (every file written before notes, and version 1): null, nothing reported.
        SceneDocument none = SceneFile.parse("o.json", SceneFile.toBytes(scene()));
        assertThat(none.note()).isNull();
        assertThat(none.notes()).isEmpty();
        SceneDocument v1 = SceneFile.parse("v1.json", """
                {"formatVersion": 1, "lessons": {"knnPlayground": {"classCount": 2,
                  "points": [[0.5, 0.25, 0], [-0.5, -0.25, 1]],
                  "generator": {"distribution": "GAUSSIAN_CLUSTERS", "classes": 2, "count": 2, "noise": 0.1, "seed": 1},
                  "k": 1}}}""".getBytes(StandardCharsets.UTF_8));
        assertThat(v1.note()).isNull();
    }

    @Test
    void aBadNoteIsRefusedNamingTheField() {
        String ok = new String(SceneFile.toBytes(scene().withNote("one line")), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SceneFile.parse("s.json", ok.replace("\"one line\"", "42")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(SceneFormatException.class)
                .hasMessage("s.json: note: 42 is not text");
        assertThatThrownBy(() -> SceneFile.parse("s.json", ok.replace("\"one line\"", "\"two\\nlines\"")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(SceneFormatException.class)
                .hasMessage("s.json: note: has a line break: a scene's note is one line");
        assertThatThrownBy(() -> SceneFile.parse("s.json", ok.replace("\"one line\"",
                "\"" + "x".repeat(401) + "\"").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SceneFormatException.class)
                .hasMessage("s.json: note: text of 401 characters is too long (at most 400)");
        assertThatThrownBy(() -> scene().withNote("a\nb")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShippedTourFollowsTheLecture() throws Exception {
        LecturePresets p = LecturePresets.bundled();
        assertThat(p.title()).isEqualTo("Lecture 2: Image classification");
        assertThat(p.steps()).hasSizeGreaterThanOrEqualTo(p.presets().size());
        // The parts come in the lecture's order, each once (a part's steps are together).
        List<String> parts = p.steps().stream().map(LecturePresets.Step::part).distinct().toList();
        assertThat(parts).containsExactly("Data-driven approach", "Nearest neighbour", "K and distances",
                "Hyperparameters and cross-validation", "CIFAR-10", "Pixel distances",
                "Linear classifier: three viewpoints", "Loss functions");
        for (int i = 1; i < p.steps().size(); i++) {
            assertThat(parts.indexOf(p.steps().get(i).part()))
                    .isGreaterThanOrEqualTo(parts.indexOf(p.steps().get(i - 1).part()));
        }
        // Every step's preset reads as a scene with a note; the L1/L2 step has two panes.
        for (LecturePresets.Step s : p.steps()) {
            SceneDocument d = LecturePresets.open(s.preset());
            assertThat(d.note()).as(s.preset().file()).isNotBlank();
            assertThat(s.caption()).isNotBlank();
        }
        assertThat(LecturePresets.open(p.preset("l1-vs-l2.json")).secondary()).isEqualTo(SceneLesson.KNN_PLAYGROUND);
    }

    private static void refused(String json, String message) {
        assertThatThrownBy(() -> LecturePresets.parse("tour.json", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SceneFormatException.class).hasMessage(message);
    }

    @Test
    void aBrokenIndexIsRefusedNamingTheField() {
        String ok = """
                {"formatVersion": 1, "title": "T",
                 "presets": [{"file": "a.json", "title": "A", "part": "P"}],
                 "tour": [{"preset": "a.json", "caption": "C"}]}""";
        assertThat(assertParses(ok).steps()).hasSize(1);
        refused(ok.replace("\"preset\": \"a.json\"", "\"preset\": \"b.json\""),
                "tour.json: tour[0].preset: b.json is not one of the presets listed in \"presets\"");
        refused(ok.replace("\"file\": \"a.json\"", "\"file\": \"../a.json\""),
                "tour.json: presets[0].file: \"../a.json\" is not a preset file name (lower-case letters, digits and "
                        + "-, ending in .json)");
        refused(ok.replace("\"caption\": \"C\"", "\"caption\": \"  \""), "tour.json: tour[0].caption: is empty");
        refused(ok.replace("\"caption\": \"C\"", "\"caption\": \"C\", \"captoin\": \"D\""),
                "tour.json: /tour/0/captoin is not a field of the preset index");
        refused(ok.replace("\"formatVersion\": 1", "\"formatVersion\": 2"),
                "tour.json: formatVersion: 2 is not the preset index format 1 (1 to 1)");
        refused(ok.replace("[{\"preset\": \"a.json\", \"caption\": \"C\"}]", "[]"),
                "tour.json: tour: 0 tour steps are too few (at least 1)");
        refused("{", "tour.json: is not valid JSON (Unexpected end-of-input: expected close marker for Object "
                + "(start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); "
                + "line: 1, column: 1]))");
        assertThatThrownBy(() -> LecturePresets.resource("../secret.json")).isInstanceOf(SceneFormatException.class)
                .hasMessage("../secret.json: is not the name of a preset file");
        assertThatThrownBy(() -> LecturePresets.resource("missing.json")).isInstanceOf(SceneFormatException.class)
                .hasMessage("missing.json: is not among the presets shipped with this build (/assets/presets/)");
    }

    private static LecturePresets assertParses(String json) {
        try {
            return LecturePresets.parse("tour.json", json.getBytes(StandardCharsets.UTF_8));
        } catch (SceneFormatException e) {
            throw new AssertionError(e);
        }
    }
}
