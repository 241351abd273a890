/**
 * Classifier Lab: {@code core} holds the algorithms (no JavaFX), {@code cli} the headless commands,
 * {@code app} the JavaFX studio.
 */
module org.classifierlab {
    requires javafx.controls;
    requires java.desktop;
    requires java.prefs;
    requires java.net.http;
    requires java.management;
    requires org.controlsfx.controls;
    requires org.kordamp.ikonli.core;
    requires org.kordamp.ikonli.javafx;
    requires org.kordamp.ikonli.materialdesign2;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires org.apache.commons.compress;
    requires jdk.incubator.vector;

    exports org.classifierlab.core;
    exports org.classifierlab.core.data;
    exports org.classifierlab.core.embedding;
    exports org.classifierlab.core.images;
    exports org.classifierlab.core.knn;
    exports org.classifierlab.core.linear;
    exports org.classifierlab.core.linear.image;
    exports org.classifierlab.core.playground;
    exports org.classifierlab.core.scene;
    exports org.classifierlab.app to javafx.graphics;
    opens org.classifierlab.cli to info.picocli;
    opens org.classifierlab.app to info.picocli;
    opens org.classifierlab.app.bench to info.picocli;
}
