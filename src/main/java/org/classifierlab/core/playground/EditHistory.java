package org.classifierlab.core.playground;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Undo/redo over immutable snapshots. Not thread-safe: use from one thread (normally the UI thread).
 *
 * @param <T> the snapshot type; snapshots must be immutable
 */
public final class EditHistory<T> {

    private final int limit;
    private final Deque<T> undo = new ArrayDeque<>();
    private final Deque<T> redo = new ArrayDeque<>();
    private T current;

    /**
     * Starts a history at {@code initial} that keeps at most {@code limit} undo steps.
     *
     * @throws IllegalArgumentException if {@code limit < 1}
     */
    public EditHistory(T initial, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        this.current = Objects.requireNonNull(initial, "initial");
        this.limit = limit;
    }

    /** The current snapshot. */
    public T current() {
        return current;
    }

    /**
     * Makes {@code next} current, clears the redo steps and forgets the oldest step beyond the limit. A
     * snapshot equal to the current one changes nothing (an undo step that undoes nothing would only
     * confuse), so two edits that each push the same end state leave one step.
     */
    public void push(T next) {
        Objects.requireNonNull(next, "next");
        if (next.equals(current)) {
            return;
        }
        undo.push(current);
        if (undo.size() > limit) {
            undo.removeLast();
        }
        redo.clear();
        current = next;
    }

    /** Whether there is a step to undo. */
    public boolean canUndo() {
        return !undo.isEmpty();
    }

    /** Whether there is a step to redo. */
    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /**
     * Steps back and returns the new current snapshot.
     *
     * @throws IllegalStateException if there is nothing to undo
     */
    public T undo() {
        if (undo.isEmpty()) {
            throw new IllegalStateException("nothing to undo");
        }
        redo.push(current);
        current = undo.pop();
        return current;
    }

    /**
     * Steps forward again and returns the new current snapshot.
     *
     * @throws IllegalStateException if there is nothing to redo
     */
    public T redo() {
        if (redo.isEmpty()) {
            throw new IllegalStateException("nothing to redo");
        }
        undo.push(current);
        current = redo.pop();
        return current;
    }
}
