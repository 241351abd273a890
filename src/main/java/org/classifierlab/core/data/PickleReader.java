package org.classifierlab.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small, strict unpickler for exactly what the CIFAR python batches hold: Python 2 cPickle protocol 2
 * dicts of strings, int lists and numpy arrays, plus the forms a Python 3 re-pickle takes (protocols 2–5,
 * unicode keys, bytes opcodes, {@code _codecs.encode}, frames, memoize). It never executes anything: the
 * only globals it accepts are numpy's array and dtype reconstruction and the byte-string codecs, which it
 * emulates; anything else fails with a {@link DatasetException} naming the file, opcode and byte offset.
 * Stateless; any thread (each call has its own state).
 */
public final class PickleReader {

    /** Longest string or byte string accepted (CIFAR-100's training data is one string of 153.6 MB). */
    public static final long MAX_STRING_BYTES = 400L << 20;

    private static final int MAX_LINE = 256;

    /**
     * Most opcodes read: each creates at most one object, so this bounds the objects a pickle can make (a
     * CIFAR-10 batch takes about 40,000, as its 10,000 labels and file names each take a few).
     */
    static final int MAX_OPCODES = 1 << 20;

    /** Deepest nesting of containers accepted (a CIFAR batch nests 3 deep); deeper would overflow the stack. */
    static final int MAX_DEPTH = 100;

    /**
     * A numpy array as pickled: the element type in numpy's notation ({@code "|u1"}, {@code "<i8"}), the shape
     * and the raw bytes in C order. The arrays are the reader's own, not copied. Immutable by convention; any
     * thread.
     */
    public record NumpyArray(String dtype, int[] shape, byte[] data) {

        private static final Pattern DTYPE = Pattern.compile("([<>|=]?)([biuf])(1|2|4|8)");

        /** Bytes per element. */
        public int itemSize() {
            return Integer.parseInt(dtype.substring(dtype.length() - 1));
        }

        /**
         * Number of elements: the product of the shape.
         *
         * @throws ArithmeticException when the product does not fit in a long
         */
        public long elementCount() {
            long n = 1;
            for (int d : shape) {
                n = Math.multiplyExact(n, d);
            }
            return n;
        }

        /** Whether the elements are unsigned bytes (numpy {@code uint8}). */
        public boolean isUnsignedBytes() {
            return dtype.endsWith("u1");
        }

        /** Whether the elements are integers (signed or unsigned, any width). */
        public boolean isInteger() {
            char kind = dtype.charAt(dtype.length() - 2);
            return kind == 'i' || kind == 'u';
        }

        /** Element {@code index} of an integer array (in C order) as a long. */
        public long integer(int index) {
            if (!isInteger()) {
                throw new IllegalStateException("not an integer array: " + dtype);
            }
            int size = itemSize();
            boolean big = dtype.charAt(0) == '>';
            int at = Objects.checkIndex(index, (int) elementCount()) * size;
            long v = 0;
            for (int b = 0; b < size; b++) {
                int shift = 8 * (big ? size - 1 - b : b);
                v |= (data[at + b] & 0xFFL) << shift;
            }
            boolean signed = dtype.charAt(dtype.length() - 2) == 'i';
            return signed && size < 8 ? v << (64 - 8 * size) >> (64 - 8 * size) : v;
        }

        @Override
        public String toString() {
            return "NumpyArray[" + dtype + " " + Arrays.toString(shape) + "]";
        }
    }

    /**
     * A unicode string kept as its UTF-8 bytes until used: the unicode strings of a protocol-2 re-pickle hold
     * the whole image data, which {@code _codecs.encode} then turns into latin1 bytes in one pass.
     */
    private record Utf8Text(byte[] utf8) {
        @Override
        public String toString() {
            return new String(utf8, StandardCharsets.UTF_8);
        }
    }

    /**
     * Result of {@code numpy.core.multiarray._reconstruct}, waiting for its BUILD; afterwards it holds the array,
     * which memo look-ups then return in its place.
     */
    private static final class PendingArray {
        private NumpyArray built;
    }

    /** A {@code numpy.dtype}, whose byte order its BUILD may still set. */
    private static final class Dtype {
        private final String kindAndSize;
        private char byteOrder;

