package dev.anneal.api.limits;

import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.problem.ProblemTypes;
import dev.anneal.db.quota.ProjectUsage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-project quotas ({@code anneal.limits.project.*}). Each check locks the project's row
 * and must run in the transaction that then writes what the quota bounds: the lock is held until
 * that transaction commits, so of two concurrent requests for the last unit one sees the other's
 * row and is refused.
 */
@Component
public class ProjectQuotas {

    private final ProjectUsage usage;
    private final LimitsProperties.Project limits;

    ProjectQuotas(ProjectUsage usage, LimitsProperties limits) {
        this.usage = usage;
        this.limits = limits.project();
    }

    /**
     * @throws ApiProblem 429 if the project already has its quota of queued and running jobs;
     *     finishing or cancelling one frees a place, so a later retry can succeed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reserveUnfinishedJob(long project) {
        usage.lock(project);
        long unfinished = usage.unfinishedJobs(project);
        if (unfinished >= limits.unfinishedJobs()) {
            throw exceeded(
                            HttpStatus.TOO_MANY_REQUESTS,
                            LimitsProperties.PROJECT_UNFINISHED_JOBS,
                            "the project has " + unfinished + " queued or running jobs, and at most "
                                    + limits.unfinishedJobs() + " may be unfinished at once ("
                                    + LimitsProperties.PROJECT_UNFINISHED_JOBS
                                    + "); wait for one to finish or cancel one")
                    .with("limit", limits.unfinishedJobs())
                    .with("used", unfinished);
        }
    }

    /**
     * @param adding stored bytes the new dataset would add
     * @throws ApiProblem 409 if the project's stored datasets would exceed their quota; waiting does
     *     not help, so it is not 429
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reserveDatasetBytes(long project, long adding) {
        usage.lock(project);
        checkDatasetBytes(project, adding);
    }

    /** The same check without the lock: refuses early, before an upload is parsed, if the quota is already used up. */
    @Transactional(readOnly = true)
    public void checkDatasetBytes(long project, long adding) {
        long quota = limits.datasetStorage().toBytes();
        long used = usage.storedDatasetBytes(project);
        if (used + Math.max(adding, 1) > quota) {
            throw exceeded(
                            HttpStatus.CONFLICT,
                            LimitsProperties.PROJECT_DATASET_STORAGE,
                            "the project's datasets take " + used + " bytes as stored"
                                    + (adding > 0 ? " and this one would add " + adding : "")
                                    + ", but they may take at most " + quota + " bytes ("
                                    + LimitsProperties.PROJECT_DATASET_STORAGE + ")")
                    .with("limit", quota)
                    .with("used", used)
                    .with("adding", adding);
        }
    }

    private static ApiProblem exceeded(HttpStatus status, String quota, String detail) {
        return new ApiProblem(status, ProblemTypes.QUOTA_EXCEEDED, "Quota exceeded", detail).with("quota", quota);
    }
}
