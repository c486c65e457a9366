package dev.anneal.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.ServerIT;
import dev.anneal.db.testing.SharedDatasets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * A corpus of bad job specs: each must get a 4xx problem+json naming the offending field, and
 * none may leave a row behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "anneal.worker.slots=0")
@DirtiesContext
class JobSpecValidationIT extends ServerIT {

    @Autowired
    JdbcClient jdbc;

    static final String SPACE =
            "\"searchSpace\": { \"learningRate\": { \"type\": \"float\", \"min\": 1e-4, \"max\": 0.1, \"log\": true } }";

    static String spec(String fields) {
        return "{ \"dataset\": \"iris\", \"target\": \"label\", " + fields + " }";
    }

    static Stream<Arguments> badSpecs() {
        return Stream.of(
                bad(
                        "min above max",
                        spec("\"searchSpace\": { \"dropout\": { \"type\": \"float\", \"min\": 0.4, \"max\": 0.1 } }"),
                        "searchSpace.dropout.min",
                        "must be <= max"),
                bad(
                        "log with min 0",
                        spec(
                                "\"searchSpace\": { \"learningRate\": { \"type\": \"float\", \"min\": 0, \"max\": 0.1, \"log\": true } }"),
                        "searchSpace.learningRate.min",
                        "must be > 0 when log is true"),
                bad(
                        "unknown hyperparameter",
                        spec("\"searchSpace\": { \"learningrate\": 0.1 }"),
                        "searchSpace.learningrate",
                        "is not a hyperparameter"),
                bad(
                        "unknown dataset",
                        "{ \"dataset\": \"nope\", \"target\": \"label\", " + SPACE + " }",
                        "dataset",
                        "no dataset is named \"nope\""),
                bad(
                        "unknown target column",
                        "{ \"dataset\": \"iris\", \"target\": \"species\", " + SPACE + " }",
                        "target",
                        "must be a column of the dataset"),
                bad(
                        "empty categorical",
                        spec("\"searchSpace\": { \"batchSize\": { \"type\": \"categorical\", \"values\": [] } }"),
                        "searchSpace.batchSize.values",
                        "must list at least one choice"),
                bad(
                        "grid too large",
                        spec("\"algorithm\": { \"type\": \"grid\" }, \"searchSpace\": { "
                                + "\"units\": { \"type\": \"int\", \"min\": 1, \"max\": 4000 }, "
                                + "\"epochs\": { \"type\": \"int\", \"min\": 1, \"max\": 100 } }"),
                        "searchSpace",
                        "grid must have at most 10000 points"),
                bad(
                        "grid over a continuous float",
                        spec("\"algorithm\": { \"type\": \"grid\" }, " + SPACE),
                        "searchSpace.learningRate.step",
                        "is required by grid search"),
                bad(
                        "maxTrials too large",
                        spec(SPACE + ", \"maxTrials\": 100000"),
                        "maxTrials",
                        "must be between 1 and 10000"),
                bad("maxTrials zero", spec(SPACE + ", \"maxTrials\": 0"), "maxTrials", "must be between 1 and 10000"),
                bad(
                        "parallelism out of range",
                        spec(SPACE + ", \"parallelism\": 65"),
                        "parallelism",
                        "must be between 1 and 64"),
                bad(
                        "maxTrials as a string",
                        spec(SPACE + ", \"maxTrials\": \"ten\""),
                        "maxTrials",
                        "must be an integer, but was the string \"ten\""),
                bad("fractional maxTrials", spec(SPACE + ", \"maxTrials\": 2.5"), "maxTrials", "must be an integer"),
                bad(
                        "min as a string",
                        spec("\"searchSpace\": { \"dropout\": { \"type\": \"float\", \"min\": \"0\", \"max\": 0.5 } }"),
                        "searchSpace.dropout.min",
                        "must be a number"),
                bad(
                        "unknown parameter type",
                        spec("\"searchSpace\": { \"dropout\": { \"type\": \"uniform\", \"min\": 0, \"max\": 0.5 } }"),
                        "searchSpace.dropout.type",
                        "must be one of [float, int, categorical]"),
                bad(
                        "float range for an int hyperparameter",
                        spec("\"searchSpace\": { \"batchSize\": { \"type\": \"float\", \"min\": 8, \"max\": 64 } }"),
                        "searchSpace.batchSize.type",
                        "takes a whole number"),
                bad(
                        "unknown optimizer",
                        spec(
                                "\"searchSpace\": { \"optimizer\": { \"type\": \"categorical\", \"values\": [\"adam\", \"lion\"] } }"),
                        "searchSpace.optimizer.values",
                        "takes one of [sgd, nesterov, adam, adamw, rmsprop]"),
                bad(
                        "dropout of 1",
                        spec("\"searchSpace\": { \"dropout\": 1.0 }"),
                        "searchSpace.dropout",
                        "takes a number >= 0 and <= 0.95"),
                bad(
                        "epochs above the cap",
                        spec("\"searchSpace\": { \"epochs\": { \"type\": \"int\", \"min\": 1, \"max\": 5000 } }"),
                        "searchSpace.epochs.max",
                        "must be >= 1 and <= 1000"),
                bad("missing search space", spec("\"maxTrials\": 3"), "searchSpace", "is required"),
                bad(
                        "empty search space",
                        spec("\"searchSpace\": {}"),
                        "searchSpace",
                        "must have at least one parameter"),
                bad("search space as an array", spec("\"searchSpace\": [1, 2]"), "searchSpace", "must be an object"),
                bad("unknown top-level field", spec(SPACE + ", \"maxTrails\": 5"), "maxTrails", "is not a known field"),
                bad(
                        "unknown algorithm",
                        spec(SPACE + ", \"algorithm\": { \"type\": \"annealing\" }"),
                        "algorithm.type",
                        "must be one of [random, grid, sobol, bayesian, tpe, nsga2]"),
                bad(
                        "unsupported model",
                        spec(SPACE + ", \"model\": { \"type\": \"transformer\" }"),
                        "model.type",
                        "must be one of [mlp, cnn, lstm, gan]"),
                bad(
                        "metric of the wrong task",
                        spec(SPACE + ", \"objective\": { \"metric\": \"val_rmse\" }"),
                        "objective.metric",
                        "must be one of [val_accuracy, val_f1, val_f1_positive, val_auc, val_loss, loss] for classification"),
                bad(
                        "direction against the metric",
                        spec(SPACE + ", \"objective\": { \"metric\": \"val_accuracy\", \"direction\": \"minimize\" }"),
                        "objective.direction",
                        "direction must be maximize"),
                bad(
                        "regression on a text target",
                        "{ \"dataset\": \"iris\", \"target\": \"label\", \"task\": \"forecast\", " + SPACE + " }",
                        "task",
                        "must be one of [classification, regression]"),
                bad(
                        "validation fraction too large",
                        spec(SPACE + ", \"validation\": { \"fraction\": 0.9 }"),
                        "validation.fraction",
                        "must be between 0.05 and 0.5"),
                bad(
                        "target listed as a feature",
                        spec(SPACE + ", \"features\": [\"label\"]"),
                        "features",
                        "must not include the target"),
                bad(
                        "negative seed",
                        spec(SPACE + ", \"algorithm\": { \"seed\": -1 }"),
                        "algorithm.seed",
                        "must be between 0"),
                bad("spec that is not an object", "[1, 2, 3]", "", "must be a JSON object"),
                bad(
                        "null fixed value",
                        spec("\"searchSpace\": { \"units\": null }"),
                        "searchSpace.units",
                        "must be an object with a type"),
                bad(
                        "unknown execution",
                        spec(SPACE + ", \"execution\": \"remote\""),
                        "execution",
                        "must be one of [dl4j, external], but was \"remote\""),
                bad(
                        "external without a direction",
                        external("\"objective\": { \"metric\": \"loss\" }"),
                        "objective.direction",
                        "is required"),
                bad("external without an objective", external(""), "objective", "is required"),
                bad(
                        "external with a blank metric",
                        external("\"objective\": { \"metric\": \" \", \"direction\": \"minimize\" }"),
                        "objective.metric",
                        "must not be blank"),
                bad(
                        "external with an objective epoch",
                        external(OBJECTIVE.replace("}", ", \"epoch\": \"best\" }")),
                        "objective.epoch",
                        "is not used by external jobs"),
                bad(
                        "external with a dataset",
                        external(OBJECTIVE + ", \"dataset\": \"iris\""),
                        "dataset",
                        "is not used by external jobs"),
                bad(
                        "external with a model",
                        external(OBJECTIVE + ", \"model\": { \"type\": \"mlp\" }"),
                        "model",
                        "is not used by external jobs"),
                bad(
                        "external with validation",
                        external(OBJECTIVE + ", \"validation\": { \"fraction\": 0.2 }"),
                        "validation",
                        "is not used by external jobs"),
                bad(
                        "external with an unknown field",
                        external(OBJECTIVE + ", \"budget\": 5"),
                        "budget",
                        "is not a known field of external jobs"),
                bad(
                        "external with min above max",
                        "{ \"execution\": \"external\", " + OBJECTIVE
                                + ", \"searchSpace\": { \"depth\": { \"type\": \"int\", \"min\": 9, \"max\": 3 } } }",
                        "searchSpace.depth.min",
                        "must be <= max"),
                bad(
                        "external grid over a continuous float",
                        external(OBJECTIVE + ", \"algorithm\": { \"type\": \"grid\" }"),
                        "searchSpace.lr.step",
                        "is required by grid search"),
                bad(
                        "external with maxTrials zero",
                        external(OBJECTIVE + ", \"maxTrials\": 0"),
                        "maxTrials",
                        "must be between 1 and 10000"),
                bad(
                        "unknown pruner",
                        spec("\"pruner\": { \"type\": \"successive\" }"),
                        "pruner.type",
                        "must be one of [none, median, asha, hyperband]"),
                bad("pruner without a type", spec("\"pruner\": { \"minEpochs\": 2 }"), "pruner.type", "is required"),
                bad("pruner that is not an object", spec("\"pruner\": \"asha\""), "pruner", "must be an object"),
                bad(
                        "asha reduction factor below 2",
                        spec("\"pruner\": { \"type\": \"asha\", \"reductionFactor\": 1 }"),
                        "pruner.reductionFactor",
                        "must be between 2 and 100"),
                bad(
                        "asha given a median setting",
                        spec("\"pruner\": { \"type\": \"asha\", \"warmupTrials\": 3 }"),
                        "pruner.warmupTrials",
                        "is not a setting of pruner asha; its settings are [type, minEpochs, reductionFactor]"),
                bad(
                        "asha whose first rung is at the last epoch",
                        spec(
                                "\"searchSpace\": { \"epochs\": 5 }, \"pruner\": { \"type\": \"asha\", \"minEpochs\": 5 }"),
                        "pruner.minEpochs",
                        "must be less than the most epochs a trial trains (5 in searchSpace.epochs)"),
                bad(
                        "hyperband maxEpochs below minEpochs",
                        spec("\"pruner\": { \"type\": \"hyperband\", \"minEpochs\": 4, \"maxEpochs\": 3 }"),
                        "pruner.maxEpochs",
                        "must be >= minEpochs (4), but was 3"),
                bad(
                        "external hyperband without maxEpochs",
                        external(OBJECTIVE + ", \"pruner\": { \"type\": \"hyperband\" }"),
                        "pruner.maxEpochs",
                        "is required"),
                bad(
                        "median with negative warm-up",
                        external(OBJECTIVE + ", \"pruner\": { \"type\": \"median\", \"warmupSteps\": -1 }"),
                        "pruner.warmupSteps",
                        "must be between 0 and 1000000"),
                bad(
                        "cnn without an input shape",
                        "{ \"dataset\": \"digits\", \"target\": \"label\", \"model\": { \"type\": \"cnn\" }, " + SPACE
                                + " }",
                        "model.input",
                        "is required"),
                bad(
                        "pixel count not matching the declared shape",
                        "{ \"dataset\": \"digits\", \"target\": \"label\", \"model\": { \"type\": \"cnn\","
                                + " \"input\": { \"channels\": 1, \"height\": 28, \"width\": 28 } }, " + SPACE + " }",
                        "model.input",
                        "model.input declares 1x28x28 = 784 pixels, but there are 64 feature columns"),
                bad(
                        "sequence shape not matching the columns",
                        spec("\"model\": { \"type\": \"lstm\", \"sequence\": { \"timesteps\": 3, \"features\": 2 } }, "
                                + SPACE),
                        "model.sequence",
                        "3 steps x 2 = 6 values, but there are 4 feature columns"),
                bad(
                        "lstm with neither sequence nor series",
                        spec("\"model\": { \"type\": \"lstm\" }, " + SPACE),
                        "model",
                        "an lstm model needs exactly one of"),
                bad(
                        "a cnn hyperparameter on an mlp",
                        spec("\"searchSpace\": { \"filters\": 16 }"),
                        "searchSpace.filters",
                        "is not a hyperparameter of mlp models"),
                bad(
                        "window on a sequence lstm",
                        spec("\"model\": { \"type\": \"lstm\", \"sequence\": { \"timesteps\": 4, \"features\": 1 } },"
                                + " \"searchSpace\": { \"window\": 3 }"),
                        "searchSpace.window",
                        "is only used by time-series lstm jobs"),
                bad(
                        "batchNorm given a string",
                        spec("\"searchSpace\": { \"batchNorm\": \"yes\" }"),
                        "searchSpace.batchNorm",
                        "batchNorm takes true or false"),
                bad(
                        "unknown normalization",
                        spec(
                                "\"searchSpace\": { \"normalization\": { \"type\": \"categorical\", \"values\": [\"standard\", \"robust\"] } }"),
                        "searchSpace.normalization.values",
                        "normalization takes one of [standard, minmax, none]"),
                bad(
                        "kfold with one fold",
                        spec(SPACE + ", \"validation\": { \"type\": \"kfold\", \"folds\": 1 }"),
                        "validation.folds",
                        "must be between 2 and 20"),
                bad(
                        "chronological validation without a time series",
                        spec(SPACE + ", \"validation\": { \"type\": \"chronological\", \"last\": 10 }"),
                        "validation.type",
                        "must be one of [holdout, kfold]"),
                bad(
                        "val_auc with three classes",
                        spec(SPACE + ", \"objective\": { \"metric\": \"val_auc\" }"),
                        "objective.metric",
                        "val_auc is defined for two classes, but the target has 3"),
                bad(
                        "gan with a target",
                        spec("\"model\": { \"type\": \"gan\" }, \"searchSpace\": { \"latentSize\": 8 }"),
                        "target",
                        "gan jobs learn to generate whole rows and have no target"),
                bad(
                        "gan with a classification metric",
                        "{ \"dataset\": \"iris\", \"model\": { \"type\": \"gan\" }, \"searchSpace\": { \"latentSize\": 8 },"
                                + " \"objective\": { \"metric\": \"val_accuracy\" } }",
                        "objective.metric",
                        "must be one of [val_mmd, val_c2st, val_fid, val_confidence, val_coverage, loss] for"
                                + " generation"),
                bad(
                        "image gan whose shape does not match the columns",
                        "{ \"dataset\": \"digits\", \"target\": \"label\","
                                + " \"model\": { \"type\": \"gan\", \"input\": { \"height\": 8, \"width\": 12 } },"
                                + " \"searchSpace\": { \"latentSize\": 8 } }",
                        "model.input",
                        "model.input declares 1x8x12 = 96 pixels, but there are 64 feature columns"),
                bad(
                        "image gan that counts its label column as pixels",
                        "{ \"dataset\": \"digits\","
                                + " \"model\": { \"type\": \"gan\", \"input\": { \"height\": 8, \"width\": 8 } },"
                                + " \"searchSpace\": { \"latentSize\": 8 } }",
                        "model.input",
                        "model.input declares 1x8x8 = 64 pixels, but there are 65 feature columns"),
                bad(
                        "image gan with sides that are not multiples of 4",
                        "{ \"dataset\": \"digits\", \"target\": \"label\","
                                + " \"model\": { \"type\": \"gan\", \"input\": { \"height\": 2, \"width\": 32 } },"
                                + " \"searchSpace\": { \"latentSize\": 8 } }",
                        "model.input",
                        "an image gan needs a height and width that are multiples of 4"),
                bad(
                        "classifier metric of a gan without images",
                        "{ \"dataset\": \"iris\", \"model\": { \"type\": \"gan\" }, \"searchSpace\": { \"latentSize\": 8 },"
                                + " \"objective\": { \"metric\": \"val_fid\" } }",
                        "objective.metric",
                        "val_fid is measured by a classifier of real images"),
                bad(
                        "unknown preprocessing setting",
                        spec(SPACE + ", \"preprocessing\": { \"scaler\": \"robust\" }"),
                        "preprocessing.scaler",
                        "is not a known field"),
                bad(
                        "description too long",
                        spec(SPACE + ", \"description\": \"" + "x".repeat(2001) + "\""),
                        "description",
                        "must be at most 2000 characters, but has 2001"),
                bad(
                        "description not text",
                        external("\"description\": 42, " + OBJECTIVE),
                        "description",
                        "must be a string"),
                bad(
                        "external with a blank parameter name",
                        "{ \"execution\": \"external\", " + OBJECTIVE + ", \"searchSpace\": { \" \": 1 } }",
                        "searchSpace",
                        "parameter names must be 1 to 200 characters and not blank"));
    }

