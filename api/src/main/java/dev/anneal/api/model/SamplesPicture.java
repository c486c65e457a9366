package dev.anneal.api.model;

import dev.anneal.spec.JobSpec.ImageShape;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws an image GAN's generated samples (the stored CSV, one image per row, pixels channel by
 * channel, each channel row-major) as one PNG: a grid of the first {@code count} images, as many
 * columns as the square root of the count rounded up, each image at its own size with a {@value
 * #GAP}-pixel gray border. One channel draws gray, three draw RGB; any other count draws its
 * first channel in gray.
 *
 * <p>Pixels map linearly from the training pixels' range [{@code low}, {@code high}] (what the
 * preprocessing record's min-max scaling says) to 0..255, and are clamped to it.
 */
final class SamplesPicture {

    static final int DEFAULT_COUNT = 100;
    static final int MAX_COUNT = 1000;
    static final int GAP = 2;

    private static final int BORDER_GRAY = 0x80;

    private SamplesPicture() {}

    static byte[] png(String csv, ImageShape shape, double low, double high, int count) {
        List<String> rows =
                csv.lines().skip(1).filter(line -> !line.isBlank()).limit(count).toList();
        int n = rows.size();
        int columns = Math.max(1, (int) Math.ceil(Math.sqrt(n)));
        int gridRows = Math.max(1, (n + columns - 1) / columns);
        int w = shape.width();
        int h = shape.height();
        boolean rgb = shape.channels() == 3;
        BufferedImage picture = new BufferedImage(
                columns * (w + GAP) + GAP,
                gridRows * (h + GAP) + GAP,
                rgb ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        int border = BORDER_GRAY << 16 | BORDER_GRAY << 8 | BORDER_GRAY;
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                picture.setRGB(x, y, border);
            }
        }
        double range = high > low ? high - low : 1;
        int plane = w * h;
        for (int i = 0; i < n; i++) {
            String[] cells = rows.get(i).split(",", -1);
            int left = GAP + (i % columns) * (w + GAP);
            int top = GAP + (i / columns) * (h + GAP);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = y * w + x;
                    int red = level(cells, p, low, range);
                    int color = rgb
                            ? red << 16
                                    | level(cells, plane + p, low, range) << 8
                                    | level(cells, 2 * plane + p, low, range)
                            : red << 16 | red << 8 | red;
                    picture.setRGB(left + x, top + y, color);
                }
            }
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Cell {@code index} as 0..255; a missing or unreadable cell is black. */
    private static int level(String[] cells, int index, double low, double range) {
        if (index >= cells.length) {
            return 0;
        }
        try {
            double scaled = (Double.parseDouble(cells[index]) - low) / range * 255;
            return (int) Math.round(Math.max(0, Math.min(255, scaled)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
