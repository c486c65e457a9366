package dev.anneal.cli.jobs;

import dev.anneal.cli.CliContext;
import dev.anneal.cli.config.ServerOptions;
import dev.anneal.cli.config.ServerSettings;
import dev.anneal.cli.http.AnnealClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** What the commands about one job share: its id and the server to ask. */
abstract class JobCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JOB", description = "job id")
    long jobId;

    @Mixin
    ServerOptions server;

    final CliContext context;

    JobCommand(CliContext context) {
        this.context = context;
    }

    AnnealClient client() {
        return new AnnealClient(ServerSettings.resolve(server, context));
    }

    String jobPath() {
        return "/api/v1/jobs/" + jobId;
    }
}
