package dev.anneal.api.job;

import dev.anneal.spec.PrunerSpec;
import java.util.List;

/** What several objectives rule out elsewhere in a spec. */
final class TradeOffRules {

    private TradeOffRules() {}

    static void check(SpecNode root, List<ObjectiveRules.Objective> objectives, PrunerSpec pruner) {
        if (objectives.size() < 2) {
            return;
        }
        if (!pruner.equals(PrunerSpec.NONE)) {
            root.error(
                    "pruner",
                    "cannot prune a job with several objectives: a pruner compares one intermediate value"
                            + " against other trials', and a trial behind on one objective may still be on the"
                            + " Pareto front through another; remove \"pruner\"");
        }
        if (root.has("warmStartFrom")) {
            root.error("warmStartFrom", "is not supported for jobs with several objectives yet");
        }
    }
}
