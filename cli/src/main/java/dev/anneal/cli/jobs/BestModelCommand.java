package dev.anneal.cli.jobs;

import dev.anneal.cli.CliContext;
import dev.anneal.cli.http.AnnealClient;
import dev.anneal.cli.http.Download;
import dev.anneal.cli.http.JobView;
import dev.anneal.cli.output.Numbers;
import dev.anneal.cli.output.OutputFile;
import java.nio.file.Path;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Downloads the best trial's trained model (a DL4J model zip with Anneal's preprocessing and the
 * job spec inside), or with {@code --samples} a GAN job's generated rows. The server's refusals
 * (no completed trial yet, not a GAN job, unknown job) are 4xx problems and exit 4 like every
 * other command's, with the server's reason printed.
 */
@Command(
        name = "best-model",
        description = "Download the best trial's model zip, or with --samples a GAN job's generated rows (CSV).")
public final class BestModelCommand extends JobCommand {

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            required = true,
            description = "where to write the model (or samples)")
    Path output;

    @Option(names = "--force", description = "replace FILE if it exists")
    boolean force;

    @Option(
            names = "--samples",
            description = "download the rows a GAN job's best generator produced, as CSV, instead of the model")
    boolean samples;

    public BestModelCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        OutputFile file = OutputFile.of(output, force);
        AnnealClient client = client();
        // the job first: an unknown job fails before anything is written, and it names the objective
        JobView job = JobView.of(client.get(jobPath()));
        String path = jobPath() + (samples ? "/best-samples" : "/best-model");
        String type = samples ? "text/csv" : "application/zip";
        Download download = file.write(scratch -> client.download(path, type, scratch));
        context.out()
                .println("Saved the " + (samples ? "generated samples" : "model") + " of " + job.label() + ", "
                        + trial(job, download) + ", to " + output + " (" + Numbers.bytes(download.bytes()) + ")");
        context.out().flush();
        return 0;
    }

    /**
     * The trial the server says the file comes from. It is normally the job's best trial, whose
     * value we can show; but the best stored model can belong to another trial (the best one's
     * model may not have been stored yet), and then the value would be someone else's.
     */
    private static String trial(JobView job, Download download) {
        Integer number = download.trialNumber().orElse(job.bestTrial());
        if (number == null) {
            return "best trial";
        }
        if (Objects.equals(number, job.bestTrial())) {
            return "trial " + number + " (" + job.metric() + " " + Numbers.format(job.bestValue()) + ")";
        }
        return "trial " + number;
    }
}
