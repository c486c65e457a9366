package dev.anneal.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.ServerIT;
import dev.anneal.db.testing.SharedDatasets;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A finished job's best model over real HTTP: downloaded as a DL4J zip that DL4J restores,
 * used for predictions on rows of the real iris file, and the problems of asking too early,
 * of the wrong kind of job, or with bad rows. One small iris job serves every test.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"anneal.worker.slots=2"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BestModelIT extends ServerIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** imputation drop: a missing feature in a predict row must then be refused. */
    static final String IRIS = """
            { "name": "iris-models", "dataset": "iris", "target": "label", "task": "classification",
              "model": { "type": "mlp" },
              "searchSpace": {
                "learningRate": { "type": "float", "min": 0.01, "max": 0.05, "log": true },
                "batchSize": 16, "epochs": 10, "hiddenLayers": 1, "units": 32, "imputation": "drop" },
              "algorithm": { "type": "random", "seed": 11 },
              "objective": { "metric": "val_accuracy", "direction": "maximize" },
              "maxTrials": 3, "parallelism": 2 }
            """;

    @Autowired
    JdbcClient jdbc;

    long job;
    JsonNode finished;

    @BeforeAll
    void finishedIrisJob() {
        api = new ApiClient(port);
        job = api.submit(IRIS);
        finished = api.awaitFinished(job, Duration.ofMinutes(2));
        assertThat(finished.path("state").asString()).as(finished.toString()).isEqualTo("COMPLETED");
    }

    @Test
    void bestModelIsADl4jZipWithThePreprocessingAndTheSpec() throws IOException {
        int bestTrial = finished.path("best").path("trialNumber").asInt();

        ApiClient.Download zip = api.download("/api/v1/jobs/" + job + "/best-model");

        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.headers().getContentType()).hasToString("application/zip");
        assertThat(zip.headers().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(zip.headers().getContentDisposition().getFilename())
                .isEqualTo("anneal-job-" + job + "-trial-" + bestTrial + ".zip");
        MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(zip.body()));
        assertThat(network.layerInputSize(0)).isEqualTo(4);
        Map<String, String> entries = entries(zip.body());
        assertThat(entries).containsKeys("configuration.json", "coefficients.bin");
        JsonNode preprocessing = JSON.readTree(entries.get("anneal/preprocessing.json"));
        assertThat(preprocessing.path("layout").asString()).isEqualTo("tabular");
        assertThat(preprocessing.path("features")).hasSize(4);
        assertThat(preprocessing.path("target").path("classes").toString()).isEqualTo("[\"0\",\"1\",\"2\"]");
        JsonNode spec = JSON.readTree(entries.get("anneal/job-spec.json"));
        assertThat(spec.path("dataset").asString()).isEqualTo("iris");
        assertThat(spec.path("target").asString()).isEqualTo("label");
    }

    @Test
    void onlyTheBestTrialsModelIsKeptOnceTheJobFinished() {
        List<Integer> kept =
                jdbc.sql("""
                        select t.number from trial_model m join trial t on t.id = m.trial_id
                         where t.job_id = :job
                        """).param("job", job).query(Integer.class).list();

        assertThat(kept)
                .containsExactly(finished.path("best").path("trialNumber").asInt());
    }

    @Test
    void predictsIrisRowsFromTheDatasetFile() {
        List<Map<String, String>> iris = irisRows();
        // one flower of each species (the file is sorted by label); the label column is ignored
        List<Map<String, String>> rows = List.of(iris.get(10), iris.get(60), iris.get(130));

        ApiClient.Response answer = api.postJson("/api/v1/jobs/" + job + "/predict", predictBody(rows));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.path("jobId").asLong()).isEqualTo(job);
        assertThat(body.path("trialNumber").asInt())
                .isEqualTo(finished.path("best").path("trialNumber").asInt());
        assertThat(body.path("trialId").asLong()).isPositive();
        JsonNode predictions = body.path("predictions");
        assertThat(predictions).hasSize(3);
        int correct = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode p = predictions.get(i);
            assertThat(p.path("label").asString()).isIn("0", "1", "2");
            double sum = 0;
            for (String c : List.of("0", "1", "2")) {
                sum += p.path("probabilities").path(c).asDouble();
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            correct += p.path("label").asString().equals(rows.get(i).get("label")) ? 1 : 0;
        }
        assertThat(correct).as("correct labels of 3, %s", predictions).isGreaterThanOrEqualTo(2);
    }

    @Test
    void badPredictBodiesNameWhatIsWrong() {
        String predict = "/api/v1/jobs/" + job + "/predict";
        assertInvalid(api.postJson(predict, "[1, 2]"), "", "must be a JSON object");
        assertInvalid(api.postJson(predict, "{}"), "rows", "is required");
        assertInvalid(api.postJson(predict, "{\"rows\": []}"), "rows", "must hold 1 to 1000 rows, but held 0");
        String tooMany = "{\"rows\": [" + String.join(",", java.util.Collections.nCopies(1001, "{}")) + "]}";
        assertInvalid(api.postJson(predict, tooMany), "rows", "but held 1001");
        assertInvalid(api.postJson(predict, "{\"rows\": [7]}"), "rows[0]", "must be an object");

        ApiClient.Response wrongCells = api.postJson(predict, """
                {"rows": [
                  {"sepal_length_cm": 5.1, "sepal_width_cm": 3.5, "petal_length_cm": 1.4, "petal_width_cm": 0.2},
                  {"sepal_length_cm": 5.1, "sepal_width_cm": 3.5, "petal_length_cm": "abc", "petal_width_cm": 0.2},
                  {"sepal_length_cm": 5.1, "sepal_width_cm": null, "petal_length_cm": 1.4}
                ]}
                """);
        assertThat(wrongCells.status()).as(wrongCells.text()).isEqualTo(400);
        JsonNode errors = wrongCells.json().path("errors");
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0).path("field").asString()).isEqualTo("rows[1].petal_length_cm");
        assertThat(errors.get(0).path("message").asString()).isEqualTo("needs a number, but was the string \"abc\"");
        assertThat(errors.get(1).path("field").asString()).isEqualTo("rows[2].sepal_width_cm");
        assertThat(errors.get(1).path("message").asString()).contains("imputation \"drop\"");
        assertThat(errors.get(2).path("field").asString()).isEqualTo("rows[2].petal_width_cm");

        ApiClient.Response notJson = api.postJson(predict, "{\"rows\": [");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().path("type").asString()).endsWith("/malformed-json");
    }

    @Test
    void samplesAreOnlyForGenerationJobs() {
        ApiClient.Response samples = api.get("/api/v1/jobs/" + job + "/best-samples");

        assertThat(samples.status()).isEqualTo(409);
        assertThat(samples.contentType()).startsWith("application/problem+json");
        assertThat(samples.json().path("type").asString()).endsWith("/not-a-generation-job");
    }

    @Test
    void aJobWithoutACompletedTrialHasNoModelYet() {
        long fresh = api.submit(IRIS.replace("\"epochs\": 10", "\"epochs\": 400"));
        try {
            for (String path : List.of("/best-model", "/best-samples", "/best-samples.png")) {
                ApiClient.Response answer = api.get("/api/v1/jobs/" + fresh + path);
                assertThat(answer.status()).as(answer.text()).isEqualTo(404);
                assertThat(answer.json().path("type").asString()).endsWith("/model-not-available");
                assertThat(answer.json().path("detail").asString()).contains("has no completed trial yet");
            }
            ApiClient.Response predict =
                    api.postJson("/api/v1/jobs/" + fresh + "/predict", "{\"rows\": [{\"sepal_length_cm\": 5}]}");
            assertThat(predict.status()).isEqualTo(404);
            assertThat(predict.json().path("type").asString()).endsWith("/model-not-available");
        } finally {
            api.postJson("/api/v1/jobs/" + fresh + "/cancel", "");
        }
    }

    @Test
    void aGanJobServesItsSamplesButNoPredictions() {
        long gan = api.submit("""
                { "dataset": "iris", "model": { "type": "gan" }, "maxTrials": 1,
                  "searchSpace": { "epochs": 3, "units": 16, "batchSize": 32 } }
                """);
        JsonNode done = api.awaitFinished(gan, Duration.ofMinutes(2));
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("COMPLETED");

        ApiClient.Response samples = api.get("/api/v1/jobs/" + gan + "/best-samples");
        assertThat(samples.status()).as(samples.text()).isEqualTo(200);
        assertThat(samples.contentType()).startsWith("text/csv");
        String[] lines = samples.text().strip().split("\\R");
        assertThat(lines[0]).isEqualTo("sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,label");
        assertThat(lines).hasSize(1001);

        ApiClient.Response predict = api.postJson("/api/v1/jobs/" + gan + "/predict", "{\"rows\": [{}]}");
        assertThat(predict.status()).as(predict.text()).isEqualTo(409);
        assertThat(predict.json().path("type").asString()).endsWith("/not-a-supervised-job");
        assertThat(predict.json().path("samples").asString()).isEqualTo("/api/v1/jobs/" + gan + "/best-samples");
        // table rows have no picture; neither has a classifier
        ApiClient.Response picture = api.get("/api/v1/jobs/" + gan + "/best-samples.png");
        assertThat(picture.status()).as(picture.text()).isEqualTo(409);
        assertThat(picture.json().path("type").asString()).endsWith("/not-an-image-gan");
        ApiClient.Response classifier = api.get("/api/v1/jobs/" + job + "/best-samples.png");
        assertThat(classifier.status()).isEqualTo(409);
        assertThat(classifier.json().path("type").asString()).endsWith("/not-a-generation-job");
    }

    @Test
    void anImageGanDrawsItsBestSamplesAsAPngGrid() throws IOException {
        long gan = api.submit("""
                { "dataset": "digits", "target": "label",
                  "model": { "type": "gan", "input": { "channels": 1, "height": 8, "width": 8 } }, "maxTrials": 1,
                  "searchSpace": { "epochs": 2, "filters": 8, "latentSize": 16, "batchSize": 64 } }
                """);
        JsonNode done = api.awaitFinished(gan, Duration.ofMinutes(3));
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("objective").path("metric").asString()).isEqualTo("val_fid");
        JsonNode trial = api.get("/api/v1/jobs/" + gan + "/trials/0").json();
        assertThat(trial.path("metrics").path(0).has("val_confidence"))
                .as(trial.toString())
                .isTrue();
        assertThat(trial.path("metrics").path(0).has("val_coverage")).isTrue();

        ApiClient.Download grid = api.download("/api/v1/jobs/" + gan + "/best-samples.png");
        ApiClient.Download sixteen = api.download("/api/v1/jobs/" + gan + "/best-samples.png?count=16");

        assertThat(grid.status()).isEqualTo(200);
        assertThat(grid.headers().getContentType()).hasToString("image/png");
        BufferedImage hundred = ImageIO.read(new ByteArrayInputStream(grid.body()));
        // 10 x 10 images of 8 x 8 pixels, with a 2-pixel border around each
        assertThat(hundred.getWidth()).isEqualTo(10 * (8 + 2) + 2);
        assertThat(hundred.getHeight()).isEqualTo(10 * (8 + 2) + 2);
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(sixteen.body()));
        assertThat(small.getWidth()).isEqualTo(4 * (8 + 2) + 2);
        assertThat(small.getHeight()).isEqualTo(4 * (8 + 2) + 2);
        ApiClient.Response tooMany = api.get("/api/v1/jobs/" + gan + "/best-samples.png?count=1001");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("errors").path(0).path("field").asString())
                .isEqualTo("count");
    }

    @Test
    void unknownJobsAreNotFound() {
        for (String path : List.of("/best-model", "/best-samples", "/best-samples.png")) {
            ApiClient.Response answer = api.get("/api/v1/jobs/987654" + path);
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.json().path("type").asString()).endsWith("/job-not-found");
        }
        ApiClient.Response predict = api.postJson("/api/v1/jobs/987654/predict", "{\"rows\": [{}]}");
        assertThat(predict.status()).isEqualTo(404);
        assertThat(predict.json().path("type").asString()).endsWith("/job-not-found");
    }

    private static void assertInvalid(ApiClient.Response answer, String field, String message) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asString()).endsWith("/invalid-request");
        JsonNode error = answer.json().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo(field);
        assertThat(error.path("message").asString()).contains(message);
    }

    /** The rows as JSON numbers, as a client holding the CSV would send them. */
    private static String predictBody(List<Map<String, String>> rows) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode array = body.putArray("rows");
        for (Map<String, String> row : rows) {
            ObjectNode r = array.addObject();
            row.forEach((k, v) -> r.put(k, Double.parseDouble(v)));
        }
        return body.toString();
    }

    private static List<Map<String, String>> irisRows() {
        String[] lines = new String(SharedDatasets.bytes("iris.csv"), StandardCharsets.UTF_8)
                .strip()
                .split("\\R");
        String[] header = lines[0].split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",");
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], cells[c]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, String> entries(byte[] zip) throws IOException {
        Map<String, String> entries = new HashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return entries;
    }
}
