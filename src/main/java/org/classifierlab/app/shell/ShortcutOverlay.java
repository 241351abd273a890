package org.classifierlab.app.shell;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The "?"/F1 overlay: every shortcut of the application and of the open lesson, grouped, on a card over a
 * dimmed window. Click anywhere or press Esc to close. FX thread only.
 */
public final class ShortcutOverlay {

    private final StackPane layer = new StackPane();
    private final Supplier<List<Shortcut>> shortcuts;

    public ShortcutOverlay(Supplier<List<Shortcut>> shortcuts) {
        this.shortcuts = Objects.requireNonNull(shortcuts);
        layer.getStyleClass().add("shortcut-overlay");
        layer.setId("shortcutOverlay");
        layer.setVisible(false);
        layer.setOnMouseClicked(e -> hide());
    }

    public Node node() {
        return layer;
    }

    public boolean isShowing() {
        return layer.isVisible();
    }

    public void toggle() {
        if (isShowing()) {
            hide();
        } else {
            show();
        }
    }

    public void show() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        String group = null;
        for (Shortcut s : shortcuts.get()) {
            if (!s.group().equals(group)) {
                group = s.group();
                Label g = new Label(group);
                g.getStyleClass().add("group");
                grid.add(g, 0, row++, 2, 1);
            }
            Label keys = new Label(s.keys());
            keys.getStyleClass().add("key");
            grid.add(keys, 0, row);
            grid.add(new Label(s.action()), 1, row++);
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("title");
        Label hint = new Label("Press Esc, F1 or ? to close");
        hint.getStyleClass().add("hint");
        VBox card = new VBox(10, title, grid, hint);
        card.getStyleClass().add("card");
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        ScrollPane scroll = new ScrollPane(card);
        scroll.setFitToWidth(true);
        scroll.setMaxSize(ScrollPane.USE_PREF_SIZE, ScrollPane.USE_PREF_SIZE);
        scroll.setStyle("-fx-background-color: transparent; -fx-background: transparent;");
        layer.getChildren().setAll(scroll);
        StackPane.setAlignment(scroll, Pos.CENTER);
        layer.setVisible(true);
        layer.requestFocus();
    }

    public void hide() {
        layer.setVisible(false);
        layer.getChildren().clear();
    }

    /** True when the key goes to a text field, where "?" and digits are typing, not shortcuts. */
    public static boolean isTyping(KeyEvent e) {
        return e.getTarget() instanceof TextInputControl
                || (e.getTarget() instanceof Node n && n.getScene() != null
                        && n.getScene().getFocusOwner() instanceof TextInputControl);
    }
}
