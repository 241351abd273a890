package org.classifierlab.app.gallery;

import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;

import org.classifierlab.app.shell.ControlPanel;

/**
 * Editable whole-number spinners of the image panels: typed text is committed on Enter and on focus loss,
 * clamped to the bounds, and nonsense puts the value in force back. FX thread only.
 */
final class GallerySpinners {

    private GallerySpinners() {
    }

    static Spinner<Integer> of(String id, int min, int max, int value) {
        Spinner<Integer> s = ControlPanel.intSpinner(id, min, max, value);
        s.setPrefWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        s.getStyleClass().add("count-spinner");
        return s;
    }

    /** New bounds and value for {@code s}. */
    static void setRange(Spinner<Integer> s, int min, int max, int value) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f = factory(s);
        f.setMin(min);
        f.setMax(max);
        f.setValue(Math.max(min, Math.min(max, value)));
        s.getEditor().setText(Integer.toString(f.getValue()));
    }

    static void commit(Spinner<Integer> s) {
        ControlPanel.commitTyped(s);
    }

    private static SpinnerValueFactory.IntegerSpinnerValueFactory factory(Spinner<Integer> s) {
        return (SpinnerValueFactory.IntegerSpinnerValueFactory) s.getValueFactory();
    }
}
