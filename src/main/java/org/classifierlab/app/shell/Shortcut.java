package org.classifierlab.app.shell;

/** One line of the shortcut overlay: the keys as the user types them and what they do. Immutable. */
public record Shortcut(String group, String keys, String action) {
}
