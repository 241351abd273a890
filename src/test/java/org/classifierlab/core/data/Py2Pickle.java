package org.classifierlab.core.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes pickles byte by byte the way Python 2's cPickle writes the official CIFAR-10 python batches with
 * protocol 2: str keys and values as (SHORT_)BINSTRING, every object memoised with BINPUT from 1, labels as
 * BININT1 in APPENDS, numpy arrays via GLOBAL numpy.core.multiarray._reconstruct, numpy.ndarray and
 * numpy.dtype('u1', 0, 1). Written from the opcode list of CPython's Lib/pickletools.py.
 */
final class Py2Pickle {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int memo = 1;

    Py2Pickle op(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    Py2Pickle put() {
        return op('q', memo++);
    }

    Py2Pickle str(String s) {
        return str(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    Py2Pickle str(byte[] b) {
        if (b.length < 256) {
            op('U', b.length);
        } else {
            op('T', b.length, b.length >>> 8, b.length >>> 16, b.length >>> 24);
        }
        out.writeBytes(b);
        return put();
    }

    Py2Pickle integer(int v) {
        if (v >= 0 && v < 256) {
            return op('K', v);
        }
        if (v >= 0 && v < 65536) {
            return op('M', v, v >>> 8);
        }
        return op('J', v, v >>> 8, v >>> 16, v >>> 24);
    }

    Py2Pickle global(String module, String name) {
        op('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        return put();
    }

    /** The array idiom of numpy 1.x under Python 2: _reconstruct, then BUILD with (1, shape, dtype, False, raw). */
    Py2Pickle uint8Array(byte[] data, int... shape) {
        return array("u1", data, shape);
    }

    /** As {@link #uint8Array}, with another dtype such as "f4" (byte order '|' as numpy writes for bytes). */
    Py2Pickle array(String dtype, byte[] data, int... shape) {
        global("numpy.core.multiarray", "_reconstruct");
        global("numpy", "ndarray");
        integer(0).op(0x85).put();
        str("b");
        op(0x87).put().op('R').put();
        op('(').integer(1);
        op('(');
        for (int d : shape) {
            integer(d);
        }
        op('t').put();
        global("numpy", "dtype");
        str(dtype).integer(0).integer(1).op(0x87).put().op('R').put();
        op('(').integer(3).str("|").op('N', 'N', 'N').integer(-1).integer(-1).integer(0).op('t').put().op('b');
        op(0x89);
        str(data);
        return op('t').put().op('b');
    }

    Py2Pickle intList(int[] values) {
        op(']').put();
        for (int start = 0; start < values.length; start += 1000) {
            op('(');
            for (int i = start; i < Math.min(values.length, start + 1000); i++) {
                integer(values[i]);
            }
            op('e');
        }
        return this;
    }

    Py2Pickle strList(List<String> values) {
        op(']').put().op('(');
        for (String v : values) {
            str(v);
        }
        return op('e');
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** A batch like data_batch_1: {'data': uint8 N×3072, 'labels': [...], 'batch_label': ..., 'filenames': [...]}. */
    static byte[] batch(byte[] pixels, int[] labels, String batchLabel) {
        Py2Pickle p = new Py2Pickle().op(0x80, 2).op('}').put().op('(');
        p.str("data").uint8Array(pixels, pixels.length / 3072, 3072);
        p.str("labels").intList(labels);
        p.str("batch_label").str(batchLabel);
        p.str("filenames").strList(java.util.stream.IntStream.range(0, labels.length)
                .mapToObj(i -> "image_" + i + ".png").toList());
        return p.op('u', '.').bytes();
    }

    /** batches.meta: {'num_cases_per_batch': 10000, 'label_names': [...], 'num_vis': 3072}. */
    static byte[] meta(List<String> names) {
        Py2Pickle p = new Py2Pickle().op(0x80, 2).op('}').put().op('(');
        p.str("num_cases_per_batch").integer(10000);
        p.str("label_names").strList(names);
        p.str("num_vis").integer(3072);
        return p.op('u', '.').bytes();
    }
}
