package org.classifierlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.classifierlab.core.data.PickleReader.NumpyArray;
import org.junit.jupiter.api.Test;

/**
 * Pickles built byte by byte here and by {@link Py2Pickle} (Python 2 cPickle's protocol-2 form), and the three
 * Python 3 fixtures written by {@code src/test/resources/org/classifierlab/core/data/pickle-fixtures.py}.
 */
class PickleReaderTest {

    private static Object read(int... bytes) throws IOException {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return PickleReader.read(new ByteArrayInputStream(b), "p.pkl", b.length);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    private static int[] ascii(String s) {
        return s.chars().toArray();
    }

    private static int[] concat(int[]... parts) {
        return java.util.Arrays.stream(parts).flatMapToInt(java.util.Arrays::stream).toArray();
    }

    @Test
    void readsAPython2CifarBatchBuiltByteByByte() throws IOException {
        byte[] pixels = new byte[2 * 3072];
        System.arraycopy(Synthetic.image(0, 5), 0, pixels, 0, 3072);
        System.arraycopy(Synthetic.image(1, 5), 0, pixels, 3072, 3072);
        byte[] pickle = Py2Pickle.batch(pixels, new int[] {6, 9}, "training batch 1 of 5");
        Map<?, ?> dict = (Map<?, ?>) PickleReader.read(new ByteArrayInputStream(pickle), "data_batch_1", pickle.length);
        assertThat(List.<Object>copyOf(dict.keySet())).containsExactly("data", "labels", "batch_label", "filenames");
        NumpyArray data = (NumpyArray) dict.get("data");
        assertThat(data.dtype()).isEqualTo("|u1");
        assertThat(data.shape()).containsExactly(2, 3072);
        assertThat(data.data()).isEqualTo(pixels);
        assertThat(data.isUnsignedBytes()).isTrue();
        assertThat(list(dict.get("labels"))).containsExactly(6, 9);
        assertThat(new String((byte[]) dict.get("batch_label"), StandardCharsets.US_ASCII))
                .isEqualTo("training batch 1 of 5");
        assertThat(list(dict.get("filenames"))).hasSize(2).first()
                .satisfies(f -> assertThat((byte[]) f).asString().isEqualTo("image_0.png"));
    }

    @Test
    void readsTheBatchesMetaOfPython2() throws IOException {
        byte[] pickle = Py2Pickle.meta(ClassNames.CIFAR10);
        Map<?, ?> dict = (Map<?, ?>) PickleReader.read(new ByteArrayInputStream(pickle), "batches.meta", -1);
        assertThat(dict.get("num_cases_per_batch")).isEqualTo(10000);
        assertThat(dict.get("num_vis")).isEqualTo(3072);
        assertThat(list(dict.get("label_names"))).hasSize(10);
    }

    @Test
    void readsPython3Fixtures() throws IOException {
        Map<?, ?> p2 = fixture("cifar10-py-protocol2-bytes-keys.pickle");
        NumpyArray data2 = (NumpyArray) p2.get("data");
        assertThat(data2.shape()).containsExactly(20, 3072);
        assertThat(data2.data()[3072 + 1024]).isEqualTo((byte) 116);
        assertThat(list(p2.get("labels"))).hasSize(20).startsWith(0, 3, 6, 9, 2);

        Map<?, ?> p4 = fixture("cifar10-py-protocol4-str-keys.pickle");
        assertThat(((NumpyArray) p4.get("data")).shape()).containsExactly(4, 3, 32, 32);
        assertThat(p4.get("batch_label")).isInstanceOf(byte[].class);

        Map<?, ?> p5 = fixture("cifar10-py-protocol5-hwc.pickle");
        NumpyArray labels = (NumpyArray) p5.get("labels");
        assertThat(labels.dtype()).isEqualTo("<i8");
        assertThat(labels.isInteger()).isTrue();
        assertThat(labels.integer(3)).isEqualTo(9);
        assertThat(((NumpyArray) p5.get("data")).shape()).containsExactly(4, 32, 32, 3);
    }

    private static Map<?, ?> fixture(String name) throws IOException {
        try (InputStream in = PickleReaderTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return (Map<?, ?>) PickleReader.read(in, name, -1);
        }
    }

    @Test
    void mapsPythonScalarsAndTuples() throws IOException {
        Object value = read(concat(new int[] {0x80, 2, '(', 'N', 0x88, 0x89, 'G', 0x3F, 0xF8, 0, 0, 0, 0, 0, 0,
            0x8a, 1, 0xFF, 'J', 0xFE, 0xFF, 0xFF, 0xFF, 'X', 2, 0, 0, 0, 0xC3, 0xA9, 't', '.'}));
        assertThat(list(value)).containsExactly(null, true, false, 1.5, -1L, -2, "é");
    }

    @Test
    void refusesGlobalsThatCouldRunCode() {
        assertThatThrownBy(() -> read(concat(new int[] {0x80, 2, 'c'}, ascii("os\nsystem\n"),
                new int[] {'U', 2, 'l', 's', 0x85, 'R', '.'})))
                .isInstanceOf(DatasetException.class)
                .hasMessage("p.pkl: refuses to load global 'os.system': a CIFAR batch needs only numpy arrays and byte"
                        + " strings, and this reader never runs code (at byte 2)");
        assertThatThrownBy(() -> read(concat(new int[] {0x80, 4, 0x8c, 8}, ascii("builtins"), new int[] {0x8c, 4},
                ascii("eval"), new int[] {0x93, '.'})))
                .hasMessageContaining("refuses to load global 'builtins.eval'").hasMessageEndingWith("(at byte 18)");
    }

    @Test
    void refusesOpcodesItDoesNotNeed() {
        assertThatThrownBy(() -> read(0x80, 2, 'I', '1', '\n', '.'))
                .hasMessage("p.pkl: unsupported pickle opcode 0x49 (INT) (at byte 2)");
        assertThatThrownBy(() -> read(0x80, 2, 'N', 0x81, '.'))
                .hasMessage("p.pkl: unsupported pickle opcode 0x81 (NEWOBJ) (at byte 3)");
        assertThatThrownBy(() -> read(0x80, 2, 0xFF)).hasMessage(
                "p.pkl: unsupported pickle opcode 0xFF (not a pickle opcode) (at byte 2)");
    }

    @Test
    void rejectsOtherProtocolsAndNonPickles() {
        assertThatThrownBy(() -> read('(', 'd', 'p', '0', '.'))
                .hasMessage("p.pkl: not a pickle of protocol 2 or later: starts with 0x28, expected PROTO (0x80)"
                        + " (at byte 0)");
        assertThatThrownBy(() -> read(0x80, 6, 'N', '.')).hasMessage("p.pkl: unsupported pickle protocol 6 (2 to 5 are"
                + " read) (at byte 0)");
    }

    @Test
    void truncatedPicklesAreReportedWithTheOffset() throws IOException {
        assertThatThrownBy(() -> read(0x80, 2, 'T', 16, 0, 0, 0, 'a', 'b', 'c'))
                .hasMessage("p.pkl: string of 16 bytes runs past the end of the file (10 bytes) (at byte 2)");
        byte[] cut = {(byte) 0x80, 2, 'T', 16, 0, 0, 0, 'a', 'b', 'c'};
        assertThatThrownBy(() -> PickleReader.read(new ByteArrayInputStream(cut), "s", -1))
                .hasMessage("s: the pickle ends early: string of 16 bytes has only 3 (at byte 2)");
        assertThatThrownBy(() -> read(0x80, 2, 'N'))
                .hasMessage("p.pkl: the pickle ends early, at byte 3, without its STOP opcode (at byte 3)");
    }

    @Test
    void rejectsMalformedStructure() {
        assertThatThrownBy(() -> read(0x80, 2, 'h', 5, '.')).hasMessage("p.pkl: memo entry 5 was never stored (at byte 2)");
        assertThatThrownBy(() -> read(0x80, 2, 'a')).hasMessage("p.pkl: stack underflow (at byte 2)");
        assertThatThrownBy(() -> read(0x80, 2, 'N', 'N', 'a')).hasMessage("p.pkl: APPEND to None, which is not a list"
                + " (at byte 4)");
        assertThatThrownBy(() -> read(0x80, 2, 'N', 'N', '.')).hasMessage("p.pkl: 1 objects and 0 marks left over at"
                + " STOP (at byte 4)");
        assertThatThrownBy(() -> read(concat(new int[] {0x80, 2, 'c'}, ascii("numpy\nndarray\n"), new int[] {'.'})))
                .hasMessage("p.pkl: the result holds a global ndarray, which only numpy arrays may contain (at byte 17)");
    }

    @Test
    void codecsEncodeTakesOnlyLatin1() throws IOException {
        int[] head = concat(new int[] {0x80, 2, 'c'}, ascii("_codecs\nencode\n"));
        int[] tail = concat(new int[] {'X', 6, 0, 0, 0}, ascii("latin1"), new int[] {0x86, 'R', '.'});
        assertThat((byte[]) read(concat(head, new int[] {'X', 3, 0, 0, 0, 'a', 0xC3, 0xBF}, tail)))
                .containsExactly('a', 0xFF);
        assertThatThrownBy(() -> read(concat(head, new int[] {'X', 2, 0, 0, 0, 0xC4, 0x81}, tail)))
                .hasMessage("p.pkl: _codecs.encode: the string is not latin1 (UTF-8 byte 0xc4 at index 0) (at byte 37)");
    }

    @Test
    void aListMayHoldItself() throws IOException {
        List<Object> list = list(read(0x80, 2, ']', 'q', 0, 'h', 0, 'a', '.'));
        assertThat(list).hasSize(1);
        assertThat(list.get(0)).isSameAs(list);
    }

    @Test
    void integerArraysDecodeByteOrderAndSign() {
        NumpyArray big = new NumpyArray(">i2", new int[] {2}, new byte[] {(byte) 0xFF, (byte) 0xFE, 0x01, 0x00});
        assertThat(big.integer(0)).isEqualTo(-2);
        assertThat(big.integer(1)).isEqualTo(256);
        NumpyArray unsigned = new NumpyArray("<u2", new int[] {1}, new byte[] {(byte) 0xFE, (byte) 0xFF});
        assertThat(unsigned.integer(0)).isEqualTo(65534);
        assertThat(unsigned.itemSize()).isEqualTo(2);
        assertThat(unsigned.elementCount()).isEqualTo(1);
        assertThatThrownBy(() -> new NumpyArray("<f4", new int[] {1}, new byte[4]).integer(0))
                .isInstanceOf(IllegalStateException.class);
    }
}
