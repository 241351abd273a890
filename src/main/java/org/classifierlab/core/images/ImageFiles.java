package org.classifierlab.core.images;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

import org.classifierlab.core.data.DatasetException;

/**
 * Reads a user's picture (PNG, JPEG and whatever else ImageIO reads: GIF, BMP, TIFF, WBMP) into
 * {@link ArgbImage} pixels, refusing bad files with a message naming the file and the problem. Stateless;
 * any thread (each call uses its own reader).
 */
public final class ImageFiles {

    /**
     * Most pixels a picture may declare (50 megapixels, 200 MB as ARGB). Checked from the header before
     * anything is decoded, so a small file declaring a huge image (a decompression bomb) cannot exhaust memory.
     */
    public static final long MAX_PIXELS = 50_000_000L;

    private static final int SNIFF_BYTES = 64;
    /** A JPEG's APP1 (EXIF) segment is at most 64 KiB and comes before the image data. */
    private static final int EXIF_BYTES = 128 * 1024;

    private ImageFiles() {
    }

    /** {@link #read(Path, long)} with {@link #MAX_PIXELS}. */
    public static ArgbImage read(Path file) throws DatasetException {
        return read(file, MAX_PIXELS);
    }

    /**
     * The first image of {@code file}, as opaque or translucent ARGB; grey images keep their stored values
     * (v becomes (v, v, v), as PIL does) and 16-bit samples are rounded to 8 bits. A JPEG is turned upright
     * by its EXIF orientation, as photo viewers show it.
     *
     * @param maxPixels the most pixels the file may declare
     * @throws DatasetException naming the file and the problem: missing, a folder, unreadable, empty, not an
     *                          image, a format that cannot be read, too many pixels, truncated or damaged
     */
    public static ArgbImage read(Path file, long maxPixels) throws DatasetException {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        long size = checkFile(file, name);
        byte[] head = head(file, name, SNIFF_BYTES);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new DatasetException(name, "cannot be opened as an image stream");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DatasetException(name, notAnImage(head));
            }
            ImageReader reader = readers.next();
            String format = reader.getFormatName().toUpperCase(Locale.ROOT);
            try {
                reader.setInput(in, true, true);
                int width;
                int height;
                try {
                    width = reader.getWidth(0);
                    height = reader.getHeight(0);
                } catch (IOException | RuntimeException e) {
                    throw new DatasetException(name, -1, "has a damaged " + format + " header (" + describe(e) + ")", e);
                }
                long count = (long) width * height;
                if (width < 1 || height < 1) {
                    throw new DatasetException(name, "declares an empty " + format + " image of " + width + " × "
                            + height + " pixels");
                }
                if (count > maxPixels) {
                    throw new DatasetException(name, String.format(Locale.ROOT,
                            "declares a %s image of %,d × %,d = %,d pixels, more than the %,d this reads "
                                    + "(scale it down first)", format, width, height, count, maxPixels));
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((IIOReadWarningListener) (source, warning) -> warnings.add(warning));
                BufferedImage image;
                try {
                    image = reader.read(0);
                } catch (IIOException e) {
                    throw new DatasetException(name, -1, problemWhileDecoding(format, e, size), e);
                } catch (IOException | RuntimeException e) {
                    throw new DatasetException(name, -1, "is a truncated or damaged " + format + " file ("
                            + describe(e) + ")", e);
                } catch (OutOfMemoryError e) {
                    throw new DatasetException(name, -1, String.format(Locale.ROOT,
                            "needs more memory than is free to decode its %,d × %,d pixels", width, height), null);
                }
                for (String w : warnings) {
                    // The JPEG decoder fills missing rows with grey and only warns ("Truncated File - Missing EOI
                    // marker", libjpeg's "Premature end of JPEG file" / "premature end of data segment").
                    String lower = w.toLowerCase(Locale.ROOT);
                    if (lower.contains("premature end") || lower.contains("truncated file")) {
                        throw new DatasetException(name, "is a truncated " + format + " file (" + w + ")");
                    }
                }
                ArgbImage pixels = toArgb(image);
                if (format.equals("JPEG")) {
                    pixels = ExifOrientation.apply(pixels, ExifOrientation.of(head(file, name, EXIF_BYTES)));
                }
                return pixels;
            } finally {
                reader.dispose();
            }
        } catch (DatasetException e) {
            throw e;
        } catch (IOException e) {
            throw new DatasetException(name, -1, "cannot be read (" + describe(e) + ")", e);
        }
    }

    private static long checkFile(Path file, String name) throws DatasetException {
        if (Files.isDirectory(file)) {
            throw new DatasetException(name, "is a folder, not an image file");
        }
        if (!Files.exists(file)) {
            throw new DatasetException(name, "does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(name, "is not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new DatasetException(name, "cannot be read (permission denied)");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new DatasetException(name, -1, "cannot be read (" + describe(e) + ")", e);
        }
        if (size == 0) {
            throw new DatasetException(name, "is empty (0 bytes)");
        }
        return size;
    }

    private static byte[] head(Path file, String name, int bytes) throws DatasetException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(bytes);
        } catch (NoSuchFileException e) {
            throw new DatasetException(name, -1, "does not exist", e);
        } catch (AccessDeniedException e) {
            throw new DatasetException(name, -1, "cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new DatasetException(name, -1, "cannot be read (" + describe(e) + ")", e);
        }
    }

    /** Why no reader took the file: a known format ImageIO lacks, text, or simply unknown bytes. */
    static String notAnImage(byte[] head) {
        String ascii = new String(head, StandardCharsets.ISO_8859_1);
        String unsupported = null;
        if (ascii.startsWith("RIFF") && ascii.startsWith("WEBP", 8)) {
            unsupported = "a WebP image";
        } else if (ascii.startsWith("ftyp", 4)) {
            String brand = ascii.length() >= 12 ? ascii.substring(8, 12) : "";
            unsupported = brand.startsWith("avi") ? "an AVIF image" : "a HEIF/HEIC image or a video";
        } else if (ascii.startsWith("%PDF")) {
            unsupported = "a PDF document";
        } else if (ascii.startsWith("8BPS")) {
            unsupported = "a Photoshop (PSD) file";
        } else if (ascii.startsWith("\u0000\u0000\u0001\u0000")) {
            unsupported = "a Windows icon (ICO)";
        } else if (ascii.startsWith("\u00ff\u004f\u00ff\u0051") || ascii.startsWith("\u0000\u0000\u0000\u000cjP")) {
            unsupported = "a JPEG 2000 image";
        } else if (ascii.stripLeading().startsWith("<svg")
                || (ascii.stripLeading().startsWith("<?xml") && ascii.contains("<svg"))) {
            unsupported = "an SVG drawing (vector graphics)";
        }
        if (unsupported != null) {
            return "is " + unsupported + ", a format that cannot be read here; save it as PNG or JPEG";
        }
        String known = "its content is none of PNG, JPEG, GIF, BMP, TIFF, WBMP, whatever its name says";
        return looksLikeText(head) ? "is not an image but text (" + known + ")" : "is not an image (" + known + ")";
    }

    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            int c = b & 0xFF;
            if (c < 0x09 || (c > 0x0D && c < 0x20) || c == 0x7F) {
                return false;
            }
        }
        return head.length > 0;
    }

    private static String problemWhileDecoding(String format, IIOException e, long size) {
        String detail = describe(e);
        String lower = detail.toLowerCase(Locale.ROOT);
        if (lower.contains("unsupported image type") || lower.contains("unsupported color")
                || lower.contains("unsupported jpeg process") || lower.contains("not supported")) {
            return "uses a " + format + " variant that cannot be read (" + detail + "); save it as an RGB PNG or JPEG";
        }
        return String.format(Locale.ROOT, "is a truncated or damaged %s file of %,d bytes (%s)", format, size, detail);
    }

    /** The exception's message and those of its causes, e.g. "Error reading PNG image data: Unexpected end of ZLIB input stream". */
    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 300; t = t.getCause()) {
            String m = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
            if (b.indexOf(m) < 0) {
                b.append(b.length() > 0 ? ": " : "").append(m);
            }
        }
        return b.toString();
    }

    /** Pixels of a decoded image; grey (and grey + alpha) images from their raw samples, the rest through the colour model. */
    static ArgbImage toArgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] out = new int[Math.multiplyExact(w, h)];
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        // getRGB treats a grey image's samples as linear light and brightens them (128 becomes 186); a file's
        // grey values are already display values, so they are taken as they are.
        boolean grey = image.getColorModel() instanceof ComponentColorModel
                && image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY && (bands == 1 || bands == 2);
        if (grey) {
            int bits = image.getColorModel().getComponentSize(0);
            int alphaBits = bands == 2 ? image.getColorModel().getComponentSize(1) : 8;
            int[] row = new int[w * bands];
            for (int y = 0; y < h; y++) {
                raster.getPixels(0, y, w, 1, row);
                for (int x = 0; x < w; x++) {
                    int v = to8Bits(row[x * bands], bits);
                    int a = bands == 2 ? to8Bits(row[x * bands + 1], alphaBits) : 0xFF;
                    out[y * w + x] = a << 24 | v << 16 | v << 8 | v;
                }
            }
        } else if (!interleavedSrgbBytes(image, out)) {
            image.getRGB(0, 0, w, h, out, 0, w);
        }
        return new ArgbImage(w, h, out);
    }

    /**
     * Copies 8-bit interleaved sRGB (RGB or non-premultiplied RGBA: JPEG's and PNG's usual layouts) straight
     * from the raster; false for any other layout. Gives what getRGB gives, about five times faster (a
     * 48-megapixel photo: 0.9 s of getRGB).
     */
    private static boolean interleavedSrgbBytes(BufferedImage image, int[] out) {
        if (!(image.getColorModel() instanceof ComponentColorModel cm) || !cm.getColorSpace().isCS_sRGB()
                || cm.isAlphaPremultiplied() || !(image.getRaster().getDataBuffer() instanceof DataBufferByte buffer)
                || !(image.getSampleModel() instanceof PixelInterleavedSampleModel sm) || buffer.getNumBanks() != 1) {
            return false;
        }
        Raster raster = image.getRaster();
        int bands = sm.getNumBands();
        boolean alpha = cm.hasAlpha();
        if (bands != (alpha ? 4 : 3) || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0) {
            return false;
        }
        for (int b = 0; b < bands; b++) {
            if (cm.getComponentSize(b) != 8) {
                return false;
            }
        }
        byte[] data = buffer.getData();
        int[] offsets = sm.getBandOffsets();
        int base = buffer.getOffset();
        int stride = sm.getScanlineStride();
        int step = sm.getPixelStride();
        int w = image.getWidth();
        int h = image.getHeight();
        int ro = offsets[0];
        int go = offsets[1];
        int bo = offsets[2];
        int ao = alpha ? offsets[3] : 0;
        for (int y = 0; y < h; y++) {
            int at = base + y * stride;
            int o = y * w;
            for (int x = 0; x < w; x++, at += step) {
                int a = alpha ? data[at + ao] & 0xFF : 0xFF;
                out[o + x] = a << 24 | (data[at + ro] & 0xFF) << 16 | (data[at + go] & 0xFF) << 8 | data[at + bo] & 0xFF;
            }
        }
        return true;
    }

    private static int to8Bits(int sample, int bits) {
        if (bits == 8) {
            return sample;
        }
        long max = (1L << bits) - 1;
        return (int) ((sample * 255L * 2 + max) / (2 * max));
    }
}
