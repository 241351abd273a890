package org.classifierlab.core.scene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Brings the JSON tree of an older scene file up to {@link SceneDocument#FORMAT_VERSION}, one version at a time, on
 * the tree (before any checking, so the checks of the current version apply to old files too). Any thread.
 *
 * <p>Version 1 (the first scenes, k-NN playground only) wrote the playground's points as {@code [[x, y, class]]}
 * arrays, all of them training points, and no layout. Version 2 writes each point as
 * {@code {"x", "y", "class", "test"}} and names the lessons open.
 */
final class SceneMigration {

    private SceneMigration() {
    }

    /** Migrates {@code root} of version {@code version} in place; returns the version reached. */
    static int migrate(ObjectNode root, int version, FieldReader r) throws SceneFormatException {
        int v = version;
        if (v == 1) {
            fromVersion1(root, r);
            v = 2;
        }
        root.put("formatVersion", v);
        return v;
    }

    private static void fromVersion1(ObjectNode root, FieldReader r) throws SceneFormatException {
        JsonNode lessons = root.get("lessons");
        JsonNode playground = lessons == null ? null : lessons.get(SceneLesson.KNN_PLAYGROUND.key());
        if (playground instanceof ObjectNode p && p.get("points") instanceof ArrayNode old) {
            ArrayNode points = JsonNodeFactory.instance.arrayNode(old.size());
            for (int i = 0; i < old.size(); i++) {
                JsonNode e = old.get(i);
                String path = "lessons." + SceneLesson.KNN_PLAYGROUND.key() + ".points[" + i + "]";
                if (!e.isArray() || e.size() != 3) {
                    throw r.fail(path, FieldReader.describe(e) + " is not a version-1 point [x, y, class]");
                }
                ObjectNode n = points.addObject();
                n.set("x", e.get(0));
                n.set("y", e.get(1));
                n.set("class", e.get(2));
                n.put("test", false);
            }
            p.set("points", points);
        }
        if (!root.has("layout")) {
            root.putObject("layout").put("primary", SceneLesson.KNN_PLAYGROUND.key());
        }
    }
}
