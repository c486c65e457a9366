package dev.anneal.api.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.ServerIT;
import dev.anneal.db.testing.SharedDatasets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * Recurrent networks on a text column, end to end over real HTTP on the shared first names
 * ({@code names.csv}): trained by real DL4J workers, the vocabulary stored with the trial, raw
 * text predicted through the best model, and every text setting that cannot work refused with
 * a 400 that names the field and writes nothing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"anneal.worker.slots=2", "anneal.scheduler.fail-fast-after=50"})
@DirtiesContext
class TextModelsIT extends ServerIT {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void names() {
        // each test's context may already hold it from the other test
        ApiClient.Response upload = api.upload("names", "names.csv", SharedDatasets.bytes("names.csv"));
        assertThat(upload.status()).as(upload.text()).isIn(201, 409);
    }

    @Test
    void anLstmLearnsGenderFromTheCharactersOfANameAndPredictsRawNames() {
        long id = api.submit("""
                { "dataset": "names", "target": "gender",
                  "model": { "type": "lstm", "text": { "column": "name" } },
                  "searchSpace": { "tokenization": "characters", "maxLength": 15,
                                   "embeddingSize": { "type": "categorical", "values": [8, 16] },
                                   "units": 48, "hiddenLayers": 1, "learningRate": 0.01, "epochs": 4 },
                  "algorithm": { "type": "grid" }, "maxTrials": 2, "parallelism": 2 }
                """);

        JsonNode job = api.awaitFinished(id, Duration.ofMinutes(5));

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        // the majority class is 0.6; the character 1-4-gram logistic regression anchor 0.885
        assertThat(job.path("best").path("value").asDouble()).isGreaterThan(0.78);
        JsonNode best = api.get("/api/v1/jobs/" + id + "/trials/"
                        + job.path("best").path("trialNumber").asInt())
                .json();
        JsonNode text = best.path("preprocessing").path("features").get(0);
        assertThat(best.path("preprocessing").path("layout").asString()).isEqualTo("text");
        assertThat(text.path("type").asString()).isEqualTo("text");
        assertThat(text.path("column").asString()).isEqualTo("name");
        assertThat(text.path("maxLength").asInt()).isEqualTo(15);
        assertThat(text.path("vocabulary").size()).isBetween(40, 80);

        // the last 100 names of the file (in the holdout or not), raw, and an empty one
        List<String[]> rows = new String(SharedDatasets.bytes("names.csv"), java.nio.charset.StandardCharsets.UTF_8)
                .lines()
                .skip(1)
                .map(l -> l.split(","))
                .toList();
        List<String[]> last = rows.subList(rows.size() - 100, rows.size());
        String body = last.stream()
                .map(r -> "{\"name\": \"" + r[0] + "\"}")
                .collect(java.util.stream.Collectors.joining(", ", "{\"rows\": [", ", {\"name\": \"\"}]}"));
        ApiClient.Response predicted = api.postJson("/api/v1/jobs/" + id + "/predict", body);
        assertThat(predicted.status()).as(predicted.text()).isEqualTo(200);
        JsonNode predictions = predicted.json().path("predictions");
        long right = java.util.stream.IntStream.range(0, last.size())
                .filter(i -> predictions.get(i).path("label").asString().equals(last.get(i)[1]))
                .count();
        // predicted from raw text through the stored vocabulary: as good as the job's validation, roughly
        assertThat(right).isGreaterThan(70);
        // an empty name still gets an answer (it reads as one unknown token)
        assertThat(predictions.get(100).path("label").asString()).isIn("female", "male");
    }

    @Test
    void aCharacterLanguageModelLearnsNamesAndItsSamplesDownload() {
        long id = api.submit("""
                { "dataset": "names", "task": "language_model",
                  "model": { "type": "lstm", "text": { "column": "name" } },
                  "searchSpace": { "maxLength": 15, "embeddingSize": 16, "units": 64, "hiddenLayers": 1,
                                   "learningRate": 0.01, "epochs": 2 },
                  "maxTrials": 1 }
                """);

        JsonNode job = api.awaitFinished(id, Duration.ofMinutes(5));

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.path("objective").path("metric").asString()).isEqualTo("val_bpc");
        assertThat(job.path("objective").path("direction").asString()).isEqualTo("minimize");
        // a uniform guess over ~55 characters costs 5.8 bits; two epochs get well under 3.5
        assertThat(job.path("best").path("value").asDouble()).isBetween(1.0, 3.5);
        JsonNode best = api.get("/api/v1/jobs/" + id + "/trials/"
                        + job.path("best").path("trialNumber").asInt())
                .json();
        assertThat(best.path("metrics").get(0).has("val_perplexity")).isTrue();
        assertThat(best.path("preprocessing").path("layout").asString()).isEqualTo("language_model");

