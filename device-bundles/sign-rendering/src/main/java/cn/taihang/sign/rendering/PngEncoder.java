package cn.taihang.sign.rendering;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes a {@link Bitmap} as a compact PNG with the JDK's own encoder ({@code javax.imageio}): indexed colour at 1,
 * 2, 4 or 8 bits per pixel when it has at most 256 colours (always, for sign content), else 8-bit RGB; best
 * compression. In memory only (no ImageIO file cache); needs no display ({@code java.awt.headless}). Thread-safe.
 */
public final class PngEncoder {

    /**
     * @return the PNG file's bytes
     * @throws IllegalStateException if the JDK has no PNG writer (a runtime without the {@code java.desktop} module)
     */
    public byte[] encode(Bitmap image) {
        BufferedImage picture = toImage(image);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no PNG writer (javax.imageio); run the gateway on a full JDK/JRE 17");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.0f);
            }
            writer.write(null, new IIOImage(picture, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding in memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static BufferedImage toImage(Bitmap image) {
        Map<Integer, Integer> palette = new LinkedHashMap<>();
        palette.put(0, 0);
        for (int y = 0; y < image.height() && palette.size() <= 256; y++) {
            for (int x = 0; x < image.width() && palette.size() <= 256; x++) {
                palette.putIfAbsent(image.rgb(x, y), palette.size());
            }
        }
        if (palette.size() > 256) {
            BufferedImage rgb = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    rgb.setRGB(x, y, image.rgb(x, y));
                }
            }
            return rgb;
        }
        int size = Math.max(2, palette.size());
        int bits = size <= 2 ? 1 : size <= 4 ? 2 : size <= 16 ? 4 : 8;
        byte[] red = new byte[size];
        byte[] green = new byte[size];
        byte[] blue = new byte[size];
        palette.forEach((colour, index) -> {
            red[index] = (byte) (colour >> 16);
            green[index] = (byte) (colour >> 8);
            blue[index] = (byte) (int) colour;
        });
        IndexColorModel model = new IndexColorModel(bits, size, red, green, blue);
        BufferedImage indexed = new BufferedImage(image.width(), image.height(),
                bits == 8 ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_BYTE_BINARY, model);
        WritableRaster raster = indexed.getRaster();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                raster.setSample(x, y, 0, palette.get(image.rgb(x, y)));
            }
        }
        return indexed;
    }
}