    static final String OBJECTIVE = "\"objective\": { \"metric\": \"loss\", \"direction\": \"minimize\" }";

    /** An external job over one float parameter, with {@code fields} added. */
    static String external(String fields) {
        return "{ \"execution\": \"external\", \"searchSpace\": { \"lr\": { \"type\": \"float\", \"min\": 0.001, \"max\": 0.1 } }"
                + (fields.isEmpty() ? "" : ", " + fields) + " }";
    }

    static Arguments bad(String name, String body, String field, String message) {
        return Arguments.of(name, body, field, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void badSpecsGetA400NamingTheFieldAndWriteNothing(String name, String body, String field, String message) {
        long jobsBefore = count("job");
        long trialsBefore = count("trial");

        ApiClient.Response response = api.postJson("/api/v1/jobs", body);

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asString()).isEqualTo("https://anneal.dev/problems/invalid-job-spec");
        List<String> errors = new ArrayList<>();
        problem.path("errors")
                .forEach(e -> errors.add(
                        e.path("field").asString() + ": " + e.path("message").asString()));
        assertThat(errors)
                .as(response.text())
                .anySatisfy(e -> assertThat(e).startsWith(field + ": ").contains(message));
        assertThat(count("job")).isEqualTo(jobsBefore);
        assertThat(count("trial")).isEqualTo(trialsBefore);
    }

    /**
     * Problems that depend on the data: a target with one class, a pixel column holding text, a
     * window longer than the series. Each dataset is uploaded first (its upload is not the
     * rejected request, so it stays), then the job spec must be refused without a job row.
     */
    @org.junit.jupiter.api.Test
    void specsThatDoNotFitTheDataGetA400() {
        api.upload(
                "one-class",
                "one-class.csv",
                "a,b,label\n1,2,yes\n2,3,yes\n3,1,yes\n4,4,yes\n".getBytes(StandardCharsets.UTF_8));
        api.upload(
                "text-pixels",
                "text-pixels.csv",
                "p0,p1,p2,p3,label\n0,1,2,3,a\n1,2,x,0,b\n3,2,1,0,a\n".getBytes(StandardCharsets.UTF_8));
        assertThat(api.upload("passengers", "airpassengers.csv", SharedDatasets.bytes("airpassengers.csv"))
                        .status())
                .isEqualTo(201);

        assertBad(
                "{ \"dataset\": \"one-class\", \"target\": \"label\", \"task\": \"classification\", " + SPACE + " }",
                "target",
                "classification needs at least 2 classes, but column \"label\" has 1 value");
        assertBad(
                "{ \"dataset\": \"text-pixels\", \"target\": \"label\", \"model\": { \"type\": \"cnn\","
                        + " \"input\": { \"height\": 2, \"width\": 2 } }, " + SPACE + " }",
                "features",
                "pixel column \"p2\" holds text");
        assertBad(
                "{ \"dataset\": \"passengers\", \"target\": \"target\", \"features\": [],"
                        + " \"model\": { \"type\": \"lstm\", \"series\": { \"horizon\": 1 } },"
                        + " \"validation\": { \"type\": \"chronological\", \"last\": 24 },"
                        + " \"searchSpace\": { \"window\": { \"type\": \"int\", \"min\": 12, \"max\": 150 } } }",
                "searchSpace.window",
                "window 150 + horizon 1 + 24 validation steps needs at least 175 rows, but the series has 144");
        assertBad(
                "{ \"dataset\": \"passengers\", \"target\": \"target\", \"features\": [\"date\"],"
                        + " \"model\": { \"type\": \"lstm\", \"series\": {} }, \"searchSpace\": { \"window\": 12 } }",
                "features",
                "series column \"date\" holds text");
    }

    private void assertBad(String body, String field, String message) {
        long jobsBefore = count("job");
        ApiClient.Response response = api.postJson("/api/v1/jobs", body);

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.json().path("errors").toString())
                .as(response.text())
                .contains("\"field\":\"" + field + "\"");
        assertThat(response.text()).contains(message.replace("\"", "\\\""));
        assertThat(count("job")).isEqualTo(jobsBefore);
    }

