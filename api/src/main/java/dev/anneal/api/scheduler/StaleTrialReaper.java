package dev.anneal.api.scheduler;

import dev.anneal.db.trial.ReapedTrial;
import dev.anneal.db.trial.TrialQueue;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes back trials from workers that stopped heartbeating (killed, hung, cut off from the
 * database): requeued while attempts remain, else failed. This is also how trials interrupted
 * by a server crash run again after a restart.
 */
@Component
public class StaleTrialReaper {

    private static final Logger log = LoggerFactory.getLogger(StaleTrialReaper.class);

    private final TrialQueue queue;
    private final SchedulerProperties properties;
    private final SchedulerMetrics metrics;

    StaleTrialReaper(TrialQueue queue, SchedulerProperties properties, SchedulerMetrics metrics) {
        this.queue = queue;
        this.properties = properties;
        this.metrics = metrics;
    }

    public List<ReapedTrial> reapOnce() {
        List<ReapedTrial> reaped = queue.reap(properties.deadAfter(), properties.maxAttempts());
        for (ReapedTrial t : reaped) {
            metrics.reaped(t.newState());
            log.warn(
                    "Reaped trial jobId={} trial={} worker={} silentFor>{} now={}",
                    t.jobId(),
                    t.number(),
                    t.lastWorkerId(),
                    properties.deadAfter(),
                    t.newState());
        }
        return reaped;
    }
}
