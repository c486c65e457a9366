package dev.anneal.cli.gate;

import dev.anneal.cli.CliFailure;
import dev.anneal.cli.http.AnnealClient;
import dev.anneal.cli.http.JobView;
import dev.anneal.spec.JobSpecJson;
import tools.jackson.databind.JsonNode;

/**
 * Finds the baseline job of a regression gate, before the new job is submitted: once the new job
 * exists (and carries the same tag) it would be its own baseline.
 */
public final class BaselineFinder {

    private final AnnealClient client;

    public BaselineFinder(AnnealClient client) {
        this.client = client;
    }

    /** {@code --baseline JOB_ID}: that job, which must have completed with a best trial. */
    public Baseline byId(long id) {
        JobView job = JobView.of(client.get("/api/v1/jobs/" + id));
        if (!"COMPLETED".equals(job.state()) || job.bestValue() == null) {
            throw CliFailure.usage("--baseline " + id + ": the baseline must be a COMPLETED job with a best trial, but "
                    + job.label() + " is " + job.state());
        }
        return new Baseline("job " + id, job);
    }

    /** {@code --baseline-tag key=value}: the newest COMPLETED job with that tag, if any. */
    public Baseline byTag(String key, String value) {
        String source = "tag " + key + "=" + value;
        JsonNode page = client.get(
                "/api/v1/jobs?tag=" + AnnealClient.encode(key + ":" + value) + "&state=COMPLETED&latest=true&size=1");
        JsonNode items = page.path("items");
        if (items.isEmpty()) {
            return new Baseline(source, null);
        }
        JsonNode newest = items.get(0);
        // A server without job tags ignores the tag filter and would hand back any completed job:
        // refuse rather than compare against an unrelated baseline.
        if (!value.equals(tag(newest, key))) {
            throw CliFailure.usage("--baseline-tag " + key + "=" + value + ": the server answered job "
                    + newest.path("id").asLong()
                    + ", which does not carry that tag (does the server support job tags?)");
        }
        return new Baseline(source, JobView.of(newest));
    }

    /** The job's tag, from the answer's tags or else its spec's (servers before job tags kept them there). */
    private static String tag(JsonNode job, String key) {
        if (job.path("tags").path(key).isString()) {
            return job.path("tags").path(key).asString();
        }
        return job.path("spec").isObject()
                ? JobSpecJson.read(job.path("spec")).tags().get(key)
                : null;
    }
}
