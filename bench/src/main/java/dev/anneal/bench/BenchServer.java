package dev.anneal.bench;

import static java.net.http.HttpResponse.BodyHandlers.ofString;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Anneal server a benchmark talks to: the one at {@code --url}, or else {@code
 * api/target/anneal.jar} started in its default mode (embedded PostgreSQL in a temporary
 * directory, removed again on close).
 */
public final class BenchServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The API token every benchmark request sends: {@code --token}, else {@code ANNEAL_TOKEN},
     * else the admin token a started server is bootstrapped with. Security stays on, as in
     * production, so its per-request token lookup is part of what is measured.
     */
    private static volatile String token;

    private final String url;
    private final Process process;
    private final Path home;

    private BenchServer(String url, Process process, Path home) {
        this.url = url;
        this.process = process;
        this.home = home;
    }

    /**
     * The server named by {@code --url} in {@code args}, or a fresh one started with {@code
     * serverArgs} (such as {@code --anneal.worker.slots=2}); healthy on return.
     */
    public static BenchServer fromArgs(String[] args, String... serverArgs) throws Exception {
        return fromArgs(args, List.of(), serverArgs);
    }

    /** As above, with JVM options (such as {@code -Xmx768m}) for a server this starts. */
    static BenchServer fromArgs(String[] args, List<String> jvmArgs, String... serverArgs) throws Exception {
        return connectOrStart(args, javaJar(jvmArgs), serverArgs);
    }

    /**
     * The server named by {@code --url}, or a fresh one started with {@code bin/anneal-server}, the
     * README's command (its heap, GC and OpenMP settings are part of what a user runs), or with
     * the plain {@code java -jar} when {@code --launch jar}; healthy on return.
     */
    static BenchServer asUsersStartIt(String[] args, String... serverArgs) throws Exception {
        String launch = option(args, "--launch", "script");
        List<String> launcher = switch (launch) {
            case "script" -> List.of(Path.of("bin", "anneal-server").toString());
            case "jar" -> javaJar(List.of());
            default -> throw new IllegalArgumentException("--launch script|jar, not " + launch);
        };
        return connectOrStart(args, launcher, serverArgs);
    }

    private static BenchServer connectOrStart(String[] args, List<String> launcher, String... serverArgs)
            throws Exception {
        String url = option(args, "--url", null);
        token = option(args, "--token", System.getenv("ANNEAL_TOKEN"));
        BenchServer server;
        if (url != null) {
            server = new BenchServer(url, null, null);
        } else {
            Path home = Files.createTempDirectory("anneal-bench");
            int port = freePort();
            token = "anneal_bench-" + java.util.UUID.randomUUID();
            server = new BenchServer("http://localhost:" + port, start(launcher, port, home, token, serverArgs), home);
        }
        try {
            server.awaitHealthy();
        } catch (Exception e) {
            server.close();
            throw e;
        }
        return server;
    }

    public String url() {
        return url;
    }

    /** Whether the benchmark started this server itself (its log is then in a temporary file). */
    boolean started() {
        return process != null;
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        process.waitFor(60, TimeUnit.SECONDS);
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not remove " + home + ": " + e.getMessage());
        }
    }

    /** The value after {@code name} in {@code args}, or {@code fallback}. */
    public static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** {@code Authorization} header value for API requests, or null without a token. */
    static String authorization() {
        return token == null ? null : "Bearer " + token;
    }

    /** GET with the benchmark's token, the answer as JSON. */
    public static JsonNode getJson(String url) throws Exception {
        return JSON.readTree(
                HTTP.send(authorized(HttpRequest.newBuilder(URI.create(url))).build(), ofString())
                        .body());
    }

    /** POST of a job (or other resource) that must be created (201); the answer as JSON. */
    public static JsonNode postJson(String url, String body) throws Exception {
        return postJson(url, body, 201);
    }

    /** POST of JSON that must be answered {@code status}; the answer as JSON. */
    public static JsonNode postJson(String url, String body, int status) throws Exception {
        var request = authorized(HttpRequest.newBuilder(URI.create(url)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        var response = HTTP.send(request, ofString());
        if (response.statusCode() != status) {
            throw new IllegalStateException("rejected: " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** POST without a body (such as a job's cancel); the status code. */
    static int post(String url) throws Exception {
        var request = authorized(HttpRequest.newBuilder(URI.create(url)))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The request with the benchmark's token, if it has one. */
    static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return token == null ? request : request.header("Authorization", authorization());
    }

    /** The data directory of a server this started (embedded PostgreSQL lives under it). */
    java.util.Optional<Path> home() {
        return java.util.Optional.ofNullable(home);
    }

    /** The started server's process id, for benchmarks that read its memory. */
    java.util.OptionalLong pid() {
        return process == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(process.pid());
    }

    /** {@code java [jvmArgs] -jar api/target/anneal.jar}, with the JDK this benchmark runs on. */
    private static List<String> javaJar(List<String> jvmArgs) {
        List<String> command =
                new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", Path.of("api", "target", "anneal.jar").toString()));
        return command;
    }

    private static Process start(List<String> launcher, int port, Path home, String adminToken, String... serverArgs)
            throws IOException {
        Path jar = Path.of("api", "target", "anneal.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(
                    "build the server first: ./mvnw -q package -DskipTests (looked for " + jar + ")");
        }
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(
                "--server.port=" + port,
                "--anneal.embedded-db.data-dir=" + home.resolve("postgres"),
                "--anneal.security.bootstrap-token=" + adminToken));
        command.addAll(List.of(serverArgs));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("server.log").toFile())
                .start();
    }

    private void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("the server exited during startup; see " + home.resolve("server.log"));
            }
            try {
                HttpRequest health = HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                        .build();
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server at " + url + " did not become healthy within 120 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
