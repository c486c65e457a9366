package dev.anneal.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.ServerIT;
import dev.anneal.db.testing.SharedDatasets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * Every model family and every data-preparation option, end to end over real HTTP: jobs on the
 * shared datasets trained by real DL4J workers for a few epochs, results read back from
 * PostgreSQL. Quality targets live in the examples and the benchmark; here each family must
 * learn something and record what it did.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"anneal.worker.slots=2", "anneal.scheduler.fail-fast-after=50"})
@DirtiesContext
class ModelFamiliesIT extends ServerIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void cnnTunesConvolutionsOnDigitImagesAndKeepsOneModel() {
        long id = api.submit("""
                { "dataset": "digits", "target": "label",
                  "model": { "type": "cnn", "input": { "channels": 1, "height": 8, "width": 8 } },
                  "searchSpace": {
                    "learningRate": { "type": "float", "min": 2e-3, "max": 6e-3, "log": true },
                    "filters": { "type": "categorical", "values": [8, 16] },
                    "kernelSize": 3, "convBlocks": 2, "denseUnits": 32,
                    "pooling": { "type": "categorical", "values": ["max", "avg"] },
                    "batchNorm": { "type": "categorical", "values": [true, false] },
                    "augmentation": { "type": "float", "min": 0.0, "max": 0.2 },
                    "normalization": "minmax",
                    "epochs": 5 },
                  "algorithm": { "type": "random", "seed": 7 },
                  "maxTrials": 2, "parallelism": 2 }
                """);

