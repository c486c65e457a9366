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
        return start(id, slots, Launch.PLAIN);
    }

    /**
     * How a worker is started beyond the defaults.
     *
     * @param prefix command words before {@code java}, e.g. {@code ip netns exec <namespace>}
     * @param jvmOptions options for its JVM ({@code -Xmx...} here replaces the default heap)
     * @param databaseUrl the JDBC URL it connects to; {@code null} for the one given to the constructor
     */
    public record Launch(List<String> prefix, List<String> jvmOptions, String databaseUrl) {
        public static final Launch PLAIN = new Launch(List.of(), List.of(), null);
    }

    public Process start(String id, int slots, Launch launch) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(launch.prefix());
        command.add(java);
        if (launch.jvmOptions().stream().noneMatch(o -> o.startsWith("-Xmx"))) {
            command.add("-Xmx768m");
        }
        command.addAll(launch.jvmOptions());
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "worker-" + id + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", launch.databaseUrl() == null ? databaseUrl : launch.databaseUrl());
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

    /** SIGTERM: the worker gives its running trials back to the queue and exits. */
    public void stop(String id) throws InterruptedException {
        Process p = running.remove(id);
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
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
