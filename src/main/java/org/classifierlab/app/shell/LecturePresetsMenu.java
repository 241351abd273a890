package org.classifierlab.app.shell;

import java.util.LinkedHashMap;
import java.util.Map;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

import org.classifierlab.core.scene.LecturePresets;
import org.classifierlab.core.scene.SceneFormatException;

/**
 * File ▸ Lecture presets: the Lecture 2 tour, then every preset shipped with the app, one submenu per part of the
 * lecture, in the lecture's order. FX thread only.
 */
final class LecturePresetsMenu {

    private LecturePresetsMenu() {
    }

    static Menu build(SceneCommands scenes, TourController tour) {
        Menu menu = new Menu("Lecture presets");
        menu.setId("lecturePresetsMenu");
        LecturePresets presets;
        try {
            presets = LecturePresets.bundled();
        } catch (SceneFormatException e) {
            MenuItem broken = new MenuItem("The presets of this build do not read: " + e.getMessage());
            broken.setDisable(true);
            menu.getItems().add(broken);
            return menu;
        }
        MenuItem start = new MenuItem("Start the tour: " + presets.title());
        start.setId("startTourMenu");
        start.setMnemonicParsing(false);
        start.setOnAction(e -> tour.start(presets));
        menu.getItems().addAll(start, new SeparatorMenuItem());
        Map<String, Menu> parts = new LinkedHashMap<>();
        for (LecturePresets.Preset p : presets.presets()) {
            Menu part = parts.computeIfAbsent(p.part(), name -> {
                Menu m = new Menu(name);
                m.setMnemonicParsing(false);
                return m;
            });
            MenuItem item = new MenuItem(p.title());
            item.setId("preset-" + p.file().replace(".json", ""));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> scenes.openPreset(p));
            part.getItems().add(item);
        }
        menu.getItems().addAll(parts.values());
        return menu;
    }
}
