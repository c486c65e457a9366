package dev.anneal.worker.run;

/** The training seed of one trial: distinct per trial, fixed by the job's seed and the trial number. */
final class TrainingSeeds {

    private TrainingSeeds() {}

    static long forTrial(long jobSeed, int number) {
        long z = jobSeed ^ (0xD1B54A32D192ED03L * (number + 1));
        z = (z ^ (z >>> 32)) * 0xDABA0B6EB09322E3L;
        z = (z ^ (z >>> 29)) * 0x9E3779B97F4A7C15L;
        return z ^ (z >>> 32);
    }
}
