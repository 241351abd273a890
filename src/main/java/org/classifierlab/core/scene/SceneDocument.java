package org.classifierlab.core.scene;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A whole scene: which lessons are open (the primary pane's and, side by side, the secondary pane's), the state of
 * every lesson each pane holds, the theme and the dataset. Read back, it also carries the notes of what the reader
 * did not know (and kept: {@code kept} maps each unknown field's path to its JSON text, written out again on save).
 * Immutable; any thread.
 *
 * @param primary          the lesson shown in the primary pane
 * @param secondary        the lesson of the second pane, or null when there is one pane
 * @param lessons          states of the primary pane's lessons
 * @param secondaryLessons states of the secondary pane's lessons (empty with one pane)
 * @param note             one line saying what the scene shows (a lecture preset's caption), or null; optional in
 *                         format 2, so files without it (and version-1 files) read with null
 */
public record SceneDocument(String theme, DatasetRef dataset, SceneLesson primary, SceneLesson secondary,
                            Map<SceneLesson, LessonState> lessons, Map<SceneLesson, LessonState> secondaryLessons,
                            String note, List<String> notes, Map<String, String> kept) {

    /** The version this build writes; it reads every version from 1 up to this one. */
    public static final int FORMAT_VERSION = 2;
    /** Longest note: one line for a caption (a few sentences at most). */
    public static final int MAX_NOTE = 400;

    public SceneDocument {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(dataset, "dataset");
        lessons = copy(lessons);
        secondaryLessons = copy(secondaryLessons);
        notes = List.copyOf(notes);
        kept = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kept));
        if (note != null && (note.length() > MAX_NOTE || note.indexOf('\n') >= 0 || note.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException("a scene's note is one line of at most " + MAX_NOTE + " characters");
        }
    }

    /** A scene to save (nothing unknown kept). */
    public static SceneDocument of(String theme, DatasetRef dataset, SceneLesson primary, SceneLesson secondary,
                                   Map<SceneLesson, LessonState> lessons, Map<SceneLesson, LessonState> secondaryLessons) {
        return new SceneDocument(theme, dataset, primary, secondary, lessons, secondaryLessons, null, List.of(),
                Map.of());
    }

    /** The same scene with {@code line} as its note (null: none). */
    public SceneDocument withNote(String line) {
        return new SceneDocument(theme, dataset, primary, secondary, lessons, secondaryLessons, line, notes, kept);
    }

    /** The same scene carrying {@code keptFields} (unknown fields of the file it came from) to write out again. */
    public SceneDocument keeping(Map<String, String> keptFields) {
        return new SceneDocument(theme, dataset, primary, secondary, lessons, secondaryLessons, note, notes,
                keptFields);
    }

    private static Map<SceneLesson, LessonState> copy(Map<SceneLesson, LessonState> m) {
        Map<SceneLesson, LessonState> c = new EnumMap<>(SceneLesson.class);
        m.forEach((k, v) -> {
            if (v.lesson() != k) {
                throw new IllegalArgumentException("the state of " + v.lesson() + " is filed under " + k);
            }
            c.put(k, v);
        });
        return java.util.Collections.unmodifiableMap(c);
    }
}
