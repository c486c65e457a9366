package dev.anneal.cli.jobs;

import dev.anneal.cli.CliContext;
import dev.anneal.cli.CliFailure;
import dev.anneal.cli.http.JobView;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Reserved for downloading the best trial's trained network. The server does not store trained
 * models yet, so this checks the job exists and says so (exit 4) rather than pretending.
 */
@Command(
        name = "best-model",
        description = "Download the best trial's model (the server does not store models yet: exits 4).")
public final class BestModelCommand extends JobCommand {

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            required = true,
            description = "where to write the model")
    Path output;

    public BestModelCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        JobView job = JobView.of(client().get(jobPath()));
        String best = job.bestTrial() == null ? "it has no completed trial" : "its best trial is " + job.bestTrial();
        throw CliFailure.usage("the server does not store trained models yet, so there is no model of " + job.label()
                + " to download (" + best + "; its parameters are in `anneal status " + job.id() + "`)");
    }
}
