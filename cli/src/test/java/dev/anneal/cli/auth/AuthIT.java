package dev.anneal.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.cli.ExitCodes;
import dev.anneal.cli.support.AnnealServer;
import dev.anneal.cli.support.Cli;
import dev.anneal.cli.support.Specs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CLI against the real server's tokens: a wrong or revoked token exits 5 (authentication
 * failed) without printing the token, and another project's job is not found (exit 4).
 */
class AuthIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void aWrongTokenExits5AndIsNeverPrinted() {
        Cli.Run run = new Cli(dir)
                .env("ANNEAL_URL", AnnealServer.url())
                .env("ANNEAL_TOKEN", "anneal_wrong-token-value")
                .run("datasets", "list");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).contains("401");
        assertThat(run.out() + run.err()).doesNotContain("anneal_wrong-token-value");

        Cli.Run none = new Cli(dir).env("ANNEAL_URL", AnnealServer.url()).run("datasets", "list");
        assertThat(none.exitCode()).as(none.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
    }

    @Test
    void anotherProjectsJobIsNotFoundAndARevokedTokenStopsWorking() throws Exception {
        JsonNode teamA = createToken("team-a");
        JsonNode teamB = createToken("team-b");
        Cli a = new Cli(dir)
                .env("ANNEAL_URL", AnnealServer.url())
                .env("ANNEAL_TOKEN", teamA.path("token").asString());
        Cli b = new Cli(dir)
                .env("ANNEAL_URL", AnnealServer.url())
                .env("ANNEAL_TOKEN", teamB.path("token").asString());

        Path spec = Specs.write(dir, "job.json", Specs.IRIS_TINY.replace("iris-tiny", "team-a-job"));
        Cli.Run submitted = a.run("submit", spec.toString());
        assertThat(submitted.exitCode()).as(submitted.toString()).isEqualTo(ExitCodes.OK);
        String id = submitted.out().replaceAll("(?s).*Submitted job (\\d+).*", "$1");

        assertThat(a.run("status", id).exitCode()).isEqualTo(ExitCodes.OK);
        Cli.Run foreign = b.run("status", id);
        assertThat(foreign.exitCode()).as(foreign.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(foreign.err()).contains("404");
        assertThat(b.run("cancel", id).exitCode()).isEqualTo(ExitCodes.USAGE);

        HttpResponse<String> revoked = send(HttpRequest.newBuilder(URI.create(AnnealServer.url() + "/api/v1/tokens/"
                        + teamA.path("id").asLong()))
                .DELETE());
        assertThat(revoked.statusCode()).isEqualTo(204);
        Cli.Run after = a.run("status", id);
        assertThat(after.exitCode()).as(after.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(after.err()).contains("401");
        a.run("cancel", id);
    }

    private static JsonNode createToken(String project) throws Exception {
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(AnnealServer.url() + "/api/v1/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"cli-test\", \"project\": \"" + project + "\"}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        request.header("Authorization", "Bearer " + AnnealServer.ADMIN_TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