    static Stream<Arguments> unreadableBodies() {
        return Stream.of(
                Arguments.of("truncated JSON", "application/json", "{ \"dataset\": \"iris\", ", 400, "malformed-json"),
                Arguments.of("not JSON at all", "application/json", "dataset=iris", 400, "malformed-json"),
                Arguments.of("empty body", "application/json", "", 400, "malformed-json"),
                Arguments.of("wrong content type", "text/plain", "{}", 415, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableBodies")
    void unreadableBodiesGetAProblemAndWriteNothing(
            String name, String contentType, String body, int status, String type) {
        long jobsBefore = count("job");

        ApiClient.Response response = api.post("/api/v1/jobs", contentType, body);

        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (type != null) {
            assertThat(response.json().path("type").asString()).endsWith(type);
        }
        assertThat(count("job")).isEqualTo(jobsBefore);
    }

    @org.junit.jupiter.api.Test
    void reportsEveryProblemOfASpecAtOnce() {
        ApiClient.Response response = api.postJson("/api/v1/jobs", """
                { "dataset": "iris", "target": "label", "maxTrials": -1, "parallelism": 0,
                  "searchSpace": { "units": { "type": "int", "min": 10, "max": 5 }, "colour": "red" } }
                """);

        assertThat(response.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).contains("maxTrials", "parallelism", "searchSpace.units.min", "searchSpace.colour");
    }

    @org.junit.jupiter.api.Test
    void aDescriptionIsKeptWithTheSpecAndAbsentWhenNotGiven() {
        // external jobs: they start no trials, so other tests' counts of written rows stay still
        JsonNode described = api.postJson(
                        "/api/v1/jobs", external("\"description\": \"baseline for the Q3 model review\", " + OBJECTIVE))
                .json();
        assertThat(described.path("spec").path("description").asString()).isEqualTo("baseline for the Q3 model review");
        JsonNode plain = api.postJson("/api/v1/jobs", external(OBJECTIVE)).json();
        assertThat(plain.path("spec").has("description")).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aValidSpecIsNormalizedWithEveryDefault() {
        ApiClient.Response response = api.postJson("/api/v1/jobs", spec(SPACE));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers().getLocation().getPath())
                .isEqualTo("/api/v1/jobs/" + response.json().path("id").asLong());
        JsonNode spec = response.json().path("spec");
        assertThat(spec.path("name").asString()).isEqualTo("iris-mlp");
        assertThat(spec.path("execution").asString()).isEqualTo("dl4j");
        assertThat(spec.path("task").asString()).isEqualTo("classification");
        assertThat(spec.path("objective").path("metric").asString()).isEqualTo("val_accuracy");
        assertThat(spec.path("objective").path("direction").asString()).isEqualTo("maximize");
        assertThat(spec.path("maxTrials").asInt()).isEqualTo(20);
        assertThat(spec.path("parallelism").asInt()).isEqualTo(2);
        assertThat(spec.path("algorithm").path("type").asString()).isEqualTo("random");
        assertThat(spec.path("algorithm").path("seed").isIntegralNumber()).isTrue();
        assertThat(spec.path("validation").path("fraction").asDouble()).isEqualTo(0.2);
        assertThat(spec.path("pruner").toString()).isEqualTo("{\"type\":\"none\"}");
    }

    @org.junit.jupiter.api.Test
    void prunersGetTheirDefaultsAndHyperbandItsMaximumFromTheEpochs() {
        // (keys come back in jsonb's order: shorter first)
        JsonNode asha = api.postJson("/api/v1/jobs", spec(SPACE + ", \"pruner\": { \"type\": \"asha\" }"))
                .json()
                .path("spec")
                .path("pruner");
        assertThat(asha.toString()).isEqualTo("{\"type\":\"asha\",\"minEpochs\":1,\"reductionFactor\":3}");
        JsonNode median = api.postJson("/api/v1/jobs", spec(SPACE + ", \"pruner\": { \"type\": \"median\" }"))
                .json()
                .path("spec")
                .path("pruner");
        assertThat(median.toString()).isEqualTo("{\"type\":\"median\",\"warmupSteps\":0,\"warmupTrials\":5}");
        String epochs = "\"searchSpace\": { \"epochs\": { \"type\": \"int\", \"min\": 3, \"max\": 27 } }";
        JsonNode hyperband = api.postJson(
                        "/api/v1/jobs", spec(epochs + ", \"pruner\": { \"type\": \"hyperband\", \"minEpochs\": 3 }"))
                .json()
                .path("spec")
                .path("pruner");
        assertThat(hyperband.toString())
                .isEqualTo("{\"type\":\"hyperband\",\"maxEpochs\":27,\"minEpochs\":3,\"reductionFactor\":3}");
    }

    @org.junit.jupiter.api.Test
    void anExternalSpecNamesParametersFreelyAndIsNormalized() {
        ApiClient.Response response = api.postJson("/api/v1/jobs", """
                { "execution": "external",
                  "searchSpace": { "n_estimators": { "type": "int", "min": 50, "max": 500, "log": true },
                                   "booster": { "type": "categorical", "values": ["gbtree", "dart"] },
                                   "learning-rate": { "type": "float", "min": 1e-3, "max": 0.3, "log": true } },
                  "objective": { "metric": "val_auc", "direction": "maximize" } }
                """);

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode job = response.json();
        assertThat(job.path("execution").asString()).isEqualTo("external");
        assertThat(job.path("dataset").isNull()).isTrue();
        assertThat(job.path("task").isNull()).isTrue();
        assertThat(job.path("objective").path("metric").asString()).isEqualTo("val_auc");
        assertThat(job.path("objective").path("direction").asString()).isEqualTo("maximize");
        JsonNode spec = job.path("spec");
        assertThat(spec.path("execution").asString()).isEqualTo("external");
        assertThat(spec.path("name").asString()).isEqualTo("val_auc-external");
        assertThat(spec.has("dataset")).isFalse();
        assertThat(spec.has("validation")).isFalse();
        assertThat(spec.path("objective").has("epoch")).isFalse();
        assertThat(spec.path("searchSpace").has("learning-rate")).isTrue();
        assertThat(spec.path("maxTrials").asInt()).isEqualTo(20);
        assertThat(spec.path("parallelism").asInt()).isEqualTo(2);
        assertThat(spec.path("algorithm").path("seed").isIntegralNumber()).isTrue();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
