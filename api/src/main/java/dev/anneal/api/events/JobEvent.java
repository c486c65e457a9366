package dev.anneal.api.events;

/**
 * One Server-Sent Event of a job's stream. The names are part of the API (README, "Live
 * events"): {@code job} carries the job as {@code GET /api/v1/jobs/{id}} answers it, {@code trial}
 * a trial as the trials list shows it, {@code heartbeat} the server's time.
 */
record JobEvent(String name, Object data) {

    static final String JOB = "job";
    static final String TRIAL = "trial";
    static final String HEARTBEAT = "heartbeat";
}
