package org.classifierlab.core.scene;

/** One 2D point of a scene: position, class and (playground only) whether it is a held-out test point. Any thread. */
public record ScenePoint(double x, double y, int label, boolean test) {
}
