package dev.anneal.cli.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.anneal.cli.CliFailure;
import dev.anneal.cli.ExitCodes;
import dev.anneal.cli.config.ServerSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The Anneal REST API over {@code java.net.http}. Every request carries {@code Authorization:
 * Bearer <token>} when a token is configured. A 2xx answer is returned as JSON (or, for {@link
 * #download}, written to a file); anything else becomes an {@link ApiError} and a failure to
 * connect a {@link CliFailure} with exit code 5.
 */
public final class AnnealClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** For uploads and downloads, whose size we do not bound; the connect timeout still applies. */
    private static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(30);

    private static final String JSON = "application/json, application/problem+json";

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
        return send(request(path, TRANSFER_TIMEOUT)
                .header("Content-Type", multipart.contentType())
                .POST(multipart.publisher()));
    }

    /**
     * GETs a file ({@code accept} names its media type) and copies its body into {@code target},
     * replacing what is there: callers pass a scratch file (see {@code OutputFile}), because a
     * connection lost mid-body leaves {@code target} partly written. problem+json stays acceptable,
     * so a refusal arrives as a problem and becomes an {@link ApiError} with nothing copied.
     */
    public Download download(String path, String accept, Path target) {
        HttpRequest request = request(path, TRANSFER_TIMEOUT, accept + ", application/problem+json")
                .GET()
                .build();
        HttpResponse<InputStream> response = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw new ApiError(what(request), response.statusCode(), new String(body.readAllBytes(), UTF_8));
            }
            long bytes = Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
            return new Download(
                    response.headers().firstValue("Content-Disposition").orElse(null), bytes);
        } catch (IOException e) {
            // the body is read as it is copied: mostly the connection dropping mid-file
            throw new CliFailure(
                    ExitCodes.UNAVAILABLE, "the download of " + what(request) + " broke off (" + describe(e) + ")", e);
        }
    }

    /** A query parameter value, URL-encoded. */
    public static String encode(String value) {
        return URLEncoder.encode(value, UTF_8);
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return request(path, timeout, JSON);
    }

    private HttpRequest.Builder request(String path, Duration timeout, String accept) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.url() + path))
                .timeout(timeout)
                .header("Accept", accept);
        if (server.token() != null) {
            builder.header("Authorization", "Bearer " + server.token());
        }
        return builder;
    }

    private JsonNode send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString(UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new ApiError(what(request), response.statusCode(), response.body());
        }
        String body = response.body();
        return body == null || body.isBlank() ? Json.MAPPER.missingNode() : Json.MAPPER.readTree(body);
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.UNAVAILABLE, "interrupted while waiting for " + what(request), e);
        }
    }

    private CliFailure unreachable(IOException e) {
        return new CliFailure(
                ExitCodes.UNAVAILABLE,
                "cannot reach the Anneal server at " + server.url() + " (" + describe(e) + ")",
                e);
    }

    private static String what(HttpRequest request) {
        return request.method() + " " + request.uri().getPath();
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
