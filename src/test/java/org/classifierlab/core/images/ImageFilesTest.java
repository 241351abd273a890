package org.classifierlab.core.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.classifierlab.core.data.DatasetException;

/** Reading users' pictures, and the message each kind of bad file gets. */
class ImageFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, BufferedImage image, String format) throws IOException {
        Path file = dir.resolve(name);
        assertThat(ImageIO.write(image, format, file.toFile())).isTrue();
        return file;
    }

    private static BufferedImage noise(int w, int h, int type, long seed) {
        BufferedImage image = new BufferedImage(w, h, type);
        Random random = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void aPngWithAlphaComesBackPixelForPixel() throws IOException {
        BufferedImage image = noise(7, 5, BufferedImage.TYPE_INT_ARGB, 1);
        ArgbImage read = ImageFiles.read(write("a.png", image, "png"));
        assertThat(read.width()).isEqualTo(7);
        assertThat(read.height()).isEqualTo(5);
        assertThat(read.pixelsShared()).containsExactly(pixels(image));
    }

    @Test
    void theDirectCopyOfInterleavedBytesGivesWhatGetRgbGives() {
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR,
            BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_USHORT_565_RGB}) {
            BufferedImage image = noise(9, 4, type, type);
            assertThat(ImageFiles.toArgb(image).pixelsShared()).as("type " + type).containsExactly(pixels(image));
        }
        BufferedImage part = noise(9, 6, BufferedImage.TYPE_3BYTE_BGR, 9).getSubimage(2, 1, 5, 4);
        assertThat(ImageFiles.toArgb(part).pixelsShared()).containsExactly(pixels(part));
    }

    @Test
    void bmpAndGifAreReadToo() throws IOException {
        BufferedImage rgb = noise(6, 4, BufferedImage.TYPE_INT_RGB, 2);
        assertThat(ImageFiles.read(write("b.bmp", rgb, "bmp")).pixelsShared()).containsExactly(pixels(rgb));
        // 9 rows: the JDK's GIF reader drops the second row of an interlaced GIF only 2 rows high
        BufferedImage twoColours = new BufferedImage(3, 9, BufferedImage.TYPE_INT_RGB);
        twoColours.setRGB(1, 1, 0xFF0000);
        Path gif = write("c.gif", twoColours, "gif");
        ArgbImage read = ImageFiles.read(gif);
        assertThat(read.argb(1, 1)).isEqualTo(0xFFFF0000);
        assertThat(read.argb(0, 0)).isEqualTo(0xFF000000);
        assertThat(read.pixelsShared()).containsExactly(pixels(ImageIO.read(gif.toFile())));
    }

    @Test
    void aJpegIsDecodedCloseToWhatWasSaved() throws IOException {
        BufferedImage flat = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                flat.setRGB(x, y, 0x3080C0);
            }
        }
        ArgbImage read = ImageFiles.read(write("d.jpg", flat, "jpg"));
        int p = read.argb(8, 8);
        assertThat(p >>> 24).isEqualTo(0xFF);
        assertThat(p >> 16 & 0xFF).isBetween(0x30 - 3, 0x30 + 3);
        assertThat(p >> 8 & 0xFF).isBetween(0x80 - 3, 0x80 + 3);
        assertThat(p & 0xFF).isBetween(0xC0 - 3, 0xC0 + 3);
    }

    @Test
    void aGreyPngKeepsItsStoredValues() throws IOException {
        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 128);
        grey.getRaster().setSample(1, 0, 0, 7);
        // BufferedImage.getRGB would say 0xFFBABABA (linear grey 128 shown as sRGB 186); the file stores 128
        assertThat(ImageFiles.read(write("g.png", grey, "png")).pixelsShared()).containsExactly(0xFF808080, 0xFF070707);
    }

    @Test
    void aTextFileNamedPngIsNotAnImage() throws IOException {
        Path file = dir.resolve("notes.png");
        Files.writeString(file, "this is not a picture\n");
        assertThatThrownBy(() -> ImageFiles.read(file)).isInstanceOf(DatasetException.class)
                .hasMessage(file + ": is not an image but text (its content is none of PNG, JPEG, GIF, BMP, TIFF, "
                        + "WBMP, whatever its name says)");
    }

    @Test
    void randomBytesAreNotAnImage() throws IOException {
        Path file = dir.resolve("noise.jpg");
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, (byte) 0x90, 0});
        assertThatThrownBy(() -> ImageFiles.read(file)).hasMessage(file
                + ": is not an image (its content is none of PNG, JPEG, GIF, BMP, TIFF, WBMP, whatever its name says)");
    }

    @Test
    void aTruncatedPngIsReportedAsTruncated() throws IOException {
        Path full = write("full.png", noise(64, 64, BufferedImage.TYPE_INT_RGB, 3), "png");
        byte[] bytes = Files.readAllBytes(full);
        Path cut = dir.resolve("cut.png");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ImageFiles.read(cut)).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(String.format(Locale.ROOT, "%s: is a truncated or damaged PNG file of %,d bytes (",
                        cut, bytes.length / 2));
    }

    @Test
    void aTruncatedJpegIsReportedAsTruncated() throws IOException {
        Path full = write("full.jpg", noise(64, 64, BufferedImage.TYPE_INT_RGB, 4), "jpg");
        byte[] bytes = Files.readAllBytes(full);
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ImageFiles.read(cut)).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(cut + ": is a truncated JPEG file (");
    }

    @Test
    void aFolderAMissingFileAndAnEmptyFileAreNamed() throws IOException {
        assertThatThrownBy(() -> ImageFiles.read(dir)).isInstanceOf(DatasetException.class)
                .hasMessage(dir + ": is a folder, not an image file");
        Path missing = dir.resolve("gone.png");
        assertThatThrownBy(() -> ImageFiles.read(missing)).hasMessage(missing + ": does not exist");
        Path empty = Files.createFile(dir.resolve("empty.png"));
        assertThatThrownBy(() -> ImageFiles.read(empty)).hasMessage(empty + ": is empty (0 bytes)");
    }

    @Test
    void aWebPFileIsAnUnsupportedFormat() throws IOException {
        Path file = dir.resolve("photo.webp");
        Files.write(file, "RIFF\u0010\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ImageFiles.read(file))
                .hasMessage(file + ": is a WebP image, a format that cannot be read here; save it as PNG or JPEG");
    }

    @Test
    void aHugeDeclaredSizeIsRefusedFromTheHeaderWithoutDecoding() throws IOException {
        // A valid signature and IHDR declaring 10,000 × 10,000 RGBA (400 MB decoded), then IEND: no pixel data
        // at all, so only the header can have been read when the size is refused.
        Path bomb = dir.resolve("bomb.png");
        Files.write(bomb, pngHeaderOnly(10_000, 10_000));
        assertThat(Files.size(bomb)).isLessThan(100);
        assertThatThrownBy(() -> ImageFiles.read(bomb)).isInstanceOf(DatasetException.class)
                .hasMessage(bomb + ": declares a PNG image of 10,000 × 10,000 = 100,000,000 pixels, more than the "
                        + "50,000,000 this reads (scale it down first)");
        Path small = write("small.png", noise(10, 10, BufferedImage.TYPE_INT_RGB, 5), "png");
        assertThatThrownBy(() -> ImageFiles.read(small, 99)).hasMessageContaining("10 × 10 = 100 pixels, more than the 99");
    }

    private static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 6)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
