package dev.anneal.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.ServerIT;
import dev.anneal.db.testing.SharedDatasets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * What a hostile tenant sends, against the default limits: each is a 4xx problem naming the limit
 * and its numbers, nothing is written, and the server answers a normal request right after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "anneal.worker.slots=0")
@DirtiesContext
class HostileInputsIT extends ServerIT {

    private static final long MB = 1 << 20;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private long jobs;
    private long datasets;
    private long contents;

    @BeforeEach
    void counts() {
        jobs = count("job");
        datasets = count("dataset");
        contents = count("dataset_content");
    }

    @AfterEach
    void nothingWrittenAndTheServerStillAnswers() {
        assertThat(count("job")).isEqualTo(jobs);
        assertThat(count("dataset")).isEqualTo(datasets);
        assertThat(count("dataset_content")).isEqualTo(contents);
        assertThat(api.get("/api/v1/datasets").status()).isEqualTo(200);
        ApiClient.Response job =
                api.postJson("/api/v1/jobs", external("{ \"x\": { \"type\": \"float\", \"min\": 0, \"max\": 1 } }"));
        assertThat(job.status()).as(job.text()).isEqualTo(201);
    }

    @Test
    void aTwentyMegabyteBodyIsRefusedFromItsContentLengthWithoutBeingRead() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + 20 * MB + "\r\n\r\n{\"name\": \"")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the answer comes though the body was never sent
            HttpAnswer answer = HttpAnswer.read(socket.getInputStream());

            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.headers()).containsIgnoringCase("content-type: application/problem+json");
            JsonNode problem = answer.json();
            assertThat(problem.path("type").asString()).endsWith("payload-too-large");
            assertThat(problem.path("limit").asString()).isEqualTo("anneal.limits.request-body");
            assertThat(problem.path("maxBytes").asLong()).isEqualTo(MB);
            assertThat(problem.path("detail").asString())
                    .contains("at most 1048576 bytes")
                    .contains("declares 20971520 bytes");
        }
    }

    @Test
    void aChunkedBodyIsCutOffOnceItPassesTheLimit() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Thread sender = new Thread(() -> sendChunks(out, "{\"name\": \"", 20 * MB));
            sender.start();
            HttpAnswer answer = HttpAnswer.read(socket.getInputStream());
            sender.join(20_000);

            assertThat(answer.status()).as(answer.body()).isEqualTo(413);
            JsonNode problem = answer.json();
            assertThat(problem.path("limit").asString()).isEqualTo("anneal.limits.request-body");
            assertThat(problem.path("detail").asString()).contains("at most 1048576 bytes");
        }
    }

    @Test
    void aGzipBombIsRefusedBeforeItIsInflated() throws IOException {
        // one text column of 100,000-character values: 1 GB of CSV in about 1 MB of gzip
        Path bomb = gzip("bomb.csv.gz", "text\n", "x".repeat(100_000) + "\n", 10_000);
        assertThat(Files.size(bomb)).isLessThan(2 * MB);

        ApiClient.Response response = api.upload("bomb", bomb);

        assertThat(response.status()).as(response.text()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("limit").asString()).isEqualTo("anneal.limits.dataset.uncompressed-size");
        assertThat(problem.path("field").asString()).isEqualTo("file");
        assertThat(problem.path("max").asLong()).isEqualTo(512 * MB);
        assertThat(problem.path("detail").asString()).contains("at most 536870912 bytes uncompressed");
    }

    @Test
    void aCsvOfTenToTheEightCellsIsRefusedBeforeItIsMaterialised() throws IOException {
        // 100,000 rows of 1,000 columns, 200 MB of CSV in a few hundred KB of gzip
        String header = IntStream.range(0, 1000).mapToObj(i -> "c" + i).collect(Collectors.joining(",")) + "\n";
        String row = "0,".repeat(999) + "0\n";
        Path cells = gzip("cells.csv.gz", header, row, 100_000);

        ApiClient.Response response = api.upload("cells", cells);

        assertThat(response.status()).as(response.text()).isEqualTo(413);
        JsonNode problem = response.json();
        assertThat(problem.path("limit").asString()).isEqualTo("anneal.limits.dataset.cells");
        assertThat(problem.path("max").asLong()).isEqualTo(20_000_000);
        assertThat(problem.path("detail").asString()).contains("at most 20000000 cells");
    }

    @Test
    void aWideDeepMlpIsOverTheParameterBudgetWhateverItsBatch() {
        ApiClient.Response response = api.postJson("/api/v1/jobs", """
                { "dataset": "iris", "target": "label", "parallelism": 64,
                  "searchSpace": { "hiddenLayers": 10, "units": 4096, "batchSize": 1 } }
                """);

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(messages(response, "searchSpace"))
                .anySatisfy(m -> assertThat(m)
                        .contains("hiddenLayers 10, units 4096")
                        .contains("has 151064579 parameters")
                        .contains("at most 20000000 (anneal.limits.model.parameters)"));
    }

    @Test
    void aMegapixelCnnWithoutPoolingIsOverBothBudgets() {
        ApiClient.Response response = api.postJson("/api/v1/jobs", """
                { "dataset": "digits", "target": "label",
                  "model": { "type": "cnn", "input": { "channels": 1, "height": 1024, "width": 1024 } },
                  "searchSpace": { "filters": 512, "pooling": "none", "convBlocks": 1 } }
                """);

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        List<String> messages = messages(response, "searchSpace");
        assertThat(messages)
                .anySatisfy(m -> assertThat(m)
                        .contains("input 1x1024x1024, convBlocks 1, filters 512")
                        .contains("pooling none")
                        .contains("(anneal.limits.model.activation-memory)")
                        .contains("its widest layer has 536870912 values per row"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("(anneal.limits.model.parameters)"));
    }

    @Test
    void aSearchOverEveryPoolingChoiceIsJudgedByItsLargestNetwork() {
        // with max pooling this fits; "none" in the choices makes the largest trial too big
        String spec = """
                { "dataset": "digits", "target": "label",
                  "model": { "type": "cnn", "input": { "channels": 1, "height": 8, "width": 8 } },
                  "searchSpace": { "filters": 512, "convBlocks": 6, "denseUnits": 4096,
                                   "pooling": { "type": "categorical", "values": [%s] } } }
                """;
        ApiClient.Response pooled = api.postJson("/api/v1/jobs", spec.formatted("\"max\""));
        ApiClient.Response unpooled = api.postJson("/api/v1/jobs", spec.formatted("\"max\", \"none\""));

        assertThat(pooled.status()).as(pooled.text()).isEqualTo(201);
        jobs++;
        assertThat(unpooled.status()).as(unpooled.text()).isEqualTo(400);
        assertThat(messages(unpooled, "searchSpace"))
                .anySatisfy(m -> assertThat(m).contains("pooling none").contains("anneal.limits.model.parameters"));
    }

    @Test
    void aHundredThousandCategoricalValuesAreRefusedForExternalAndDl4jJobs() {
        String values = IntStream.range(0, 100_000).mapToObj(Integer::toString).collect(Collectors.joining(","));
        ApiClient.Response external = api.postJson(
                "/api/v1/jobs", external("{ \"x\": { \"type\": \"categorical\", \"values\": [" + values + "] } }"));
        ApiClient.Response dl4j = api.postJson("/api/v1/jobs", """
                { "dataset": "iris", "target": "label",
                  "searchSpace": { "units": { "type": "categorical", "values": [%s] } } }
                """.formatted(
                IntStream.rangeClosed(1, 1001).mapToObj(Integer::toString).collect(Collectors.joining(","))));

        assertThat(external.status()).as(external.text()).isEqualTo(400);
        assertThat(messages(external, "searchSpace.x.values"))
                .containsExactly(
                        "may list at most 1000 values (anneal.limits.search-space.categorical-values), but lists 100000");
        assertThat(dl4j.status()).isEqualTo(400);
        assertThat(messages(dl4j, "searchSpace.units.values"))
                .containsExactly(
                        "may list at most 1000 values (anneal.limits.search-space.categorical-values), but lists 1001");
    }

    @Test
    void aSearchSpaceOfMoreThanAHundredParametersIsRefused() {
        String space = IntStream.range(0, 101)
                .mapToObj(i -> "\"p" + i + "\": { \"type\": \"float\", \"min\": 0, \"max\": 1 }")
                .collect(Collectors.joining(", ", "{ ", " }"));

        ApiClient.Response response = api.postJson("/api/v1/jobs", external(space));

        assertThat(response.status()).isEqualTo(400);
        assertThat(messages(response, "searchSpace"))
                .containsExactly(
                        "may have at most 100 parameters (anneal.limits.search-space.parameters), but has 101");
    }

    /** The shipped examples and the README's job spec stay well inside the defaults. */
    @Test
    void theExampleSpecsFitTheBudget() throws IOException {
        assertThat(api.upload("airpassengers", "airpassengers.csv", SharedDatasets.bytes("airpassengers.csv"))
                        .status())
                .isEqualTo(201);
        assertThat(api.upload("mnist", "mnist.csv.gz", SharedDatasets.bytes("mnist.csv.gz"))
                        .status())
                .isEqualTo(201);
        for (String text : List.of("spam.csv.gz", "names.csv", "cmudict.csv.gz")) {
            String name = text.substring(0, text.indexOf('.'));
            assertThat(api.upload(name, text, SharedDatasets.bytes(text)).status())
                    .isEqualTo(201);
        }
        datasets += 5;
        contents += 5;
        List<String> specs = new ArrayList<>();
        try (var files = Files.list(Path.of("../examples/jobs"))) {
            for (Path file : files.sorted().toList()) {
                specs.add(Files.readString(file));
            }
        }
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("```json", readme.indexOf("## Job spec")) + "```json".length();
        specs.add(readme.substring(start, readme.indexOf("```", start)));
        assertThat(specs).hasSizeGreaterThanOrEqualTo(4);

        for (String spec : specs) {
            ApiClient.Response response = api.postJson("/api/v1/jobs", spec);
            assertThat(response.status()).as(response.text()).isEqualTo(201);
            jobs++;
        }
    }

    private static String external(String space) {
        return "{ \"execution\": \"external\", \"objective\": { \"metric\": \"loss\", \"direction\": \"minimize\" },"
                + " \"searchSpace\": " + space + " }";
    }

    private static List<String> messages(ApiClient.Response response, String field) {
        List<String> messages = new ArrayList<>();
        response.json().path("errors").forEach(e -> {
            if (e.path("field").asString().equals(field)) {
                messages.add(e.path("message").asString());
            }
        });
        return messages;
    }

    /** Writes {@code header} and {@code times} copies of {@code row} gzip-compressed, a block at a time. */
    private Path gzip(String name, String header, String row, int times) throws IOException {
        Path file = dir.resolve(name);
        byte[] block = row.repeat(Math.max(1, 1_000_000 / row.length())).getBytes(StandardCharsets.UTF_8);
        int rowsPerBlock = Math.max(1, 1_000_000 / row.length());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            out.write(header.getBytes(StandardCharsets.UTF_8));
            for (int written = 0; written < times; written += rowsPerBlock) {
                out.write(block);
            }
        }
        return file;
    }

    private static void sendChunks(OutputStream out, String prefix, long total) {
        try {
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            byte[] first = prefix.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(first, 0, chunk, 0, first.length);
            for (long sent = 0; sent < total; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                // one long string value: valid JSON as far as it goes
                java.util.Arrays.fill(chunk, 0, first.length, (byte) 'a');
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the server answered and closed the connection before taking the rest: the point
        }
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** An HTTP/1.1 answer read off a raw socket (the server closes the connection after it). */
    private record HttpAnswer(int status, String headers, String body) {

        /** Reads one answer: its head, then as many bytes as it declares (or its chunks). */
        static HttpAnswer read(InputStream in) throws IOException {
            String head = line(in, "\r\n\r\n");
            String lower = head.toLowerCase();
            String body;
            if (lower.contains("transfer-encoding: chunked")) {
                StringBuilder chunks = new StringBuilder();
                for (int size; (size = Integer.parseInt(line(in, "\r\n").trim(), 16)) > 0; ) {
                    chunks.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                    line(in, "\r\n");
                }
                body = chunks.toString();
            } else {
                int at = lower.indexOf("content-length:");
                int length = Integer.parseInt(
                        head.substring(at + 15, head.indexOf("\r\n", at) < 0 ? head.length() : head.indexOf("\r\n", at))
                                .trim());
                body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            }
            return new HttpAnswer(Integer.parseInt(head.substring(9, 12)), head, body);
        }

        /** Bytes up to (not including) {@code end}. */
        private static String line(InputStream in, String end) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (!out.toString(StandardCharsets.US_ASCII).endsWith(end)) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the connection closed mid-answer: " + out);
                }
                out.write(b);
            }
            String text = out.toString(StandardCharsets.US_ASCII);
            return text.substring(0, text.length() - end.length());
        }

        JsonNode json() {
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
        }
    }
}
