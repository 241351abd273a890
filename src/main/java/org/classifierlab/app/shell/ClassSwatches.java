package org.classifierlab.app.shell;

import java.util.function.IntFunction;

import javafx.beans.property.IntegerProperty;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * The toggle buttons that choose the class of new points, one per class with its marker (ids
 * {@code addClass<number>}), always one selected, kept in step with the chosen class both ways. FX thread only.
 */
public final class ClassSwatches extends FlowPane {

    private final ToggleGroup group = new ToggleGroup();
    private final IntegerProperty chosen;
    private final int firstNumber;
    private final IntFunction<Node> icon;
    private final IntFunction<String> tooltip;

    /**
     * Swatches for {@code chosen} (a 0-based class); class c is shown as number {@code c + firstNumber} with
     * {@code icon.apply(c)} and tooltip {@code tooltip.apply(c)}. There are none until {@link #rebuild}.
     */
    public ClassSwatches(IntegerProperty chosen, int firstNumber, IntFunction<Node> icon,
            IntFunction<String> tooltip) {
        super(4, 4);
        this.chosen = chosen;
        this.firstNumber = firstNumber;
        this.icon = icon;
        this.tooltip = tooltip;
        group.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                chosen.set((Integer) t.getUserData());
            } else if (a != null && !group.getToggles().isEmpty()) {
                a.setSelected(true);
            }
        });
        chosen.addListener((o, a, c) -> group.getToggles().forEach(t -> t.setSelected(t.getUserData().equals(c))));
    }

    /** One swatch for each of {@code classes} classes (again, e.g. after the class count or the colours changed). */
    public void rebuild(int classes) {
        getChildren().clear();
        group.getToggles().clear();
        for (int c = 0; c < classes; c++) {
            ToggleButton b = new ToggleButton(Integer.toString(c + firstNumber), icon.apply(c));
            b.getStyleClass().add("class-swatch");
            b.setId("addClass" + (c + firstNumber));
            b.setToggleGroup(group);
            b.setUserData(c);
            b.setSelected(c == chosen.get());
            b.setTooltip(new Tooltip(tooltip.apply(c)));
            getChildren().add(b);
        }
    }
}
