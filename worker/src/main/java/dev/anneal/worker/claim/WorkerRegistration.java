package dev.anneal.worker.claim;

import dev.anneal.db.worker.WorkerRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's row in the worker registry: renewed on every heartbeat round, marked stopped
 * on a graceful shutdown. Failing to write it never affects trials; it is for operators.
 */
public class WorkerRegistration {

    private static final Logger log = LoggerFactory.getLogger(WorkerRegistration.class);

    private final WorkerRegistry registry;
    private final String workerId;
    private final String host;
    private final int slots;
    private final AtomicLong trialsDone = new AtomicLong();

    public WorkerRegistration(WorkerRegistry registry, String workerId, String host, int slots) {
        this.registry = registry;
        this.workerId = workerId;
        this.host = host;
        this.slots = slots;
    }

    /** Renews the row with the pool's busy slots, as its heartbeat round ends. */
    public void beat(int busySlots) {
        try {
            registry.beat(workerId, host, ProcessHandle.current().pid(), slots, busySlots, trialsDone.get());
        } catch (RuntimeException e) {
            log.debug("Could not renew worker registration {}: {}", workerId, e.getMessage());
        }
    }

    public void trialDone() {
        trialsDone.incrementAndGet();
    }

    public void stopped() {
        try {
            registry.stopped(workerId, trialsDone.get());
        } catch (RuntimeException e) {
            log.debug("Could not mark worker {} stopped: {}", workerId, e.getMessage());
        }
    }
}
