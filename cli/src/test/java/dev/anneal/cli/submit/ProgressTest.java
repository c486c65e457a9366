package dev.anneal.cli.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.cli.gate.Jobs;
import dev.anneal.cli.http.JobView;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {

    final JobView running = JobView.of(Jobs.json(5, "RUNNING", "val_accuracy", "maximize", 0.9));
    final JobView done = JobView.of(Jobs.json(5, "COMPLETED", "val_accuracy", "maximize", 0.95));

    @Test
    void aTerminalLineIsRedrawnInPlace() {
        StringWriter out = new StringWriter();
        Progress progress = new Progress(new PrintWriter(out), true);

        progress.update(running, Duration.ofSeconds(1));
        progress.update(running, Duration.ofSeconds(2));
        progress.finish();

        assertThat(out.toString())
                .startsWith("\rjob 5 RUNNING  trials 4/4 done, 1 failed  best val_accuracy 0.9  elapsed 1s")
                .contains("\rjob 5 RUNNING  trials 4/4 done, 1 failed  best val_accuracy 0.9  elapsed 2s")
                .endsWith(System.lineSeparator())
                .doesNotContain("elapsed 1s" + System.lineSeparator());
    }

    @Test
    void plainOutputPrintsALineWhenSomethingChangesOrEveryHalfMinute() {
        StringWriter out = new StringWriter();
        Progress progress = new Progress(new PrintWriter(out), false);

        progress.update(running, Duration.ofSeconds(1));
        progress.update(running, Duration.ofSeconds(2)); // unchanged: no line
        progress.update(running, Duration.ofSeconds(31)); // heartbeat
        progress.update(done, Duration.ofSeconds(32));
        progress.finish();

        assertThat(out.toString().lines())
                .containsExactly(
                        "job 5 RUNNING  trials 4/4 done, 1 failed  best val_accuracy 0.9  elapsed 1s",
                        "job 5 RUNNING  trials 4/4 done, 1 failed  best val_accuracy 0.9  elapsed 31s",
                        "job 5 COMPLETED  trials 4/4 done, 1 failed  best val_accuracy 0.95  elapsed 32s");
        assertThat(out.toString()).doesNotContain("\r");
    }
}
