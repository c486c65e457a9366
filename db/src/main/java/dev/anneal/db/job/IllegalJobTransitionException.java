package dev.anneal.db.job;

/** A job state change that the lifecycle does not allow, such as cancelling a finished job. */
public class IllegalJobTransitionException extends RuntimeException {

    private final long jobId;
    private final JobState from;
    private final JobState to;

    public IllegalJobTransitionException(long jobId, JobState from, JobState to) {
        super("job " + jobId + " cannot go from " + from + " to " + to);
        this.jobId = jobId;
        this.from = from;
        this.to = to;
    }

    public long jobId() {
        return jobId;
    }

    public JobState from() {
        return from;
    }

    public JobState to() {
        return to;
    }
}