        private Dtype(String kindAndSize, char byteOrder) {
            this.kindAndSize = kindAndSize;
            this.byteOrder = byteOrder;
        }

        private String descr() {
            return (kindAndSize.endsWith("1") ? '|' : byteOrder == '=' ? '<' : byteOrder) + kindAndSize;
        }
    }

    private enum Global {
        RECONSTRUCT, NDARRAY, DTYPE, CODECS_ENCODE, BYTES, FROMBUFFER;

        static Global of(String module, String name) {
            return switch (module + "." + name) {
                case "numpy.core.multiarray._reconstruct", "numpy._core.multiarray._reconstruct" -> RECONSTRUCT;
                case "numpy.ndarray" -> NDARRAY;
                case "numpy.dtype" -> DTYPE;
                case "_codecs.encode" -> CODECS_ENCODE;
                case "__builtin__.bytes", "builtins.bytes" -> BYTES;
                case "numpy.core.numeric._frombuffer", "numpy._core.numeric._frombuffer" -> FROMBUFFER;
                default -> null;
            };
        }
    }

    private static final int PROTO = 0x80;
    private static final int FRAME = 0x95;
    private static final int STOP = '.';
    private static final int MARK = '(';
    private static final int EMPTY_DICT = '}';
    private static final int EMPTY_LIST = ']';
    private static final int EMPTY_TUPLE = ')';
    private static final int TUPLE = 't';
    private static final int TUPLE1 = 0x85;
    private static final int TUPLE2 = 0x86;
    private static final int TUPLE3 = 0x87;
    private static final int APPEND = 'a';
    private static final int APPENDS = 'e';
    private static final int SETITEM = 's';
    private static final int SETITEMS = 'u';
    private static final int BINPUT = 'q';
    private static final int LONG_BINPUT = 'r';
    private static final int MEMOIZE = 0x94;
    private static final int BINGET = 'h';
    private static final int LONG_BINGET = 'j';
    private static final int BININT = 'J';
    private static final int BININT1 = 'K';
    private static final int BININT2 = 'M';
    private static final int LONG1 = 0x8a;
    private static final int NONE = 'N';
    private static final int NEWTRUE = 0x88;
    private static final int NEWFALSE = 0x89;
    private static final int BINFLOAT = 'G';
    private static final int SHORT_BINSTRING = 'U';
    private static final int BINSTRING = 'T';
    private static final int SHORT_BINBYTES = 'C';
    private static final int BINBYTES = 'B';
    private static final int BINBYTES8 = 0x8e;
    private static final int BYTEARRAY8 = 0x96;
    private static final int SHORT_BINUNICODE = 0x8c;
    private static final int BINUNICODE = 'X';
    private static final int BINUNICODE8 = 0x8d;
    private static final int GLOBAL = 'c';
    private static final int STACK_GLOBAL = 0x93;
    private static final int REDUCE = 'R';
    private static final int BUILD = 'b';

    /** Names of the opcodes of pickle protocols 0–5, for messages about the ones this reader refuses. */
    private static final Map<Integer, String> OPCODE_NAMES = opcodeNames();

    private final InputStream in;
    private final String file;
    private final long size;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private long streamPos;
    private long opOffset;
    private int opcode;
    private final ArrayList<Object> stack = new ArrayList<>();
    private final Deque<Integer> marks = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private PickleReader(InputStream in, String file, long size) {
        this.in = in;
        this.file = file;
        this.size = size;
    }

