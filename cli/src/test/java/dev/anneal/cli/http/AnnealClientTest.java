package dev.anneal.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.anneal.cli.ExitCodes;
import dev.anneal.cli.support.Cli;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers the server gives that the server of this branch cannot be made to give (401 before
 * tokens exist, a 5xx), from a stub HTTP server: the bearer token is sent, and each answer maps to
 * its documented exit code with the problem detail printed.
 */
class AnnealClientTest {

    @TempDir
    Path home;

    HttpServer stub;
    final AtomicReference<String> authorization = new AtomicReference<>();

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.stop(0);
        }
    }

    @Test
    void sendsTheTokenAndExits5WithTheProblemOn401() throws Exception {
        String url = answer(401, """
                {"type":"https://anneal.dev/problems/unauthorized","title":"Unauthorized","status":401,
                 "detail":"the token is missing, unknown or revoked"}""");

        Cli.Run run = Cli.against(url, home).env("ANNEAL_TOKEN", "tok-123").run("status", "4");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(authorization.get()).isEqualTo("Bearer tok-123");
        assertThat(run.err())
                .contains("GET /api/v1/jobs/4 answered 401 Unauthorized: the token is missing, unknown or revoked")
                .contains("--token, ANNEAL_TOKEN")
                .doesNotContain("tok-123");
    }

    @Test
    void sendsNoAuthorizationWithoutAToken() throws Exception {
        String url = answer(404, """
                {"title":"Job not found","status":404,"detail":"no job with id 4"}""");

        Cli.Run run = new Cli(home).env("ANNEAL_URL", url).run("status", "4");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(authorization.get()).isNull();
        assertThat(run.err()).contains("answered 404 Job not found: no job with id 4");
    }

    @Test
    void printsEachFieldErrorOnceWhenTheDetailIsTheOnlyError() throws Exception {
        String url = answer(400, """
                {"title":"Invalid job spec","status":400,"detail":"tags: is not a known field",
                 "errors":[{"field":"tags","message":"is not a known field"}]}""");

        Cli.Run run = Cli.against(url, home).run("status", "4");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines())
                .containsExactly(
                        "anneal: GET /api/v1/jobs/4 answered 400 Invalid job spec", "  tags: is not a known field");
    }

    @Test
    void exits5OnAServerError() throws Exception {
        String url = answer(503, "<html>upstream down</html>");

        Cli.Run run = Cli.against(url, home).run("leaderboard", "4");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).contains("answered 503: <html>upstream down</html>");
    }

    @Test
    void aDownloadThatBreaksOffExits5AndLeavesNoFile() throws Exception {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            // promises 100 kB, sends a job answer's worth of JSON or 10 bytes of zip, then hangs up
            boolean job = exchange.getRequestURI().getPath().equals("/api/v1/jobs/4");
            byte[] body =
                    (job ? "{\"id\":4,\"name\":\"cut\"}" : "PK\u0003\u0004012345").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, job ? body.length : 100_000);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        Path zip = home.resolve("model.zip");

        Cli.Run run = Cli.against("http://127.0.0.1:" + stub.getAddress().getPort(), home)
                .run("best-model", "4", "-o", zip.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).contains("the download of GET /api/v1/jobs/4/best-model broke off");
        assertThat(zip).doesNotExist();
        try (var files = Files.list(home)) {
            assertThat(files).noneMatch(f -> f.getFileName().toString().endsWith(".part"));
        }
    }

    private String answer(int status, String body) throws Exception {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        stub.start();
        return "http://127.0.0.1:" + stub.getAddress().getPort();
    }
}
