package dev.anneal.api.access;

import dev.anneal.api.job.JobNotFound;
import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.problem.ProblemTypes;
import dev.anneal.api.security.CurrentCaller;
import dev.anneal.db.dataset.DatasetEntity;
import dev.anneal.db.dataset.DatasetRepository;
import dev.anneal.db.job.JobEntity;
import dev.anneal.db.job.JobRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The one place a request's job and dataset ids are resolved for the calling project. Another
 * project's id answers the same 404 as an id that does not exist, so ids (which are sequential)
 * reveal nothing. {@link PathAccessCheck} runs it on every route's path ids before the
 * controller; services load what they need through it too, so an entity is never read by id
 * alone on a request's behalf.
 *
 * <p>It needs a caller: background work must not use it (it keeps a {@link ScopedJob} instead).
 */
@Component
public class ProjectScope {

    private static final String CHECKED = ProjectScope.class.getName() + ".checked:";

    private final CurrentCaller caller;
    private final JobRepository jobs;
    private final DatasetRepository datasets;

    ProjectScope(CurrentCaller caller, JobRepository jobs, DatasetRepository datasets) {
        this.caller = caller;
        this.jobs = jobs;
        this.datasets = datasets;
    }

    /** The caller's project: what lists show and what new jobs and datasets belong to. */
    public long projectId() {
        return caller.projectId();
    }

    /**
     * The caller's job, checked. The check is remembered for the rest of the request, so the
     * path check and the service's own cost one query together.
     */
    public ScopedJob job(long jobId) {
        long project = projectId();
        String key = CHECKED + project + ":" + jobId;
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) != null) {
            return new ScopedJob(project, jobId);
        }
        if (!jobs.existsByIdAndProjectId(jobId, project)) {
            throw JobNotFound.of(jobId);
        }
        if (request != null) {
            request.setAttribute(key, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
        return new ScopedJob(project, jobId);
    }

    /** The caller's job, loaded. */
    public JobEntity load(long jobId) {
        return jobs.findByIdAndProjectId(jobId, projectId()).orElseThrow(() -> JobNotFound.of(jobId));
    }

    /** The caller's job, loaded with its row lock held until the transaction ends. */
    public JobEntity loadForUpdate(long jobId) {
        long project = projectId();
        return jobs.findByIdForUpdate(jobId)
                .filter(j -> j.getProjectId() == project)
                .orElseThrow(() -> JobNotFound.of(jobId));
    }

    /** A dataset the caller's project sees: its own uploads and the built-in samples. */
    public DatasetEntity dataset(long datasetId) {
        return datasets.findVisible(datasetId, projectId()).orElseThrow(() -> datasetNotFound(datasetId));
    }

    static ApiProblem datasetNotFound(long id) {
        return ApiProblem.notFound(ProblemTypes.DATASET_NOT_FOUND, "Dataset not found", "no dataset has id " + id)
                .with("datasetId", id);
    }
}
