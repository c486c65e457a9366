package dev.anneal.cli.jobs;

import dev.anneal.cli.CliContext;
import dev.anneal.cli.http.JobView;
import picocli.CommandLine.Command;

@Command(
        name = "cancel",
        description = "Cancel a queued or running job (running trials stop at their next mini-batch).")
public final class CancelCommand extends JobCommand {

    public CancelCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        JobView job = JobView.of(client().post(jobPath() + "/cancel"));
        context.out().println(job.label() + ": " + job.state());
        context.out().flush();
        return 0;
    }
}
