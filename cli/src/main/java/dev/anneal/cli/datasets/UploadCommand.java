package dev.anneal.cli.datasets;

import dev.anneal.cli.CliContext;
import dev.anneal.cli.CliFailure;
import dev.anneal.cli.config.ServerOptions;
import dev.anneal.cli.config.ServerSettings;
import dev.anneal.cli.http.AnnealClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(name = "upload", description = "Upload a CSV (or .csv.gz) dataset under a name.")
public final class UploadCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = ".csv or .csv.gz with a header row")
    Path file;

    @Option(names = "--name", required = true, description = "the name jobs refer to it by")
    String name;

    @Mixin
    ServerOptions server;

    private final CliContext context;

    public UploadCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw CliFailure.usage("dataset file " + file + " does not exist");
        }
        AnnealClient client = new AnnealClient(ServerSettings.resolve(server, context));
        JsonNode dataset = client.postMultipart("/api/v1/datasets", "file", file, Map.of("name", name));
        context.out()
                .println("Uploaded dataset " + dataset.path("name").asString() + " (id "
                        + dataset.path("id").asLong() + "): "
                        + dataset.path("rows").asInt() + " rows, "
                        + dataset.path("columns").asInt() + " columns");
        context.out().flush();
        return 0;
    }
}
