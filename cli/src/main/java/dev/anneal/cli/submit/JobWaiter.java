package dev.anneal.cli.submit;

import dev.anneal.cli.CliFailure;
import dev.anneal.cli.ExitCodes;
import dev.anneal.cli.http.AnnealClient;
import dev.anneal.cli.http.ApiError;
import dev.anneal.cli.http.JobView;
import java.time.Duration;

/**
 * Polls a job until it finishes or the timeout elapses. A pipeline may wait for an hour, so a
 * server that is briefly unreachable (a restart, a network blip) is polled again for up to
 * {@link #OUTAGE_TOLERANCE} before the wait gives up with exit code 5; answers the server did give
 * (401, 404, ...) end the wait at once.
 */
final class JobWaiter {

    static final Duration OUTAGE_TOLERANCE = Duration.ofSeconds(30);

    /** The job as last seen, and whether the timeout ended the wait first. */
    record Waited(JobView job, boolean timedOut, Duration elapsed) {}

    private final AnnealClient client;
    private final Progress progress;
    private final Duration pollInterval;

    JobWaiter(AnnealClient client, Progress progress, Duration pollInterval) {
        this.client = client;
        this.progress = progress;
        this.pollInterval = pollInterval;
    }

    Waited await(JobView submitted, Duration timeout) {
        long start = System.nanoTime();
        JobView job = submitted;
        long unreachableSince = -1;
        try {
            while (true) {
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                try {
                    job = JobView.of(client.get("/api/v1/jobs/" + submitted.id()));
                    unreachableSince = -1;
                } catch (ApiError e) {
                    throw e;
                } catch (CliFailure e) {
                    if (e.exitCode() != ExitCodes.UNAVAILABLE) {
                        throw e;
                    }
                    unreachableSince = unreachableSince < 0 ? System.nanoTime() : unreachableSince;
                    if (Duration.ofNanos(System.nanoTime() - unreachableSince).compareTo(OUTAGE_TOLERANCE) > 0) {
                        throw e;
                    }
                }
                progress.update(job, elapsed);
                if (job.finished()) {
                    if (job.multiObjective()) {
                        job = job.withFront(client.get("/api/v1/jobs/" + submitted.id() + "/pareto"));
                    }
                    return new Waited(job, false, elapsed);
                }
                if (timeout != null && elapsed.compareTo(timeout) >= 0) {
                    return new Waited(job, true, elapsed);
                }
                sleep(timeout == null ? pollInterval : min(pollInterval, timeout.minus(elapsed)));
            }
        } finally {
            progress.finish();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.UNAVAILABLE, "interrupted while waiting for the job", e);
        }
    }
}
