package org.classifierlab.core.images;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import javax.imageio.ImageIO;

import org.classifierlab.core.data.ImageDataset;
import org.classifierlab.core.knn.NeighbourTable;
import org.classifierlab.core.knn.Permutation;

/**
 * The CS231n notes' neighbour figure as one picture: each row is a test image, a gap, then its nearest
 * training images in rank order, each framed green ({@link #SAME_CLASS}) when its label equals the test
 * image's and vermillion ({@link #OTHER_CLASS}) when not. Rendered with java.awt, no JavaFX. A sheet is
 * built on one thread; afterwards its read methods may be called from any thread.
 */
public final class NeighbourSheet {

    /** Neighbours per row in the course notes' figure. */
    public static final int NEIGHBOURS = 10;
    /** Frame of a neighbour of the test image's class: Okabe–Ito bluish green #009E73. */
    public static final int SAME_CLASS = 0xFF009E73;
    /** Frame of a neighbour of another class: Okabe–Ito vermillion #D55E00. */
    public static final int OTHER_CLASS = 0xFFD55E00;
    /** Frame of the test image itself: dark grey #3C3C3C. */
    public static final int TEST_FRAME = 0xFF3C3C3C;
    /** Background: white, for slides. */
    public static final int BACKGROUND = 0xFFFFFFFF;
    /** Caption text colour: near black #222222. */
    public static final int CAPTION = 0xFF222222;
    /** Largest sheet rendered, in pixels (240 MB as ARGB). */
    public static final long MAX_PIXELS = 60_000_000L;
    /** Sheet width {@link #scaleForWidth} aims below by default: a 1080p/4K slide's width range. */
    public static final int DEFAULT_TARGET_WIDTH = 2400;

    /**
     * Geometry of a sheet in pixels; all positions are of a cell's top-left corner (the frame's outer
     * edge), the image starts {@link #frame()} pixels inside. Immutable; any thread.
     *
     * @param imageWidth  dataset image width, unscaled
     * @param imageHeight dataset image height, unscaled
     * @param rows        number of test images
     * @param neighbours  neighbours per row
     * @param scale       integer magnification of every image (nearest neighbour, no smoothing)
     * @param captions    whether class names are written under the images
     */
    public record Layout(int imageWidth, int imageHeight, int rows, int neighbours, int scale, boolean captions) {

        public Layout {
            if (imageWidth < 1 || imageHeight < 1 || rows < 1 || neighbours < 1 || scale < 1) {
                throw new IllegalArgumentException("image sides, rows, neighbours and scale must be positive, were "
                        + imageWidth + " × " + imageHeight + ", " + rows + ", " + neighbours + ", " + scale);
            }
        }

        /** Frame thickness around each image: max(2, scale). */
        public int frame() {
            return Math.max(2, scale);
        }

        /** White space between cells: max(2, scale). */
        public int spacing() {
            return Math.max(2, scale);
        }

        /** Border around the whole sheet: twice the spacing. */
        public int margin() {
            return 2 * spacing();
        }

        /** Cell width: the scaled image plus its frame on both sides. */
        public int cellWidth() {
            return imageWidth * scale + 2 * frame();
        }

        /** Cell height: the scaled image plus its frame above and below. */
        public int cellHeight() {
            return imageHeight * scale + 2 * frame();
        }

        /** Gap between the test image and its first neighbour: half a cell. */
        public int testGap() {
            return cellWidth() / 2;
        }

        /** Caption font size in pixels (0 without captions). */
        public int fontSize() {
            return captions ? Math.max(10, Math.round(imageHeight * scale * 0.14f)) : 0;
        }

        /** Height under each cell taken by its caption (0 without captions). */
        public int captionHeight() {
            return captions ? Math.round(fontSize() * 1.5f) : 0;
        }

        /** Left edge of column {@code column}: 0 is the test image, 1 … neighbours the neighbours by rank. */
        public int cellX(int column) {
            Objects.checkIndex(column, neighbours + 1);
            return column == 0 ? margin() : margin() + cellWidth() + testGap() + (column - 1) * (cellWidth() + spacing());
        }

