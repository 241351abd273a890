package org.classifierlab.app.gallery;

import javafx.scene.paint.Color;

/**
 * Colours of image classes (CIFAR-10's ten, CIFAR-100's hundred, MNIST's ten) for borders, bars and dots in the
 * image lessons: the seven Okabe–Ito colours the 2D lessons use, then three more distinguishable ones, and for
 * more than ten classes evenly spaced hues. Stateless; any thread.
 */
public final class ImageClassColors {

    private static final Color[] TEN = {
        Color.web("#e69f00"), Color.web("#56b4e9"), Color.web("#009e73"), Color.web("#f0e442"),
        Color.web("#0072b2"), Color.web("#d55e00"), Color.web("#cc79a7"), Color.web("#8c564b"),
        Color.web("#7f7f7f"), Color.web("#222255")};

    private ImageClassColors() {
    }

    /** Colour of class {@code c} among {@code classCount} classes. */
    public static Color of(int c, int classCount) {
        if (classCount <= TEN.length) {
            return TEN[Math.floorMod(c, TEN.length)];
        }
        // Golden-angle hue steps keep neighbouring class numbers apart; two brightness levels double the range.
        double hue = (c * 137.508) % 360;
        return Color.hsb(hue, 0.75, c % 2 == 0 ? 0.85 : 0.6);
    }

    /** {@link #of} as opaque 0xAARRGGBB. */
    public static int argb(int c, int classCount) {
        Color k = of(c, classCount);
        return 0xFF000000 | (int) Math.round(k.getRed() * 255) << 16 | (int) Math.round(k.getGreen() * 255) << 8
                | (int) Math.round(k.getBlue() * 255);
    }
}
