package dev.anneal.api.events;

import dev.anneal.api.job.JobResponse;
import dev.anneal.api.trial.TrialResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the subscribers of one job last heard. Trials that reached a final
 * state never change again, so a poll reads only the trials numbered above the highest seen and
 * those last seen unfinished: the cost follows the trials in flight, not the job's size.
 */
final class JobWatch {

    private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "PRUNED", "CANCELLED");

    /** The fields whose change is worth an event: a new state, or one more epoch for live curves. */
    private record Seen(String state, int epochsTrained) {}

    final long jobId;
    private JobResponse lastJob;
    private int highestNumber = -1;
    private final Map<Integer, Seen> unfinished = new HashMap<>();

    JobWatch(long jobId, JobResponse job, List<TrialResponse> trials) {
        this.jobId = jobId;
        this.lastJob = job;
        trials.forEach(this::remember);
    }

    int highestNumber() {
        return highestNumber;
    }

    Set<Integer> unfinishedNumbers() {
        return Set.copyOf(unfinished.keySet());
    }

    /** The events that bring subscribers from what they last heard to {@code job} and {@code trials}. */
    List<JobEvent> changes(JobResponse job, List<TrialResponse> trials) {
        List<JobEvent> events = new ArrayList<>();
        for (TrialResponse trial : trials) {
            Seen before = unfinished.get(trial.number());
            boolean isNew = trial.number() > highestNumber;
            if (isNew || (before != null && !before.equals(seen(trial)))) {
                events.add(new JobEvent(JobEvent.TRIAL, trial));
            }
            remember(trial);
        }
        // the spec and timestamps are part of the job too: compare the whole answer
        if (!Objects.equals(job, lastJob)) {
            events.add(new JobEvent(JobEvent.JOB, job));
            lastJob = job;
        }
        return events;
    }

    private void remember(TrialResponse trial) {
        highestNumber = Math.max(highestNumber, trial.number());
        if (FINAL.contains(trial.state())) {
            unfinished.remove(trial.number());
        } else {
            unfinished.put(trial.number(), seen(trial));
        }
    }

    private static Seen seen(TrialResponse trial) {
        return new Seen(trial.state(), trial.epochsTrained());
    }
}
