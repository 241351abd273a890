package org.classifierlab.app.shell;

import java.util.function.Function;

import org.classifierlab.app.icons.AppIcon;
import org.classifierlab.app.gallery.ImageNeighboursLesson;
import org.classifierlab.app.knn.KnnPlaygroundLesson;
import org.classifierlab.app.linear.LinearClassifierLesson;
import org.classifierlab.app.loss.LossExplorerLesson;

/** The lessons listed in the navigator, each with its icon and a factory. FX thread only. */
public enum LessonKind {
    KNN_PLAYGROUND("k-NN playground", "Nearest neighbours, L1/L2, K and cross-validation on 2D points",
            AppIcon.KNN_PLAYGROUND, KnnPlaygroundLesson::new),
    IMAGE_NEIGHBOURS("Nearest neighbours on images", "CIFAR-10 galleries: a test image's nearest training images "
            + "under L1 and L2, choosing K, pixel distances", AppIcon.IMAGE_NEIGHBOURS, ImageNeighboursLesson::new),
    IMAGE_LINEAR("Linear classifier on images", "SVM and softmax trained on CIFAR-10 as the assignments do: the "
            + "templates live, one image's scores, confusion, hyperparameter search, Wx + b written out",
            AppIcon.IMAGE_LINEAR, org.classifierlab.app.templates.ImageLinearLesson::new),
    LINEAR_CLASSIFIER("Linear classifier", "f(x) = Wx + b in 2D: regions, losses, gradients, optimisation",
            AppIcon.LINEAR_CLASSIFIER, LinearClassifierLesson::new),
    LOSS_EXPLORER("Loss explorer", "Hinge vs cross-entropy on one example: margins, softmax step by step",
            AppIcon.LOSS_EXPLORER, LossExplorerLesson::new);

    private final String title;
    private final String summary;
    private final AppIcon icon;
    private final Function<AppContext, Lesson> factory;

    LessonKind(String title, String summary, AppIcon icon, Function<AppContext, Lesson> factory) {
        this.title = title;
        this.summary = summary;
        this.icon = icon;
        this.factory = factory;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public AppIcon icon() {
        return icon;
    }

    /** The lesson's key in scene files. */
    public org.classifierlab.core.scene.SceneLesson sceneLesson() {
        return switch (this) {
            case KNN_PLAYGROUND -> org.classifierlab.core.scene.SceneLesson.KNN_PLAYGROUND;
            case IMAGE_NEIGHBOURS -> org.classifierlab.core.scene.SceneLesson.IMAGE_NEIGHBOURS;
            case IMAGE_LINEAR -> org.classifierlab.core.scene.SceneLesson.IMAGE_LINEAR;
            case LINEAR_CLASSIFIER -> org.classifierlab.core.scene.SceneLesson.LINEAR_2D;
            case LOSS_EXPLORER -> org.classifierlab.core.scene.SceneLesson.LOSS_EXPLORER;
        };
    }

    /** The lesson of scene key {@code lesson}. */
    public static LessonKind of(org.classifierlab.core.scene.SceneLesson lesson) {
        for (LessonKind k : values()) {
            if (k.sceneLesson() == lesson) {
                return k;
            }
        }
        throw new IllegalArgumentException("no lesson for " + lesson);
    }

    /** A fresh instance of the lesson; two panes side by side get two independent instances. */
    public Lesson create(AppContext context) {
        return factory.apply(context);
    }
}
