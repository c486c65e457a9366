package dev.anneal.cli.datasets;

import dev.anneal.cli.CliContext;
import dev.anneal.cli.config.ServerOptions;
import dev.anneal.cli.config.ServerSettings;
import dev.anneal.cli.http.AnnealClient;
import dev.anneal.cli.output.Table;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.JsonNode;

@Command(name = "list", description = "Datasets by name.")
public final class ListCommand implements Callable<Integer> {

    static final int PAGE_SIZE = 200;

    @Mixin
    ServerOptions server;

    private final CliContext context;

    public ListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        AnnealClient client = new AnnealClient(ServerSettings.resolve(server, context));
        Table table = new Table("ID", "NAME", "ROWS", "COLUMNS", "BUILTIN", "FILE");
        int page = 0;
        JsonNode answer;
        do {
            answer = client.get("/api/v1/datasets?size=" + PAGE_SIZE + "&page=" + page);
            for (JsonNode d : answer.path("items")) {
                table.row(
                        d.path("id").asLong(),
                        d.path("name").asString(),
                        d.path("rows").asInt(),
                        d.path("columns").asInt(),
                        d.path("builtin").asBoolean() ? "yes" : "no",
                        d.path("originalFilename").asString("-"));
            }
            page++;
        } while (page < answer.path("totalPages").asInt());
        table.print(context.out());
        return 0;
    }
}
