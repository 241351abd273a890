package org.classifierlab.app.gallery;

import javafx.scene.image.ImageView;

import org.classifierlab.app.theme.Theme;

/**
 * Image views the pixel-distance panels share, scaling pixels up as blocks (never smoothed). FX thread only.
 */
final class PixelTiles {

    private PixelTiles() {
    }

    /** An image view showing pixels as sharp blocks, {@code id} for tests. */
    static ImageView view(String id) {
        ImageView v = new ImageView();
        v.setSmooth(false);
        v.setPreserveRatio(true);
        v.setId(id);
        v.getStyleClass().add("pixel-tile");
        return v;
    }

    /** Side in layout pixels of an image tile: larger on the projector. */
    static double tileSide(Theme theme) {
        return theme == Theme.PROJECTOR ? 192 : 160;
    }
}
