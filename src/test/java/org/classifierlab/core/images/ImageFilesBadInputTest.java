package org.classifierlab.core.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classifierlab.core.data.BadInput.refused;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.classifierlab.core.data.BadInput;
import org.classifierlab.core.data.DatasetException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad-input campaign, the user's own pictures ({@link ImageFiles}): pipes, devices and folders where a picture
 * should be, giants, decompression bombs, truncated and disguised files each end in a {@link DatasetException}
 * naming the file and the problem, in bounded time and memory, writing nothing.
 */
class ImageFilesBadInputTest {

    @TempDir
    Path tmp;

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length).putInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        b.put(t).put(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        return b.putInt((int) crc.getValue()).array();
    }

    /** A PNG whose header declares {@code width} × {@code height} 8-bit grey pixels, with {@code idat} as data. */
    private static byte[] png(int width, int height, byte[] idat) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        out.writeBytes(chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array()));
        out.writeBytes(chunk("IDAT", idat));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(9);
        d.setInput(data);
        d.finish();
        byte[] buf = new byte[data.length + 64];
        int n = d.deflate(buf);
        d.end();
        return Arrays.copyOf(buf, n);
    }

    private DatasetException read(String label, Path file) {
        return refused(DatasetException.class, tmp, label, () -> ImageFiles.read(file));
    }

    @Test
    void pipeDeviceOrFolderWhereAPictureShouldBe() throws Exception {
        Path fifo = BadInput.fifo(tmp.resolve("photo.png"));
        assertThat(read("image: named pipe named photo.png", fifo)).hasMessage(fifo + ": is not a regular file");
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero on this OS");
        Path link = Files.createSymbolicLink(tmp.resolve("endless.jpg"), zero);
        assertThat(read("image: symlink to /dev/zero named endless.jpg", link)).hasMessage(link + ": is not a regular"
                + " file");
        Path dir = Files.createDirectory(tmp.resolve("holiday.jpg"));
        assertThat(read("image: folder named holiday.jpg", dir)).hasMessage(dir + ": is a folder, not an image file");
    }

    @Test
    void headerDeclaringTenBillionPixels() throws IOException {
        Path bomb = Files.write(tmp.resolve("bomb.png"), png(100_000, 100_000, deflate(new byte[1000])));
        assertThat(read("image: PNG header declaring 100,000 × 100,000 pixels", bomb)).hasMessage(bomb + ": declares"
                + " a PNG image of 100,000 × 100,000 = 10,000,000,000 pixels, more than the 50,000,000 this reads"
                + " (scale it down first)");
        Path overflow = Files.write(tmp.resolve("overflow.png"), png(Integer.MAX_VALUE, Integer.MAX_VALUE,
                deflate(new byte[10])));
        assertThat(read("image: PNG header declaring (2^31−1)² pixels", overflow)).hasMessageStartingWith(overflow
                + ": ");
    }

    @Test
    void giantFileOfZerosNamedPng() throws IOException {
        Path giant = BadInput.sparse(tmp.resolve("giant.png"), 20L << 30);
        assertThat(read("image: 20 GiB of zeros named giant.png", giant)).hasMessage(giant + ": is not an image (its"
                + " content is none of PNG, JPEG, GIF, BMP, TIFF, WBMP, whatever its name says)");
    }

    @Test
    void truncatedAndDisguised() throws IOException {
        BufferedImage picture = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                picture.setRGB(x, y, x * 0x030507 + y * 0x070301);
            }
        }
        ByteArrayOutputStream pngBytes = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", pngBytes);
        byte[] png = pngBytes.toByteArray();
        Path cut = Files.write(tmp.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
        assertThat(read("image: PNG cut in half", cut)).hasMessageStartingWith(cut + ": is a truncated or damaged PNG"
                + " file of ");
        ByteArrayOutputStream jpegBytes = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpeg", jpegBytes);
        byte[] jpeg = jpegBytes.toByteArray();
        Path cutJpeg = Files.write(tmp.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length * 2 / 3));
        assertThat(read("image: JPEG cut at two thirds", cutJpeg)).hasMessageStartingWith(cutJpeg + ": is a truncated"
                + " JPEG file (");
        Path script = Files.write(tmp.resolve("photo.jpg"), "#!/bin/sh\nrm -rf ~\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(read("image: shell script named photo.jpg", script)).hasMessage(script + ": is not an image but"
                + " text (its content is none of PNG, JPEG, GIF, BMP, TIFF, WBMP, whatever its name says)");
        Path webp = Files.write(tmp.resolve("photo.png"), "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII));
        assertThat(read("image: WebP named photo.png", webp)).hasMessage(webp + ": is a WebP image, a format that"
                + " cannot be read here; save it as PNG or JPEG");
        Path empty = Files.write(tmp.resolve("empty.png"), new byte[0]);
        assertThat(read("image: empty file", empty)).hasMessage(empty + ": is empty (0 bytes)");
    }
}
