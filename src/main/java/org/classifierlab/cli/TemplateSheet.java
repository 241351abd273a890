package org.classifierlab.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.classifierlab.core.linear.image.LinearImageData;
import org.classifierlab.core.linear.image.LinearImageModel;
import org.classifierlab.core.linear.image.TemplateImages;

/**
 * The notebooks' picture of the learned weights as a PNG: every class's template (W's row without the bias)
 * scaled to 0 … 255 by the global min/max of all templates, enlarged without smoothing, in a grid of five
 * columns (2 × 5 for CIFAR-10, 20 × 5 for CIFAR-100) with the class name above each. Calling thread, AWT
 * headless.
 */
final class TemplateSheet {

    static final int COLUMNS = 5;
    static final int ZOOM = 4;
    private static final int CAPTION = 18;
    private static final int GAP = 8;

    private TemplateSheet() {
    }

    /** Draws the grid and writes it to {@code file}. */
    static void write(LinearImageModel m, LinearImageData data, Path file) throws IOException {
        int classes = m.classCount();
        int[][] tiles = TemplateImages.render(TemplateImages.templates(m, data.pixelDim()), data.channels(),
                data.height(), data.width(), TemplateImages.Normalisation.GLOBAL, TemplateImages.Channel.COLOUR, 0,
                classes, ZOOM);
        int tw = data.width() * ZOOM;
        int th = data.height() * ZOOM;
        int columns = Math.min(COLUMNS, classes);
        int rows = (classes + columns - 1) / columns;
        int cellW = Math.max(tw, 80) + GAP;
        int cellH = th + CAPTION + GAP;
        BufferedImage image = new BufferedImage(columns * cellW + GAP, rows * cellH + GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.setColor(new Color(0x222222));
            FontMetrics fm = g.getFontMetrics();
            List<String> names = data.classNames();
            for (int c = 0; c < classes; c++) {
                int x = GAP + (c % columns) * cellW + (cellW - GAP - tw) / 2;
                int y = GAP + (c / columns) * cellH;
                String name = names.get(c);
                g.drawString(name, x + (tw - fm.stringWidth(name)) / 2, y + CAPTION - 5);
                image.setRGB(x, y + CAPTION, tw, th, tiles[c], 0, tw);
            }
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
