package org.classifierlab.core.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.core.data.BadInput.refused;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.classifierlab.core.data.BadInput;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad-input campaign, scene files ({@link SceneFile#read}): the field-level refusals are in {@link SceneFileTest};
 * here pipes, devices and folders named .json, giants, deep nesting, endless numbers and duplicate fields each end
 * in a {@link SceneFormatException} naming the file and the problem, in bounded time and memory, writing nothing.
 */
class SceneFileBadInputTest {

    @TempDir
    Path tmp;

    private static String valid() {
        return new String(SceneFile.toBytes(SceneDocument.of(null, DatasetRef.SAMPLE, SceneLesson.KNN_PLAYGROUND, null,
                Map.of(SceneLesson.KNN_PLAYGROUND, SceneFileTest.playground(2)), Map.of())), StandardCharsets.UTF_8);
    }

    private SceneFormatException read(String label, Path file) {
        return refused(SceneFormatException.class, tmp, label, () -> SceneFile.read(file));
    }

    /** A scene of up to 64 MiB is read whole, then parsed: allocation may be a few times its size, no more. */
    private SceneFormatException read(String label, String json) throws Exception {
        Path file = Files.writeString(tmp.resolve("scene.json"), json);
        return refused(SceneFormatException.class, tmp, 4 * SceneFile.MAX_BYTES, label, () -> SceneFile.read(file));
    }

    @Test
    void pipeDeviceOrFolderNamedJson() throws Exception {
        Path fifo = BadInput.fifo(tmp.resolve("lecture.json"));
        assertThat(read("scene: named pipe named lecture.json", fifo)).hasMessage("lecture.json: is not a regular"
                + " file");
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero on this OS");
        Path zero = Files.createSymbolicLink(tmp.resolve("zero.json"), Path.of("/dev/zero"));
        assertThat(read("scene: symlink to /dev/zero", zero)).hasMessage("zero.json: is not a regular file");
        Path dir = Files.createDirectory(tmp.resolve("folder.json"));
        assertThat(read("scene: folder named folder.json", dir)).hasMessage("folder.json: is a folder, not a scene"
                + " file");
    }

    @Test
    void giantFile() throws Exception {
        Path giant = BadInput.sparse(tmp.resolve("giant.json"), 10L << 30);
        assertThat(read("scene: 10 GiB file", giant)).hasMessage("giant.json: 10,737,418,240 bytes are too many for a"
                + " scene file (at most 67,108,864)");
    }

    @Test
    void deepNesting() throws Exception {
        String deep = "{\"formatVersion\": 2, \"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThat(read("scene: arrays nested 100,000 deep", deep)).hasMessage("scene.json: holds more than a"
                + " scene file may (Document nesting depth (1001) exceeds the maximum allowed (1000))");
    }

    @Test
    void endlessNumbersAndStrings() throws Exception {
        String number = valid().replace("\"k\" : 2", "\"k\" : 1" + "0".repeat(5_000_000));
        assertThat(read("scene: K of 5,000,001 digits", number)).hasMessage("scene.json: holds more than a"
                + " scene file may (Number value length (5000001) exceeds the maximum allowed (1000))");
        String text = valid().replace("\"metric\" : \"L1\"", "\"metric\" : \"" + "L".repeat(30_000_000) + "\"");
        assertThat(read("scene: metric of 30,000,000 characters", text)).hasMessageStartingWith("scene.json: holds more"
                + " than a scene file may (String value length (").hasMessageEndingWith(") exceeds the maximum allowed"
                + " (20000000))");
    }

    @Test
    void duplicateFields() throws Exception {
        // Before this campaign the second "k" silently won: a hand-edited scene opened with a K nobody chose.
        String twice = valid().replace("\"k\" : 2", "\"k\" : 2, \"k\" : 1");
        assertThat(read("scene: field k given twice", twice)).hasMessageStartingWith("scene.json: is not valid JSON"
                + " (line ").hasMessageContaining("Duplicate field 'k'");
    }

    @Test
    void notUtf8() throws Exception {
        byte[] latin1 = valid().replace("\"metric\" : \"L1\"", "\"metric\" : \"L\u00e91\"").getBytes(
                StandardCharsets.ISO_8859_1);
        Path file = Files.write(tmp.resolve("scene.json"), latin1);
        assertThat(read("scene: Latin-1 bytes, not UTF-8", file)).hasMessageStartingWith("scene.json: is not valid"
                + " JSON (line ").hasMessageContaining("Invalid UTF-8");
    }
}
