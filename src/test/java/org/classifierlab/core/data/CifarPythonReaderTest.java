package org.classifierlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fixtures come from {@code src/test/resources/org/classifierlab/core/data/pickle-fixtures.py} (Python 3.11,
 * numpy 2.4, run once); the Python 2 form is built byte by byte by {@link Py2Pickle}. Both follow the pixel
 * rule of {@link Synthetic} with seed 0.
 */
class CifarPythonReaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"cifar10-py-protocol2-bytes-keys.pickle, 20", "cifar10-py-protocol4-str-keys.pickle, 4",
        "cifar10-py-protocol5-hwc.pickle, 4"})
    void readsEveryPython3FormIntoPlanarImages(String fixture, int images) throws IOException {
        ImageDataset d;
        try (InputStream in = getClass().getResourceAsStream(fixture)) {
            d = CifarPythonReader.readBatch(in, fixture, ClassNames.CIFAR10);
        }
        assertThat(d.size()).isEqualTo(images);
        assertThat(d.name()).isEqualTo(fixture);
        for (int i = 0; i < images; i++) {
            assertThat(d.label(i)).isEqualTo(3 * i % 10);
            for (int j = 0; j < 3072; j += 97) {
                assertThat(d.pixelsShared()[i * 3072 + j] & 0xFF).as("image %d byte %d", i, j)
                        .isEqualTo(Synthetic.pixel(i, j, 0));
            }
        }
        // image 1, pixel (0, 0): red 31, green 31 + 7·1024 + 85 ≡ 116, blue 31 + 7·2048 + 170 ≡ 201
        assertThat(d.argb(1)[0]).isEqualTo(0xFF1F74C9);
    }

    @Test
    void readsAPython2BatchAndItsMeta() throws IOException {
        byte[] pixels = new byte[3 * 3072];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(Synthetic.image(i, 0), 0, pixels, i * 3072, 3072);
        }
        Path batch = Synthetic.write(dir.resolve("data_batch_1"), Py2Pickle.batch(pixels, new int[] {6, 9, 0}, "b"));
        ImageDataset d = CifarPythonReader.readBatch(batch, ClassNames.CIFAR10);
        assertThat(d.labels()).containsExactly(6, 9, 0);
        assertThat(d.pixelsShared()).isEqualTo(pixels);
        Path meta = Synthetic.write(dir.resolve("batches.meta"), Py2Pickle.meta(List.of("x", "y")));
        assertThat(CifarPythonReader.readLabelNames(meta)).containsExactly("x", "y");
    }

    @Test
    void labelsMustMatchTheImages() {
        byte[] twoImages = new byte[2 * 3072];
        assertThatThrownBy(() -> read(Py2Pickle.batch(twoImages, new int[] {1}, "b")))
                .isInstanceOf(DatasetException.class).hasMessage("b.pkl: has 2 images but 1 labels");
        assertThatThrownBy(() -> read(Py2Pickle.batch(twoImages, new int[] {1, 10}, "b")))
                .hasMessage("b.pkl: label 10 of image 1 is out of range 0–9");
    }

    @Test
    void rejectsWhatIsNotACifarBatch() {
        assertThatThrownBy(() -> read(new byte[] {(byte) 0x80, 2, 'N', '.'}))
                .hasMessage("b.pkl: is not a CIFAR python file: it holds a None, not a dict");
        assertThatThrownBy(() -> read(Py2Pickle.meta(ClassNames.CIFAR10)))
                .hasMessage("b.pkl: is not a CIFAR python file: its dict has no 'data' (keys: [num_cases_per_batch,"
                        + " label_names, num_vis])");
        Py2Pickle floats = new Py2Pickle().op(0x80, 2).op('}').put().op('(');
        floats.str("data").array("f4", new byte[3072], 1, 768);
        assertThatThrownBy(() -> read(floats.str("labels").intList(new int[] {0}).op('u', '.').bytes()))
                .hasMessage("b.pkl: 'data' has dtype |f4, expected uint8 (|u1)");
        Py2Pickle flat = new Py2Pickle().op(0x80, 2).op('}').put().op('(');
        flat.str("data").uint8Array(new byte[3072], 3072);
        assertThatThrownBy(() -> read(flat.str("labels").intList(new int[] {0}).op('u', '.').bytes()))
                .hasMessage("b.pkl: 'data' has shape (3072,), expected (N, 3072), (N, 3, 32, 32) or (N, 32, 32, 3)");
    }

    private static ImageDataset read(byte[] pickle) throws IOException {
        return CifarPythonReader.readBatch(new ByteArrayInputStream(pickle), "b.pkl", ClassNames.CIFAR10);
    }
}
