package org.classifierlab.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The picture scale (File ▸ Picture scale) is remembered between runs; odd stored values read as 1×. */
class ExportScalePreferenceTest {

    private final Preferences node = Preferences.userRoot().node("org/classifierlab/test/export-scale");

    @AfterEach
    void clean() throws Exception {
        node.removeNode();
    }

    @Test
    void theChosenScaleIsReadBackByTheNextRun() {
        assertThat(new AppPreferences(node).exportScale()).isEqualTo(1);
        new AppPreferences(node).setExportScale(2);
        assertThat(new AppPreferences(node).exportScale()).isEqualTo(2);
        node.putInt("export.scale", 7);
        assertThat(new AppPreferences(node).exportScale()).isEqualTo(1);
    }
}
