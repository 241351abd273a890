package org.classifierlab.core.linear.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Templates drawn as the notebooks draw them, checked pixel by pixel on hand-made weights. */
class TemplateImagesTest {

    /** Two 1 × 2 colour templates (CHW): class 0 spans −1 … 1, class 1 spans 0 … 0.5. */
    private static final float[][] W = {
        {-1, 1, 0, 0, 0.5f, -0.5f},
        {0, 0.5f, 0.25f, 0.25f, 0, 0.5f}};

    private static int rgb(int r, int g, int b) {
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    @Test
    void globalNormalisationMapsTheSmallestWeightOfAllTemplatesTo0AndTheLargestTo255() {
        int[][] img = TemplateImages.render(W, 3, 1, 2, TemplateImages.Normalisation.GLOBAL,
                TemplateImages.Channel.COLOUR, 0, 2, 1);
        // 255 * (w + 1) / 2, truncated as np.uint8 does: −1 → 0, 1 → 255, 0 → 127, 0.5 → 191, −0.5 → 63.
        assertThat(img[0]).containsExactly(rgb(0, 127, 191), rgb(255, 127, 63));
        assertThat(img[1]).containsExactly(rgb(127, 159, 127), rgb(191, 159, 191));
    }

    @Test
    void perClassNormalisationStretchesEachTemplateToItsOwnRange() {
        int[][] img = TemplateImages.render(W, 3, 1, 2, TemplateImages.Normalisation.PER_CLASS,
                TemplateImages.Channel.COLOUR, 1, 2, 1);
        // Class 1 spans 0 … 0.5: 0 → 0, 0.25 → 127, 0.5 → 255.
        assertThat(img).hasNumberOfRows(1);
        assertThat(img[0]).containsExactly(rgb(0, 127, 0), rgb(255, 127, 255));
    }

    @Test
    void oneChannelIsGreyOverItsOwnRangeAndZoomMakesSharpSquares() {
        int[][] img = TemplateImages.render(W, 3, 1, 2, TemplateImages.Normalisation.GLOBAL,
                TemplateImages.Channel.RED, 0, 1, 2);
        // The red weights of both templates span −1 … 0.5: −1 → 0, 1 → 255 (clamped), each pixel 2 × 2.
        int a = rgb(0, 0, 0);
        int b = rgb(255, 255, 255);
        assertThat(img[0]).containsExactly(a, a, b, b, a, a, b, b);
        assertThat(List.of(TemplateImages.level(0.25f, 0, 0.5f), TemplateImages.level(3, 3, 3))).containsExactly(127, 128);
    }
}
