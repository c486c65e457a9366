package dev.anneal.cli.http;

import dev.anneal.cli.CliFailure;
import dev.anneal.cli.ExitCodes;
import dev.anneal.cli.config.ServerSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The Anneal REST API over {@code java.net.http}. Every request carries {@code Authorization:
 * Bearer <token>} when a token is configured. A 2xx answer is returned as JSON; anything else
 * becomes an {@link ApiError} and a failure to connect a {@link CliFailure} with exit code 5.
 */
public final class AnnealClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(30);

    private final ServerSettings server;
    private final HttpClient http;

    public AnnealClient(ServerSettings server) {
        this.server = server;
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public URI baseUrl() {
        return server.url();
    }

    public JsonNode get(String path) {
        return send(request(path, REQUEST_TIMEOUT).GET());
    }

    public JsonNode post(String path) {
        return send(request(path, REQUEST_TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** POSTs a JSON body; {@code headers} adds e.g. {@code Idempotency-Key}. */
    public JsonNode postJson(String path, JsonNode body, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path, REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)));
        headers.forEach(builder::header);
        return send(builder);
    }

    /** POSTs a multipart form with one file part and plain fields. */
    public JsonNode postMultipart(String path, String filePart, Path file, Map<String, String> fields) {
        MultipartBody multipart = MultipartBody.of(filePart, file, fields);
        return send(request(path, UPLOAD_TIMEOUT)
                .header("Content-Type", multipart.contentType())
                .POST(multipart.publisher()));
    }

    /** A query parameter value, URL-encoded. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.url() + path))
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json");
        if (server.token() != null) {
            builder.header("Authorization", "Bearer " + server.token());
        }
        return builder;
    }

    private JsonNode send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        String what = request.method() + " " + request.uri().getPath();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliFailure(
                    ExitCodes.UNAVAILABLE,
                    "cannot reach the Anneal server at " + server.url() + " (" + describe(e) + ")",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.UNAVAILABLE, "interrupted while waiting for " + what, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ApiError(what, response.statusCode(), response.body());
        }
        String body = response.body();
        return body == null || body.isBlank() ? Json.MAPPER.missingNode() : Json.MAPPER.readTree(body);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
