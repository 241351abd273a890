package org.classifierlab.core.scene;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads checked values out of a JSON tree, each refusal naming the file and the field path
 * ({@code scene.json: lessons.knnPlayground.k: −3 is not a K (1 to 10,000)}). Fields nobody asked for are kept (by
 * JSON pointer) and reported as notes when an object is {@link Obj#finish() finished}. One reader per file; any
 * thread, not shared.
 */
final class FieldReader {

    private final String file;
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> kept;

    FieldReader(String file, Map<String, String> kept) {
        this.file = file;
        this.kept = kept;
    }

    List<String> notes() {
        return notes;
    }

    SceneFormatException fail(String path, String problem) {
        return new SceneFormatException(file + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
    }

    Obj root(JsonNode node) throws SceneFormatException {
        if (node == null || !node.isObject()) {
            throw fail("", "a scene file holds one JSON object, this one holds " + describe(node));
        }
        return new Obj("", JsonPointer.empty(), (ObjectNode) node);
    }

    /** A readable name of what a node is, for "… is text, not a number". */
    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isTextual()) {
            String t = n.asText();
            return "the text \"" + (t.length() > 40 ? t.substring(0, 39) + "…" : t) + "\"";
        }
        if (n.isBoolean()) {
            return String.valueOf(n.booleanValue());
        }
        if (n.isArray()) {
            return "a list of " + n.size();
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isNumber()) {
            return number(n.doubleValue());
        }
        return n.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    /** A number as the messages write it: thousands separators, a real minus sign. */
    static String number(double v) {
        String s;
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            s = String.format(Locale.ROOT, "%,d", (long) v);
        } else {
            s = String.valueOf(v);
        }
        return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
    }

    /** One JSON object at {@code path}. */
    final class Obj {
        final String path;
        private final JsonPointer pointer;
        private final ObjectNode node;
        private final Set<String> used = new HashSet<>();

        Obj(String path, JsonPointer pointer, ObjectNode node) {
            this.path = path;
            this.pointer = pointer;
            this.node = node;
        }

        String at(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        /** The field, or null when absent or JSON null. */
        JsonNode get(String name) {
            used.add(name);
            JsonNode v = node.get(name);
            return v == null || v.isNull() ? null : v;
        }

        boolean has(String name) {
            return get(name) != null;
        }

        Set<String> fieldNames() {
            Set<String> names = new java.util.LinkedHashSet<>();
            node.fieldNames().forEachRemaining(names::add);
            return names;
        }

        private JsonNode required(String name) throws SceneFormatException {
            JsonNode v = get(name);
            if (v == null) {
                throw fail(at(name), "missing");
            }
            return v;
        }

        long integer(String name, long min, long max, String what) throws SceneFormatException {
            return integerOf(required(name), at(name), min, max, what);
        }

        int integer(String name, int min, int max, String what) throws SceneFormatException {
            return (int) integerOf(required(name), at(name), min, max, what);
        }

        int integer(String name, int min, int max, String what, int otherwise) throws SceneFormatException {
            JsonNode v = get(name);
            return v == null ? otherwise : (int) integerOf(v, at(name), min, max, what);
        }

        double number(String name, double min, double max, String what) throws SceneFormatException {
            return numberOf(required(name), at(name), min, max, what);
        }

        double number(String name, double min, double max, String what, double otherwise) throws SceneFormatException {
            JsonNode v = get(name);
            return v == null ? otherwise : numberOf(v, at(name), min, max, what);
        }

        /** A number that may be absent or null for "not measured" (NaN). */
        double numberOrNaN(String name, double min, double max, String what) throws SceneFormatException {
            JsonNode v = get(name);
            return v == null ? Double.NaN : numberOf(v, at(name), min, max, what);
        }

        boolean bool(String name, boolean otherwise) throws SceneFormatException {
            JsonNode v = get(name);
            if (v == null) {
                return otherwise;
            }
            if (!v.isBoolean()) {
                throw fail(at(name), describe(v) + " is not true or false");
            }
            return v.booleanValue();
        }

        String text(String name, int maxLength, String otherwise) throws SceneFormatException {
            JsonNode v = get(name);
            return v == null ? otherwise : textOf(v, at(name), maxLength);
        }

        String text(String name, int maxLength) throws SceneFormatException {
            return textOf(required(name), at(name), maxLength);
        }

        <E extends Enum<E>> E choice(String name, Class<E> type, E otherwise) throws SceneFormatException {
            JsonNode v = get(name);
            return v == null ? otherwise : choiceOf(v, at(name), type);
        }

        <E extends Enum<E>> E choice(String name, Class<E> type) throws SceneFormatException {
            return choiceOf(required(name), at(name), type);
        }

        Obj object(String name) throws SceneFormatException {
            return objectOf(required(name), name);
        }

        /** The field as an object, or null when absent. */
        Obj optionalObject(String name) throws SceneFormatException {
            JsonNode v = get(name);
            return v == null ? null : objectOf(v, name);
        }

        private Obj objectOf(JsonNode v, String name) throws SceneFormatException {
            if (!v.isObject()) {
                throw fail(at(name), describe(v) + " is not an object");
            }
            return new Obj(at(name), pointer.append(JsonPointer.compile("/" + escape(name))), (ObjectNode) v);
        }

        /** The field as a list of at most {@code max} entries (at least {@code min}). */
        Arr array(String name, int min, int max, String what) throws SceneFormatException {
            JsonNode v = required(name);
            if (!v.isArray()) {
                throw fail(at(name), describe(v) + " is not a list of " + what);
            }
            if (v.size() > max) {
                throw fail(at(name), String.format(Locale.ROOT, "%,d %s are too many (at most %,d)", v.size(), what, max));
            }
            if (v.size() < min) {
                throw fail(at(name), String.format(Locale.ROOT, "%,d %s are too few (at least %,d)", v.size(), what, min));
            }
            return new Arr(at(name), pointer.append(JsonPointer.compile("/" + escape(name))), v);
        }

        double[] numbers(String name, int min, int max, double lo, double hi, String what) throws SceneFormatException {
            Arr a = array(name, min, max, what + "s");
            double[] out = new double[a.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = numberOf(a.node(i), a.at(i), lo, hi, what);
            }
            return out;
        }

        /** Base64 of float32 little-endian, exactly {@code length} floats, every one finite. */
        float[] floats(String name, int length) throws SceneFormatException {
            String text = textOf(required(name), at(name), Integer.MAX_VALUE);
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw fail(at(name), "is not base64 (" + e.getMessage() + ")");
            }
            if (bytes.length != (long) length * Float.BYTES) {
                throw fail(at(name), String.format(Locale.ROOT, "holds %,d bytes, not the %,d of %,d float32 values",
                        bytes.length, (long) length * Float.BYTES, length));
            }
            float[] out = new float[length];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            for (int i = 0; i < out.length; i++) {
                if (!Float.isFinite(out[i])) {
                    throw fail(at(name), "value " + i + " is " + out[i] + ", not a finite number");
                }
            }
            return out;
        }

        /** Keeps and reports every field that was never asked for. */
        void finish() {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!used.contains(e.getKey())) {
                    kept.put(pointer.append(JsonPointer.compile("/" + escape(e.getKey()))).toString(),
                            e.getValue().toString());
                    notes.add(file + ": " + at(e.getKey()) + " is not known to this version of Classifier Lab; "
                            + "it is kept as it was and written back on save");
                }
            }
        }
    }

    /** One JSON list at {@code path}. */
    final class Arr {
        private final String path;
        private final JsonPointer pointer;
        private final JsonNode node;

        Arr(String path, JsonPointer pointer, JsonNode node) {
            this.path = path;
            this.pointer = pointer;
            this.node = node;
        }

        int size() {
            return node.size();
        }

        String at(int i) {
            return path + "[" + i + "]";
        }

        JsonNode node(int i) {
            return node.get(i);
        }

        Obj object(int i) throws SceneFormatException {
            JsonNode v = node.get(i);
            if (v == null || !v.isObject()) {
                throw fail(at(i), describe(v) + " is not an object");
            }
            return new Obj(at(i), pointer.append(JsonPointer.compile("/" + i)), (ObjectNode) v);
        }

        String text(int i, int maxLength) throws SceneFormatException {
            return textOf(node.get(i), at(i), maxLength);
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    long integerOf(JsonNode v, String path, long min, long max, String what) throws SceneFormatException {
        if (!v.isNumber()) {
            throw fail(path, describe(v) + " is not a number");
        }
        double d = v.doubleValue();
        boolean integral = v.isIntegralNumber() ? v.canConvertToLong() : d == Math.rint(d) && Math.abs(d) < 9e18;
        if (!integral) {
            throw fail(path, describe(v) + " is not a whole number");
        }
        long n = v.isIntegralNumber() ? v.longValue() : (long) d;
        if (n < min || n > max) {
            throw fail(path, number(n) + " is not " + what + " (" + number(min) + " to " + number(max) + ")");
        }
        return n;
    }

    double numberOf(JsonNode v, String path, double min, double max, String what) throws SceneFormatException {
        if (v == null || !v.isNumber()) {
            throw fail(path, describe(v) + " is not a number");
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d) || d < min || d > max) {
            throw fail(path, number(d) + " is not " + what + " (" + number(min) + " to " + number(max) + ")");
        }
        return d;
    }

    String textOf(JsonNode v, String path, int maxLength) throws SceneFormatException {
        if (v == null || !v.isTextual()) {
            throw fail(path, describe(v) + " is not text");
        }
        String t = v.asText();
        if (t.length() > maxLength) {
            throw fail(path, String.format(Locale.ROOT, "text of %,d characters is too long (at most %,d)", t.length(),
                    maxLength));
        }
        return t;
    }

    <E extends Enum<E>> E choiceOf(JsonNode v, String path, Class<E> type) throws SceneFormatException {
        if (v.isTextual()) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(v.asText())) {
                    return e;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        throw fail(path, describe(v) + " is not one of " + String.join(", ", names));
    }
}
