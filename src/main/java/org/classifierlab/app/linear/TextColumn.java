package org.classifierlab.app.linear;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.util.Callback;

import org.classifierlab.app.render.TextMeter;

/**
 * A read-only table column of the lesson's tables: one text per row under a header with a tooltip, an optional
 * style class per cell, and a minimum width that fits the widest text it is told of in the cells' own font (bold
 * too), so a number never shrinks to "−...". Tables using it share their width out with {@link #FIT_OR_SCROLL}.
 * FX thread only.
 */
final class TextColumn<R> extends TableColumn<R, R> {

    /**
     * Shares the table's width out among its columns in proportion to their preferred widths but never below a
     * column's minimum; when the minimums do not fit, the columns keep them and the table scrolls sideways. A
     * column the user drags keeps the width dragged to.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final Callback<TableView.ResizeFeatures, Boolean> FIT_OR_SCROLL = f -> fitOrScroll(f);

    /** Room beyond the measured text, so rounding of layout never brings the ellipsis back. */
    private static final double SLACK = 2;

    private final Function<R, String> text;
    private final TextMeter meter = new TextMeter();
    private List<String> widest = List.of();
    private Font cellFont;
    private double cellInsets;

    /** Column {@code title} shows {@code text.apply(row)}; {@code styleClass.apply(row)} marks a cell (null: not). */
    TextColumn(String title, String tip, Function<R, String> text, Function<R, String> styleClass) {
        this.text = text;
        Label header = new Label(title);
        header.setTooltip(new Tooltip(tip));
        setGraphic(header);
        setSortable(false);
        setReorderable(false);
        setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        setCellFactory(c -> new TableCell<>() {
            private String marked;

            @Override
            protected void updateItem(R row, boolean empty) {
                super.updateItem(row, empty);
                if (marked != null) {
                    getStyleClass().remove(marked);
                    marked = null;
                }
                if (empty || row == null) {
                    setText(null);
                } else {
                    setText(text.apply(row));
                    marked = styleClass.apply(row);
                    if (marked != null) {
                        getStyleClass().add(marked);
                    }
                }
            }

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                // By layout the cell has its CSS: the font and padding the theme gives the column's text.
                measuredWith(getFont(), snappedLeftInset() + snappedRightInset());
            }
        });
    }

    /** The column's minimum width fits the widest of {@code texts} (e.g. the longest number it will show). */
    void fitTo(Collection<String> texts) {
        List<String> copy = List.copyOf(texts);
        if (!copy.equals(widest)) {
            widest = copy;
            refit();
        }
    }

    /** The column's minimum width fits the text of every row the table holds now (for short tables). */
    void fitToItems() {
        List<String> texts = new ArrayList<>();
        if (getTableView() != null) {
            for (R row : getTableView().getItems()) {
                texts.add(text.apply(row));
            }
        }
        fitTo(texts);
    }

    private void measuredWith(Font font, double insets) {
        if (!font.equals(cellFont) || insets != cellInsets) {
            cellFont = font;
            cellInsets = insets;
            refit();
        }
    }

    private void refit() {
        if (cellFont == null) {
            return;
        }
        // Marked cells are bold: the wider of the two faces fits both.
        Font bold = Font.font(cellFont.getFamily(), FontWeight.BOLD, cellFont.getSize());
        double textWidth = 0;
        for (String s : widest) {
            textWidth = Math.max(textWidth, Math.max(meter.width(s, cellFont), meter.width(s, bold)));
        }
        double min = Math.ceil(textWidth + cellInsets + SLACK);
        if (min != getMinWidth()) {
            setMinWidth(min);
            TableView<R> table = getTableView();
            if (table != null) {
                table.getColumnResizePolicy().call(new TableView.ResizeFeatures<>(table, null, 0.0));
            }
        }
    }

    private static <S> boolean fitOrScroll(TableView.ResizeFeatures<S> f) {
        if (f.getColumn() != null) {
            return TableView.UNCONSTRAINED_RESIZE_POLICY.call(f);
        }
        List<TableColumn<S, ?>> columns = f.getTable().getVisibleLeafColumns();
        double available = f.getContentWidth();
        if (columns.isEmpty() || available <= 0) {
            return false;
        }
        int n = columns.size();
        double[] width = new double[n];
        boolean[] atMinimum = new boolean[n];
        double free = available;
        double weights = 0;
        for (TableColumn<S, ?> c : columns) {
            weights += c.getPrefWidth();
        }
        // Columns whose share would be below their minimum get the minimum; the rest share what is left.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < n; i++) {
                TableColumn<S, ?> c = columns.get(i);
                if (!atMinimum[i] && (weights <= 0 || free * c.getPrefWidth() / weights < c.getMinWidth())) {
                    atMinimum[i] = true;
                    width[i] = c.getMinWidth();
                    free -= c.getMinWidth();
                    weights -= c.getPrefWidth();
                    changed = true;
                }
            }
        }
        double used = 0;
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (!atMinimum[i]) {
                width[i] = Math.floor(free * columns.get(i).getPrefWidth() / weights);
                last = i;
            }
            used += width[i];
        }
        if (last >= 0) {
            width[last] += Math.max(0, Math.floor(available - used));
        }
        for (int i = 0; i < n; i++) {
            f.setColumnWidth(columns.get(i), width[i]);
        }
        return true;
    }
}