        ApiClient.Download samples = api.download("/api/v1/jobs/" + id + "/best-samples");
        assertThat(samples.status()).isEqualTo(200);
        String[] lines = new String(samples.body(), java.nio.charset.StandardCharsets.UTF_8).split("\n");
        assertThat(lines[0]).isEqualTo("name");
        assertThat(lines).hasSize(21);

        ApiClient.Response predict = api.postJson("/api/v1/jobs/" + id + "/predict", "{\"rows\": [{\"name\": \"A\"}]}");
        assertThat(predict.status()).as(predict.text()).isEqualTo(409);
        assertThat(predict.text()).contains("language model", "best-samples");
    }

    @Test
    void anEncoderDecoderWithAttentionTranslatesSpellingsToPhonemesAndPredictsSequences() throws Exception {
        // every 40th word of the CMU dictionary: 2,800 words over the whole alphabet
        String csv;
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(
                        new java.io.ByteArrayInputStream(SharedDatasets.bytes("cmudict.csv.gz"))),
                java.nio.charset.StandardCharsets.UTF_8))) {
            var lines = in.lines().toList();
            csv = java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> i % 40 == 0)
                    .mapToObj(lines::get)
                    .collect(java.util.stream.Collectors.joining("\n"));
        }
        ApiClient.Response upload = api.upload("cmudict-slice", "cmudict-slice.csv", csv.getBytes());
        assertThat(upload.status()).as(upload.text()).isIn(201, 409);
        long id = api.submit("""
                { "dataset": "cmudict-slice", "target": "phonemes", "task": "translation",
                  "model": { "type": "lstm", "text": { "column": "word" } },
                  "validation": { "type": "holdout", "fraction": 0.1 },
                  "searchSpace": { "tokenization": "characters", "maxLength": 16, "embeddingSize": 16,
                                   "units": 64, "hiddenLayers": 1, "learningRate": 0.01, "gradientClipping": 1.0,
                                   "attention": true, "bidirectional": true, "beamWidth": 3, "epochs": 3 },
                  "maxTrials": 1 }
                """);

        JsonNode job = api.awaitFinished(id, Duration.ofMinutes(5));

        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.path("objective").path("metric").asString()).isEqualTo("val_ter");
        assertThat(job.path("best").path("value").asDouble()).isBetween(0.05, 0.95);
        JsonNode best = api.get("/api/v1/jobs/" + id + "/trials/"
                        + job.path("best").path("trialNumber").asInt())
                .json();
        assertThat(best.path("metrics").get(0).has("val_ser")).isTrue();
        JsonNode target = best.path("preprocessing").path("features").get(1);
        assertThat(target.path("column").asString()).isEqualTo("phonemes");
        assertThat(target.path("tokenization").asString()).isEqualTo("spaces");

        ApiClient.Response predicted = api.postJson(
                "/api/v1/jobs/" + id + "/predict", "{\"rows\": [{\"word\": \"TABLE\"}, {\"word\": \"ANNEAL\"}]}");
        assertThat(predicted.status()).as(predicted.text()).isEqualTo(200);
        for (JsonNode p : predicted.json().path("predictions")) {
            // phonemes the target column uses, space-separated
            assertThat(p.path("sequence").asString()).matches("[A-Z]+[0-2]?( [A-Z]+[0-2]?)*");
        }
    }

    @Test
    void textSettingsThatCannotWorkGetA400NamingTheField() {
        api.upload("numbers-text", "numbers-text.csv", "n,label\n1,a\n2,b\n3,a\n4,b\n".getBytes());
        long jobs = count("job");
        assertBad("""
                { "dataset": "numbers-text", "target": "label", "model": { "type": "lstm", "text": { "column": "n" } } }
                """, "model.text.column", "holds numbers");
        assertBad("""
                { "dataset": "names", "target": "gender", "model": { "type": "lstm", "text": { "column": "nme" } } }
                """, "model.text.column", "must be a column of the dataset");
        assertBad("""
                { "dataset": "names", "target": "gender", "model": { "type": "lstm", "text": { "column": "name" } },
                  "searchSpace": { "maxLength": { "type": "int", "min": 10, "max": 5000 } } }
                """, "searchSpace.maxLength.max", "<= 2000");
        assertBad("""
                { "dataset": "names", "target": "gender",
                  "model": { "type": "lstm", "text": { "column": "name", "minCount": 500 } },
                  "searchSpace": { "tokenization": "words" } }
                """, "model.text.minCount", "vocabulary would be empty");
        assertBad("""
                { "dataset": "names", "target": "gender", "features": ["name"],
                  "model": { "type": "lstm", "text": { "column": "name" } } }
                """, "features", "reads only its text column");
        assertBad("""
                { "dataset": "names", "target": "gender", "model": { "type": "lstm", "text": { "column": "gender" } } }
                """, "model.text.column", "must not be the target");
        assertBad("""
                { "dataset": "digits", "target": "label",
                  "model": { "type": "lstm", "sequence": { "timesteps": 8, "features": 8 } },
                  "searchSpace": { "embeddingSize": 16 } }
                """, "searchSpace.embeddingSize", "model.text");
        assertBad("""
                { "dataset": "digits", "target": "label", "searchSpace": { "tokenization": "words" } }
                """, "searchSpace.tokenization", "");
        assertBad("""
                { "dataset": "names", "target": "gender",
                  "model": { "type": "lstm", "text": { "column": "name", "maxVocabulary": 0 } } }
                """, "model.text.maxVocabulary", "");
        assertBad("""
                { "dataset": "names", "task": "language_model", "target": "gender",
                  "model": { "type": "lstm", "text": { "column": "name" } } }
                """, "target", "has no target");
        assertBad("""
                { "dataset": "names", "task": "language_model" }
                """, "task", "needs an lstm reading a text column");
        assertBad("""
                { "dataset": "names", "task": "language_model", "validation": { "type": "kfold", "folds": 3 },
                  "model": { "type": "lstm", "text": { "column": "name" } } }
                """, "validation.type", "holdout");
        assertBad("""
                { "dataset": "names", "task": "language_model", "model": { "type": "lstm", "text": { "column": "name" } },
                  "searchSpace": { "tokenization": "words" } }
                """, "searchSpace.tokenization", "always reads characters");
        assertBad("""
                { "dataset": "names", "target": "gender", "model": { "type": "lstm", "text": { "column": "name" } },
                  "searchSpace": { "attention": true } }
                """, "searchSpace.attention", "only used by translation jobs");
        assertBad("""
                { "dataset": "names", "task": "language_model", "model": { "type": "lstm", "text": { "column": "name" } },
                  "searchSpace": { "attention": { "type": "categorical", "values": [true, false] } } }
                """, "searchSpace.attention", "only used by translation jobs");
        assertBad("""
                { "dataset": "names", "task": "language_model", "model": { "type": "lstm", "text": { "column": "name" } },
                  "searchSpace": { "bidirectional": true } }
                """, "searchSpace.bidirectional", "characters it must predict");
        assertBad("""
                { "dataset": "names", "target": "gender", "model": { "type": "lstm", "text": { "column": "name" } },
                  "searchSpace": { "beamWidth": 4 } }
                """, "searchSpace.beamWidth", "only used by translation jobs");
        assertBad("""
                { "dataset": "digits", "target": "label", "searchSpace": { "bidirectional": true } }
                """, "searchSpace.bidirectional", "");
        assertThat(count("job")).isEqualTo(jobs);
    }

    private void assertBad(String body, String field, String message) {
        ApiClient.Response response = api.postJson("/api/v1/jobs", body);
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.fieldErrors())
                .as(response.text())
                .anySatisfy(e -> assertThat(e).startsWith(field + ": ").contains(message));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
