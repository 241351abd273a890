package org.classifierlab.core.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Phone photos come out upright: the EXIF orientation is read and applied. */
class ExifOrientationTest {

    private static final int[] STORED = {0, 1, 2, 3, 4, 5}; // 3 wide, 2 high

    private static int[] turned(int orientation) {
        return ExifOrientation.apply(new ArgbImage(3, 2, STORED.clone()), orientation).pixelsShared();
    }

    @Test
    void eachOrientationTurnsOrMirrorsAsTheExifSpecificationSays() {
        assertThat(turned(1)).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(turned(2)).containsExactly(2, 1, 0, 5, 4, 3);
        assertThat(turned(3)).containsExactly(5, 4, 3, 2, 1, 0);
        assertThat(turned(4)).containsExactly(3, 4, 5, 0, 1, 2);
        assertThat(turned(5)).containsExactly(0, 3, 1, 4, 2, 5);
        assertThat(turned(6)).containsExactly(3, 0, 4, 1, 5, 2);
        assertThat(turned(7)).containsExactly(5, 2, 4, 1, 3, 0);
        assertThat(turned(8)).containsExactly(2, 5, 1, 4, 0, 3);
        assertThat(ExifOrientation.apply(new ArgbImage(3, 2, STORED.clone()), 6).width()).isEqualTo(2);
    }

    /** An APP1 segment with a big-endian TIFF block whose IFD0 holds only the orientation. */
    private static byte[] app1(int orientation) {
        return new byte[] {(byte) 0xFF, (byte) 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0,
            'M', 'M', 0, 42, 0, 0, 0, 8,
            0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
            0, 0, 0, 0};
    }

    private static Path photo(Path dir, int orientation) throws IOException {
        BufferedImage image = new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 16, 16);
        g.setColor(Color.BLUE);
        g.fillRect(16, 0, 16, 16);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        byte[] plain = jpeg.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.writeBytes(app1(orientation));
        out.write(plain, 2, plain.length - 2);
        Path file = dir.resolve("photo-" + orientation + ".jpg");
        Files.write(file, out.toByteArray());
        return file;
    }

    private static boolean reddish(int argb) {
        return (argb >> 16 & 0xFF) > 200 && (argb & 0xFF) < 60;
    }

    @Test
    void aJpegTakenSidewaysComesOutUpright(@TempDir Path dir) throws IOException {
        ArgbImage upright = ImageFiles.read(photo(dir, 6));
        // stored: red left half, blue right half; turned 90° clockwise the left half is on top
        assertThat(upright.width()).isEqualTo(16);
        assertThat(upright.height()).isEqualTo(32);
        assertThat(reddish(upright.argb(8, 4))).isTrue();
        assertThat(reddish(upright.argb(8, 27))).isFalse();
        ArgbImage turned = ImageFiles.read(photo(dir, 3));
        assertThat(turned.width()).isEqualTo(32);
        assertThat(reddish(turned.argb(27, 8))).isTrue();
        assertThat(reddish(turned.argb(4, 8))).isFalse();
        ArgbImage normal = ImageFiles.read(photo(dir, 1));
        assertThat(reddish(normal.argb(4, 8))).isTrue();
    }

    @Test
    void aMalformedExifBlockOnlyLosesTheRotation() {
        byte[] head = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 20, 'E', 'x', 'i', 'f', 0, 0, 'X', 'X', 0, 0};
        assertThat(ExifOrientation.of(head)).isEqualTo(ExifOrientation.NORMAL);
        byte[] cut = new byte[30];
        System.arraycopy(app1(6), 0, cut, 2, 28);
        cut[0] = (byte) 0xFF;
        cut[1] = (byte) 0xD8;
        assertThat(ExifOrientation.of(cut)).isEqualTo(ExifOrientation.NORMAL);
        byte[] whole = new byte[2 + 36];
        whole[0] = (byte) 0xFF;
        whole[1] = (byte) 0xD8;
        System.arraycopy(app1(8), 0, whole, 2, 36);
        assertThat(ExifOrientation.of(whole)).isEqualTo(8);
    }
}
