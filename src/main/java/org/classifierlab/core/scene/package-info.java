/**
 * Scene files: the state of every lesson, the lessons open, the theme and the dataset as one JSON file (Jackson's
 * tree model), with a format version and migrations, field-by-field checks and atomic writes. No JavaFX.
 */
package org.classifierlab.core.scene;
