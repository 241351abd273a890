package org.classifierlab.core.scene;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and writes scene files (JSON through Jackson's tree model). Reading checks every value before it returns,
 * so a scene either opens whole or is refused with a message naming the file and the field; writing goes to a
 * temporary file in the same folder that then replaces the target in one move, so a crash never leaves half a file.
 * Stateless; any thread (never the FX thread for big files).
 */
public final class SceneFile {

    /** Largest scene file read: two CIFAR-100 models in base64 are ~3.3 MB, so this leaves room and refuses junk. */
    public static final long MAX_BYTES = 64L << 20;
    /** The file name extension of scene files. */
    public static final String EXTENSION = ".json";
    private static final String WRITTEN_BY = "Classifier Lab";

    /**
     * Duplicate fields are refused (Jackson's default lets the last one win silently, so a hand-edited scene could
     * open with a value nobody saw); nesting, number and text lengths keep Jackson's stream limits.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private SceneFile() {
    }

    /** Reads and checks {@code file}. */
    public static SceneDocument read(Path file) throws SceneFormatException {
        String name = String.valueOf(file.getFileName());
        byte[] bytes;
        try {
            if (!Files.exists(file)) {
                throw new SceneFormatException(name + ": there is no such file (" + file + ")");
            }
            if (Files.isDirectory(file)) {
                throw new SceneFormatException(name + ": is a folder, not a scene file");
            }
            if (!Files.isRegularFile(file)) {
                throw new SceneFormatException(name + ": is not a regular file");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new SceneFormatException(String.format(Locale.ROOT,
                        "%s: %,d bytes are too many for a scene file (at most %,d)", name, size, MAX_BYTES));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SceneFormatException(name + ": there is no such file (" + file + ")", e);
        } catch (IOException e) {
            throw new SceneFormatException(name + ": cannot be read: " + e.getMessage(), e);
        }
        return parse(name, bytes);
    }

    /** Parses and checks the bytes of a scene file called {@code name} (for messages). */
    public static SceneDocument parse(String name, byte[] bytes) throws SceneFormatException {
        if (bytes.length > MAX_BYTES) {
            throw new SceneFormatException(String.format(Locale.ROOT, "%s: %,d bytes are too many for a scene file",
                    name, bytes.length));
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (JsonEOFException e) {
            throw new SceneFormatException(name + ": the file ends in the middle of the JSON (" + where(e)
                    + "); it may have been cut off while it was copied", e);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            // Jackson's own limits (nesting depth, number and text length); its message names its API, not the file.
            throw new SceneFormatException(name + ": holds more than a scene file may (" + String.valueOf(
                    e.getOriginalMessage()).replaceAll(", from `[^`]*`", "") + ")", e);
        } catch (JsonProcessingException e) {
            String what = String.valueOf(e.getOriginalMessage()).startsWith("Non-standard token")
                    ? "NaN or Infinity, which JSON has no numbers for" : e.getOriginalMessage();
            throw new SceneFormatException(name + ": is not valid JSON (" + where(e) + ": " + what + ")", e);
        } catch (IOException e) {
            throw new SceneFormatException(name + ": cannot be read: " + e.getMessage(), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new SceneFormatException(name + ": the file is empty");
        }
        Map<String, String> kept = new LinkedHashMap<>();
        FieldReader r = new FieldReader(name, kept);
        FieldReader.Obj root = r.root(tree);
        JsonNode version = root.get("formatVersion");
        if (version == null) {
            throw r.fail("formatVersion", "missing: this is not a Classifier Lab scene file");
        }
        if (version.isNumber() && version.canConvertToInt() && version.intValue() > SceneDocument.FORMAT_VERSION) {
            throw r.fail("formatVersion", "written by a newer Classifier Lab: format " + version.intValue()
                    + ", this one reads up to " + SceneDocument.FORMAT_VERSION);
        }
        int v = root.integer("formatVersion", 1, SceneDocument.FORMAT_VERSION, "a format version");
        List<String> notes = new ArrayList<>();
        if (v < SceneDocument.FORMAT_VERSION) {
            SceneMigration.migrate((ObjectNode) tree, v, r);
            notes.add(name + ": written in scene format " + v + " and updated to format "
                    + SceneDocument.FORMAT_VERSION + " (saving writes the new format)");
        }
        root.get("writtenBy");
        String theme = root.text("theme", 32, null);
        String note = root.text("note", SceneDocument.MAX_NOTE, null);
        if (note != null && (note.indexOf('\n') >= 0 || note.indexOf('\r') >= 0)) {
            throw r.fail("note", "has a line break: a scene's note is one line");
        }
        DatasetRef dataset = readDataset(root, r);
        FieldReader.Obj layout = root.object("layout");
        SceneLesson primary = lessonKey(layout, "primary", r);
        SceneLesson secondary = layout.has("secondary") ? lessonKey(layout, "secondary", r) : null;
        layout.finish();
        Map<SceneLesson, LessonState> lessons = readLessons(root.optionalObject("lessons"), r);
        Map<SceneLesson, LessonState> secondaryLessons = readLessons(root.optionalObject("secondaryLessons"), r);
        root.finish();
        notes.addAll(r.notes());
        return new SceneDocument(theme, dataset, primary, secondary, lessons, secondaryLessons, note, notes, kept);
    }

    private static SceneLesson lessonKey(FieldReader.Obj o, String field, FieldReader r) throws SceneFormatException {
        String key = o.text(field, 64);
        SceneLesson l = SceneLesson.ofKey(key);
        if (l == null) {
            List<String> keys = new ArrayList<>();
            for (SceneLesson s : SceneLesson.values()) {
                keys.add(s.key());
            }
            throw r.fail(o.at(field), "\"" + key + "\" is not a lesson (" + String.join(", ", keys) + ")");
        }
        return l;
    }

    private static DatasetRef readDataset(FieldReader.Obj root, FieldReader r) throws SceneFormatException {
        FieldReader.Obj d = root.optionalObject("dataset");
        if (d == null) {
            return DatasetRef.SAMPLE;
        }
        String source = d.text("source", 16);
        DatasetRef ref;
        switch (source) {
            case "sample" -> ref = DatasetRef.SAMPLE;
            case "path" -> ref = DatasetRef.at(d.text("path", LessonCodec.MAX_TEXT), d.text("format", 64, null));
            default -> throw r.fail(d.at("source"), "\"" + source + "\" is not sample or path");
        }
        d.finish();
        return ref;
    }

    private static Map<SceneLesson, LessonState> readLessons(FieldReader.Obj o, FieldReader r)
            throws SceneFormatException {
        Map<SceneLesson, LessonState> map = new EnumMap<>(SceneLesson.class);
        if (o == null) {
            return map;
        }
        for (String key : o.fieldNames()) {
            SceneLesson l = SceneLesson.ofKey(key);
            if (l != null) {
                map.put(l, LessonCodec.read(l, o.object(key), r));
            }
        }
        o.finish();
        return map;
    }

    private static String where(JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        return l == null ? "at an unknown place" : "line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    /** The JSON text of {@code scene}, with the unknown fields it carries put back where they were. */
    public static byte[] toBytes(SceneDocument scene) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", SceneDocument.FORMAT_VERSION);
        root.put("writtenBy", WRITTEN_BY);
        if (scene.note() != null) {
            root.put("note", scene.note());
        }
        if (scene.theme() != null) {
            root.put("theme", scene.theme());
        }
        ObjectNode d = root.putObject("dataset");
        if (scene.dataset().sample()) {
            d.put("source", "sample");
        } else {
            d.put("source", "path");
            d.put("path", scene.dataset().path());
            if (scene.dataset().format() != null) {
                d.put("format", scene.dataset().format());
            }
        }
        ObjectNode layout = root.putObject("layout");
        layout.put("primary", scene.primary().key());
        if (scene.secondary() != null) {
            layout.put("secondary", scene.secondary().key());
        }
        root.set("lessons", lessons(scene.lessons()));
        if (scene.secondary() != null) {
            root.set("secondaryLessons", lessons(scene.secondaryLessons()));
        }
        scene.kept().forEach((pointer, json) -> putBack(root, pointer, json));
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scene tree could not be written", e);
        }
    }

    private static ObjectNode lessons(Map<SceneLesson, LessonState> states) {
        ObjectNode o = MAPPER.createObjectNode();
        states.forEach((lesson, state) -> o.set(lesson.key(), LessonCodec.write(state)));
        return o;
    }

    private static void putBack(ObjectNode root, String pointer, String json) {
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = root.at(p.head());
        String field = p.last().getMatchingProperty();
        if (parent instanceof ObjectNode o && !o.has(field)) {
            try {
                o.set(field, MAPPER.readTree(json));
            } catch (JsonProcessingException e) {
                // Kept text came from a parsed file, so it always parses; if not, the field is dropped.
            }
        }
    }

    /** Writes {@code scene} to {@code file} atomically (a temporary file in the same folder, then one move). */
    public static void write(Path file, SceneDocument scene) throws IOException {
        byte[] bytes = toBytes(scene);
        writeAtomically(file, out -> out.write(bytes));
    }

    /** What writes a file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code content} to a temporary file beside {@code target}, forces it to disk and moves it over the
     * target; if anything fails, the temporary file is deleted and the target is as it was.
     */
    public static void writeAtomically(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = Channels.newOutputStream(ch)) {
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
