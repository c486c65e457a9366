package dev.anneal.api.model;

import dev.anneal.api.job.SpecNode;
import dev.anneal.api.problem.FieldError;
import dev.anneal.data.MissingValues;
import dev.anneal.worker.prepare.FeatureEncoder;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads a predict request's {@code rows} and encodes them as network input with the model's
 * own feature encoders. Every wrong row and column is collected first and reported together
 * (as the job spec parser does), each named like {@code rows[3].petal_length_cm}. Keys that are
 * not feature columns (the target, ids) are ignored, so rows of the training file can be sent
 * as they are.
 */
final class PredictionRows {

    static final int MAX_ROWS = 1000;
    /** A request of 1000 bad rows would otherwise answer a problem far larger than itself. */
    static final int MAX_ERRORS = 100;

    private final LoadedModel model;
    private final List<FieldError> errors = new ArrayList<>();

    private PredictionRows(LoadedModel model) {
        this.model = model;
    }

    /**
     * The encoded rows, one per requested row in order.
     *
     * @throws dev.anneal.api.problem.ApiProblem 400 listing every problem of the body
     */
    static float[][] encode(JsonNode body, LoadedModel model) {
        return new PredictionRows(model).read(body);
    }

    private float[][] read(JsonNode body) {
        JsonNode rows = rowsOf(body);
        float[][] x = new float[rows == null ? 0 : rows.size()][model.inputWidth()];
        for (int i = 0; i < x.length && errors.size() < MAX_ERRORS; i++) {
            JsonNode row = rows.get(i);
            if (!row.isObject()) {
                errors.add(new FieldError(
                        "rows[" + i + "]", "must be an object of column values, but was " + SpecNode.describe(row)));
                continue;
            }
            encodeRow(i, row, x[i]);
        }
        if (!errors.isEmpty()) {
            throw ModelProblems.invalidRows(errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
        }
        return x;
    }

    /** The {@code rows} array, or {@code null} with an error. */
    private JsonNode rowsOf(JsonNode body) {
        if (body == null || !body.isObject()) {
            errors.add(new FieldError(
                    "", "the request body must be a JSON object with \"rows\", but was " + SpecNode.describe(body)));
            return null;
        }
        JsonNode rows = body.get("rows");
        if (rows == null || !rows.isArray()) {
            errors.add(new FieldError(
                    "rows",
                    rows == null
                            ? "is required: an array of rows, each an object of column values"
                            : "must be an array of rows, but was " + SpecNode.describe(rows)));
            return null;
        }
        if (rows.isEmpty() || rows.size() > MAX_ROWS) {
            errors.add(new FieldError("rows", "must hold 1 to " + MAX_ROWS + " rows, but held " + rows.size()));
            return null;
        }
        return rows;
    }

    private void encodeRow(int index, JsonNode row, float[] out) {
        int offset = 0;
        for (FeatureEncoder encoder : model.encoders()) {
            String field = "rows[" + index + "]." + encoder.column();
            int errorsBefore = errors.size();
            String cell = cellText(field, row.get(encoder.column()), encoder instanceof FeatureEncoder.Scaled);
            boolean wrongValue = errors.size() > errorsBefore; // reported already, not also as missing
            if (cell == null && !wrongValue && !model.fillsMissingValues()) {
                errors.add(new FieldError(
                        field,
                        "is missing, but the model was trained with imputation \"drop\", so it cannot fill"
                                + " a missing value"));
            } else if (!wrongValue) {
                encoder.encodeText(cell, out, offset);
            }
            offset += encoder.width();
        }
    }

    /**
     * A cell as the text a CSV would hold, {@code null} for missing (absent, JSON null or a
     * missing marker such as "NA"); {@code null} with an error if it cannot be a value of the column.
     */
    private String cellText(String field, JsonNode value, boolean numeric) {
        if (value == null || value.isNull() || value.isString() && MissingValues.isMissing(value.stringValue())) {
            return null;
        }
        if (numeric) {
            return numberText(field, value);
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asString();
        }
        errors.add(new FieldError(field, "needs a category (text), but was " + SpecNode.describe(value)));
        return null;
    }

    private String numberText(String field, JsonNode value) {
        double number = Double.NaN;
        if (value.isNumber()) {
            number = value.doubleValue();
        } else if (value.isString()) {
            try {
                number = Double.parseDouble(value.stringValue().trim());
            } catch (NumberFormatException e) {
                // reported below, as every other non-number
            }
        }
        if (!Double.isFinite(number)) {
            errors.add(new FieldError(field, "needs a number, but was " + SpecNode.describe(value)));
            return null;
        }
        return Double.toString(number);
    }
}
