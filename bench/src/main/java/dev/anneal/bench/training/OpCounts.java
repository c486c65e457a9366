package dev.anneal.bench.training;

import java.util.Map;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;

/**
 * {@code training-ops}: native ops per training step (ND4J's OpProfiler) beside the time per step
 * without profiling, giving the mean cost per op: for a small MLP the per-op overhead (JNI call,
 * shape checks, output allocation), not the arithmetic, sets the step time. Prints OpProfiler's
 * dashboard too. Options: {@code --model --threads --limit --loop settings}.
 */
public final class OpCounts {

    private OpCounts() {}

    public static void main(String[] args) {
        Map<String, String> o = Options.parse(args);
        Model model = Model.of(o.getOrDefault("--model", "mlp"));
        ThreadLimit.apply(o.getOrDefault("--limit", "nd4j"), Integer.parseInt(o.getOrDefault("--threads", "1")));
        DataSet data = Workloads.load(model);
        TrainingLoop loop =
                new TrainingLoop(model, data, LoopSettings.parse(o.getOrDefault("--loop", LoopSettings.TUNED)));
        ChildRun.samplesPerSecond(loop, 2);
        double rate = ChildRun.samplesPerSecond(loop, 3).cpu();
        int stepsPerEpoch = (data.numExamples() + model.batchSize - 1) / model.batchSize;
        double stepMicros = 1e6 * data.numExamples() / rate / stepsPerEpoch;

        OpProfiler.getInstance().reset();
        Nd4j.getExecutioner()
                .setProfilingConfig(
                        ProfilerConfig.builder().checkElapsedTime(true).build());
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.OPERATIONS);
        loop.epoch();
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
        long ops = OpProfiler.getInstance().getInvocationsCount();
        OpProfiler.getInstance().printOutDashboard();
        double opsPerStep = (double) ops / stepsPerEpoch;
        System.out.printf(
                "%s: %.0f samples per CPU second unprofiled = %.0f us per step of %d; %.1f native ops per step -> %.1f us per op%n",
                model, rate, stepMicros, model.batchSize, opsPerStep, stepMicros / opsPerStep);
    }
}
