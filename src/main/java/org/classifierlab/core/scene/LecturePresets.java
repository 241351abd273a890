package org.classifierlab.core.scene;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The lecture presets shipped with the app (scene files under {@code /assets/presets/} on the class path) and the
 * Lecture 2 tour through them, as the index file {@code lecture-2.json} describes them: every preset with its menu
 * title and the part of the lecture it belongs to, and the tour's steps in the lecture's order, each naming a preset
 * and a short caption (and, optionally, {@code "controlPanel": false} to hide the control panels for that step). Reading checks every field (unknown fields are refused: the file is ours, so a typo is a bug)
 * and that every step names a listed preset. Immutable; any thread.
 *
 * @param title   the tour's title ("Lecture 2: Image classification")
 * @param presets every preset, in menu order
 * @param steps   the tour, in the lecture's order
 */
public record LecturePresets(String title, List<Preset> presets, List<Step> steps) {

    /** Where the presets and the index live on the class path. */
    public static final String RESOURCE_DIR = "/assets/presets/";
    /** The index file's name. */
    public static final String INDEX = "lecture-2.json";
    /** The version of the index format this build reads. */
    public static final int FORMAT_VERSION = 1;
    static final int MAX_TITLE = 80;
    static final int MAX_CAPTION = 160;
    static final int MAX_ENTRIES = 200;
    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One preset: its file name under {@link #RESOURCE_DIR}, its menu title and the lecture part it belongs to. */
    public record Preset(String file, String title, String part) {
        public Preset {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(part, "part");
        }
    }

    /**
     * One step of the tour: the preset it opens, the caption shown with it and its lecture part; {@code controlPanel}
     * false hides the lessons' control panels for the step (two lessons side by side need the room).
     */
    public record Step(Preset preset, String caption, boolean controlPanel) {
        public Step {
            Objects.requireNonNull(preset, "preset");
            Objects.requireNonNull(caption, "caption");
        }

        public String part() {
            return preset.part();
        }
    }

    public LecturePresets {
        presets = List.copyOf(presets);
        steps = List.copyOf(steps);
    }

    /** The index shipped on the class path, read and checked. */
    public static LecturePresets bundled() throws SceneFormatException {
        return parse(INDEX, resource(INDEX));
    }

    /** The bytes of the file {@code name} under {@link #RESOURCE_DIR} on the class path. */
    public static byte[] resource(String name) throws SceneFormatException {
        if (!FILE_NAME.matcher(name).matches()) {
            throw new SceneFormatException(name + ": is not the name of a preset file");
        }
        try (InputStream in = LecturePresets.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new SceneFormatException(name + ": is not among the presets shipped with this build ("
                        + RESOURCE_DIR + ")");
            }
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, SceneFile.MAX_BYTES + 1));
        } catch (IOException e) {
            throw new SceneFormatException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads and checks preset {@code p}'s scene file from the class path. */
    public static SceneDocument open(Preset p) throws SceneFormatException {
        return SceneFile.parse(p.file(), resource(p.file()));
    }

    /** The preset called {@code file}, or null. */
    public Preset preset(String file) {
        for (Preset p : presets) {
            if (p.file().equals(file)) {
                return p;
            }
        }
        return null;
    }

    /** Parses and checks an index file called {@code name} (for messages). */
    public static LecturePresets parse(String name, byte[] bytes) throws SceneFormatException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new SceneFormatException(name + ": is not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new SceneFormatException(name + ": cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> unknown = new LinkedHashMap<>();
        FieldReader r = new FieldReader(name, unknown);
        FieldReader.Obj root = r.root(tree);
        root.integer("formatVersion", FORMAT_VERSION, FORMAT_VERSION, "the preset index format " + FORMAT_VERSION);
        String title = line(root, "title", MAX_TITLE, r);
        FieldReader.Arr list = root.array("presets", 1, MAX_ENTRIES, "presets");
        Map<String, Preset> byFile = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            FieldReader.Obj o = list.object(i);
            String file = o.text("file", 64);
            if (!FILE_NAME.matcher(file).matches()) {
                throw r.fail(o.at("file"), "\"" + file + "\" is not a preset file name (lower-case letters, digits "
                        + "and -, ending in .json)");
            }
            if (byFile.containsKey(file)) {
                throw r.fail(o.at("file"), file + " is listed twice");
            }
            byFile.put(file, new Preset(file, line(o, "title", MAX_TITLE, r), line(o, "part", MAX_TITLE, r)));
            o.finish();
        }
        FieldReader.Arr tour = root.array("tour", 1, MAX_ENTRIES, "tour steps");
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < tour.size(); i++) {
            FieldReader.Obj o = tour.object(i);
            String file = o.text("preset", 64);
            Preset p = byFile.get(file);
            if (p == null) {
                throw r.fail(o.at("preset"), file + " is not one of the presets listed in \"presets\"");
            }
            steps.add(new Step(p, line(o, "caption", MAX_CAPTION, r), o.bool("controlPanel", true)));
            o.finish();
        }
        root.finish();
        if (!unknown.isEmpty()) {
            // The index is ours, so a field nobody reads is a typo, not something to keep.
            throw new SceneFormatException(name + ": " + unknown.keySet().iterator().next()
                    + " is not a field of the preset index");
        }
        return new LecturePresets(title, new ArrayList<>(byFile.values()), steps);
    }

    /** A required, non-blank, one-line text field. */
    private static String line(FieldReader.Obj o, String field, int max, FieldReader r) throws SceneFormatException {
        String t = o.text(field, max);
        if (t.isBlank()) {
            throw r.fail(o.at(field), "is empty");
        }
        if (t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
            throw r.fail(o.at(field), "has a line break: it is one line");
        }
        return t.strip();
    }
}
