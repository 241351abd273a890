package org.classifierlab.app.shell;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** Which tab of a lesson is shown, by the tab's id, for scene files. FX thread only. */
public final class TabSelection {

    private TabSelection() {
    }

    /** The id of the selected tab, or null. */
    public static String selectedId(TabPane tabs) {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t == null ? null : t.getId();
    }

    /** Selects the tab with {@code id}; an unknown or null id leaves the selection as it is. */
    public static void select(TabPane tabs, String id) {
        if (id == null) {
            return;
        }
        for (Tab t : tabs.getTabs()) {
            if (id.equals(t.getId())) {
                tabs.getSelectionModel().select(t);
                return;
            }
        }
    }

    /** {@code state} as the lesson's own state type, or an exception naming both. */
    public static <T> T expect(Class<T> type, Object state) {
        if (!type.isInstance(state)) {
            throw new IllegalArgumentException("expected a " + type.getSimpleName() + ", got "
                    + (state == null ? "null" : state.getClass().getSimpleName()));
        }
        return type.cast(state);
    }
}
