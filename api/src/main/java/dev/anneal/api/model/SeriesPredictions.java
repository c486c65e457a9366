package dev.anneal.api.model;

import dev.anneal.api.job.SpecNode;
import dev.anneal.api.problem.FieldError;
import dev.anneal.worker.prepare.SeriesForecast;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Forecasts of time-series models. The request's {@code rows} are the series' most recent steps,
 * oldest first, each with a number for every series column (the target and any input series);
 * the last {@code window} of them form one window, and the answer is the forecast
 * {@code horizon} steps after the last row, in the series' own units.
 */
final class SeriesPredictions {

    static final String LAYOUT = "series";

    private SeriesPredictions() {}

    static List<Prediction> forecast(JsonNode body, LoadedModel model) {
        SeriesForecast forecast = new SeriesForecast(model.preprocessing());
        double[][] steps = steps(body, forecast);
        float[][] output = model.network().output(new float[][] {forecast.encode(steps)});
        return List.of(new Prediction.Value(forecast.decode(output[0][0], steps)));
    }

    /** The last {@code window} rows as numbers; every problem of the request reported at once. */
    private static double[][] steps(JsonNode body, SeriesForecast forecast) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode rows = body == null || !body.isObject() ? null : body.get("rows");
        int window = forecast.window();
        if (rows == null || !rows.isArray() || rows.size() < window || rows.size() > PredictionRows.MAX_ROWS) {
            throw ModelProblems.invalidRows(List.of(new FieldError(
                    "rows",
                    "must be an array of the series' last " + window + " to " + PredictionRows.MAX_ROWS
                            + " steps, oldest first, each an object with " + forecast.columns() + ", but was "
                            + (rows == null || !rows.isArray()
                                    ? SpecNode.describe(rows)
                                    : "an array of " + rows.size() + " rows"))));
        }
        List<String> columns = forecast.columns();
        double[][] steps = new double[window][columns.size()];
        int first = rows.size() - window;
        for (int i = 0; i < window; i++) {
            JsonNode row = rows.get(first + i);
            for (int c = 0; c < columns.size(); c++) {
                JsonNode v = row.isObject() ? row.get(columns.get(c)) : null;
                double number = v != null && v.isNumber() ? v.doubleValue() : Double.NaN;
                if (v != null && v.isString()) {
                    try {
                        number = Double.parseDouble(v.stringValue().trim());
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                }
                if (!Double.isFinite(number)) {
                    errors.add(new FieldError(
                            "rows[" + (first + i) + "]." + columns.get(c),
                            "needs a number (every step of the window must be present), but was "
                                    + SpecNode.describe(v)));
                }
                steps[i][c] = number;
            }
        }
        if (!errors.isEmpty()) {
            throw ModelProblems.invalidRows(errors.subList(0, Math.min(errors.size(), PredictionRows.MAX_ERRORS)));
        }
        return Arrays.copyOf(steps, window);
    }
}
