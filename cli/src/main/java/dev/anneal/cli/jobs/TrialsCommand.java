package dev.anneal.cli.jobs;

import dev.anneal.cli.CliContext;
import dev.anneal.cli.output.Numbers;
import dev.anneal.cli.output.Table;
import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;

@Command(name = "trials", description = "A job's trials by number, with state, value and parameters.")
public final class TrialsCommand extends JobCommand {

    /** The API's largest page; the loop below reads as many pages as the job has. */
    static final int PAGE_SIZE = 200;

    public TrialsCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        Table table = new Table("TRIAL", "STATE", "VALUE", "EPOCHS", "PARAMS", "REASON");
        int page = 0;
        JsonNode answer;
        do {
            answer = client().get(jobPath() + "/trials?size=" + PAGE_SIZE + "&page=" + page);
            for (JsonNode t : answer.path("items")) {
                table.row(
                        t.path("number").asInt(),
                        t.path("state").asString(),
                        t.path("value").isNumber()
                                ? Numbers.format(t.path("value").asDouble())
                                : "-",
                        t.path("epochsTrained").asInt(),
                        t.path("params"),
                        t.path("failureReason").asString(""));
            }
            page++;
        } while (page < answer.path("totalPages").asInt());
        table.print(context.out());
        return 0;
    }
}
