package dev.anneal.worker.prepare.series;

/**
 * What windows to cut from a series.
 *
 * @param targetColumn index of the column to forecast
 * @param window number of time steps each input covers
 * @param horizon how many steps after the window's last time step the label lies, at least 1
 * @param validationCount windows whose label falls in this many last time steps validate
 * @param scaling scaler fitted per column on the training time steps only
 * @param encoding how the target column is expressed
 */
public record SeriesWindowSpec(
        int targetColumn, int window, int horizon, int validationCount, Scaling scaling, TargetEncoding encoding) {

    public SeriesWindowSpec {
        if (window < 1) {
            throw new SeriesWindowException("window must be at least 1 time step, not " + window);
        }
        if (horizon < 1) {
            throw new SeriesWindowException("horizon must be at least 1 time step, not " + horizon);
        }
        if (validationCount < 0) {
            throw new SeriesWindowException("validation count must not be negative, not " + validationCount);
        }
    }
}
