package dev.anneal.cli.jobs;

import dev.anneal.cli.CliContext;
import dev.anneal.cli.http.JobView;
import dev.anneal.cli.output.Numbers;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(name = "status", description = "A job's state, trial counts and best trial.")
public final class StatusCommand extends JobCommand {

    public StatusCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        JobView job = JobView.of(client().get(jobPath()));
        PrintWriter out = context.out();
        out.println(
                job.label() + ": " + job.state() + (job.stateReason() == null ? "" : " (" + job.stateReason() + ")"));
        out.println("  objective  " + job.metric() + " (" + job.direction() + ")");
        out.println("  trials     " + job.done() + "/" + job.maxTrials() + " done: " + job.completed() + " completed, "
                + job.failed() + " failed, " + job.running() + " running");
        if (job.bestValue() != null) {
            out.println("  best       " + Numbers.format(job.bestValue()) + " (trial " + job.bestTrial()
                    + (job.bestEpoch() == null ? "" : ", epoch " + job.bestEpoch()) + ")");
            out.println("  params     " + job.bestParams());
        }
        out.flush();
        return 0;
    }
}
