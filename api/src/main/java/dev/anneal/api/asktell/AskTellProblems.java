package dev.anneal.api.asktell;

import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.problem.ProblemTypes;
import dev.anneal.db.job.JobState;
import dev.anneal.db.trial.TrialState;

/** The conflicts ask/tell answers with, each a 409 problem naming the job (and trial). */
final class AskTellProblems {

    private AskTellProblems() {}

    static ApiProblem notExternal(long jobId) {
        return ApiProblem.conflict(
                        ProblemTypes.NOT_AN_EXTERNAL_JOB,
                        "Not an external job",
                        "job " + jobId + " is trained by Anneal's DL4J workers; ask/tell is for jobs submitted with"
                                + " \"execution\": \"external\"")
                .with("jobId", jobId);
    }

    static ApiProblem jobFinished(long jobId, JobState state) {
        return ApiProblem.conflict(
                        ProblemTypes.JOB_ALREADY_FINISHED,
                        "Job already finished",
                        "job " + jobId + " is " + state + "; it takes no more asks")
                .with("jobId", jobId)
                .with("state", state.name());
    }

    static ApiProblem maxTrialsReached(long jobId, int maxTrials) {
        return ApiProblem.conflict(
                        ProblemTypes.MAX_TRIALS_REACHED,
                        "All trials asked",
                        "job " + jobId + " already has its " + maxTrials + " trials (maxTrials); tell the running ones"
                                + " and the job finishes")
                .with("jobId", jobId)
                .with("maxTrials", maxTrials);
    }

    static ApiProblem trialFinished(long jobId, int number, TrialState state, String reason) {
        return ApiProblem.conflict(
                        ProblemTypes.TRIAL_ALREADY_FINISHED,
                        "Trial already finished",
                        "trial " + number + " of job " + jobId + " is already " + state
                                + (reason == null ? "" : " (" + reason + ")") + "; it takes no more tells or reports")
                .with("jobId", jobId)
                .with("trialNumber", number)
                .with("state", state.name());
    }
}
