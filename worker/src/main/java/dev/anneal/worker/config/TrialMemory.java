package dev.anneal.worker.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back the native memory trials leave behind. ND4J arrays live off the Java heap and are
 * freed only when the garbage collector finds their Java handles unreachable. Their handles are
 * small, so the heap can go a long time without a collection while dead arrays pile up outside
 * it: DL4J's LSTM left about 2.5 MB of them per mini-batch (250 MB an epoch on a 3,150-step
 * series), and a network's parameters, promoted to the old generation, waited for a collection
 * that a roomy heap rarely runs. Two releases bound that:
 *
 * <ul>
 *   <li>while training, {@link #collectIfGrown()} asks for a collection once the process's
 *       resident memory has grown by {@link #GROWTH_BYTES} since the lowest point seen after the
 *       last one (checked at most every {@link #CHECK_INTERVAL}; reading {@code /proc/self/statm}
 *       costs microseconds);
 *   <li>after each trial, {@link #releaseAfterTrial()} drops the thread's DL4J workspaces (they
 *       keep the size of the largest trial the thread ran) and asks for a collection, at most
 *       once per {@link #MIN_GC_INTERVAL} however many slots finish.
 * </ul>
 *
 * A collection of a heap of a few hundred MB takes tens of milliseconds, and with {@code
 * -XX:+ExplicitGCInvokesConcurrent} (set by {@code bin/anneal-server} and the images) it runs beside
 * training.
 */
public final class TrialMemory {

    private static final Logger log = LoggerFactory.getLogger(TrialMemory.class);

    static final Duration MIN_GC_INTERVAL = Duration.ofSeconds(5);
    static final Duration CHECK_INTERVAL = Duration.ofMillis(200);
    static final long GROWTH_BYTES = 256L << 20;
    private static final Path STATM = Path.of("/proc/self/statm");
    private static final long PAGE_BYTES = 4096;

    private static final AtomicLong lastCollection = new AtomicLong(System.nanoTime() - MIN_GC_INTERVAL.toNanos());
    private static final AtomicLong lastCheck = new AtomicLong(System.nanoTime());
    private static final AtomicLong floor = new AtomicLong(Long.MAX_VALUE);
    private static volatile boolean readable = Files.isReadable(STATM);

    private TrialMemory() {}

    /** Call on the trial's own thread once the trial's objects are unreachable. */
    public static void releaseAfterTrial() {
        dropWorkspaces();
        long now = System.nanoTime();
        long last = lastCollection.get();
        if (now - last >= MIN_GC_INTERVAL.toNanos() && lastCollection.compareAndSet(last, now)) {
            collect();
        }
    }

    /**
     * After a trial ran out of memory, on its thread, before the slot claims again: unwinding
     * dropped the trial's arrays, but without a collection the next trial would start with the
     * memory its predecessor ran out of still taken.
     */
    public static void releaseNow() {
        dropWorkspaces();
        lastCollection.set(System.nanoTime());
        collect();
    }

    /** Cheap enough to call after every mini-batch. */
    public static void collectIfGrown() {
        long now = System.nanoTime();
        long last = lastCheck.get();
        if (!readable || now - last < CHECK_INTERVAL.toNanos() || !lastCheck.compareAndSet(last, now)) {
            return;
        }
        long resident = residentBytes();
        if (resident < 0) {
            return;
        }
        long low = floor.accumulateAndGet(resident, Math::min);
        if (resident - low >= GROWTH_BYTES) {
            lastCollection.set(now);
            collect();
        }
    }

    private static void dropWorkspaces() {
        try {
            Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        } catch (RuntimeException | Error e) {
            log.warn("Could not destroy this thread's ND4J workspaces: {}", e.toString());
        }
    }

    private static void collect() {
        System.gc();
        // the next growth is measured from wherever memory settles after this collection
        floor.set(Long.MAX_VALUE);
    }

    private static long residentBytes() {
        try {
            String[] fields = Files.readString(STATM).trim().split("\\s+");
            return Long.parseLong(fields[1]) * PAGE_BYTES;
        } catch (IOException | RuntimeException e) {
            readable = false;
            return -1;
        }
    }
}
