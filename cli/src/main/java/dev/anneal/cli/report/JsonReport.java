package dev.anneal.cli.report;

import dev.anneal.cli.gate.GateResult;
import dev.anneal.cli.http.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The run as JSON, for scripts: the job as the server answered it, its best trial, the
 * leaderboard, every gate's outcome, how the job ended and the exit code.
 */
public final class JsonReport {

    private JsonReport() {}

    public static ObjectNode render(RunReport report) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("jobUrl", report.jobUrl().toString());
        root.set("job", report.job().json());
        root.set(
                "best",
                report.job().json().path("best").isObject()
                        ? report.job().json().path("best")
                        : null);
        ArrayNode leaderboard = root.putArray("leaderboard");
        report.leaderboard().forEach(leaderboard::add);
        ArrayNode gates = root.putArray("gates");
        for (GateResult gate : report.gates()) {
            gates.addObject()
                    .put("gate", gate.gate())
                    .put("outcome", gate.outcome().name())
                    .put("message", gate.message());
        }
        root.put("completed", report.finished());
        root.put("outcome", report.outcome());
        root.put("elapsedSeconds", report.elapsed().toMillis() / 1000.0);
        root.put("exitCode", report.exitCode());
        return root;
    }

    public static void write(RunReport report, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(render(report)) + "\n");
    }
}
