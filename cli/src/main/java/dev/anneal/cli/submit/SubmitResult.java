package dev.anneal.cli.submit;

import dev.anneal.cli.CliContext;
import dev.anneal.cli.CliFailure;
import dev.anneal.cli.ExitCodes;
import dev.anneal.cli.gate.Gate;
import dev.anneal.cli.gate.GateResult;
import dev.anneal.cli.http.AnnealClient;
import dev.anneal.cli.http.JobView;
import dev.anneal.cli.output.Numbers;
import dev.anneal.cli.report.JsonReport;
import dev.anneal.cli.report.JunitReport;
import dev.anneal.cli.report.MarkdownReport;
import dev.anneal.cli.report.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Turns a finished wait into the verdict: gates evaluated (or skipped when the job did not
 * complete), the exit code, the printed summary and the report files. Reports are written
 * for every outcome, so a CI page shows why a build failed, not just that it did.
 */
final class SubmitResult {

    static final int LEADERBOARD_SIZE = 10;

    private final AnnealClient client;
    private final CliContext context;
    private final JobWaiter.Waited waited;
    private final Duration timeout;
    private final List<Gate> gates;

    SubmitResult(AnnealClient client, CliContext context, JobWaiter.Waited waited, Duration timeout, List<Gate> gates) {
        this.client = client;
        this.context = context;
        this.waited = waited;
        this.timeout = timeout;
        this.gates = gates;
    }

    int conclude(Path junit, Path markdown, Path json) {
        JobView job = waited.job();
        boolean completed = !waited.timedOut() && "COMPLETED".equals(job.state());
        String outcome = outcome(job);
        List<GateResult> results = new ArrayList<>();
        for (Gate gate : gates) {
            results.add(completed ? gate.evaluate(job) : gate.skip("not evaluated: " + outcome));
        }
        int exitCode = exitCode(job, results);
        RunReport report = new RunReport(
                URI.create(client.baseUrl() + "/api/v1/jobs/" + job.id()),
                job,
                completed,
                outcome,
                leaderboard(job),
                results,
                exitCode,
                waited.elapsed());
        print(report);
        write(report, junit, markdown, json);
        return exitCode;
    }

    private String outcome(JobView job) {
        if (waited.timedOut()) {
            return "still " + job.state() + " after the " + Numbers.format(timeout) + " timeout; the job keeps running"
                    + " (anneal cancel " + job.id() + " stops it)";
        }
        return job.stateReason() == null ? job.state() : job.state() + ": " + job.stateReason();
    }

    private int exitCode(JobView job, List<GateResult> results) {
        if (waited.timedOut()) {
            return ExitCodes.TIMEOUT;
        }
        if (!"COMPLETED".equals(job.state())) {
            return ExitCodes.JOB_FAILED;
        }
        return results.stream().anyMatch(GateResult::failed) ? ExitCodes.GATE_FAILED : ExitCodes.OK;
    }

    private List<JsonNode> leaderboard(JobView job) {
        List<JsonNode> rows = new ArrayList<>();
        client.get("/api/v1/jobs/" + job.id() + "/leaderboard?limit=" + LEADERBOARD_SIZE)
                .forEach(rows::add);
        return rows;
    }

    private void print(RunReport report) {
        PrintWriter out = context.out();
        JobView job = report.job();
        out.println(
                job.label() + " " + report.outcome() + "; best " + job.metric() + " " + Numbers.format(job.bestValue())
                        + (job.bestTrial() == null ? "" : " (trial " + job.bestTrial() + ")"));
        for (GateResult gate : report.gates()) {
            out.println("  " + gate.outcome() + "  " + gate.gate() + ": " + gate.message());
        }
        out.flush();
    }

    private void write(RunReport report, Path junit, Path markdown, Path json) {
        try {
            if (junit != null) {
                JunitReport.write(report, junit);
            }
            if (markdown != null) {
                Files.createDirectories(markdown.toAbsolutePath().getParent());
                Files.writeString(markdown, MarkdownReport.render(report));
            }
            if (json != null) {
                JsonReport.write(report, json);
            }
        } catch (IOException e) {
            throw CliFailure.usage("cannot write a report: " + e);
        }
    }
}
