package dev.anneal.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against a running server; answers of every status are returned, never thrown. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FINISHED = Set.of("COMPLETED", "FAILED", "CANCELLED");

    private final RestClient http;

    public ApiClient(int port) {
        this.http = RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    /** A client that sends {@code Authorization: Bearer <token>} with every request. */
    public ApiClient(int port, String token) {
        this.http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build();
    }

    public record Response(int status, HttpHeaders headers, String text) {

        /** A problem+json answer's {@code errors}, each as {@code "field: message"}. */
        public java.util.List<String> fieldErrors() {
            java.util.List<String> errors = new java.util.ArrayList<>();
            json().path("errors")
                    .forEach(e -> errors.add(e.path("field").asString() + ": "
                            + e.path("message").asString()));
            return errors;
        }

        public JsonNode json() {
            return text == null || text.isEmpty() ? JSON.missingNode() : JSON.readTree(text);
        }

        public String contentType() {
            return headers.getContentType() == null
                    ? ""
                    : headers.getContentType().toString();
        }
    }

    /** A binary answer (a model zip), kept as bytes. */
    public record Download(int status, HttpHeaders headers, byte[] body) {}

    public Download download(String path) {
        return http.get()
                .uri(path)
                .exchange((req, res) -> new Download(
                        res.getStatusCode().value(),
                        res.getHeaders(),
                        res.getBody().readAllBytes()));
    }

    public Response get(String path) {
        return http.get().uri(path).exchange((req, res) -> read(res));
    }

    public Response postJson(String path, String body) {
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((req, res) -> read(res));
    }

    public Response post(String path, String contentType, String body) {
        return http.post()
                .uri(path)
                .header(HttpHeaders.CONTENT_TYPE, contentType)
                .body(body)
                .exchange((req, res) -> read(res));
    }

    public Response postJsonWithKey(String path, String body, String idempotencyKey) {
        return http.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", idempotencyKey)
                .body(body)
                .exchange((req, res) -> read(res));
    }

    public Response delete(String path) {
        return http.delete().uri(path).exchange((req, res) -> read(res));
    }

    public Response upload(String name, String filename, byte[] content) {
        var form = new LinkedMultiValueMap<String, Object>();
        if (name != null) {
            form.add("name", name);
        }
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return http.post()
                .uri("/api/v1/datasets")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .exchange((req, res) -> read(res));
    }

    /** Uploads a file from disk, streamed: for uploads too large to hold in the test's memory. */
    public Response upload(String name, java.nio.file.Path file) {
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("name", name);
        form.add("file", new org.springframework.core.io.FileSystemResource(file));
        return http.post()
                .uri("/api/v1/datasets")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .exchange((req, res) -> read(res));
    }

    /** Submits a job spec and returns its id, failing the test if it is not accepted. */
    public long submit(String spec) {
        Response created = postJson("/api/v1/jobs", spec);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** Polls a job until it finishes and returns its final representation. */
    public JsonNode awaitFinished(long jobId, Duration timeout) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(timeout).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode job = get("/api/v1/jobs/" + jobId).json();
            last.set(job);
            assertThat(FINISHED)
                    .as("job %s state", jobId)
                    .contains(job.path("state").asString());
        });
        return last.get();
    }

    private static Response read(org.springframework.http.client.ClientHttpResponse res) throws java.io.IOException {
        return new Response(
                res.getStatusCode().value(),
                res.getHeaders(),
                new String(res.getBody().readAllBytes()));
    }
}
