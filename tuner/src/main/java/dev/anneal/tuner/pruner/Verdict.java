package dev.anneal.tuner.pruner;

/**
 * A pruner's answer to one report.
 *
 * @param prune whether the trial should stop now
 * @param reason why, for people (e.g. {@code asha rung 2 (epoch 9): 0.81 below top-1/3 cutoff
 *     0.86 of 12 trials}); null when the pruner made no judgement at this step (not a rung)
 */
public record Verdict(boolean prune, String reason) {

    /** No judgement at this step: the trial goes on and nothing is worth recording. */
    public static final Verdict NO_JUDGEMENT = new Verdict(false, null);

    public static Verdict keep(String reason) {
        return new Verdict(false, reason);
    }

    public static Verdict prune(String reason) {
        return new Verdict(true, reason);
    }

    public Verdict {
        if (prune && reason == null) {
            throw new IllegalArgumentException("a prune verdict needs a reason");
        }
    }

    /** This verdict with {@code prefix} before its reason (e.g. a Hyperband bracket). */
    Verdict prefixed(String prefix) {
        return reason == null ? this : new Verdict(prune, prefix + reason);
    }
}
