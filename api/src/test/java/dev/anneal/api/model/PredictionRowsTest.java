package dev.anneal.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.problem.FieldError;
import dev.anneal.worker.prepare.FeatureEncoder;
import dev.anneal.worker.prepare.PreprocessingRecord;
import dev.anneal.worker.prepare.PreprocessingRecord.FeatureTransform;
import dev.anneal.worker.prepare.PreprocessingRecord.TargetTransform;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Request rows become exactly the encoding training used; wrong cells are all reported. */
class PredictionRowsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final List<FeatureTransform> FEATURES = List.of(
            new FeatureTransform("size", "numeric", 0, 10.0, 2.0, 12.0, null, null, null),
            new FeatureTransform("color", "categorical", 0, null, null, null, List.of("red", "blue"), "red", null));

    static LoadedModel model(String imputation) {
        var record = new PreprocessingRecord(
                "tabular",
                "standard",
                imputation,
                10,
                0,
                0,
                8,
                2,
                1,
                FEATURES,
                new TargetTransform("y", List.of("a", "b"), null, null),
                null);
        // rows are encoded without the network
        return new LoadedModel(
                null, record, FEATURES.stream().map(FeatureEncoder::of).toList());
    }

    @Test
    void encodesNumbersTextAndFillsMissingCellsAsTraining() {
        float[][] x = PredictionRows.encode(JSON.readTree("""
                        {"rows": [{"size": 14, "color": "blue", "id": 7},
                                  {"size": "8", "color": null},
                                  {"size": "NA"}]}
                        """), model("mean"));

        assertThat(x[0]).containsExactly(2f, 0f, 1f);
        assertThat(x[1]).containsExactly(-1f, 1f, 0f);
        assertThat(x[2]).as("fill 12 and the fill category").containsExactly(1f, 1f, 0f);
    }

    @Test
    void anUnseenCategoryEncodesAsAllZeros() {
        float[][] x = PredictionRows.encode(
                JSON.readTree("{\"rows\": [{\"size\": 10, \"color\": \"green\"}]}"), model("mean"));

        assertThat(x[0]).containsExactly(0f, 0f, 0f);
    }

    @Test
    void reportsEveryWrongCellOnce() {
        assertThatThrownBy(() -> PredictionRows.encode(JSON.readTree("""
                                {"rows": [{"size": "abc", "color": [1]}, {"size": true}, {"color": "red"}]}
                                """), model("drop")))
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        p -> assertThat(errors(p))
                                .containsExactly(
                                        new FieldError("rows[0].size", "needs a number, but was the string \"abc\""),
                                        new FieldError("rows[0].color", "needs a category (text), but was an array"),
                                        new FieldError("rows[1].size", "needs a number, but was true"),
                                        new FieldError(
                                                "rows[1].color",
                                                "is missing, but the model was trained with imputation \"drop\", so it"
                                                        + " cannot fill a missing value"),
                                        new FieldError(
                                                "rows[2].size",
                                                "is missing, but the model was trained with imputation \"drop\", so it"
                                                        + " cannot fill a missing value")));
    }

    @SuppressWarnings("unchecked")
    private static List<FieldError> errors(ApiProblem problem) {
        return (List<FieldError>) problem.getBody().getProperties().get("errors");
    }
}
