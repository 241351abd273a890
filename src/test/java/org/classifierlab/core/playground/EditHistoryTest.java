package org.classifierlab.core.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EditHistoryTest {

    @Test
    void undoAndRedoWalkThroughTheSnapshots() {
        EditHistory<String> h = new EditHistory<>("a", 10);
        assertThat(h.canUndo()).isFalse();
        assertThat(h.canRedo()).isFalse();
        h.push("b");
        h.push("c");
        assertThat(h.current()).isEqualTo("c");
        assertThat(h.undo()).isEqualTo("b");
        assertThat(h.undo()).isEqualTo("a");
        assertThat(h.canUndo()).isFalse();
        assertThat(h.canRedo()).isTrue();
        assertThat(h.redo()).isEqualTo("b");
        assertThat(h.current()).isEqualTo("b");
        assertThat(h.redo()).isEqualTo("c");
        assertThat(h.canRedo()).isFalse();
    }

    @Test
    void pushClearsTheRedoSteps() {
        EditHistory<String> h = new EditHistory<>("a", 10);
        h.push("b");
        h.undo();
        h.push("x");
        assertThat(h.canRedo()).isFalse();
        assertThat(h.undo()).isEqualTo("a");
        assertThat(h.redo()).isEqualTo("x");
    }

    @Test
    void pushingTheCurrentSnapshotAgainAddsNoStep() {
        EditHistory<String> h = new EditHistory<>("a", 10);
        h.push("b");
        h.push(new String("b")); // equal, not the same object
        assertThat(h.undo()).isEqualTo("a");
        assertThat(h.canUndo()).isFalse();
        h.redo();
        h.undo();
        h.push("a"); // equal to the current snapshot: the redo step stays
        assertThat(h.canRedo()).isTrue();
    }

    @Test
    void theOldestStepsAreDroppedBeyondTheLimit() {
        EditHistory<Integer> h = new EditHistory<>(0, 3);
        for (int i = 1; i <= 5; i++) {
            h.push(i);
        }
        assertThat(h.undo()).isEqualTo(4);
        assertThat(h.undo()).isEqualTo(3);
        assertThat(h.undo()).isEqualTo(2);
        assertThat(h.canUndo()).isFalse();
        assertThatThrownBy(h::undo).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void impossibleStepsAndBadArgumentsAreRejected() {
        EditHistory<String> h = new EditHistory<>("a", 1);
        assertThatThrownBy(h::undo).isInstanceOf(IllegalStateException.class).hasMessage("nothing to undo");
        assertThatThrownBy(h::redo).isInstanceOf(IllegalStateException.class).hasMessage("nothing to redo");
        assertThatThrownBy(() -> h.push(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new EditHistory<>("a", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
