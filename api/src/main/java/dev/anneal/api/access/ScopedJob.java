package dev.anneal.api.access;

/**
 * A job id checked against a project where the request came in ({@link ProjectScope#job}).
 * Work that outlives the request (an event stream's poller) keeps it and reads the job by both
 * ids, without a caller. Only {@link ProjectScope} makes one, so holding one means the check ran.
 */
public final class ScopedJob {

    private final long projectId;
    private final long jobId;

    ScopedJob(long projectId, long jobId) {
        this.projectId = projectId;
        this.jobId = jobId;
    }

    public long projectId() {
        return projectId;
    }

    public long jobId() {
        return jobId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScopedJob other && other.projectId == projectId && other.jobId == jobId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(jobId) * 31 + Long.hashCode(projectId);
    }

    @Override
    public String toString() {
        return "job " + jobId + " of project " + projectId;
    }
}
