package dev.anneal.cli.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.anneal.cli.ExitCodes;
import dev.anneal.cli.http.Json;
import dev.anneal.cli.support.AnnealServer;
import dev.anneal.cli.support.Cli;
import dev.anneal.cli.support.Specs;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/**
 * {@code anneal submit} against the real server (real HTTP, PostgreSQL, DL4J training on iris),
 * provoking every exit code and checking the reports CI reads.
 */
class SubmitIT {

    static final Pattern SUBMITTED = Pattern.compile("Submitted job (\\d+)");

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void cli() {
        cli = Cli.against(AnnealServer.url(), dir);
    }

    @Test
    void passingGatesExit0AndWriteEveryReport() throws Exception {
        Path spec = Specs.write(dir, "job.json", Specs.IRIS_TINY);

        Cli.Run run = cli.run(
                "submit",
                spec.toString(),
                "--wait",
                "--timeout",
                "5m",
                "--fail-if",
                "best.val_accuracy < 0.5",
                "--fail-if",
                "best.value <= 0",
                "--junit",
                dir.resolve("out/junit.xml").toString(),
                "--markdown",
                dir.resolve("out/summary.md").toString(),
                "--json",
                dir.resolve("out/result.json").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        long id = jobId(run);
        assertThat(run.out())
                .contains("job " + id + " COMPLETED  trials 3/3 done")
                .contains("PASSED  --fail-if best.val_accuracy < 0.5: best.val_accuracy = ");

        Element suite = junit(dir.resolve("out/junit.xml"));
        assertThat(suite.getAttribute("name")).isEqualTo("anneal iris-tiny");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(3);

        String md = Files.readString(dir.resolve("out/summary.md"));
        assertThat(md)
                .startsWith("### ✅ Anneal job " + id + " (iris-tiny): COMPLETED")
                .contains("| `--fail-if best.val_accuracy < 0.5` | ✅ passed |")
                .contains("| `--fail-if best.value <= 0` | ✅ passed |")
                .contains("#### Leaderboard (top 3)")
                .contains("| 1 | ")
                .contains("#### Best parameters")
                .contains("| learningRate | ");

        JsonNode result = Json.MAPPER.readTree(Files.readString(dir.resolve("out/result.json")));
        assertThat(result.path("exitCode").asInt()).isZero();
        assertThat(result.path("job").path("id").asLong()).isEqualTo(id);
        assertThat(result.path("best").path("value").asDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(result.path("leaderboard")).hasSize(3);
        assertThat(result.path("gates")).hasSize(2);
    }

    @Test
    void aFailedGateExits1AndIsAJunitFailure() throws Exception {
        Path spec = Specs.write(dir, "job.yaml", yaml());
        Cli.Run baseline = cli.run("submit", spec.toString(), "--wait");
        assertThat(baseline.exitCode()).as(baseline.toString()).isZero();

        Cli.Run run = cli.run(
                "submit",
                spec.toString(),
                "--wait",
                "--fail-if",
                "best.val_accuracy < 0.5", // passes
                "--fail-if",
                "best.val_accuracy >= 0", // always holds: fails
                "--baseline",
                Long.toString(jobId(baseline)),
                "--max-regression",
                "0.5", // same job again: passes
                "--junit",
                dir.resolve("junit.xml").toString(),
                "--markdown",
                dir.resolve("summary.md").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.GATE_FAILED);
        assertThat(run.out())
                .contains("FAILED  --fail-if best.val_accuracy >= 0: best.val_accuracy = ")
                .contains("PASSED  --max-regression 0.5 vs job " + jobId(baseline));
        Element suite = junit(dir.resolve("junit.xml"));
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(((Element) suite.getElementsByTagName("failure").item(0).getParentNode()).getAttribute("name"))
                .isEqualTo("--fail-if best.val_accuracy >= 0");
        assertThat(Files.readString(dir.resolve("summary.md")))
                .startsWith("### ❌ Anneal job " + jobId(run))
                .contains("| `--fail-if best.val_accuracy >= 0` | ❌ failed |")
                .contains("| `--max-regression 0.5 vs job " + jobId(baseline) + "` | ✅ passed |");
    }

    @Test
    void aFailedJobExits2AndSkipsItsGates() throws Exception {
        // two rows cannot be split into training and validation: every trial fails, then the job
        Path csv = Files.writeString(dir.resolve("tiny.csv"), "x,label\n1,a\n2,b\n");
        Cli.Run upload = cli.run("datasets", "upload", csv.toString(), "--name", "tiny-" + System.nanoTime());
        assertThat(upload.exitCode()).as(upload.toString()).isZero();
        String dataset = upload.out().replaceAll("(?s).*Uploaded dataset (\\S+) .*", "$1");
        Path spec = Specs.write(dir, "job.json", """
                { "dataset": "%s", "target": "label", "searchSpace": { "epochs": 2 }, "maxTrials": 4 }
                """.formatted(dataset));

        Cli.Run run = cli.run(
                "submit",
                spec.toString(),
                "--wait",
                "--fail-if",
                "best.value < 0.5",
                "--junit",
                dir.resolve("junit.xml").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(run.out()).contains("SKIPPED  --fail-if best.value < 0.5: not evaluated: FAILED");
        assertThat(run.out()).doesNotContain("localhost:8080");
        Element suite = junit(dir.resolve("junit.xml"));
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    }

    @Test
    void aJobCancelledWhileWaitedOnExits2() throws Exception {
        Path spec = Specs.write(dir, "long.json", Specs.IRIS_LONG.replace("iris-long", "iris-cancel"));
        CompletableFuture<Cli.Run> waiting =
                CompletableFuture.supplyAsync(() -> cli.run("submit", spec.toString(), "--wait"));
        long id = await().atMost(Duration.ofSeconds(60)).until(() -> latestJobId("iris-cancel", "RUNNING"), j -> j > 0);

        Cli.Run cancel = cli.run("cancel", Long.toString(id));

        assertThat(cancel.exitCode()).as(cancel.toString()).isZero();
        assertThat(cancel.out()).contains("job " + id + " (iris-cancel): CANCELLED");
        Cli.Run run = waiting.get();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.JOB_FAILED);
        assertThat(run.out()).contains("job " + id + " (iris-cancel) CANCELLED");
    }

    @Test
    void aTimeoutExits3AndLeavesTheJobRunning() throws Exception {
        Path spec = Specs.write(dir, "long.json", Specs.IRIS_LONG);

        Cli.Run run = cli.run(
                "submit",
                spec.toString(),
                "--wait",
                "--timeout",
                "3s",
                "--json",
                dir.resolve("result.json").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.TIMEOUT);
        long id = jobId(run);
        assertThat(run.out())
                .contains("after the 3s timeout; the job keeps running (anneal cancel " + id + " stops it)");
        JsonNode result = Json.MAPPER.readTree(Files.readString(dir.resolve("result.json")));
        assertThat(result.path("exitCode").asInt()).isEqualTo(ExitCodes.TIMEOUT);
        assertThat(result.path("completed").asBoolean()).isFalse();
        assertThat(cli.run("cancel", Long.toString(id)).exitCode()).isZero();
    }

    @Test
    void anInvalidSpecExits4WithEveryFieldErrorOfTheServer() {
        Path spec = Specs.write(dir, "bad.yaml", """
                dataset: iris
                target: label
                searchSpace:
                  learningRate: { type: float, min: 0, max: 0.1, log: true }
                maxTrials: 0
                """);

        Cli.Run run = cli.run("submit", spec.toString(), "--wait");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err())
                .contains("POST /api/v1/jobs answered 400 Invalid job spec")
                .contains("  searchSpace.learningRate.min: must be > 0")
                .contains("  maxTrials: must be between 1 and 10000");
        assertThat(run.out()).doesNotContain("Submitted");
    }

    @Test
    void usageErrorsExit4BeforeAnythingIsSubmitted() {
        Path spec = Specs.write(dir, "job.json", Specs.IRIS_TINY);
        Path broken = Specs.write(dir, "broken.yaml", "dataset: [iris\n");

        assertThat(cli.run("submit", spec.toString(), "--wait", "--fail-if", "accuracy > 1")
                        .err())
                .contains("--fail-if must look like");
        assertThat(cli.run("submit", spec.toString(), "--fail-if", "best.value < 1")
                        .err())
                .contains("need --wait");
        assertThat(cli.run("submit", broken.toString()).err()).contains("cannot read spec file");
        assertThat(cli.run("submit", spec.toString(), "--wait", "--timeout", "soon")
                        .exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("submit").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("status", "999999").err()).contains("answered 404");
    }

    @Test
    void aGateOnAMetricTheSpecDoesNotOptimizeExits4BeforeSubmitting() {
        Path spec = Specs.write(dir, "job.json", Specs.IRIS_TINY);

        Cli.Run run = cli.run("submit", spec.toString(), "--wait", "--fail-if", "best.val_loss > 0.5");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("optimizes val_accuracy; gates can use best.val_accuracy or best.value");
        assertThat(run.out()).doesNotContain("Submitted job");
    }

    @Test
    void aGateOnAnotherMetricThanTheDefaultObjectiveExits4AndCancelsTheJob() {
        // no objective in the spec: only the server's answer says it is val_accuracy
        Path spec = Specs.write(
                dir,
                "job.json",
                Specs.IRIS_TINY.replace(
                        "\"objective\": { \"metric\": \"val_accuracy\", \"direction\": \"maximize\" },", ""));

        Cli.Run run = cli.run("submit", spec.toString(), "--wait", "--fail-if", "best.val_loss > 0.5");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("optimizes val_accuracy; gates can use best.val_accuracy or best.value");
        assertThat(cli.run("status", Long.toString(jobId(run))).out()).contains(": CANCELLED");
    }

    @Test
    void anUnreachableServerExits5() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Path spec = Specs.write(dir, "job.json", Specs.IRIS_TINY);

        Cli.Run run = cli.run("submit", spec.toString(), "--url", "http://127.0.0.1:" + closed);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).contains("cannot reach the Anneal server at http://127.0.0.1:" + closed);
    }

    @Test
    void theIdempotencyKeyReturnsTheFirstJobOnARetry() {
        Path spec = Specs.write(dir, "job.json", Specs.IRIS_TINY.replace("iris-tiny", "iris-idempotent"));
        String key = "ci-run-" + System.nanoTime();

        Cli.Run first = cli.run("submit", spec.toString(), "--idempotency-key", key);
        Cli.Run retry = cli.run("submit", spec.toString(), "--idempotency-key", key);

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(jobId(retry)).isEqualTo(jobId(first));
        assertThat(cli.run("cancel", Long.toString(jobId(first))).exitCode()).isIn(0, ExitCodes.USAGE);
    }

    static long jobId(Cli.Run run) {
        Matcher m = SUBMITTED.matcher(run.out());
        assertThat(m.find()).as(run.toString()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The newest job with this name and state, or 0. */
    static long latestJobId(String name, String state) {
        JsonNode page = Json.MAPPER.readTree(get("/api/v1/jobs?size=50&state=" + state));
        for (JsonNode job : page.path("items")) {
            if (job.path("name").asString().equals(name)) {
                return job.path("id").asLong();
            }
        }
        return 0;
    }

    private static String get(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(AnnealServer.url() + path))
                                    .header("Authorization", "Bearer " + AnnealServer.ADMIN_TOKEN)
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String yaml() {
        return """
                name: iris-yaml
                dataset: iris
                target: label
                searchSpace:
                  learningRate: { type: float, min: 0.005, max: 0.05, log: true }
                  epochs: { type: int, min: 3, max: 6 }
                  units: 16
                  hiddenLayers: 1
                algorithm: { type: random, seed: 11 }
                maxTrials: 3
                """;
    }

    private static Element junit(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(file.toFile())
                .getDocumentElement();
    }
}
