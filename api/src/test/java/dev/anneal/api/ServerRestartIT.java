package dev.anneal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.anneal.api.support.ApiClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The packaged jar in its zero-set-up default (embedded PostgreSQL), killed with SIGKILL in the
 * middle of a job and started again: the job must finish with every trial accounted for. SIGKILL
 * also leaves the embedded PostgreSQL running, which the second start must deal with.
 */
class ServerRestartIT {

    static final Path JAR = Path.of("target", "anneal.jar");

    @TempDir
    Path home;

    final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        // a killed server's PostgreSQL outlives it; do not leave one behind
        Path pid = home.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pid)) {
            try {
                long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).trim());
                ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroy);
            } catch (IOException | NumberFormatException e) {
                // nothing to clean up
            }
        }
    }

    @Test
    void aKilledServerFinishesItsJobAfterRestart() throws Exception {
        assertThat(JAR).as("run after 'package': the repackaged server jar").exists();
        int port = freePort();
        ApiClient anonymous = new ApiClient(port);

        Process first = start(port, "first");
        awaitHealthy(anonymous, first);
        // security is on by default: the first start made an admin token, shown once, in an owner-only file
        assertThat(anonymous.get("/api/v1/jobs").status()).isEqualTo(401);
        Path tokenFile = home.resolve("admin-token");
        assertThat(Files.getPosixFilePermissions(tokenFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String token = Files.readString(tokenFile).trim();
        assertThat(Files.readString(Path.of("target", "server-restart-first.log")))
                .contains(token);
        ApiClient api = new ApiClient(port, token);
        // batch normalization keeps the trials on DL4J's fit, long enough to be cut off mid-way
        // (the dense path trains these iris MLPs in a few hundred milliseconds)
        long id = api.submit("""
                { "dataset": "iris", "target": "label", "maxTrials": 10, "parallelism": 2,
                  "searchSpace": { "epochs": { "type": "int", "min": 60, "max": 90 }, "batchNorm": true,
                                   "learningRate": { "type": "float", "min": 1e-3, "max": 1e-2, "log": true } },
                  "algorithm": { "seed": 11 } }
                """);
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            JsonNode trials = api.get("/api/v1/jobs/" + id).json().path("trials");
            return trials.path("completed").asInt() >= 1
                    && trials.path("running").asInt() >= 1;
        });
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Process second = start(port, "second");
        awaitHealthy(api, second);
        assertThat(Files.readString(tokenFile).trim())
                .as("a restart keeps the admin token and makes no other")
                .isEqualTo(token);
        assertThat(Files.readString(Path.of("target", "server-restart-second.log")))
                .doesNotContain("Created an admin API token");
        JsonNode job = api.awaitFinished(id, Duration.ofMinutes(4));

        assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
        List<JsonNode> trials = new ArrayList<>();
        api.get("/api/v1/jobs/" + id + "/trials?size=50").json().path("items").forEach(trials::add);
        Set<Integer> numbers = new HashSet<>();
        trials.forEach(t -> numbers.add(t.path("number").asInt()));
        assertThat(numbers).hasSize(10);
        assertThat(trials)
                .allSatisfy(t -> assertThat(t.path("state").asString()).isEqualTo("COMPLETED"));
        assertThat(trials)
                .as("trials cut off by the kill ran again")
                .anySatisfy(t -> assertThat(t.path("attempt").asInt()).isEqualTo(2));

        Process third = start(freePort(), "third");
        assertThat(third.waitFor(90, TimeUnit.SECONDS))
                .as("a second server on the same data directory exits")
                .isTrue();
        assertThat(Files.readString(Path.of("target", "server-restart-third.log")))
                .contains("is in use by another running Anneal server");
        assertThat(api.get("/actuator/health").status())
                .as("the running server is unharmed")
                .isEqualTo(200);

        second.destroy(); // SIGTERM: graceful shutdown stops the embedded PostgreSQL too
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(home.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
    }

    private Process start(int port, String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(
                        java,
                        "-Xmx1g",
                        "-jar",
                        JAR.toString(),
                        "--server.port=" + port,
                        "--anneal.embedded-db.data-dir=" + home.resolve("postgres"),
                        "--anneal.security.admin-token-file=" + home.resolve("admin-token"),
                        "--anneal.worker.slots=2",
                        "--anneal.worker.heartbeat-interval=1s",
                        "--anneal.scheduler.dead-after=5s",
                        "--anneal.scheduler.reap-interval=1s")
                .redirectErrorStream(true)
                .redirectOutput(
                        Path.of("target", "server-restart-" + name + ".log").toFile())
                .start();
        processes.add(p);
        return p;
    }

    private static void awaitHealthy(ApiClient api, Process server) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertThat(server.isAlive())
                            .as("server exited; see target/server-restart-*.log")
                            .isTrue();
                    try {
                        return api.get("/actuator/health").status() == 200;
                    } catch (RuntimeException connectionRefused) {
                        return false;
                    }
                });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
