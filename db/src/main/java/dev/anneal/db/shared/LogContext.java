package dev.anneal.db.shared;

import org.slf4j.MDC;

/**
 * Puts job and trial ids into the logging MDC for the lines logged inside a block, where the log
 * pattern shows them as {@code [job=7 trial=3]}. The keys are the ones the log pattern reads;
 * every thread that works on one job or trial at a time (trial runners, heartbeats, the
 * scheduler, the reaper, HTTP requests) uses this rather than its own keys.
 */
public final class LogContext implements AutoCloseable {

    public static final String JOB = "jobId";
    public static final String TRIAL = "trial";
    /**
     * The trial's database id, beside its number: the log pattern does not show it, but a
     * structured log (JSON) carries it. Only a worker's trial run sets it.
     */
    public static final String TRIAL_ID = "trialId";

    private LogContext() {}

    public static LogContext job(long jobId) {
        MDC.put(JOB, Long.toString(jobId));
        return new LogContext();
    }

    public static LogContext trial(long jobId, int number) {
        MDC.put(JOB, Long.toString(jobId));
        MDC.put(TRIAL, Integer.toString(number));
        return new LogContext();
    }

    @Override
    public void close() {
        MDC.remove(JOB);
        MDC.remove(TRIAL);
    }
}
