package dev.anneal.worker.prepare;

import dev.anneal.worker.prepare.PreprocessingRecord.FeatureTransform;
import java.util.List;
import java.util.Locale;

/**
 * Turns encoded rows back into cells in the dataset's own units: numeric inputs are unscaled,
 * one-hot groups become their strongest category, and columns that held only whole numbers
 * are rounded. Used for rows a GAN generates.
 */
public final class RowDecoder {

    private RowDecoder() {}

    /** CSV text with a header of the feature columns, one line per row. */
    public static String toCsv(List<FeatureTransform> features, float[][] rows) {
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(
                        ",", features.stream().map(FeatureTransform::column).toList()))
                .append('\n');
        for (float[] row : rows) {
            int offset = 0;
            for (int f = 0; f < features.size(); f++) {
                FeatureTransform t = features.get(f);
                if (f > 0) {
                    csv.append(',');
                }
                if ("categorical".equals(t.type())) {
                    csv.append(strongest(t.categories(), row, offset));
                    offset += t.categories().size();
                } else {
                    double v = row[offset++] * t.scale() + t.center();
                    csv.append(
                            Boolean.TRUE.equals(t.integer())
                                    ? Long.toString(Math.round(v))
                                    : String.format(Locale.ROOT, "%.6g", v));
                }
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static String strongest(List<String> categories, float[] row, int offset) {
        if (categories.isEmpty()) {
            return "";
        }
        int best = 0;
        for (int i = 1; i < categories.size(); i++) {
            if (row[offset + i] > row[offset + best]) {
                best = i;
            }
        }
        return categories.get(best);
    }
}
