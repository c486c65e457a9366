package dev.anneal.worker.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the worker threads in this process ({@code anneal.worker.*}). Defaults are in the
 * README's configuration table.
 *
 * @param slots trials trained at once; 0 runs no worker here (the api then only schedules);
 *     -1 (default) means one per CPU core
 * @param threadsPerTrial ND4J/OpenMP threads per trial; -1 (default) divides the cores among
 *     the slots, so slots x threads never exceeds the cores
 * @param workerId name shown in trials and logs; blank (default) means host-pid-random
 * @param pollInterval how often an idle worker looks for queued trials
 * @param heartbeatInterval how often a running trial's lease is renewed
 * @param shutdownGrace how long shutdown waits for running trials to stop before giving up on them
 * @param datasetCacheEntries parsed datasets and prepared jobs kept in memory
 * @param cacheDir where fetched dataset files are kept on local disk, by content hash; blank
 *     (default) means {@code ~/.anneal/cache}
 * @param databaseRetry how long a running trial keeps retrying a write while the database is
 *     unreachable before it is abandoned (and later requeued by the reaper)
 * @param warmUp train a small made-up MLP in the background once ND4J has loaded, so the first
 *     real trial does not pay the JVM's first-time costs
 */
@ConfigurationProperties("anneal.worker")
public record WorkerProperties(
        @DefaultValue("-1") int slots,
        @DefaultValue("-1") int threadsPerTrial,
        @DefaultValue("") String workerId,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("5s") Duration heartbeatInterval,
        @DefaultValue("10s") Duration shutdownGrace,
        @DefaultValue("4") int datasetCacheEntries,
        @DefaultValue("") String cacheDir,
        @DefaultValue("30s") Duration databaseRetry,
        @DefaultValue("true") boolean warmUp) {

    public java.nio.file.Path cacheDirectory() {
        return cacheDir.isBlank()
                ? java.nio.file.Path.of(System.getProperty("user.home"), ".anneal", "cache")
                : java.nio.file.Path.of(cacheDir);
    }

    public int effectiveSlots() {
        return slots >= 0 ? slots : Runtime.getRuntime().availableProcessors();
    }

    public int effectiveThreadsPerTrial() {
        if (threadsPerTrial > 0) {
            return threadsPerTrial;
        }
        int slotCount = Math.max(1, effectiveSlots());
        return Math.max(1, Runtime.getRuntime().availableProcessors() / slotCount);
    }
}
