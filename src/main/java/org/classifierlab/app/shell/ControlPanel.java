package org.classifierlab.app.shell;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

import org.classifierlab.app.icons.AppIcon;

/**
 * The parts a lesson's control panel (style class {@code control-panel}) is built from, so every lesson's panel
 * looks and behaves alike: the scrolling frame, section titles, label–value grids, rows, icon buttons. FX thread
 * only.
 */
public final class ControlPanel {

    private ControlPanel() {
    }

    /** The panel in a vertical scroller that fits its width (style class {@code control-panel-scroll}). */
    public static ScrollPane scroller(Node panel, String... moreStyleClasses) {
        ScrollPane controls = new ScrollPane(panel);
        controls.setFitToWidth(true);
        controls.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        controls.getStyleClass().add("control-panel-scroll");
        controls.getStyleClass().addAll(moreStyleClasses);
        return controls;
    }

    /** A section title. */
    public static Label section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        return l;
    }

    /**
     * A section whose title folds and unfolds its content (click the title, or Enter/Space on it): a long control
     * panel can show only the sections a lecture needs on a short projector screen. The title keeps the style class
     * {@code section-title} (plus {@code section-toggle}); its id is {@code id}.
     */
    public static final class Section {
        private final javafx.beans.property.BooleanProperty open = new javafx.beans.property.SimpleBooleanProperty(true);
        private final VBox box;

        private Section(String title, String id, Node... content) {
            Label header = section(title);
            header.setId(id);
            header.getStyleClass().add("section-toggle");
            header.setFocusTraversable(true);
            header.setMaxWidth(Double.MAX_VALUE);
            header.setCursor(javafx.scene.Cursor.HAND);
            header.textProperty().bind(javafx.beans.binding.Bindings.when(open).then("▾ " + title)
                    .otherwise("▸ " + title));
            header.setOnMouseClicked(e -> open.set(!open.get()));
            header.setOnKeyPressed(e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.ENTER || e.getCode() == javafx.scene.input.KeyCode.SPACE) {
                    open.set(!open.get());
                    e.consume();
                }
            });
            javafx.scene.control.Tooltip.install(header, new javafx.scene.control.Tooltip("Show or hide " + title));
            VBox body = new VBox();
            body.getStyleClass().add("section-body");
            body.getChildren().addAll(content);
            body.visibleProperty().bind(open);
            body.managedProperty().bind(open);
            box = new VBox(header, body);
            box.getStyleClass().add("control-section");
        }

        /** The title and its content, to add to the panel. */
        public VBox node() {
            return box;
        }

        /** Whether the content shows. */
        public javafx.beans.property.BooleanProperty openProperty() {
            return open;
        }
    }

    /** A {@link Section} titled {@code title} (title id {@code id}) holding {@code content}. */
    public static Section foldingSection(String title, String id, Node... content) {
        return new Section(title, id, content);
    }

    /** A bold value with id {@code id}, "…" until the first value arrives. */
    public static Label valueLabel(String id) {
        Label l = new Label("…");
        l.setId(id);
        l.getStyleClass().add("metric-value");
        return l;
    }

    /** A grid of label–value rows: labels keep their full text, values take the rest of the width. */
    public static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        // Labels keep their full text (the projector theme's large type must not turn them into "Dist…").
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().setAll(labels, values);
        return g;
    }

    /** Nodes side by side, centred vertically. */
    public static HBox row(Node... nodes) {
        HBox h = new HBox(6, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    /** A button that shows only {@code icon}, says {@code tip} on hover and runs {@code action}. */
    public static Button iconButton(AppIcon icon, String tip, Runnable action) {
        Button b = new Button(null, icon.node());
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** The undo button (id {@code undo}): runs {@code undo}, disabled while {@code canUndo} is false. */
    public static Button undoButton(Runnable undo, ReadOnlyBooleanProperty canUndo) {
        Button b = iconButton(AppIcon.UNDO, "Undo (Ctrl+Z)", undo);
        b.setId("undo");
        b.disableProperty().bind(canUndo.not());
        return b;
    }

    /** The redo button (id {@code redo}): runs {@code redo}, disabled while {@code canRedo} is false. */
    public static Button redoButton(Runnable redo, ReadOnlyBooleanProperty canRedo) {
        Button b = iconButton(AppIcon.REDO, "Redo (Ctrl+Shift+Z)", redo);
        b.setId("redo");
        b.disableProperty().bind(canRedo.not());
        return b;
    }

    /** Shows each value of a choice box as {@code name.apply(value)}; nothing is parsed back. */
    public static <T> StringConverter<T> displayNames(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : name.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /**
     * Makes the commits an editable whole-number spinner does by itself (Enter, focus loss, an arrow click after
     * typing) keep the current value when the text is not a whole number within the spinner's bounds, instead of
     * throwing {@link NumberFormatException} into the error dialog; the lesson's own commit explains and corrects.
     */
    public static void wholeNumbers(Spinner<Integer> spinner) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f =
                (SpinnerValueFactory.IntegerSpinnerValueFactory) spinner.getValueFactory();
        f.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : Integer.toString(v);
            }

            @Override
            public Integer fromString(String s) {
                try {
                    int v = Integer.parseInt(s == null ? "" : s.strip());
                    return v >= f.getMin() && v <= f.getMax() ? v : f.getValue();
                } catch (NumberFormatException e) {
                    return f.getValue();
                }
            }
        });
    }

    /**
     * An editable whole-number spinner (id {@code id}) from {@code min} to {@code max}: typed text counts on Enter
     * and on focus loss, clamped into the bounds; text that is not a whole number shows the value in force again.
     */
    public static Spinner<Integer> intSpinner(String id, int min, int max, int value) {
        Spinner<Integer> s = new Spinner<>(min, max, Math.max(min, Math.min(max, value)));
        s.setId(id);
        s.setEditable(true);
        wholeNumbers(s);
        s.setPrefWidth(100);
        s.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                commitTyped(s);
            }
        });
        s.getEditor().setOnAction(e -> commitTyped(s));
        return s;
    }

    /** Commits the typed text of an {@link #intSpinner} (thousands separators allowed), clamped into its bounds. */
    public static void commitTyped(Spinner<Integer> s) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f = (SpinnerValueFactory.IntegerSpinnerValueFactory) s.getValueFactory();
        try {
            int v = Integer.parseInt(s.getEditor().getText().strip().replace(",", ""));
            f.setValue(Math.max(f.getMin(), Math.min(f.getMax(), v)));
        } catch (NumberFormatException ex) {
            // Not a whole number: the value in force is shown again below.
        }
        s.getEditor().setText(Integer.toString(f.getValue()));
    }
}
