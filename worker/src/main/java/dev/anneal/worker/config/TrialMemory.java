package dev.anneal.worker.config;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gives back the native memory a finished trial held. ND4J arrays live off the Java heap and are
 * freed only when the garbage collector finds their Java handles unreachable; a network's
 * parameters and updater state survive long enough to be promoted to the old generation, which a
 * roomy heap collects rarely, so a worker running many small trials kept gigabytes of dead
 * arrays. DL4J's workspaces are per thread and keep the size of the largest trial that thread
 * ever ran. After each trial the trial's thread drops its workspaces, and the process asks for a
 * collection, at most once per {@link #MIN_GC_INTERVAL} however many slots finish (a collection
 * of a heap of a few hundred MB takes tens of milliseconds; trials take seconds).
 */
public final class TrialMemory {

    static final Duration MIN_GC_INTERVAL = Duration.ofSeconds(5);
    private static final AtomicLong lastCollection = new AtomicLong(System.nanoTime() - MIN_GC_INTERVAL.toNanos());

    private TrialMemory() {}

    /** Call on the trial's own thread once the trial's objects are unreachable. */
    public static void releaseAfterTrial() {
        Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        long now = System.nanoTime();
        long last = lastCollection.get();
        if (now - last >= MIN_GC_INTERVAL.toNanos() && lastCollection.compareAndSet(last, now)) {
            System.gc();
        }
    }
}
