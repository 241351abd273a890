package org.classifierlab.core.images;

/**
 * The EXIF orientation of a JPEG (tag 0x0112 in the APP1 "Exif" segment): how a camera that was held
 * sideways says the stored pixels must be turned to show the picture upright. ImageIO ignores it, so photos
 * from phones would come out on their side. Stateless; any thread.
 */
final class ExifOrientation {

    /** Stored as shown. */
    static final int NORMAL = 1;

    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TYPE_SHORT = 3;

    private ExifOrientation() {
    }

    /**
     * The orientation (1 … 8) in the first bytes of a JPEG file, {@link #NORMAL} when there is none or the
     * segment is malformed (a bad EXIF block only loses the rotation, never the picture).
     */
    static int of(byte[] head) {
        if (head.length < 4 || u8(head, 0) != 0xFF || u8(head, 1) != 0xD8) {
            return NORMAL;
        }
        int pos = 2;
        while (pos + 4 <= head.length && u8(head, pos) == 0xFF) {
            int marker = u8(head, pos + 1);
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return NORMAL;
            }
            int length = u16(head, pos + 2, false);
            if (length < 2) {
                return NORMAL;
            }
            int data = pos + 4;
            int end = Math.min(head.length, pos + 2 + length);
            if (marker == 0xE1 && end - data >= 14 && head[data] == 'E' && head[data + 1] == 'x' && head[data + 2] == 'i'
                    && head[data + 3] == 'f' && head[data + 4] == 0 && head[data + 5] == 0) {
                return fromTiff(head, data + 6, end);
            }
            pos += 2 + length;
        }
        return NORMAL;
    }

    /** The orientation in IFD0 of the TIFF structure at [tiff, end). */
    private static int fromTiff(byte[] b, int tiff, int end) {
        boolean little;
        if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            little = true;
        } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            little = false;
        } else {
            return NORMAL;
        }
        if (u16(b, tiff + 2, little) != 42) {
            return NORMAL;
        }
        long ifd = tiff + u32(b, tiff + 4, little);
        if (ifd + 2 > end) {
            return NORMAL;
        }
        int entries = u16(b, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            long entry = ifd + 2 + 12L * i;
            if (entry + 12 > end) {
                return NORMAL;
            }
            int e = (int) entry;
            if (u16(b, e, little) == TAG_ORIENTATION) {
                int value = u16(b, e + 8, little);
                return u16(b, e + 2, little) == TYPE_SHORT && value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    /**
     * The picture turned upright from {@code orientation}: 2 mirrored left to right, 3 turned 180°, 4 mirrored
     * top to bottom, 5 transposed, 6 turned 90° clockwise, 7 transversed, 8 turned 90° anticlockwise.
     */
    static ArgbImage apply(ArgbImage image, int orientation) {
        if (orientation <= NORMAL || orientation > 8) {
            return image;
        }
        int w = image.width();
        int h = image.height();
        boolean swap = orientation >= 5;
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        int[] src = image.pixelsShared();
        int[] out = new int[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int tx;
                int ty;
                switch (orientation) {
                    case 2 -> { tx = w - 1 - x; ty = y; }
                    case 3 -> { tx = w - 1 - x; ty = h - 1 - y; }
                    case 4 -> { tx = x; ty = h - 1 - y; }
                    case 5 -> { tx = y; ty = x; }
                    case 6 -> { tx = h - 1 - y; ty = x; }
                    case 7 -> { tx = h - 1 - y; ty = w - 1 - x; }
                    default -> { tx = y; ty = w - 1 - x; }
                }
                out[ty * ow + tx] = src[y * w + x];
            }
        }
        return new ArgbImage(ow, oh, out);
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static int u16(byte[] b, int i, boolean little) {
        if (i + 2 > b.length) {
            return -1;
        }
        return little ? u8(b, i) | u8(b, i + 1) << 8 : u8(b, i) << 8 | u8(b, i + 1);
    }

    private static long u32(byte[] b, int i, boolean little) {
        if (i + 4 > b.length) {
            return Integer.MAX_VALUE;
        }
        long lo = u16(b, little ? i : i + 2, little);
        long hi = u16(b, little ? i + 2 : i, little);
        return hi << 16 | lo;
    }
}
