package org.classifierlab.app.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;

/**
 * PNG export of JavaFX images. {@link #pixels} reads an image on the FX thread (cheap); {@link #writePng}
 * encodes and writes on any thread, so the slow part stays off the FX thread.
 */
public final class ImageExport {

    /** ARGB pixels of an image, row-major; immutable once made. */
    public record Pixels(int width, int height, int[] argb) {
    }

    private ImageExport() {
    }

    /** Copies the pixels of {@code image}; FX thread (or any thread for an image not being shown). */
    public static Pixels pixels(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        PixelReader reader = image.getPixelReader();
        reader.getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new Pixels(w, h, argb);
    }

    /**
     * Writes {@code pixels} as a PNG to {@code file} (through a temporary file, so a failed write never
     * leaves half a picture behind). Any thread.
     */
    public static void writePng(Pixels pixels, Path file) throws IOException {
        BufferedImage img = new BufferedImage(pixels.width(), pixels.height(), BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, pixels.width(), pixels.height(), pixels.argb(), 0, pixels.width());
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".export-", ".png.part");
        try {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
