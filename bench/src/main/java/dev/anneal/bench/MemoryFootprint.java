package dev.anneal.bench;

import static dev.anneal.bench.BenchServer.getJson;
import static dev.anneal.bench.BenchServer.option;
import static dev.anneal.bench.BenchServer.postJson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Resident memory of a server started as users start it, while it runs a workload: {@code iris}
 * (many small MLP jobs, one after another), {@code lstm} (one job of series-LSTM trials on a
 * 3,150-step seasonal series: windows of 24, 32 units, batches of 32, the last 24 steps
 * validating) or {@code cnn} (one job of LeNet-sized trials on MNIST). Prints the JVM's resident
 * set, its heap in use (from the server's own metrics) and the embedded PostgreSQL processes'
 * resident sets after the first job or trial and at each checkpoint, and the ratio to the first.
 * The targets of issue 15: the last row within 1.5x of the first, and the JVM under 1.5 GB
 * with 2 worker slots.
 */
public final class MemoryFootprint {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private MemoryFootprint() {}

    public static void main(String[] args) throws Exception {
        String workload = option(args, "--workload", "iris");
        int slots = Integer.parseInt(option(args, "--slots", "2"));
        List<String> jvm = split(option(args, "--jvm", ""));
        int count = Integer.parseInt(option(args, "--count", workload.equals("iris") ? "50" : "10"));
        int epochs = Integer.parseInt(option(args, "--epochs", workload.equals("lstm") ? "10" : "4"));
        System.out.printf(
                Locale.ROOT,
                "memory: workload %s, %d %s, %d worker slots, JVM options %s%n",
                workload,
                count,
                workload.equals("iris") ? "jobs" : "trials",
                slots,
                jvm.isEmpty() ? "(none: the JVM's defaults)" : String.join(" ", jvm));
        try (BenchServer server = BenchServer.fromArgs(args, jvm, "--anneal.worker.slots=" + slots)) {
            long pid = server.pid().orElseThrow(() -> new IllegalStateException("memory needs a server it starts"));
            Reading.dataDir = server.home().orElseThrow().toString();
            Reading idle = Reading.of(server.url(), pid);
            System.out.println(Reading.HEADER);
            System.out.println(idle.row("idle", idle));
            List<Reading> readings = new ArrayList<>();
            switch (workload) {
                case "iris" -> irisJobs(server.url(), pid, count, readings);
                case "lstm" -> trialsOfOneJob(server.url(), pid, lstmJob(server.url(), count, epochs), count, readings);
                case "cnn" -> trialsOfOneJob(server.url(), pid, cnnJob(server.url(), count, epochs), count, readings);
                default -> throw new IllegalArgumentException("--workload iris|lstm|cnn, not " + workload);
            }
            System.out.println("* the sum over PostgreSQL's processes: shared buffers count once per process");
            Reading first = readings.get(0);
            Reading last = readings.get(readings.size() - 1);
            System.out.printf(
                    Locale.ROOT,
                    "JVM resident: last/first %.2fx (target <= 1.5x), last %d MB (target < 1536 MB with 2 slots)%n",
                    (double) last.jvmMb() / first.jvmMb(),
                    last.jvmMb());
        }
    }

    private static void irisJobs(String url, long pid, int jobs, List<Reading> readings) throws Exception {
        for (int i = 1; i <= jobs; i++) {
            long id = postJson(url + "/api/v1/jobs", irisSpec(i)).get("id").asLong();
            awaitDone(url, id);
            if (i == 1 || i % 5 == 0 || i == jobs) {
                Reading r = Reading.of(url, pid);
                readings.add(r);
                System.out.println(r.row(i + " jobs", readings.get(0)));
            }
        }
    }

    /** Eight MLP trials on iris, two at a time: the README's walkthrough job. */
    private static String irisSpec(int seed) {
        return """
                {"name": "memory-iris-%d", "dataset": "iris", "target": "label", "task": "classification",
                 "model": {"type": "mlp"},
                 "searchSpace": {
                   "learningRate": {"type": "float", "min": 1e-4, "max": 0.1, "log": true},
                   "batchSize": {"type": "categorical", "values": [16, 32, 64]},
                   "epochs": {"type": "int", "min": 5, "max": 30},
                   "units": {"type": "int", "min": 16, "max": 256, "log": true}},
                 "algorithm": {"type": "random", "seed": %d},
                 "objective": {"metric": "val_accuracy", "direction": "maximize"},
                 "maxTrials": 8, "parallelism": 2}
                """.formatted(seed, seed);
    }

    /** Series-LSTM trials of the size that exhausted a 24 GB machine with the fused LSTM layer. */
    private static long lstmJob(String url, int trials, int epochs) throws Exception {
        String dataset = upload(url, "memory-series-" + suffix(), "csv", seasonalSeries(3150));
        return postJson(url + "/api/v1/jobs", """
                        {"name": "memory-lstm", "dataset": "%s", "target": "value",
                         "model": {"type": "lstm", "series": {"horizon": 1}},
                         "validation": {"type": "chronological", "last": 24},
                         "searchSpace": {
                           "window": 24, "units": 32, "hiddenLayers": 1, "batchSize": 32, "epochs": %d,
                           "learningRate": {"type": "float", "min": 1e-3, "max": 3e-2, "log": true}},
                         "objective": {"metric": "val_rmse"},
                         "algorithm": {"type": "random", "seed": 5},
                         "maxTrials": %d, "parallelism": 2}
                        """.formatted(dataset, epochs, trials))
                .get("id")
                .asLong();
    }

    /** LeNet-sized CNN trials on MNIST (10,000 images of 28x28), as examples/jobs/mnist-cnn.json. */
    private static long cnnJob(String url, int trials, int epochs) throws Exception {
        String dataset = upload(url, "memory-mnist-" + suffix(), "csv.gz", sharedDataset("mnist.csv.gz"));
        return postJson(url + "/api/v1/jobs", """
                        {"name": "memory-cnn", "dataset": "%s", "target": "label",
                         "model": {"type": "cnn", "input": {"channels": 1, "height": 28, "width": 28}},
                         "searchSpace": {
                           "learningRate": {"type": "float", "min": 5e-4, "max": 3e-3, "log": true},
                           "filters": {"type": "categorical", "values": [8, 16]},
                           "kernelSize": {"type": "categorical", "values": [3, 5]},
                           "convBlocks": 2, "pooling": "max",
                           "denseUnits": {"type": "categorical", "values": [64, 128]},
                           "normalization": "minmax", "batchSize": 64, "epochs": %d},
                         "validation": {"type": "holdout", "fraction": 0.1},
                         "algorithm": {"type": "random", "seed": 11},
                         "maxTrials": %d, "parallelism": 2}
                        """.formatted(dataset, epochs, trials))
                .get("id")
                .asLong();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void trialsOfOneJob(String url, long pid, long job, int trials, List<Reading> readings)
            throws Exception {
        int reported = 0;
        while (true) {
            JsonNode j = getJson(url + "/api/v1/jobs/" + job);
            JsonNode t = j.get("trials");
            int done = t.get("completed").asInt()
                    + t.path("failed").asInt()
                    + t.path("pruned").asInt();
            if (done > reported && (reported == 0 || done % 2 == 0 || done >= trials)) {
                Reading r = Reading.of(url, pid);
                readings.add(r);
                System.out.println(r.row(done + " trials", readings.get(0)));
                reported = done;
            }
            String state = j.get("state").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                if (t.path("failed").asInt() > 0) {
                    System.out.println("note: " + t.path("failed").asInt() + " trial(s) failed");
                }
                return;
            }
            Thread.sleep(500);
        }
    }

    private static void awaitDone(String url, long job) throws Exception {
        while (true) {
            String state = getJson(url + "/api/v1/jobs/" + job).get("state").asText();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return;
            }
            Thread.sleep(200);
        }
    }

    /** A trend, a yearly season and noise over {@code steps} months. */
    public static byte[] seasonalSeries(int steps) {
        StringBuilder csv = new StringBuilder("month,value\n");
        SplittableRandom random = new SplittableRandom(7);
        for (int t = 0; t < steps; t++) {
            double noise =
                    Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            csv.append(t)
                    .append(',')
                    .append(String.format(
                            Locale.ROOT, "%.4f", 100 + 0.05 * t + 10 * Math.sin(2 * Math.PI * t / 12) + noise))
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Uploads a CSV (multipart, as {@code curl -F} does); the dataset's name. */
    static String upload(String url, String name, String extension, byte[] csv) throws Exception {
        String boundary = "anneal-bench-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "."
                        + extension + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(csv);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = BenchServer.authorized(HttpRequest.newBuilder(URI.create(url + "/api/v1/datasets?name=" + name)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("upload of " + name + " refused: " + response.body());
        }
        return name;
    }

    static byte[] sharedDataset(String file) throws IOException {
        String dir = System.getenv().getOrDefault("ANNEAL_DATASETS_DIR", "../shared/datasets");
        return Files.readAllBytes(Path.of(dir, file));
    }

    private static List<String> split(String options) {
        return options.isBlank() ? List.of() : Arrays.asList(options.trim().split("\\s+"));
    }

    /** Resident sets in MB: the server JVM, its heap in use, and the processes it started. */
    record Reading(long jvmMb, long heapMb, long childrenMb) {

        static final String HEADER = String.format(
                Locale.ROOT,
                "%-12s %10s %10s %14s %10s",
                "after",
                "JVM RSS",
                "heap used",
                "PostgreSQL RSS*",
                "JVM/first");

        /** Embedded PostgreSQL daemonizes, so its processes are found by their data directory. */
        static String dataDir;

        static Reading of(String url, long pid) throws Exception {
            long children = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains(dataDir))
                    .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                    .filter(p -> p.pid() != pid)
                    .mapToLong(p -> residentMb(p.pid()))
                    .sum();
            JsonNode heap = getJson(url + "/actuator/metrics/jvm.memory.used?tag=area:heap");
            long heapMb =
                    (long) (heap.path("measurements").path(0).path("value").asDouble() / (1 << 20));
            return new Reading(residentMb(pid), heapMb, children);
        }

        String row(String label, Reading first) {
            return String.format(
                    Locale.ROOT,
                    "%-12s %7d MB %7d MB %11d MB %9.2fx",
                    label,
                    jvmMb,
                    heapMb,
                    childrenMb,
                    (double) jvmMb / first.jvmMb());
        }

        private static long residentMb(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                    }
                }
            } catch (IOException gone) {
                // the process ended between listing and reading
            }
            return 0;
        }
    }
}
