package dev.anneal.db.worker;

import java.time.Instant;

/** A worker process as registered, with whether its last heartbeat is recent enough to count as alive. */
public record WorkerRecord(
        String id,
        String host,
        Long pid,
        int slots,
        int busySlots,
        long trialsDone,
        String state,
        Instant startedAt,
        Instant heartbeatAt,
        Instant stoppedAt,
        boolean alive) {}
