package dev.anneal.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.job.JobResponse;
import dev.anneal.api.trial.TrialResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobWatchTest {

    @Test
    void reportsNewTrialsStateChangesAndEpochsButNotWhatSubscribersAlreadyHeard() {
        JobWatch watch = new JobWatch(1, job("RUNNING"), List.of(trial(0, "COMPLETED", 5), trial(1, "RUNNING", 2)));
        assertThat(watch.highestNumber()).isEqualTo(1);
        assertThat(watch.unfinishedNumbers()).containsExactly(1);

        List<JobEvent> events = watch.changes(job("RUNNING"), List.of(trial(1, "RUNNING", 3), trial(2, "QUEUED", 0)));

        assertThat(events).extracting(JobEvent::name).containsExactly("trial", "trial");
        assertThat(events).extracting(e -> ((TrialResponse) e.data()).number()).containsExactly(1, 2);
        assertThat(watch.unfinishedNumbers()).isEqualTo(Set.of(1, 2));

        assertThat(watch.changes(job("RUNNING"), List.of(trial(1, "RUNNING", 3), trial(2, "QUEUED", 0))))
                .as("nothing changed")
                .isEmpty();

        List<JobEvent> finished =
                watch.changes(job("COMPLETED"), List.of(trial(1, "COMPLETED", 3), trial(2, "FAILED", 0)));
        assertThat(finished).extracting(JobEvent::name).containsExactly("trial", "trial", "job");
        assertThat(watch.unfinishedNumbers())
                .as("finished trials are not read again")
                .isEmpty();
        assertThat(watch.highestNumber()).isEqualTo(2);
    }

    private static JobResponse job(String state) {
        return new JobResponse(
                1,
                "job",
                "dl4j",
                state,
                null,
                "iris",
                "classification",
                "random",
                1,
                null,
                3,
                1,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static TrialResponse trial(int number, String state, int epochs) {
        return new TrialResponse(
                number, state, null, null, null, epochs, 1, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }
}