        JsonNode job = api.awaitFinished(id, Duration.ofMinutes(5));

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.path("best").path("value").asDouble()).isGreaterThan(0.8);
        JsonNode best = bestTrial(id, job);
        assertThat(best.path("preprocessing").path("layout").asString()).isEqualTo("image");
        assertThat(best.path("preprocessing").path("normalization").asString()).isEqualTo("minmax");
        // pixels share one scaling, so a shifted pixel keeps its meaning
        Set<Double> scales = new HashSet<>();
        best.path("preprocessing")
                .path("features")
                .forEach(f -> scales.add(f.path("scale").asDouble()));
        assertThat(scales).hasSize(1);
        assertThat(best.path("metrics").get(0).has("val_f1")).isTrue();
        assertThat(modelRows(id)).as("only the best trial's model is kept").isEqualTo(1);
    }

    @Test
    void lstmLearnsFixedLengthSequencesLaidOutInColumns() {
        // digits as sequences: 8 steps (image rows) of 8 features (the row's pixels)
        long id = api.submit("""
                { "dataset": "digits", "target": "label",
                  "model": { "type": "lstm", "sequence": { "timesteps": 8, "features": 8 } },
                  "searchSpace": { "learningRate": 0.01, "units": { "type": "int", "min": 16, "max": 32 },
                                   "hiddenLayers": 1, "gradientClipping": 1.0, "epochs": 4 },
                  "maxTrials": 2, "parallelism": 2 }
                """);

        JsonNode job = api.awaitFinished(id, Duration.ofMinutes(5));

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.path("best").path("value").asDouble()).isGreaterThan(0.6);
        assertThat(bestTrial(id, job).path("preprocessing").path("layout").asString())
                .isEqualTo("sequence");
    }

    @Test
    void lstmForecastsATimeSeriesValidatedOnItsLastSteps() {
        assertThat(api.upload("passengers", "airpassengers.csv", SharedDatasets.bytes("airpassengers.csv"))
                        .status())
                .isEqualTo(201);
        long id = api.submit("""
                { "dataset": "passengers", "target": "target",
                  "model": { "type": "lstm", "series": { "horizon": 1 } },
                  "validation": { "type": "chronological", "last": 24 },
                  "searchSpace": { "window": { "type": "categorical", "values": [6, 12] }, "units": 16,
                                   "hiddenLayers": 1, "learningRate": 0.01, "gradientClipping": 1.0, "epochs": 10 },
                  "maxTrials": 2, "parallelism": 2, "algorithm": { "type": "grid" } }
                """);

        JsonNode job = api.awaitFinished(id, Duration.ofMinutes(5));

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.path("task").asString()).isEqualTo("regression");
        assertThat(job.path("objective").path("metric").asString()).isEqualTo("val_rmse");
        JsonNode record = bestTrial(id, job).path("preprocessing");
        assertThat(record.path("layout").asString()).isEqualTo("series");
        assertThat(record.path("validationRows").asInt()).isEqualTo(24);
        assertThat(record.path("series").path("encoding").asString()).isEqualTo("log_relative");
        // in passengers (thousands), the series runs 104..622: any sane forecast errs by well under 150
        assertThat(job.path("best").path("value").asDouble()).isBetween(1.0, 150.0);

        // forecast January 1961 from the whole history (the last window of rows is used)
        StringBuilder rows = new StringBuilder();
        for (String line : new String(SharedDatasets.bytes("airpassengers.csv"), StandardCharsets.UTF_8)
                .lines()
                .skip(1)
                .toList()) {
            String[] cells = line.split(",");
            rows.append(rows.isEmpty() ? "" : ",")
                    .append("{\"date\": \"")
                    .append(cells[0])
                    .append("\", \"target\": ")
                    .append(cells[1])
                    .append('}');
        }
        ApiClient.Response forecast = api.postJson("/api/v1/jobs/" + id + "/predict", "{\"rows\": [" + rows + "]}");
        assertThat(forecast.status()).as(forecast.text()).isEqualTo(200);
        assertThat(forecast.json().path("predictions").size()).isEqualTo(1);
        // December 1960 was 432, January 1960 417: a forecast far outside is broken, not just imprecise
        assertThat(forecast.json().path("predictions").get(0).path("value").asDouble())
                .isBetween(300.0, 600.0);
        ApiClient.Response tooShort =
                api.postJson("/api/v1/jobs/" + id + "/predict", "{\"rows\": [{\"target\": 400}, {\"target\": 410}]}");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.text())
                .contains("last "
                        + bestTrial(id, job).path("params").path("window").asInt());
    }

    @Test
    void ganGeneratesRowsLikeTheDatasetAndStoresSamples() {
        long id = api.submit("""
                { "dataset": "iris", "features": ["sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"],
                  "model": { "type": "gan" },
                  "searchSpace": { "generatorLearningRate": 1e-3, "discriminatorLearningRate": 1e-3,
                                   "latentSize": { "type": "categorical", "values": [8, 16] },
                                   "units": 64, "hiddenLayers": 2, "labelSmoothing": 0.1,
                                   "batchSize": 32, "epochs": 20 },
                  "maxTrials": 2, "parallelism": 2 }
                """);

        JsonNode job = api.awaitFinished(id, Duration.ofMinutes(5));

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.path("task").asString()).isEqualTo("generation");
        assertThat(job.path("objective").path("metric").asString()).isEqualTo("val_mmd");
        assertThat(job.path("objective").path("direction").asString()).isEqualTo("minimize");
        JsonNode best = bestTrial(id, job);
        assertThat(best.path("metrics").get(0).has("val_c2st")).isTrue();
        String samples = jdbc.sql("""
                        select m.samples from trial_model m join trial t on t.id = m.trial_id where t.job_id = :job
                        """).param("job", id).query(String.class).single();
        String[] lines = samples.split("\n");
        assertThat(lines[0]).isEqualTo("sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm");
        assertThat(lines).hasSize(1001);
        // generated rows are in centimetres again, not z-scores
        double meanPetalLength = 0;
        for (int i = 1; i < lines.length; i++) {
            meanPetalLength += Double.parseDouble(lines[i].split(",")[2]) / (lines.length - 1);
        }
        assertThat(meanPetalLength).isBetween(1.5, 6.0);
    }

    @Test
    void everyImputationAndNormalizationIsATunableChoice() {
        assertThat(api.upload("air", "airquality.csv", SharedDatasets.bytes("airquality.csv"))
                        .status())
                .isEqualTo(201);
        long id = api.submit("""
                { "dataset": "air", "target": "target",
                  "searchSpace": {
                    "imputation": { "type": "categorical", "values": ["mean", "median", "most_frequent", "constant", "drop"] },
                    "normalization": { "type": "categorical", "values": ["standard", "minmax", "none"] },
                    "epochs": 3, "units": 16, "learningRate": 0.01 },
                  "preprocessing": { "fillValue": -1 },
                  "algorithm": { "type": "grid", "seed": 1 }, "parallelism": 2 }
                """);

        JsonNode job = api.awaitFinished(id, Duration.ofMinutes(5));

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.path("trials").path("completed").asInt()).isEqualTo(15);
        List<String> seen = new ArrayList<>();
        for (JsonNode summary :
                api.get("/api/v1/jobs/" + id + "/trials?size=50").json().path("items")) {
            JsonNode trial = api.get("/api/v1/jobs/" + id + "/trials/"
                            + summary.path("number").asInt())
                    .json();
            JsonNode record = trial.path("preprocessing");
            String imputation = trial.path("params").path("imputation").asString();
            String normalization = trial.path("params").path("normalization").asString();
            assertThat(record.path("imputation").asString()).isEqualTo(imputation);
            assertThat(record.path("normalization").asString()).isEqualTo(normalization);
            assertThat(record.path("droppedMissingTarget").asInt()).isEqualTo(37);
            JsonNode solar = record.path("features").get(0);
            assertThat(solar.path("column").asString()).isEqualTo("solar_r");
            switch (imputation) {
                case "drop" ->
                    assertThat(record.path("droppedMissingFeatures").asInt()).isEqualTo(5);
                case "constant" -> assertThat(solar.path("fill").asDouble()).isEqualTo(-1.0);
                default -> assertThat(solar.path("missingInTrain").asInt()).isPositive();
            }
            switch (normalization) {
                case "none" -> assertThat(solar.path("scale").asDouble()).isEqualTo(1.0);
                case "minmax" -> {
                    // solar_r runs 7..334 in the whole file; the training split's min and max are near
                    assertThat(solar.path("center").asDouble()).isBetween(7.0, 30.0);
                    assertThat(solar.path("center").asDouble()
                                    + solar.path("scale").asDouble())
                            .isBetween(300.0, 334.0);
                }
                default -> assertThat(solar.path("center").asDouble()).isBetween(150.0, 220.0);
            }
            seen.add(imputation + "/" + normalization);
        }
        assertThat(new HashSet<>(seen)).hasSize(15);
    }

    @Test
    void kfoldStoresEveryFoldsValueAndTheirMean() {
        long id = api.submit("""
                { "dataset": "iris", "target": "label",
                  "searchSpace": { "learningRate": 0.02, "epochs": 10, "units": 16,
                                   "augmentation": 0.2, "mixup": 0.2, "earlyStopping": 3,
                                   "lrSchedule": "cosine", "optimizer": "adamw" },
                  "validation": { "type": "kfold", "folds": 3 },
                  "maxTrials": 1, "parallelism": 1 }
                """);

        JsonNode job = api.awaitFinished(id, Duration.ofMinutes(3));

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        JsonNode trial = bestTrial(id, job);
        assertThat(trial.path("foldValues").size()).isEqualTo(3);
        double mean = 0;
        for (JsonNode v : trial.path("foldValues")) {
            mean += v.asDouble() / 3;
        }
        assertThat(trial.path("value").asDouble()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(trial.path("preprocessing").path("folds").asInt()).isEqualTo(3);
        assertThat(trial.path("preprocessing").path("trainRows").asInt()).isEqualTo(100);
    }

    @Test
    void textLabelsAndCategoricalFeaturesAreEncodedAndRecorded() {
        StringBuilder csv = new StringBuilder("plan,usage,churned\n");
        String[] plans = {"basic", "pro", "team"};
        for (int i = 0; i < 90; i++) {
            String plan = plans[i % 3];
            double usage = (i * 37) % 100;
            String churned = usage < 40 || plan.equals("basic") ? "Yes" : "No";
            csv.append(plan)
                    .append(',')
                    .append(i % 11 == 0 ? "" : usage)
                    .append(',')
                    .append(churned)
                    .append('\n');
        }
        api.upload("churn", "churn.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        long id = api.submit("""
                { "dataset": "churn", "target": "churned",
                  "searchSpace": { "learningRate": 0.02, "epochs": 30, "units": 16 },
                  "objective": { "metric": "val_auc" }, "maxTrials": 1, "parallelism": 1 }
                """);

        JsonNode job = api.awaitFinished(id, Duration.ofMinutes(3));

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.path("objective").path("direction").asString()).isEqualTo("maximize");
        assertThat(job.path("best").path("value").asDouble()).isGreaterThan(0.8);
        JsonNode record = bestTrial(id, job).path("preprocessing");
        assertThat(record.path("target").path("classes").toString()).isEqualTo("[\"No\",\"Yes\"]");
        JsonNode plan = record.path("features").get(0);
        assertThat(plan.path("type").asString()).isEqualTo("categorical");
        assertThat(plan.path("categories").size()).isEqualTo(3);
        assertThat(record.path("features").get(1).path("missingInTrain").asInt())
                .isPositive();
    }

    private JsonNode bestTrial(long id, JsonNode job) {
        return api.get("/api/v1/jobs/" + id + "/trials/"
                        + job.path("best").path("trialNumber").asInt())
                .json();
    }

    private long modelRows(long jobId) {
        return jdbc.sql("select count(*) from trial_model m join trial t on t.id = m.trial_id where t.job_id = :job")
                .param("job", jobId)
                .query(Long.class)
                .single();
    }
}