        /** Top edge of row {@code row}'s cells. */
        public int cellY(int row) {
            Objects.checkIndex(row, rows);
            return margin() + row * (cellHeight() + captionHeight() + spacing());
        }

        /** Sheet width in pixels. */
        public int width() {
            return Math.toIntExact(2L * margin() + (neighbours + 1L) * cellWidth() + testGap()
                    + (neighbours - 1L) * spacing());
        }

        /** Sheet height in pixels. */
        public int height() {
            return Math.toIntExact(2L * margin() + (long) rows * (cellHeight() + captionHeight())
                    + (rows - 1L) * spacing());
        }

        /** width × height. */
        public long pixels() {
            return (long) width() * height();
        }
    }

    private final Layout layout;
    private final BufferedImage image;

    private NeighbourSheet(Layout layout, BufferedImage image) {
        this.layout = layout;
        this.image = image;
    }

    /**
     * Renders the sheet. Row r shows test image {@code testIndices[r]} and the first {@code layout.neighbours()}
     * entries of row r of {@code table}; labels are compared as class indices.
     *
     * @param table neighbours of the test images in {@code testIndices} order (row r belongs to
     *              {@code testIndices[r]}), indices into {@code train}, k ≥ the layout's neighbours
     * @throws IllegalArgumentException if shapes, counts or indices do not fit, or the sheet would exceed
     *                                  {@link #MAX_PIXELS}
     */
    public static NeighbourSheet render(ImageDataset test, ImageDataset train, int[] testIndices, NeighbourTable table,
            Layout layout) {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(testIndices, "testIndices");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(layout, "layout");
        if (test.channels() != train.channels() || test.height() != train.height() || test.width() != train.width()) {
            throw new IllegalArgumentException("test and training images differ in shape: " + test + " and " + train);
        }
        if (layout.imageWidth() != test.width() || layout.imageHeight() != test.height()) {
            throw new IllegalArgumentException("the layout is for " + layout.imageWidth() + " × " + layout.imageHeight()
                    + " images, the dataset's are " + test.width() + " × " + test.height());
        }
        if (layout.rows() != testIndices.length || table.queries() != testIndices.length) {
            throw new IllegalArgumentException("need one layout row and one table row per test index: "
                    + testIndices.length + " indices, " + layout.rows() + " layout rows, " + table.queries() + " table rows");
        }
        if (table.k() < layout.neighbours()) {
            throw new IllegalArgumentException("the table holds " + table.k() + " neighbours per test image, the sheet shows "
                    + layout.neighbours());
        }
        if (layout.pixels() > MAX_PIXELS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a sheet of %,d rows at scale %d would be %,d × %,d pixels, more than %,d", layout.rows(),
                    layout.scale(), layout.width(), layout.height(), MAX_PIXELS));
        }
        for (int r = 0; r < testIndices.length; r++) {
            Objects.checkIndex(testIndices[r], test.size());
            for (int j = 0; j < layout.neighbours(); j++) {
                Objects.checkIndex(table.index(r, j), train.size());
            }
        }
        BufferedImage image = new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_ARGB);
        int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        Arrays.fill(px, BACKGROUND);
        for (int r = 0; r < testIndices.length; r++) {
            int t = testIndices[r];
            int y = layout.cellY(r);
            drawCell(px, layout, layout.cellX(0), y, test.argb(t), TEST_FRAME);
            for (int j = 0; j < layout.neighbours(); j++) {
                int n = table.index(r, j);
                int frame = train.label(n) == test.label(t) ? SAME_CLASS : OTHER_CLASS;
                drawCell(px, layout, layout.cellX(j + 1), y, train.argb(n), frame);
            }
        }
        if (layout.captions()) {
            drawCaptions(image, layout, test, train, testIndices, table);
        }
        return new NeighbourSheet(layout, image);
    }

    /**
     * The largest scale (at least 1) at which a sheet of {@code neighbours} per row of
     * {@code imageWidth}-wide images is at most {@code targetWidth} pixels wide.
     */
    public static int scaleForWidth(int imageWidth, int neighbours, int targetWidth) {
        int scale = 1;
        while (scale < 256 && new Layout(imageWidth, 1, 1, neighbours, scale + 1, false).width() <= targetWidth) {
            scale++;
        }
        return scale;
    }

    /**
     * {@code n} distinct test indices drawn at random: the first {@code n} of
     * {@link Permutation#shuffled(int, long)}, so the same seed gives the same rows everywhere.
     */
    public static int[] randomTestIndices(int testCount, int n, long seed) {
        if (n < 1 || n > testCount) {
            throw new IllegalArgumentException("n must be between 1 and " + testCount + " (the test images), was " + n);
        }
        return Arrays.copyOf(Permutation.shuffled(testCount, seed), n);
    }

    /** The geometry this sheet was drawn with. */
    public Layout layout() {
        return layout;
    }

    /** Width in pixels. */
    public int width() {
        return image.getWidth();
    }

    /** Height in pixels. */
    public int height() {
        return image.getHeight();
    }

    /** The pixel at ({@code x}, {@code y}) as {@code 0xAARRGGBB}. */
    public int argb(int x, int y) {
        return image.getRGB(x, y);
    }

    /** A copy of the picture (TYPE_INT_ARGB), for the caller to show or change. */
    public BufferedImage image() {
        BufferedImage copy = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_ARGB);
        int[] to = ((DataBufferInt) copy.getRaster().getDataBuffer()).getData();
        int[] from = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(from, 0, to, 0, from.length);
        return copy;
    }

    /** Writes the sheet as PNG to {@code file}, replacing it; the exception names the file on failure. */
    public void writePng(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException(file + ": no PNG writer is available");
            }
        }
    }

    private static void drawCell(int[] px, Layout layout, int x0, int y0, int[] argb, int frameColour) {
        int stride = layout.width();
        int cw = layout.cellWidth();
        int ch = layout.cellHeight();
        for (int y = y0; y < y0 + ch; y++) {
            Arrays.fill(px, y * stride + x0, y * stride + x0 + cw, frameColour);
        }
        int s = layout.scale();
        int iw = layout.imageWidth();
        int ix = x0 + layout.frame();
        int iy = y0 + layout.frame();
        for (int y = 0; y < layout.imageHeight(); y++) {
            for (int x = 0; x < iw; x++) {
                int c = argb[y * iw + x];
                for (int dy = 0; dy < s; dy++) {
                    int at = (iy + y * s + dy) * stride + ix + x * s;
                    Arrays.fill(px, at, at + s, c);
                }
            }
        }
    }

    private static void drawCaptions(BufferedImage image, Layout layout, ImageDataset test, ImageDataset train,
            int[] testIndices, NeighbourTable table) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(new Color(CAPTION, true));
            Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, layout.fontSize());
            Font bold = plain.deriveFont(Font.BOLD);
            for (int r = 0; r < testIndices.length; r++) {
                int baselineOffset = layout.cellHeight() + (layout.captionHeight() + layout.fontSize() * 3 / 4) / 2;
                int y = layout.cellY(r) + baselineOffset;
                g.setFont(bold);
                caption(g, test.classNames().get(test.label(testIndices[r])), layout.cellX(0), y, layout.cellWidth());
                g.setFont(plain);
                for (int j = 0; j < layout.neighbours(); j++) {
                    String name = train.classNames().get(train.label(table.index(r, j)));
                    caption(g, name, layout.cellX(j + 1), y, layout.cellWidth());
                }
            }
        } finally {
            g.dispose();
        }
    }

    /** Draws {@code text} centred over [x, x + width), shortened with an ellipsis if it does not fit. */
    private static void caption(Graphics2D g, String text, int x, int baseline, int width) {
        FontMetrics fm = g.getFontMetrics();
        String shown = text;
        while (fm.stringWidth(shown) > width && shown.length() > 1) {
            String stem = shown.endsWith("…") ? shown.substring(0, shown.length() - 2) : shown.substring(0, shown.length() - 1);
            shown = stem.strip() + "…";
        }
        g.drawString(shown, x + (width - fm.stringWidth(shown)) / 2, baseline);
    }
}
