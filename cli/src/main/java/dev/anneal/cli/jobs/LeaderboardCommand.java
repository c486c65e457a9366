package dev.anneal.cli.jobs;

import dev.anneal.cli.CliContext;
import dev.anneal.cli.http.Json;
import dev.anneal.cli.output.Numbers;
import dev.anneal.cli.output.Table;
import java.io.PrintWriter;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(name = "leaderboard", description = "A job's completed trials, best first.")
public final class LeaderboardCommand extends JobCommand {

    enum Format {
        table,
        json,
        csv
    }

    @Option(names = "--limit", defaultValue = "10", description = "rows, 1..1000 (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default ${DEFAULT-VALUE})")
    Format format;

    public LeaderboardCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        JsonNode rows = client().get(jobPath() + "/leaderboard?limit=" + limit);
        PrintWriter out = context.out();
        switch (format) {
            case json ->
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
            case csv -> csv(rows, out);
            case table -> table(rows, out);
        }
        out.flush();
        return 0;
    }

    private static void table(JsonNode rows, PrintWriter out) {
        Table table = new Table("RANK", "TRIAL", "VALUE", "EPOCHS", "SECONDS", "PARAMS");
        for (JsonNode row : rows) {
            table.row(
                    row.path("rank").asInt(),
                    row.path("trialNumber").asInt(),
                    Numbers.format(row.path("value").asDouble()),
                    row.path("epochs").asInt(),
                    Numbers.format(row.path("durationMs").asLong() / 1000.0),
                    row.path("params"));
        }
        table.print(out);
    }

    /** One column per parameter (the union over rows), so the file opens as a sheet. */
    private static void csv(JsonNode rows, PrintWriter out) {
        TreeSet<String> params = new TreeSet<>();
        rows.forEach(row -> params.addAll(row.path("params").propertyNames()));
        StringBuilder header = new StringBuilder("rank,trial,value,epochs_trained,best_epoch,duration_ms");
        params.forEach(p -> header.append(',').append(cell(p)));
        out.println(header);
        for (JsonNode row : rows) {
            StringBuilder line = new StringBuilder()
                    .append(row.path("rank").asInt())
                    .append(',')
                    .append(row.path("trialNumber").asInt())
                    .append(',')
                    .append(row.path("value").asDouble())
                    .append(',')
                    .append(row.path("epochs").asInt())
                    .append(',')
                    .append(
                            row.path("bestEpoch").isNumber()
                                    ? row.path("bestEpoch").asString()
                                    : "")
                    .append(',')
                    .append(row.path("durationMs").asLong());
            for (String p : params) {
                JsonNode v = row.path("params").path(p);
                line.append(',').append(v.isMissingNode() ? "" : cell(v.asString()));
            }
            out.println(line);
        }
    }

    /** RFC 4180: quote a cell holding a comma, quote or line break. */
    static String cell(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
