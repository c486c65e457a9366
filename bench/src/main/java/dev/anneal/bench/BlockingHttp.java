package dev.anneal.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP client of the load benchmarks ({@code asktell}, {@code reads}): blocking {@link
 * HttpURLConnection} rather than java.net.http, since it needs no thread hand-offs, so the client
 * takes less than half the CPU per request from the cores it shares with the server (measured:
 * about 0.5 ms against 1.1 ms per request). Requests carry the benchmark's token.
 */
final class BlockingHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BlockingHttp() {}

    /** A reply's status and body. */
    record Reply(int status, String body) {}

    static Reply post(String url, String body) throws IOException {
        HttpURLConnection http = open(url);
        http.setRequestMethod("POST");
        http.setDoOutput(true);
        http.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = http.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        return read(http);
    }

    static Reply get(String url) throws IOException {
        return read(open(url));
    }

    /**
     * An external random-search job over four parameters (float, log-float, int, categorical)
     * that the benchmark's clients ask and tell.
     */
    static long submitExternalJob(String url, String name, int maxTrials) throws IOException {
        String spec = """
                { "execution": "external", "name": "%s", "maxTrials": %d,
                  "searchSpace": { "x": { "type": "float", "min": -5, "max": 5 },
                                   "lr": { "type": "float", "min": 1e-5, "max": 1e-1, "log": true },
                                   "depth": { "type": "int", "min": 1, "max": 12 },
                                   "optimizer": { "type": "categorical", "values": ["adam", "sgd", "rmsprop"] } },
                  "algorithm": { "type": "random", "seed": 1 },
                  "objective": { "metric": "loss", "direction": "minimize" } }
                """.formatted(name, maxTrials);
        Reply created = post(url + "/api/v1/jobs", spec);
        if (created.status() != 201) {
            throw new IllegalStateException("job rejected: " + created.body());
        }
        return JSON.readTree(created.body()).path("id").asLong();
    }

    private static HttpURLConnection open(String url) throws IOException {
        HttpURLConnection http = (HttpURLConnection) URI.create(url).toURL().openConnection();
        String authorization = BenchServer.authorization();
        if (authorization != null) {
            http.setRequestProperty("Authorization", authorization);
        }
        return http;
    }

    private static Reply read(HttpURLConnection http) throws IOException {
        int status = http.getResponseCode();
        // reading the whole body, error or not, lets the connection be kept alive and reused
        try (InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
            return new Reply(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
