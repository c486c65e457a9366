package dev.anneal.bench;

import static dev.anneal.bench.BenchServer.getJson;
import static dev.anneal.bench.BenchServer.postJson;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Anneal's side of {@code e2e}: the digits study of reference.md section 5 as a job on a running
 * server, timed as a user waits for it, from {@code POST /api/v1/jobs} to the job being seen
 * {@code COMPLETED}.
 */
final class AnnealStudy {

    /** How often the job is polled: the wait a user sees is late by at most this much. */
    private static final long POLL_MILLIS = 200;

    private final String url;

    AnnealStudy(String url) {
        this.url = url;
    }

    /**
     * The peer's study as a job spec: the same search space, 20 epochs of a 2-hidden-layer MLP
     * (ReLU, Adam with L2 weight decay, z-scores fitted on the training split: Anneal's
     * defaults), a trial's value its best epoch's validation accuracy on a 20% stratified
     * holdout, {@code tpe} with the seed, 2 trials in flight.
     */
    static String spec(int seed, int maxTrials, String pruner) {
        return """
                { "name": "e2e-digits-%d", "dataset": "digits", "target": "label", "task": "classification",
                  "model": { "type": "mlp" },
                  "searchSpace": {
                    "learningRate": { "type": "float", "min": 1e-4, "max": 1e-1, "log": true },
                    "batchSize": { "type": "categorical", "values": [32, 64, 128] },
                    "units": { "type": "int", "min": 16, "max": 256, "log": true },
                    "dropout": { "type": "float", "min": 0.0, "max": 0.5 },
                    "weightDecay": { "type": "float", "min": 1e-6, "max": 1e-2, "log": true },
                    "epochs": 20, "hiddenLayers": 2 },
                  "algorithm": { "type": "tpe", "seed": %d },
                  "objective": { "metric": "val_accuracy", "direction": "maximize", "epoch": "best" },
                  "validation": { "type": "holdout", "fraction": 0.2 },
                  "pruner": %s,
                  "maxTrials": %d, "parallelism": 2 }
                """.formatted(seed, seed, pruner, maxTrials);
    }

    /** The whole study: seconds from the POST until the job was seen finished. */
    Study study(int seed, int trials) throws Exception {
        long start = System.nanoTime();
        long id = postJson(url + "/api/v1/jobs", spec(seed, trials, "{ \"type\": \"none\" }"))
                .path("id")
                .asLong();
        JsonNode job = awaitFinished(id, Double.NaN);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<JsonNode> finished = finishedTrials(id);
        double meanTrial = finished.stream()
                        .mapToLong(t -> t.path("durationMs").asLong())
                        .average()
                        .orElse(Double.NaN)
                / 1000;
        return new Study(
                job.path("state").asString(),
                seconds,
                between(job.path("createdAt"), job.path("finishedAt")),
                job.path("best").path("value").asDouble(Double.NaN),
                meanTrial);
    }

    /**
     * The study with {@code pruner}, cancelled once its best completed trial reaches {@code
     * target}. The time to the target is the server's own: that trial's {@code finishedAt} minus
     * the job's {@code createdAt} (the POST), so polling does not add to it.
     */
    ToTarget toTarget(int seed, int maxTrials, String pruner, double target) throws Exception {
        long id = postJson(url + "/api/v1/jobs", spec(seed, maxTrials, pruner))
                .path("id")
                .asLong();
        JsonNode job = awaitFinished(id, target);
        Instant created = Instant.parse(job.path("createdAt").asString());
        Instant reached = null;
        List<JsonNode> trials = finishedTrials(id);
        for (JsonNode t : trials) {
            if (t.path("state").asString().equals("COMPLETED")
                    && t.path("value").asDouble() >= target
                    && (reached == null
                            || Instant.parse(t.path("finishedAt").asString()).isBefore(reached))) {
                reached = Instant.parse(t.path("finishedAt").asString());
            }
        }
        Instant by = reached;
        long finishedBy = by == null
                ? trials.size()
                : trials.stream()
                        .filter(t ->
                                !Instant.parse(t.path("finishedAt").asString()).isAfter(by))
                        .count();
        long pruned = trials.stream()
                .filter(t -> t.path("state").asString().equals("PRUNED"))
                .count();
        List<PeerStudy.TrialTime> times = trials.stream()
                .map(t -> new PeerStudy.TrialTime(
                        t.path("state").asString().equals("PRUNED"),
                        t.path("epochsTrained").asInt(),
                        t.path("durationMs").asLong() / 1000.0))
                .toList();
        return new ToTarget(
                reached == null
                        ? Double.NaN
                        : Duration.between(created, reached).toMillis() / 1000.0,
                job.path("best").path("value").asDouble(Double.NaN),
                (int) finishedBy,
                (int) pruned,
                trials.size(),
                times);
    }

    /** Polls until the job ends; with a finite {@code cancelAt}, cancels it once its best reaches that. */
    private JsonNode awaitFinished(long id, double cancelAt) throws Exception {
        boolean cancelled = false;
        while (true) {
            JsonNode job = getJson(url + "/api/v1/jobs/" + id);
            String state = job.path("state").asString();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return job;
            }
            JsonNode best = job.path("best").path("value");
            if (!cancelled && best.isNumber() && best.asDouble() >= cancelAt) {
                BenchServer.post(url + "/api/v1/jobs/" + id + "/cancel");
                cancelled = true;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Every finished trial of the job (completed, pruned or failed), from the trials list. */
    private List<JsonNode> finishedTrials(long id) throws Exception {
        List<JsonNode> trials = new ArrayList<>();
        int pages = 1;
        for (int page = 0; page < pages; page++) {
            JsonNode list = getJson(url + "/api/v1/jobs/" + id + "/trials?size=200&page=" + page);
            pages = list.path("totalPages").asInt();
            list.path("items").forEach(t -> {
                if (t.path("finishedAt").isString()
                        && !t.path("state").asString().equals("CANCELLED")) {
                    trials.add(t);
                }
            });
        }
        return trials;
    }

    private static double between(JsonNode from, JsonNode to) {
        return Duration.between(Instant.parse(from.asString()), Instant.parse(to.asString()))
                        .toMillis()
                / 1000.0;
    }

    /**
     * One study: its final state, seconds as the user waited, seconds by the job's own
     * timestamps, best value, and the mean duration of a finished trial.
     */
    record Study(String state, double seconds, double jobSeconds, double best, double meanTrialSeconds) {}

    /**
     * A pruned study until the target: seconds to it (NaN if never reached), the best value,
     * trials finished by then, pruned trials, all finished trials and how long each took
     * (startedAt to finishedAt).
     */
    record ToTarget(
            double seconds, double best, int trialsBy, int pruned, int trials, List<PeerStudy.TrialTime> trialTimes) {}
}
