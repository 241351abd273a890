package org.classifierlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.core.data.BadInput.refused;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad-input campaign, pickles ({@link PickleReader}) and the CIFAR-10 python batches built on them
 * ({@link CifarPythonReader}): pickles that would run code, opcodes that build arbitrary objects, huge length
 * prefixes, deep nesting, opcode floods, truncation and bombs all end in a {@link DatasetException} naming the
 * file, the problem and the byte, in bounded time and memory, and nothing they ask for ever runs.
 */
class PickleBadInputTest {

    @TempDir
    Path tmp;

    /** Bytes of a pickle, written opcode by opcode. */
    private static final class P {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        P(int... bytes) {
            op(bytes);
        }

        P op(int... bytes) {
            for (int b : bytes) {
                out.write(b);
            }
            return this;
        }

        P ascii(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        P u32(long v) {
            return op((int) v, (int) (v >>> 8), (int) (v >>> 16), (int) (v >>> 24));
        }

        P u64(long v) {
            return u32(v).u32(v >>> 32);
        }

        P global(String module, String name) {
            return op('c').ascii(module + "\n" + name + "\n");
        }

        P shortString(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            op(0x8c, b.length);
            out.writeBytes(b);
            return this;
        }

        P repeat(int times, int... bytes) {
            for (int i = 0; i < times; i++) {
                op(bytes);
            }
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    private Path file(String name, byte[] data) throws IOException {
        return Synthetic.write(tmp.resolve(name), data);
    }

    private DatasetException pickle(String label, byte[] data) throws IOException {
        Path file = file("data_batch_1", data);
        return refused(DatasetException.class, tmp, label, () -> PickleReader.read(file));
    }

    private DatasetException batch(String label, byte[] data) throws IOException {
        Path file = file("data_batch_1", data);
        return refused(DatasetException.class, tmp, label, () -> CifarPythonReader.readBatch(file,
                ClassNames.CIFAR10));
    }

    private String name() {
        return tmp.resolve("data_batch_1").toString();
    }

    @Test
    void globalAndReduceThatWouldRunAShellCommand() throws IOException {
        Path marker = tmp.resolve("pwned");
        byte[] evil = new P(0x80, 2).global("os", "system").shortString("touch " + marker).op(0x85, 'R', '.').bytes();
        assertThat(pickle("pickle: GLOBAL os.system + REDUCE ('touch …')", evil)).hasMessage(name() + ": refuses to"
                + " load global 'os.system': a CIFAR batch needs only numpy arrays and byte strings, and this reader"
                + " never runs code (at byte 2)");
        byte[] posix = new P(0x80, 2).global("posix", "system").shortString("touch " + marker).op(0x85, 'R', '.')
                .bytes();
        assertThat(pickle("pickle: GLOBAL posix.system + REDUCE", posix)).hasMessageContaining("refuses to load"
                + " global 'posix.system'");
        byte[] subprocess = new P(0x80, 4).shortString("subprocess").shortString("Popen").op(0x93).shortString("id")
                .op(0x85, 'R', '.').bytes();
        assertThat(pickle("pickle: STACK_GLOBAL subprocess.Popen + REDUCE", subprocess)).hasMessage(name() + ":"
                + " refuses to load global 'subprocess.Popen': a CIFAR batch needs only numpy arrays and byte strings,"
                + " and this reader never runs code (at byte 21)");
        byte[] eval = new P(0x80, 2).global("__builtin__", "eval").shortString("__import__('os')").op(0x85, 'R', '.')
                .bytes();
        assertThat(batch("python batch: GLOBAL __builtin__.eval as a batch", eval)).hasMessageContaining(
                "refuses to load global '__builtin__.eval'");
        assertThat(marker).doesNotExist();
    }

    @Test
    void objectBuildingOpcodesAreRefused() throws IOException {
        assertThat(pickle("pickle: INST opcode", new P(0x80, 2, '(').op('i').ascii("os\nsystem\n").op('.').bytes()))
                .hasMessage(name() + ": unsupported pickle opcode 0x69 (INST) (at byte 3)");
        assertThat(pickle("pickle: OBJ opcode", new P(0x80, 2, '(', 'N', 'o', '.').bytes()))
                .hasMessage(name() + ": unsupported pickle opcode 0x6F (OBJ) (at byte 4)");
        assertThat(pickle("pickle: NEWOBJ_EX opcode", new P(0x80, 4, 'N', ')', '}', 0x92, '.').bytes()))
                .hasMessage(name() + ": unsupported pickle opcode 0x92 (NEWOBJ_EX) (at byte 5)");
        assertThat(pickle("pickle: BINPERSID opcode", new P(0x80, 2, 'N', 'Q', '.').bytes()))
                .hasMessage(name() + ": unsupported pickle opcode 0x51 (BINPERSID) (at byte 3)");
        assertThat(pickle("pickle: EXT1 opcode (copyreg extension registry)", new P(0x80, 2, 0x82, 1, '.').bytes()))
                .hasMessage(name() + ": unsupported pickle opcode 0x82 (EXT1) (at byte 2)");
    }

    @Test
    void reduceOnAnAllowedGlobalWithWrongArguments() throws IOException {
        byte[] dtype = new P(0x80, 2).global("numpy", "dtype").shortString("O8").op(0x85, 'R', '.').bytes();
        assertThat(pickle("pickle: numpy.dtype('O8') (object arrays)", dtype)).hasMessage(name() + ": numpy dtype"
                + " 'O8' is not supported (booleans, integers and floats are) (at byte 20)");
        byte[] codecs = new P(0x80, 2).global("_codecs", "encode").shortString("x").shortString("rot13")
                .op(0x86, 'R', '.').bytes();
        assertThat(pickle("pickle: _codecs.encode(…, 'rot13')", codecs)).hasMessage(name() + ": _codecs.encode with"
                + " encoding 'rot13' is not supported (latin1 is) (at byte 29)");
    }

    @Test
    void hugeLengthPrefixes() throws IOException {
        assertThat(pickle("pickle: BINBYTES of 4 GiB − 1", new P(0x80, 3, 'B').u32(0xFFFF_FFFFL).op('.').bytes()))
                .hasMessage(name() + ": byte string of 4,294,967,295 bytes: lengths from 0 to 419,430,400 are"
                        + " accepted (at byte 2)");
        assertThat(pickle("pickle: BINSTRING of −1 bytes", new P(0x80, 2, 'T').u32(0xFFFF_FFFFL).op('.').bytes()))
                .hasMessage(name() + ": string of -1 bytes: lengths from 0 to 419,430,400 are accepted (at byte 2)");
        assertThat(pickle("pickle: BINUNICODE8 of 2^62 bytes", new P(0x80, 4, 0x8d).u64(1L << 62).op('.').bytes()))
                .hasMessage(name() + ": unicode string of 4,611,686,018,427,387,904 bytes: lengths from 0 to"
                        + " 419,430,400 are accepted (at byte 2)");
        assertThat(pickle("pickle: BINBYTES8 of 2^64 − 1 bytes", new P(0x80, 4, 0x8e).u64(-1L).op('.').bytes()))
                .hasMessage(name() + ": length does not fit in 63 bits (at byte 2)");
        assertThat(pickle("pickle: BINUNICODE of 300 MB in a 20-byte file", new P(0x80, 2, 'X').u32(300_000_000L)
                .ascii("abc").bytes())).hasMessage(name() + ": unicode string of 300,000,000 bytes runs past the end"
                + " of the file (10 bytes) (at byte 2)");
        assertThat(pickle("pickle: FRAME of 2^40 bytes", new P(0x80, 4, 0x95).u64(1L << 40).op('N', '.').bytes()))
                .hasMessage(name() + ": frame of 1,099,511,627,776 bytes runs past the end of the file (13 bytes)"
                        + " (at byte 2)");
    }

    @Test
    void hugeLengthPrefixInAGzipStreamAllocatesOnlyWhatArrives() throws IOException {
        // The size of a gzip stream is unknown, so the length cannot be checked against it: the bytes must grow
        // with the data that really arrives.
        Path file = file("data_batch_1", Synthetic.gzip(new P(0x80, 3, 'B').u32(400_000_000L).ascii("tiny")
                .bytes()));
        DatasetException e = refused(DatasetException.class, tmp, "python batch: gzip, BINBYTES claiming 400 MB",
                () -> CifarPythonReader.readBatch(file, ClassNames.CIFAR10));
        assertThat(e).hasMessage(name() + ": the pickle ends early: byte string of 400,000,000 bytes has only 4"
                + " (at byte 2)");
    }

    @Test
    void deepNesting() throws IOException {
        int depth = 100_000;
        byte[] lists = new P(0x80, 2).repeat(depth, ']').repeat(depth - 1, 'a').op('.').bytes();
        assertThat(pickle("pickle: lists nested 100,000 deep", lists)).hasMessage(name() + ": containers nested more"
                + " than 100 deep; a CIFAR batch nests 3 deep (at byte 200001)");
        byte[] tuples = new P(0x80, 2).repeat(depth, '(').repeat(depth, 't').op('.').bytes();
        assertThat(pickle("pickle: tuples nested 100,000 deep (MARK … TUPLE)", tuples)).hasMessage(name() + ":"
                + " containers nested more than 100 deep; a CIFAR batch nests 3 deep (at byte 200002)");
        byte[] dicts = new P(0x80, 2, '}').repeat(depth - 1, 'N', '}').repeat(depth - 1, 's').op('.').bytes();
        assertThat(pickle("pickle: dicts nested 100,000 deep", dicts)).hasMessage(name() + ": containers nested more"
                + " than 100 deep; a CIFAR batch nests 3 deep (at byte 300000)");
    }

    @Test
    void opcodeFlood() throws IOException {
        byte[] flood = new P(0x80, 2).repeat(2_000_000, 'N').op('.').bytes();
        assertThat(pickle("pickle: 2,000,000 NONE opcodes", flood)).hasMessage(name() + ": more than 1,048,576"
                + " opcodes: far more objects than a CIFAR batch holds; not reading on (at byte 1048578)");
    }

    @Test
    void buildingManyArraysTakesLinearTime() throws IOException {
        // Memo slot 0: _reconstruct, 1: its arguments (ndarray, (0,), b'b'), 2: an array state. Then 160,000 times:
        // BINGET 0, BINGET 1, REDUCE, LONG_BINPUT (a new slot), BINGET 2, BUILD. Before this campaign each BUILD
        // scanned the whole memo, so this took minutes.
        P p = new P(0x80, 2).global("numpy.core.multiarray", "_reconstruct").op('q', 0)
                .global("numpy", "ndarray").op('K', 0, 0x85).op('C', 1, 'b').op(0x87, 'q', 1)
                .op('(', 'K', 1, 'K', 0, 0x85).global("numpy", "dtype").shortString("u1").op('K', 0, 'K', 1, 0x87, 'R')
                .op('(', 'K', 3, 'C', 1, '|', 'N', 'N', 'N', 'J').u32(-1).op('J').u32(-1).op('K', 0, 't', 'b')
                .op(0x89, 'C', 0, 't', 'q', 2);
        for (int i = 0; i < 160_000; i++) {
            p.op('h', 0, 'h', 1, 'R', 'r').u32(3 + i).op('h', 2, 'b');
        }
        byte[] data = p.op('.').bytes();
        DatasetException e = pickle("pickle: 160,000 numpy arrays built from one memoised state", data);
        assertThat(e).hasMessageStartingWith(name() + ": 160002 objects and 0 marks left over at STOP");
    }

    @Test
    void notAPickleTruncatedOrABomb() throws IOException {
        assertThat(pickle("pickle: protocol 0 text pickle", "(dp0\nS'data'\np1\n.".getBytes(
                StandardCharsets.US_ASCII))).hasMessage(name() + ": not a pickle of protocol 2 or later: starts with"
                + " 0x28, expected PROTO (0x80) (at byte 0)");
        byte[] good = Py2Pickle.batch(new byte[2 * 3072], new int[] {1, 2}, "b");
        assertThat(batch("python batch: cut in half", Arrays.copyOf(good, good.length / 2))).hasMessageStartingWith(
                name() + ": ");
        byte[] gz = Synthetic.gzip(good);
        assertThat(batch("python batch: gzip stream cut in half", Arrays.copyOf(gz, gz.length / 2))).hasMessage(
                name() + ": the gzip data ends early (an incomplete download?)");
        Path bomb = BadInput.gzipBomb(tmp.resolve("data_batch_1"), new P(0x80, 2).bytes(), 4);
        DatasetException e = refused(DatasetException.class, tmp, "python batch: gzip bomb (PROTO, then 4 GiB of"
                + " zeros)", () -> CifarPythonReader.readBatch(bomb, ClassNames.CIFAR10));
        assertThat(e).hasMessage(name() + ": unsupported pickle opcode 0x00 (not a pickle opcode) (at byte 2)");
        Path flood = BadInput.sparse(tmp.resolve("data_batch_1"), 0);
        Files.write(flood, Synthetic.gzip(new P(0x80, 2).repeat(3_000_000, 'N').bytes()));
        assertThat(refused(DatasetException.class, tmp, "python batch: gzip of 3,000,000 NONE opcodes",
                () -> CifarPythonReader.readBatch(flood, ClassNames.CIFAR10))).hasMessage(name() + ": more than"
                + " 1,048,576 opcodes: far more objects than a CIFAR batch holds; not reading on (at byte 1048578)");
    }

    @Test
    void batchContentsThatDoNotFit() throws IOException {
        assertThat(batch("python batch: label 10", Py2Pickle.batch(new byte[2 * 3072], new int[] {3, 10}, "b")))
                .hasMessage(name() + ": label 10 of image 1 is out of range 0–9");
        assertThat(batch("python batch: label −1", Py2Pickle.batch(new byte[2 * 3072], new int[] {-1, 0}, "b")))
                .hasMessage(name() + ": label -1 of image 0 is out of range 0–9");
        assertThat(batch("python batch: 2 images, 3 labels", Py2Pickle.batch(new byte[2 * 3072],
                new int[] {1, 2, 3}, "b"))).hasMessage(name() + ": has 2 images but 3 labels");
        Py2Pickle wrongShape = new Py2Pickle().op(0x80, 2).op('}').put().op('(');
        wrongShape.str("data").uint8Array(new byte[2 * 1024], 2, 1024);
        assertThat(batch("python batch: data of shape (2, 1024)", wrongShape.op('u', '.').bytes())).hasMessage(
                name() + ": 'data' has shape (2, 1024), expected (N, 3072), (N, 3, 32, 32) or (N, 32, 32, 3)");
        Py2Pickle overflow = new Py2Pickle().op(0x80, 2).op('}').put().op('(');
        overflow.str("data").uint8Array(new byte[0], Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
        assertThat(batch("python batch: array shape whose product passes 2^63", overflow.op('u', '.').bytes()))
                .hasMessageStartingWith(name() + ": numpy array of shape [2147483647, 2147483647, 2147483647] has"
                        + " more elements than a long counts");
        assertThat(batch("python batch: a list, not a dict", new P(0x80, 2, ']', '.').bytes())).hasMessage(name()
                + ": is not a CIFAR python file: it holds a ArrayList, not a dict");
    }

    @Test
    void pipeOrFolderWhereABatchShouldBe() throws Exception {
        Path fifo = BadInput.fifo(tmp.resolve("data_batch_1"));
        assertThat(refused(DatasetException.class, tmp, "python batch: named pipe",
                () -> CifarPythonReader.readBatch(fifo, ClassNames.CIFAR10))).hasMessage(fifo + ": is not a regular"
                + " file (a named pipe, device or socket); refused without opening it");
        Path dir = Files.createDirectory(tmp.resolve("batches.meta"));
        assertThat(refused(DatasetException.class, tmp, "python batch: folder as batches.meta",
                () -> CifarPythonReader.readLabelNames(dir))).hasMessage(dir + ": is a folder, not a file");
    }
}