    /** Unpickles a whole file; see {@link #read(InputStream, String, long)} for what comes back. */
    public static Object read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(DatasetFile.requireRegularFile(file))) {
            return read(in, file.toString(), Files.size(file));
        }
    }

    /**
     * Unpickles one object from {@code in}, reading no further than its STOP opcode. Python values become:
     * None → {@code null}, bool → {@link Boolean}, int → {@link Integer} (or {@link Long} when pickled as a
     * long), float → {@link Double}, str (Python 3) / unicode → {@link String}, bytes, bytearray and Python 2
     * str → {@code byte[]}, list → mutable {@link List}, tuple → unmodifiable {@link List}, dict →
     * {@link LinkedHashMap} whose byte-string keys become Strings (ISO-8859-1), numpy array → {@link NumpyArray}.
     *
     * @param file name for messages
     * @param size bytes available in {@code in}, to reject impossible lengths before allocating; -1 if unknown
     */
    public static Object read(InputStream in, String file, long size) throws IOException {
        return new PickleReader(Objects.requireNonNull(in, "in"), Objects.requireNonNull(file, "file"), size).run();
    }

    private Object run() throws IOException {
        opOffset = 0;
        opcode = u8();
        if (opcode != PROTO) {
            throw error(String.format(Locale.ROOT,
                    "not a pickle of protocol 2 or later: starts with 0x%02X, expected PROTO (0x80)", opcode));
        }
        protocol();
        for (int ops = 1; ; ops++) {
            opOffset = offset();
            if (ops > MAX_OPCODES) {
                throw error(String.format(Locale.ROOT, "more than %,d opcodes: far more objects than a CIFAR batch"
                        + " holds; not reading on", MAX_OPCODES));
            }
            opcode = u8();
            switch (opcode) {
                case PROTO -> protocol();
                case FRAME -> frame();
                case STOP -> {
                    return stop();
                }
                case MARK -> marks.push(stack.size());
                case EMPTY_DICT -> stack.add(new LinkedHashMap<>());
                case EMPTY_LIST -> stack.add(new ArrayList<>());
                case EMPTY_TUPLE -> stack.add(List.of());
                case TUPLE -> stack.add(tuple(popMark()));
                case TUPLE1, TUPLE2, TUPLE3 -> stack.add(tuple(popN(opcode - TUPLE1 + 1)));
                case APPEND -> {
                    Object item = pop();
                    list(peek()).add(item);
                }
                case APPENDS -> {
                    List<Object> items = popMark();
                    list(peek()).addAll(items);
                }
                case SETITEM -> {
                    Object value = pop();
                    Object key = pop();
                    dict(peek()).put(key(key), value);
                }
                case SETITEMS -> setItems(popMark());
                case BINPUT -> memo.put((long) u8(), peek());
                case LONG_BINPUT -> memo.put(u32(), peek());
                case MEMOIZE -> memo.put((long) memo.size(), peek());
                case BINGET -> stack.add(memoGet(u8()));
                case LONG_BINGET -> stack.add(memoGet(u32()));
                case BININT -> stack.add((int) u32());
                case BININT1 -> stack.add(u8());
                case BININT2 -> stack.add(u8() | u8() << 8);
                case LONG1 -> stack.add(long1());
                case NONE -> stack.add(null);
                case NEWTRUE -> stack.add(Boolean.TRUE);
                case NEWFALSE -> stack.add(Boolean.FALSE);
                case BINFLOAT -> stack.add(Double.longBitsToDouble(ByteBuffer.wrap(bytes(8, "float")).getLong()));
                case SHORT_BINSTRING, SHORT_BINBYTES -> stack.add(bytes(u8(), "string"));
                case BINSTRING -> stack.add(bytes((int) u32(), "string"));
                case BINBYTES -> stack.add(bytes(u32(), "byte string"));
                case BINBYTES8, BYTEARRAY8 -> stack.add(bytes(u64(), "byte string"));
                case SHORT_BINUNICODE -> stack.add(unicode(u8()));
                case BINUNICODE -> stack.add(unicode(u32()));
                case BINUNICODE8 -> stack.add(unicode(u64()));
                case GLOBAL -> {
                    String module = line();
                    stack.add(global(module, line()));
                }
                case STACK_GLOBAL -> {
                    String name = text(pop(), "STACK_GLOBAL name");
                    stack.add(global(text(pop(), "STACK_GLOBAL module"), name));
                }
                case REDUCE -> {
                    Object args = pop();
                    stack.add(call(pop(), args));
                }
                case BUILD -> build(pop(), peek());
                default -> throw error(String.format(Locale.ROOT, "unsupported pickle opcode 0x%02X (%s)", opcode,
                        OPCODE_NAMES.getOrDefault(opcode, "not a pickle opcode")));
            }
        }
    }

    private void protocol() throws IOException {
        int protocol = u8();
        if (protocol < 2 || protocol > 5) {
            throw error("unsupported pickle protocol " + protocol + " (2 to 5 are read)");
        }
    }

    private void frame() throws IOException {
        long length = u64();
        if (size >= 0 && offset() + length > size) {
            throw error(String.format(Locale.ROOT, "frame of %,d bytes runs past the end of the file (%,d bytes)",
                    length, size));
        }
    }

    private Object stop() throws DatasetException {
        Object result = pop();
        if (!stack.isEmpty() || !marks.isEmpty()) {
            throw error(stack.size() + " objects and " + marks.size() + " marks left over at STOP");
        }
        return export(result, new IdentityHashMap<>(), 0);
    }

    /**
     * The result as the caller sees it: unicode strings decoded, every container copied once (a pickle may
     * make cycles through its memo, hence {@code done}); refuses an unbuilt array, a dtype or a bare global.
     */
    private Object export(Object value, Map<Object, Object> done, int depth) throws DatasetException {
        if (depth > MAX_DEPTH) {
            throw error("containers nested more than " + MAX_DEPTH + " deep; a CIFAR batch nests 3 deep");
        }
        if (value instanceof PendingArray pending && pending.built != null) {
            return pending.built;
        }
        if (value instanceof PendingArray || value instanceof Dtype || value instanceof Global) {
            throw error("the result holds a " + describe(value) + ", which only numpy arrays may contain");
        }
        if (value instanceof Utf8Text text) {
            return text.toString();
        }
        if (!(value instanceof List || value instanceof Map) || done.containsKey(value)) {
            return done.getOrDefault(value, value);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            done.put(value, copy);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                copy.put(entry.getKey(), export(entry.getValue(), done, depth + 1));
            }
            return copy;
        }
        List<?> list = (List<?>) value;
        List<Object> copy = new ArrayList<>(list.size());
        done.put(value, value instanceof ArrayList ? copy : Collections.unmodifiableList(copy));
        for (Object item : list) {
            copy.add(export(item, done, depth + 1));
        }
        return done.get(value);
    }

    private void setItems(List<Object> items) throws DatasetException {
        if (items.size() % 2 != 0) {
            throw error("SETITEMS needs key-value pairs, got " + items.size() + " items");
        }
        Map<Object, Object> dict = dict(peek());
        for (int i = 0; i < items.size(); i += 2) {
            dict.put(key(items.get(i)), items.get(i + 1));
        }
    }

    private Object memoGet(long key) throws DatasetException {
        if (!memo.containsKey(key)) {
            throw error("memo entry " + key + " was never stored");
        }
        Object value = memo.get(key);
        return value instanceof PendingArray pending && pending.built != null ? pending.built : value;
    }

    private Object long1() throws IOException {
        int n = u8();
        if (n > 8) {
            throw error("integer of " + n + " bytes is too large");
        }
        byte[] b = bytes(n, "integer");
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = v << 8 | (b[i] & 0xFF);
        }
        return n == 0 ? 0L : v << (64 - 8 * n) >> (64 - 8 * n);
    }

    private Global global(String module, String name) throws DatasetException {
        Global g = Global.of(module, name);
        if (g == null) {
            throw error("refuses to load global '" + module + "." + name + "': a CIFAR batch needs only numpy arrays"
                    + " and byte strings, and this reader never runs code");
        }
        return g;
    }

    private Object call(Object callable, Object argsObject) throws DatasetException {
        if (!(callable instanceof Global g)) {
            throw error("REDUCE on " + describe(callable) + ", which is not callable");
        }
        if (!(argsObject instanceof List<?> args)) {
            throw error("REDUCE arguments must be a tuple, got " + describe(argsObject));
        }
        switch (g) {
            case RECONSTRUCT -> {
                if (args.size() != 3 || args.get(0) != Global.NDARRAY) {
                    throw error("_reconstruct must get (numpy.ndarray, shape, typecode), got " + args.size()
                            + " arguments");
                }
                return new PendingArray();
            }
            case DTYPE -> {
                if (args.isEmpty() || args.size() > 3) {
                    throw error("numpy.dtype takes 1 to 3 arguments, got " + args.size());
                }
                String descr = text(args.get(0), "dtype");
                Matcher m = NumpyArray.DTYPE.matcher(descr);
                if (!m.matches()) {
                    throw error("numpy dtype '" + descr + "' is not supported (booleans, integers and floats are)");
                }
                return new Dtype(m.group(2) + m.group(3), m.group(1).isEmpty() ? '=' : m.group(1).charAt(0));
            }
            case CODECS_ENCODE -> {
                if (args.size() != 2 || !(args.get(0) instanceof Utf8Text text)) {
                    throw error("_codecs.encode must get (str, encoding)");
                }
                String encoding = text(args.get(1), "encoding").toLowerCase(Locale.ROOT);
                if (!Set.of("latin1", "latin-1", "iso-8859-1", "iso8859-1").contains(encoding)) {
                    throw error("_codecs.encode with encoding '" + encoding + "' is not supported (latin1 is)");
                }
                return latin1(text.utf8());
            }
            case BYTES -> {
                if (!args.isEmpty()) {
                    throw error("bytes(...) is only read without arguments (an empty byte string)");
                }
                return new byte[0];
            }
            case FROMBUFFER -> {
                if (args.size() != 4 || !(args.get(0) instanceof byte[] data) || !(args.get(1) instanceof Dtype d)) {
                    throw error("_frombuffer must get (buffer, dtype, shape, order)");
                }
                int[] shape = shape(args.get(2));
                if (text(args.get(3), "order").equals("F") && shape.length > 1) {
                    throw error("Fortran-ordered arrays are not supported");
                }
                return array(d, shape, data);
            }
            default -> throw error("numpy.ndarray cannot be called directly");
        }
    }

    private void build(Object stateObject, Object target) throws DatasetException {
        if (!(stateObject instanceof List<?> state)) {
            throw error("BUILD state must be a tuple, got " + describe(stateObject));
        }
        if (target instanceof Dtype d) {
            if (state.size() < 2) {
                throw error("numpy.dtype state has " + state.size() + " items, expected at least 2");
            }
            String order = text(state.get(1), "byte order");
            if (order.length() != 1 || "<>|=".indexOf(order.charAt(0)) < 0) {
                throw error("numpy.dtype byte order '" + order + "' is not one of < > | =");
            }
            d.byteOrder = order.charAt(0);
        } else if (target instanceof PendingArray pending) {
            if (state.size() != 4 && state.size() != 5) {
                throw error("numpy.ndarray state has " + state.size() + " items, expected 4 or 5");
            }
            int at = state.size() - 4;
            int[] shape = shape(state.get(at));
            if (!(state.get(at + 1) instanceof Dtype d)) {
                throw error("numpy.ndarray state has no dtype");
            }
            if (truthy(state.get(at + 2)) && shape.length > 1) {
                throw error("Fortran-ordered arrays are not supported");
            }
            if (!(state.get(at + 3) instanceof byte[] data)) {
                throw error("numpy.ndarray data must be a byte string, got " + describe(state.get(at + 3))
                        + " (object arrays are not supported)");
            }
            if (pending.built != null) {
                throw error("BUILD on a numpy array that is already built");
            }
            NumpyArray array = array(d, shape, data);
            stack.set(stack.size() - 1, array);
            // Why not replace it in the memo: scanning the whole memo at each BUILD made a pickle of many small
            // arrays take quadratic time (minutes for 160,000); memoGet returns the built array instead.
            pending.built = array;
        } else {
            throw error("BUILD on " + describe(target) + " is not supported");
        }
    }

    /** Decodes UTF-8 whose code points are all below 256 straight into one byte per code point. */
    private byte[] latin1(byte[] utf8) throws DatasetException {
        int count = 0;
        for (byte b : utf8) {
            if ((b & 0xC0) != 0x80) {
                count++;
            }
        }
        byte[] out = new byte[count];
        int at = 0;
        for (int i = 0; i < utf8.length; i++) {
            int b = utf8[i] & 0xFF;
            if (b < 0x80) {
                out[at++] = (byte) b;
            } else if ((b == 0xC2 || b == 0xC3) && i + 1 < utf8.length && (utf8[i + 1] & 0xC0) == 0x80) {
                out[at++] = (byte) ((b & 0x03) << 6 | utf8[++i] & 0x3F);
            } else {
                throw error("_codecs.encode: the string is not latin1 (UTF-8 byte 0x" + Integer.toHexString(b)
                        + " at index " + i + ")");
            }
        }
        return out;
    }

    private NumpyArray array(Dtype d, int[] shape, byte[] data) throws DatasetException {
        NumpyArray array = new NumpyArray(d.descr(), shape, data);
        long needed;
        try {
            needed = Math.multiplyExact(array.elementCount(), array.itemSize());
        } catch (ArithmeticException e) {
            throw error("numpy array of shape " + Arrays.toString(shape) + " has more elements than a long counts");
        }
        if (needed != data.length) {
            throw error(String.format(Locale.ROOT, "numpy array of shape %s and dtype %s needs %,d bytes, has %,d",
                    Arrays.toString(shape), array.dtype(), needed, data.length));
        }
        return array;
    }

    private int[] shape(Object value) throws DatasetException {
        if (!(value instanceof List<?> dims)) {
            throw error("numpy shape must be a tuple, got " + describe(value));
        }
        int[] shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(dims.get(i) instanceof Number n) || n.longValue() < 0 || n.longValue() > Integer.MAX_VALUE) {
                throw error("numpy shape " + dims + " is not a tuple of sizes");
            }
            shape[i] = n.intValue();
        }
        return shape;
    }

    private static boolean truthy(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.longValue() != 0;
    }

    private static List<Object> tuple(List<Object> items) {
        return Collections.unmodifiableList(items);
    }

    private Object key(Object key) throws DatasetException {
        if (key instanceof byte[] b) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
        if (key instanceof Utf8Text text) {
            return text.toString();
        }
        if (key == null || key instanceof String || key instanceof Number || key instanceof Boolean) {
            return key;
        }
        throw error("dict key " + describe(key) + " is not supported");
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object target) throws DatasetException {
        if (target instanceof ArrayList<?> list) {
            return (List<Object>) list;
        }
        throw error("APPEND to " + describe(target) + ", which is not a list");
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dict(Object target) throws DatasetException {
        if (target instanceof LinkedHashMap<?, ?> map) {
            return (Map<Object, Object>) map;
        }
        throw error("SETITEM on " + describe(target) + ", which is not a dict");
    }

    private String text(Object value, String what) throws DatasetException {
        if (value instanceof Utf8Text text) {
            return text.toString();
        }
        if (value instanceof byte[] b) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
        throw error(what + " must be a string, got " + describe(value));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Global g) {
            return "global " + g.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof PendingArray) {
            return "numpy array without its state";
        }
        if (value instanceof Dtype) {
            return "numpy dtype";
        }
        if (value instanceof byte[]) {
            return "byte string";
        }
        if (value instanceof Utf8Text) {
            return "str";
        }
        if (value instanceof List<?>) {
            return value instanceof ArrayList ? "list" : "tuple";
        }
        return value instanceof Map ? "dict" : value.getClass().getSimpleName();
    }

    private Object peek() throws DatasetException {
        int floor = marks.isEmpty() ? 0 : marks.peek();
        if (stack.size() <= floor) {
            throw error("stack underflow");
        }
        return stack.get(stack.size() - 1);
    }

    private Object pop() throws DatasetException {
        peek();
        return stack.remove(stack.size() - 1);
    }

    private List<Object> popN(int n) throws DatasetException {
        int floor = marks.isEmpty() ? 0 : marks.peek();
        if (stack.size() - n < floor) {
            throw error("stack underflow");
        }
        List<Object> items = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
        stack.subList(stack.size() - n, stack.size()).clear();
        return items;
    }

    private List<Object> popMark() throws DatasetException {
        if (marks.isEmpty()) {
            throw error("no MARK to pop to");
        }
        int mark = marks.pop();
        List<Object> items = new ArrayList<>(stack.subList(mark, stack.size()));
        stack.subList(mark, stack.size()).clear();
        return items;
    }

    private long offset() {
        return streamPos - (lim - pos);
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        pos = 0;
        lim = Math.max(n, 0);
        streamPos += lim;
        return n > 0;
    }

    private int u8() throws IOException {
        if (pos == lim && !fill()) {
            throw error("the pickle ends early, at byte " + offset() + ", without its STOP opcode");
        }
        return buf[pos++] & 0xFF;
    }

    private long u32() throws IOException {
        return u8() | u8() << 8 | u8() << 16 | (long) u8() << 24;
    }

    private long u64() throws IOException {
        long lo = u32();
        long hi = u32();
        if (hi > Integer.MAX_VALUE) {
            throw error("length does not fit in 63 bits");
        }
        return lo | hi << 32;
    }

    private byte[] bytes(long length, String what) throws IOException {
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw error(String.format(Locale.ROOT, "%s of %,d bytes: lengths from 0 to %,d are accepted", what,
                    length, MAX_STRING_BYTES));
        }
        if (size >= 0 && offset() + length > size) {
            throw error(String.format(Locale.ROOT, "%s of %,d bytes runs past the end of the file (%,d bytes)",
                    what, length, size));
        }
        int buffered = (int) Math.min(lim - pos, length);
        int rest = (int) length - buffered;
        // Why two ways: with the size known the length was checked above, so the array is allocated at once;
        // otherwise (gzip, a stream) readNBytes(int) grows its buffers with the bytes that really arrive, so a
        // claimed 400 MB in a small stream allocates little before it fails.
        byte[] tail = size >= 0 || rest == 0 ? null : in.readNBytes(rest);
        byte[] out = new byte[size >= 0 || tail == null ? (int) length : buffered + tail.length];
        System.arraycopy(buf, pos, out, 0, buffered);
        pos += buffered;
        if (rest > 0) {
            int got;
            if (tail != null) {
                System.arraycopy(tail, 0, out, buffered, tail.length);
                got = tail.length;
            } else {
                got = in.readNBytes(out, buffered, rest);
            }
            streamPos += got;
            if (got < rest) {
                throw error(String.format(Locale.ROOT, "the pickle ends early: %s of %,d bytes has only %,d", what,
                        length, buffered + got));
            }
        }
        return out;
    }

    private Utf8Text unicode(long length) throws IOException {
        return new Utf8Text(bytes(length, "unicode string"));
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = u8(); c != '\n'; c = u8()) {
            if (c < 0x20 || c > 0x7E || sb.length() == MAX_LINE) {
                throw error("GLOBAL name is not a short line of printable ASCII");
            }
            sb.append((char) c);
        }
        return sb.toString();
    }

    private DatasetException error(String problem) {
        return new DatasetException(file, opOffset, problem);
    }

    private static Map<Integer, String> opcodeNames() {
        String table = "(MARK .STOP 0POP 1POP_MARK 2DUP FFLOAT IINT JBININT KBININT1 LLONG MBININT2 NNONE PPERSID"
                + " QBINPERSID RREDUCE SSTRING TBINSTRING USHORT_BINSTRING VUNICODE XBINUNICODE aAPPEND bBUILD"
                + " cGLOBAL dDICT }EMPTY_DICT eAPPENDS gGET hBINGET iINST jLONG_BINGET lLIST ]EMPTY_LIST oOBJ"
                + " pPUT qBINPUT rLONG_BINPUT sSETITEM tTUPLE )EMPTY_TUPLE uSETITEMS GBINFLOAT BBINBYTES"
                + " CSHORT_BINBYTES";
        Map<Integer, String> names = new HashMap<>();
        for (String entry : table.split(" ")) {
            names.put((int) entry.charAt(0), entry.substring(1));
        }
        String[] high = {"PROTO", "NEWOBJ", "EXT1", "EXT2", "EXT4", "TUPLE1", "TUPLE2", "TUPLE3", "NEWTRUE",
            "NEWFALSE", "LONG1", "LONG4", "SHORT_BINUNICODE", "BINUNICODE8", "BINBYTES8", "EMPTY_SET", "ADDITEMS", "FROZENSET",
            "NEWOBJ_EX", "STACK_GLOBAL", "MEMOIZE", "FRAME", "BYTEARRAY8", "NEXT_BUFFER", "READONLY_BUFFER"};
        for (int i = 0; i < high.length; i++) {
            names.put(0x80 + i, high[i]);
        }
        return Map.copyOf(names);
    }
}
