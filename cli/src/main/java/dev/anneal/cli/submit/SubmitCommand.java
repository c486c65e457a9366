package dev.anneal.cli.submit;

import dev.anneal.cli.CliContext;
import dev.anneal.cli.CliFailure;
import dev.anneal.cli.config.ServerOptions;
import dev.anneal.cli.config.ServerSettings;
import dev.anneal.cli.gate.Baseline;
import dev.anneal.cli.gate.BaselineFinder;
import dev.anneal.cli.gate.Gate;
import dev.anneal.cli.gate.GateExpressionParser;
import dev.anneal.cli.gate.RegressionGate;
import dev.anneal.cli.gate.ThresholdGate;
import dev.anneal.cli.http.AnnealClient;
import dev.anneal.cli.http.JobView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

@Command(
        name = "submit",
        sortOptions = false,
        description = {
            "Submit a job spec (YAML or JSON); with --wait, follow it, check gates and write reports.",
            "Exit codes: 0 success, 1 a gate failed, 2 job failed or cancelled, 3 timeout,"
                    + " 4 invalid spec or usage, 5 server unreachable or authentication failed."
        })
public final class SubmitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "job spec file: .yaml, .yml or .json")
    Path specFile;

    @Option(names = "--wait", description = "wait for the job to finish, showing progress")
    boolean wait;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "with --wait: give up after this long (90s, 30m, 1h30m), exit 3; the job keeps running")
    Duration timeout;

    @Option(
            names = "--fail-if",
            paramLabel = "EXPR",
            description = "gate, repeatable: fail the build when e.g. \"best.val_accuracy < 0.95\""
                    + " (best.<objective metric or value> < <= > >= == != number)")
    List<String> failIf = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "JOB_ID", description = "regression gate against this completed job")
    Long baselineJob;

    @Option(
            names = "--baseline-tag",
            paramLabel = "KEY=VALUE",
            description = "regression gate against the newest completed job with this tag, e.g. branch=main")
    Map<String, String> baselineTag;

    @Option(
            names = "--max-regression",
            paramLabel = "AMOUNT",
            description = "how much worse than the baseline the best value may be, in the metric's units (default 0)")
    Double maxRegression;

    @Option(names = "--junit", paramLabel = "FILE", description = "write a JUnit XML report (one test case per gate)")
    Path junit;

    @Option(names = "--markdown", paramLabel = "FILE", description = "write a Markdown summary")
    Path markdown;

    @Option(names = "--json", paramLabel = "FILE", description = "write the result as JSON")
    Path json;

    @Option(
            names = "--tag",
            paramLabel = "KEY=VALUE",
            description = "tag the job, repeatable (merged into the spec's tags)")
    Map<String, String> tags = new LinkedHashMap<>();

    @Option(
            names = "--idempotency-key",
            paramLabel = "KEY",
            description = "retrying with the same key returns the first job instead of creating another")
    String idempotencyKey;

    @Mixin
    ServerOptions server;

    private final CliContext context;

    public SubmitCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        checkFlags();
        ObjectNode spec = SpecFile.read(specFile);
        SpecFile.addTags(spec, tags);
        List<ThresholdGate> thresholds =
                failIf.stream().map(GateExpressionParser::parse).toList();
        checkGatesAgainstSpec(spec, thresholds);
        AnnealClient client = new AnnealClient(ServerSettings.resolve(server, context));
        Baseline baseline = findBaseline(client);

        Map<String, String> headers = idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey);
        JobView job = JobView.of(client.postJson("/api/v1/jobs", spec, headers));
        context.out().println("Submitted " + job.label() + ": " + client.baseUrl() + "/api/v1/jobs/" + job.id());
        if (!wait) {
            return 0;
        }
        List<Gate> gates = new ArrayList<>();
        for (ThresholdGate gate : thresholds) {
            checkApplies(client, gate, job);
            gates.add(gate);
        }
        if (baseline != null) {
            gates.add(new RegressionGate(baseline, maxRegression == null ? 0.0 : maxRegression));
        }
        JobWaiter waiter =
                new JobWaiter(client, new Progress(context.out(), context.terminal()), context.pollInterval());
        JobWaiter.Waited waited = waiter.await(job, timeout);
        return new SubmitResult(client, context, waited, timeout, gates).conclude(junit, markdown, json);
    }

    private void checkFlags() {
        boolean needsWait = !failIf.isEmpty()
                || baselineJob != null
                || baselineTag != null
                || junit != null
                || markdown != null
                || json != null
                || timeout != null;
        if (needsWait && !wait) {
            throw CliFailure.usage(
                    "--fail-if, --baseline, --baseline-tag, --timeout, --junit, --markdown and --json need --wait");
        }
        if (baselineJob != null && baselineTag != null) {
            throw CliFailure.usage("--baseline and --baseline-tag exclude each other");
        }
        if (baselineTag != null && baselineTag.size() != 1) {
            throw CliFailure.usage("--baseline-tag takes one KEY=VALUE");
        }
        if (maxRegression != null && baselineJob == null && baselineTag == null) {
            throw CliFailure.usage("--max-regression needs --baseline or --baseline-tag");
        }
        if (maxRegression != null && (maxRegression < 0 || !Double.isFinite(maxRegression))) {
            throw CliFailure.usage("--max-regression must be a number >= 0, but was " + maxRegression);
        }
    }

    /**
     * Before submitting: once the new job exists and carries the same tag, the newest tagged job
     * would be the new job itself.
     */
    private Baseline findBaseline(AnnealClient client) {
        BaselineFinder finder = new BaselineFinder(client);
        if (baselineJob != null) {
            return finder.byId(baselineJob);
        }
        if (baselineTag != null) {
            Map.Entry<String, String> tag = baselineTag.entrySet().iterator().next();
            return finder.byTag(tag.getKey(), tag.getValue());
        }
        return null;
    }

    /**
     * Refuses, before anything is submitted, a gate on a metric the spec's own {@code objectives}
     * (or explicit {@code objective.metric}) do not name; a spec that leaves its objective to the
     * server's default is checked after submission, below.
     */
    private void checkGatesAgainstSpec(ObjectNode spec, List<ThresholdGate> gates) {
        List<String> objectives = new ArrayList<>();
        spec.path("objectives").forEach(o -> objectives.add(o.path("metric").asString("")));
        if (objectives.isEmpty() && spec.path("objective").path("metric").isString()) {
            objectives.add(spec.path("objective").path("metric").asString());
        }
        if (!objectives.isEmpty()) {
            gates.forEach(g -> g.checkAppliesTo("the spec " + specFile.getFileName(), objectives));
        }
    }

    /**
     * A gate on a metric the job does not optimize is a pipeline mistake; the job's objective is
     * known for sure only from the server's answer (defaults fill it in), so the job just
     * submitted is cancelled rather than left running unobserved.
     */
    private void checkApplies(AnnealClient client, ThresholdGate gate, JobView job) {
        try {
            gate.checkAppliesTo(job);
        } catch (CliFailure e) {
            try {
                client.post("/api/v1/jobs/" + job.id() + "/cancel");
            } catch (CliFailure ignored) {
                // the usage error below is what the user needs to see
            }
            throw new CliFailure(e.exitCode(), e.getMessage() + " (" + job.label() + " was cancelled)");
        }
    }
}
