package dev.anneal.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Standalone worker processes ({@code worker/target/anneal-worker.jar}) started and killed by a test. */
public final class WorkerProcesses implements AutoCloseable {

    public static final Path JAR = Path.of("..", "worker", "target", "anneal-worker.jar");

    private final String databaseUrl;
    private final String user;
    private final Path directory;
    private final Map<String, Process> running = new LinkedHashMap<>();
    private final List<Process> all = new ArrayList<>();

    public WorkerProcesses(String databaseUrl, String user, Path directory) {
        assertThat(JAR).as("run after the worker module's package phase").exists();
        this.databaseUrl = databaseUrl;
        this.user = user;
        this.directory = directory;
    }

    /** Starts a worker with one slot, fast heartbeats and its id as given. */
    public Process start(String id, int slots) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx768m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "worker-" + id + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", databaseUrl);
        env.put("SPRING_DATASOURCE_USERNAME", user);
        env.put("SERVER_PORT", "0");
        env.put("ANNEAL_WORKER_WORKER_ID", id);
        env.put("ANNEAL_WORKER_SLOTS", Integer.toString(slots));
        // several workers share this machine's cores: one ND4J thread per trial, not cores / slots each
        env.put("ANNEAL_WORKER_THREADS_PER_TRIAL", "1");
        env.put("ANNEAL_WORKER_HEARTBEAT_INTERVAL", "1s");
        env.put("ANNEAL_WORKER_POLL_INTERVAL", "200ms");
        env.put("ANNEAL_WORKER_CACHE_DIR", directory.resolve("cache").toString());
        Process p = builder.start();
        running.put(id, p);
        all.add(p);
        return p;
    }

    /** SIGKILL: no shutdown hook runs, running trials are left to the reaper. */
    public void kill(String id) throws InterruptedException {
        Process p = running.remove(id);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    public List<String> ids() {
        return new ArrayList<>(running.keySet());
    }

    public String log(String id) throws IOException {
        return Files.readString(Path.of("target", "worker-" + id + ".log"));
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : all) {
            p.destroy();
        }
        for (Process p : all) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
