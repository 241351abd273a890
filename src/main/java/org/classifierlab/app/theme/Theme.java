package org.classifierlab.app.theme;

import java.util.List;

import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * The three looks of the studio. All colours live as CSS tokens in {@code classifier-lab.css};
 * a theme is a style class on the scene root that redefines them. FX thread only.
 */
public enum Theme {
    LIGHT("Light", "theme-light"),
    DARK("Dark", "theme-dark"),
    PROJECTOR("Projector (high contrast)", "theme-projector");

    /** The one stylesheet every scene of the app uses. */
    public static final String STYLESHEET =
            Theme.class.getResource("/org/classifierlab/app/classifier-lab.css").toExternalForm();

    private final String label;
    private final String styleClass;

    Theme(String label, String styleClass) {
        this.label = label;
        this.styleClass = styleClass;
    }

    public String label() {
        return label;
    }

    public String styleClass() {
        return styleClass;
    }

    /** The next theme in menu order, for the cycle shortcut. */
    public Theme next() {
        Theme[] all = values();
        return all[(ordinal() + 1) % all.length];
    }

    /** Puts this theme on {@code scene}: the shared stylesheet plus this theme's root style class. */
    public void applyTo(Scene scene) {
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
        Parent root = scene.getRoot();
        root.getStyleClass().removeAll(List.of(LIGHT.styleClass, DARK.styleClass, PROJECTOR.styleClass));
        root.getStyleClass().add(styleClass);
    }

    /** The theme named {@code name}, or LIGHT when the name is unknown (e.g. from an older preference). */
    public static Theme parse(String name) {
        for (Theme t : values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        return LIGHT;
    }
}
