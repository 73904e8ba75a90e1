package cn.taihang.sign.rendering;

import java.util.Arrays;
import java.util.List;

/** A panel-sized image, one 0xRRGGBB value per pixel, row by row. Immutable. */
public final class Bitmap {

    private final int width;
    private final int height;
    private final int[] pixels;

    private Bitmap(int width, int height, int[] pixels) {
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /**
     * @param pixels width × height values 0xRRGGBB, row by row; copied
     * @throws IllegalArgumentException if the sizes do not match
     */
    public static Bitmap of(int width, int height, int[] pixels) {
        if (width <= 0 || height <= 0 || pixels.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " bitmap needs " + (width * height) + " pixels");
        }
        for (int p : pixels) {
            if ((p & 0xFF000000) != 0) {
                throw new IllegalArgumentException("pixels must be 0xRRGGBB");
            }
        }
        return new Bitmap(width, height, pixels.clone());
    }

    /** @return an all-black bitmap */
    public static Bitmap blank(int width, int height) {
        return of(width, height, new int[width * height]);
    }

    static Bitmap wrap(int width, int height, int[] pixels) {
        return new Bitmap(width, height, pixels);
    }

    /** @return pixels across */
    public int width() {
        return width;
    }

    /** @return pixels down */
    public int height() {
        return height;
    }

    /** @return the colour of a pixel, 0xRRGGBB */
    public int rgb(int x, int y) {
        return pixels[y * width + x];
    }

    /** @return how many pixels are not black */
    public int litPixels() {
        int lit = 0;
        for (int p : pixels) {
            lit += p != 0 ? 1 : 0;
        }
        return lit;
    }

    /**
     * @param pages bitmaps of the same width
     * @return them stacked top to bottom (how a message's page cycle is pictured)
     */
    public static Bitmap stack(List<Bitmap> pages) {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("nothing to stack");
        }
        int w = pages.get(0).width;
        int h = 0;
        for (Bitmap b : pages) {
            if (b.width != w) {
                throw new IllegalArgumentException("stacked bitmaps must have the same width");
            }
            h += b.height;
        }
        int[] all = new int[w * h];
        int offset = 0;
        for (Bitmap b : pages) {
            System.arraycopy(b.pixels, 0, all, offset, b.pixels.length);
            offset += b.pixels.length;
        }
        return new Bitmap(w, h, all);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bitmap b && width == b.width && height == b.height && Arrays.equals(pixels, b.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "Bitmap[" + width + "x" + height + ", " + litPixels() + " lit]";
    }
}
