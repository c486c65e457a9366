package dev.anneal.cli.report;

import dev.anneal.cli.gate.GateResult;
import dev.anneal.cli.http.JobView;
import dev.anneal.cli.output.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A Markdown summary sized for a pull-request comment or {@code $GITHUB_STEP_SUMMARY}: the job
 * line, gate results, the top-10 leaderboard and the best parameters.
 */
public final class MarkdownReport {

    private MarkdownReport() {}

    public static String render(RunReport report) {
        JobView job = report.job();
        List<String> lines = new ArrayList<>();
        lines.add(
                "### " + (report.exitCode() == 0 ? "✅" : "❌") + " Anneal " + escape(job.label()) + ": " + job.state());
        lines.add("");
        lines.add(jobLine(report));
        if (!report.finished()) {
            lines.add("");
            lines.add("**" + escape(report.outcome()) + "**");
        }
        if (!report.gates().isEmpty()) {
            lines.add("");
            lines.add("| gate | result | detail |");
            lines.add("|---|---|---|");
            for (GateResult gate : report.gates()) {
                lines.add("| `" + code(gate.gate()) + "` | " + icon(gate.outcome()) + " | " + escape(gate.message())
                        + " |");
            }
        }
        leaderboard(report, lines);
        bestParameters(job, lines);
        lines.add("");
        return String.join("\n", lines);
    }

    private static String jobLine(RunReport report) {
        JobView job = report.job();
        return "Objective **" + escape(job.metric()) + "** (" + job.direction() + ") · best **"
                + Numbers.format(job.bestValue()) + "**"
                + (job.bestTrial() == null ? "" : " (trial " + job.bestTrial() + ")")
                + " · trials " + job.completed() + " completed, " + job.failed() + " failed of " + job.maxTrials()
                + " · " + Numbers.format(report.elapsed()) + " · exit code " + report.exitCode() + " · "
                + report.jobUrl();
    }

    private static void leaderboard(RunReport report, List<String> lines) {
        if (report.leaderboard().isEmpty()) {
            return;
        }
        lines.add("");
        lines.add("#### Leaderboard (top " + report.leaderboard().size() + ")");
        lines.add("");
        lines.add("| rank | trial | " + escape(report.job().metric()) + " | epochs | parameters |");
        lines.add("|---:|---:|---:|---:|---|");
        for (JsonNode entry : report.leaderboard()) {
            lines.add("| " + entry.path("rank").asInt() + " | "
                    + entry.path("trialNumber").asInt() + " | "
                    + Numbers.format(entry.path("value").asDouble()) + " | "
                    + entry.path("epochs").asInt() + " | "
                    + escape(inline(entry.path("params"))) + " |");
        }
    }

    private static void bestParameters(JobView job, List<String> lines) {
        if (job.bestParams() == null || job.bestParams().isEmpty()) {
            return;
        }
        lines.add("");
        lines.add("#### Best parameters (trial " + job.bestTrial() + ")");
        lines.add("");
        lines.add("| parameter | value |");
        lines.add("|---|---|");
        for (Map.Entry<String, JsonNode> p : job.bestParams().properties()) {
            lines.add("| " + escape(p.getKey()) + " | " + escape(value(p.getValue())) + " |");
        }
    }

    static String inline(JsonNode params) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : params.properties()) {
            parts.add(p.getKey() + "=" + value(p.getValue()));
        }
        return String.join(", ", parts);
    }

    private static String value(JsonNode v) {
        return v.isNumber() ? Numbers.format(v.asDouble()) : v.asString();
    }

    private static String icon(GateResult.Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "✅ passed";
            case FAILED -> "❌ failed";
            case SKIPPED -> "⏭️ skipped";
        };
    }

    /** Table cells: a pipe would end the cell and a newline the row. */
    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    private static String code(String text) {
        return escape(text).replace("`", "'");
    }
}
