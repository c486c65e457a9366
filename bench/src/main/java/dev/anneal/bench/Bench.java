package dev.anneal.bench;

import java.util.Arrays;

/**
 * Entry point of {@code java -jar bench/target/anneal-bench.jar <benchmark> [options]}.
 * Benchmarks measure; tests assert. Each prints its numbers beside the peer numbers of
 * {@code ../shared/bench/reference.md} and their ratio.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (name) {
            case "training" -> dev.anneal.bench.training.TrainingThroughput.main(rest);
            case "training-variants" -> dev.anneal.bench.training.LoopVariants.main(rest);
            case "training-env" -> dev.anneal.bench.training.ThreadEnvironments.main(rest);
            case "training-ops" -> dev.anneal.bench.training.OpCounts.main(rest);
            case "trial-profile" -> dev.anneal.bench.training.TrialProfile.main(rest);
            case "mlp-shapes" -> dev.anneal.bench.training.MlpShapes.main(rest);
            case "series-lstm" -> dev.anneal.bench.training.SeriesLstm.main(rest);
            case "training-child" -> dev.anneal.bench.training.ChildRun.main(rest);
            case "overhead" -> TrialOverhead.main(rest);
            case "memory" -> MemoryFootprint.main(rest);
            case "asktell" -> AskTellThroughput.main(rest);
            case "reads" -> ReadLatency.main(rest);
            case "queue" -> QueueThroughput.main(rest);
            case "pruning" -> PruningBenefit.main(rest);
            case "e2e" -> EndToEndStudy.main(rest);
            case "search" -> dev.anneal.bench.search.SearchQuality.main(rest);
            case "latency" -> dev.anneal.bench.search.SearchLatency.main(rest);
            case "mo-search" -> dev.anneal.bench.multiobjective.MultiObjectiveQuality.main(rest);
            case "mo-latency" -> dev.anneal.bench.multiobjective.MoLatency.main(rest);
            default -> {
                System.out.println("""
                        usage: java -jar bench/target/anneal-bench.jar <benchmark> [options]
                          training [--models mlp,cnn,lstm] [--threads 1,2] [--rounds 5] [--env K=V,...]
                                                   MLP (digits), LeNet (MNIST), LSTM (50x8): samples/s of MlpTrainer's
                                                   loop and the tuned loop vs PyTorch, each thread count in its own JVM
                          training-variants [--model mlp] [--threads 1] [--variants name:k=v,..|..]
                                                   loop variants (fit, batching, shuffle, score, workspaces) side by side
                          training-env [--model mlp] [--threads 2] [--repeats 3]
                                                   thread settings (ND4J API, OMP_NUM_THREADS, OMP_WAIT_POLICY, ...)
                          training-ops [--model mlp] [--threads 1]
                                                   native ops per step (OpProfiler) and the time per op
                          trial-profile [--shapes 63@128,256@32,16@64] [--rounds 5] [--parallel 1] [--warm-up false]
                                                   digits MLP trials on the worker's path, in-process: ms per phase
                                                   (setup, first and later epochs, validation, model zip)
                          overhead [--url URL --token T] [--trials N]
                                                   per-trial overhead of a running server: queued -> running and
                                                   last epoch -> on the leaderboard
                          mlp-shapes [--shapes 16@32,64@128,...] [--epochs 8] [--python /usr/bin/python3]
                                                   digits MLP samples/s at 1 thread per width and batch vs PyTorch
                          series-lstm [--rounds 3] [--epochs 30] [--python /usr/bin/python3]
                                                   one series-LSTM trial (3,150 steps, window 24, 32 units) on the
                                                   worker's path vs PyTorch's LSTM on the same windows
                          memory [--workload iris|lstm|cnn] [--count N] [--slots 2] [--epochs E] [--jvm "-Xmx.."]
                                                   resident memory of a started server after 1..N iris jobs, or
                                                   after each pair of trials of one LSTM / CNN job
                          reads [--url URL --token T] [--trials 10000] [--clients 8] [--samples 300]
                                                   leaderboard, job and importance latency at N told trials
                          asktell [--url URL --token T] [--cycles 3000] [--clients 8] [--warmup 5000]
                                                   ask+tell cycles/s of an external random-search job over HTTP,
                                                   K concurrent clients, p50/p99 latency, vs Optuna's RDB storage
                          queue [--url JDBC-URL] [--trials 3000]
                                                   no-op trials claimed and completed per second, 1/2/8 threads
                                                   and 2/8 processes, claim latency, vs Optuna's RDB storage
                          pruning [--url URL] [--seeds 3] [--trials 40] [--epochs 40] [--asha '{...}']
                                                   digits MLP random search with pruner asha vs none: epochs,
                                                   wall-clock, best accuracy, cost to reach none's best - 0.5 pt
                          e2e [--seeds 3] [--trials 30] [--python /usr/bin/python3] [--target 0.98]
                              [--target-trials 100] [--parts study,target] [--launch script|jar]
                                                   the digits study of reference.md section 5 side by side with
                                                   Optuna TPE + PyTorch (peer first, then Anneal, per seed): wall
                                                   time and best accuracy; then time to 0.98 with asha vs Optuna's
                                                   SuccessiveHalvingPruner
                          search [--functions f,g] [--samplers a,b] [--seeds 20] [--in-flight 1]
                                                   median simple regret on the public test functions vs Optuna
                          latency [--functions f,g] [--samplers a,b] [--observations 50,100,200,1000]
                                                   suggestion latency vs Optuna
                          mo-search [--problems zdt1,dtlz2,bnh] [--samplers bayesian,tpe,nsga2,random] [--seeds 10]
                                    [--budgets 25,50,100] [--threads N] [--http true [--url URL --token T]]
                                                   median hypervolume gap on shared/bench/multiobjective.md vs Optuna,
                                                   in-process or through a server's ask/tell
                          mo-latency [--problem zdt1] [--samplers bayesian,tpe,nsga2] [--observations 100,500]
                                                   one multi-objective suggestion's time at N observations
                        """);
            }
        }
    }
}
