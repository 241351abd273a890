package org.classifierlab.app.loss;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.classifierlab.core.linear.HingeLoss;

/**
 * Everything the user can change in the explorer, as one immutable snapshot for undo: the examples table,
 * which row is explored (or −1 for a preset's state that is not in the table), that preset state, and the
 * hinge-loss options. Any thread.
 *
 * @param examples the table's examples, never empty
 * @param selected the explored row, or −1 when {@code scratch} is explored
 * @param scratch  a state loaded by a preset, explored when {@code selected} is −1; may be null otherwise
 * @param options  margin Δ, squared hinge, sum including y, mean instead of sum
 */
public record LossState(List<LossExample> examples, int selected, LossExample scratch, HingeLoss.Options options) {

    public LossState {
        examples = List.copyOf(examples);
        Objects.requireNonNull(options, "options");
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("the examples table is never empty");
        }
        if (selected < -1 || selected >= examples.size()) {
            throw new IllegalArgumentException("no example row " + selected);
        }
        if (selected < 0 && scratch == null) {
            throw new IllegalArgumentException("nothing to explore: no row selected and no preset state");
        }
    }

    /** The slides' three examples, the first explored, with the lecture's hinge loss (Δ = 1). */
    public static LossState initial() {
        return new LossState(LossExample.slideExamples(), 0, null, HingeLoss.Options.STANDARD);
    }

    /** The example shown in the explorer. */
    public LossExample current() {
        return selected >= 0 ? examples.get(selected) : scratch;
    }

    /** Whether the explored example is a table row (edits then change that row). */
    public boolean exploringRow() {
        return selected >= 0;
    }

    /** The state with the explored example replaced: the table row if a row is explored, else the scratch. */
    public LossState withCurrent(LossExample e) {
        if (selected < 0) {
            return new LossState(examples, -1, e, options);
        }
        List<LossExample> list = new ArrayList<>(examples);
        list.set(selected, e);
        return new LossState(list, selected, scratch, options);
    }

    public LossState withSelected(int row) {
        return new LossState(examples, row, scratch, options);
    }

    /** Explores {@code e}, which is not a table row. */
    public LossState withScratch(LossExample e) {
        return new LossState(examples, -1, e, options);
    }

    public LossState withExamples(List<LossExample> list, int row) {
        return new LossState(list, row, scratch, options);
    }

    public LossState withOptions(HingeLoss.Options o) {
        return new LossState(examples, selected, scratch, o);
    }
}
