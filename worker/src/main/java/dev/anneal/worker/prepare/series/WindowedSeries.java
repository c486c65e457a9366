package dev.anneal.worker.prepare.series;

import java.util.List;

/**
 * A series cut into windows and split chronologically.
 *
 * @param skippedWindows windows left out because an input or the label was missing
 * @param scales the scaler of each column, fitted on training time steps only; for a relative
 *     target it applies to the encoded changes
 */
public record WindowedSeries(WindowSet training, WindowSet validation, int skippedWindows, List<ColumnScale> scales) {

    public WindowedSeries {
        scales = List.copyOf(scales);
    }
}
