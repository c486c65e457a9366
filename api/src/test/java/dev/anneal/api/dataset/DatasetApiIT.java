package dev.anneal.api.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.ServerIT;
import dev.anneal.db.testing.SharedDatasets;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "anneal.worker.slots=0",
            // a small limit, so the over-limit answer can be tested without a 200 MB upload
            "anneal.limits.dataset.upload-size=64KB"
        })
@DirtiesContext
class DatasetApiIT extends ServerIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void builtInSamplesAreRegisteredOnStart() {
        JsonNode page = api.get("/api/v1/datasets").json();
        java.util.List<String> names = new java.util.ArrayList<>();
        page.path("items").forEach(d -> {
            if (d.path("builtin").asBoolean()) {
                names.add(d.path("name").asString());
            }
        });
        assertThat(names).contains("digits", "iris", "wine");
    }

    @Test
    void uploadProfilesColumnsAndMissingValues() {
        ApiClient.Response created = api.upload("air", "airquality.csv", SharedDatasets.bytes("airquality.csv"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.headers().getLocation().getPath()).isEqualTo("/api/v1/datasets/" + id);
        JsonNode dataset = api.get("/api/v1/datasets/" + id).json();
        assertThat(dataset.path("rows").asInt()).isEqualTo(153);
        assertThat(dataset.path("columns").asInt()).isEqualTo(6);
        JsonNode columns = dataset.path("profile").path("columns");
        JsonNode target = null;
        JsonNode solar = null;
        for (JsonNode c : columns) {
            if (c.path("name").asString().equals("target")) {
                target = c;
            }
            if (c.path("name").asString().equals("solar_r")) {
                solar = c;
            }
        }
        assertThat(target.path("missing").asInt()).isEqualTo(37);
        assertThat(target.path("type").asString()).isEqualTo("numeric");
        assertThat(solar.path("missing").asInt()).isEqualTo(7);
    }

    @Test
    void identicalContentIsStoredOnceWhetherPlainOrGzip() throws Exception {
        byte[] plain = SharedDatasets.bytes("wine.csv");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(plain);
        }
        long contentsBefore = count("dataset_content");

        JsonNode a = api.upload("wine-copy", "wine.csv", plain).json();
        JsonNode b = api.upload("wine-gz", "wine.csv.gz", gz.toByteArray()).json();

        assertThat(a.path("sha256").asString()).isEqualTo(b.path("sha256").asString());
        // the built-in wine already stored this content
        assertThat(count("dataset_content")).isEqualTo(contentsBefore);
        assertThat(b.path("rows").asInt()).isEqualTo(178);
    }

    @Test
    void aTakenNameIsAConflictAndWritesNothing() {
        long before = count("dataset");
        ApiClient.Response response = api.upload("iris", "iris.csv", SharedDatasets.bytes("iris.csv"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).endsWith("dataset-name-taken");
        assertThat(count("dataset")).isEqualTo(before);
    }

    @Test
    void unusableFilesAreRejectedWithTheReason() {
        long datasets = count("dataset");
        long contents = count("dataset_content");

        ApiClient.Response ragged = api.upload("ragged", "r.csv", "a,b\n1,2\n3\n".getBytes(StandardCharsets.UTF_8));
        ApiClient.Response empty = api.upload("empty", "e.csv", new byte[0]);
        ApiClient.Response headerOnly = api.upload("header", "h.csv", "a,b\n".getBytes(StandardCharsets.UTF_8));
        ApiClient.Response badName = api.upload("no spaces", "n.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8));
        ApiClient.Response noName = api.upload(null, "n.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8));
        ApiClient.Response corruptGzip = api.upload("gz", "x.csv.gz", new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        ApiClient.Response binary = api.upload(
                "png", "image.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        ApiClient.Response tooLarge =
                api.upload("big", "big.csv", ("a,b\n" + "1,2\n".repeat(20_000)).getBytes(StandardCharsets.UTF_8));

        assertThat(ragged.status()).isEqualTo(400);
        assertThat(ragged.json().path("detail").asString()).isEqualTo("data row 2 has 1 cells, but the header has 2");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(headerOnly.json().path("detail").asString()).isEqualTo("the file has a header but no data rows");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().path("detail").asString()).startsWith("name must be");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
        assertThat(corruptGzip.status()).isEqualTo(400);
        assertThat(binary.status()).isEqualTo(400);
        assertThat(binary.json().path("detail").asString()).isEqualTo("the file is not UTF-8 text");
        assertThat(tooLarge.status()).as(tooLarge.text()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(count("dataset")).isEqualTo(datasets);
        assertThat(count("dataset_content")).isEqualTo(contents);
    }

    @Test
    void unknownDatasetIsA404() {
        ApiClient.Response response = api.get("/api/v1/datasets/999999");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("type").asString()).endsWith("dataset-not-found");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
