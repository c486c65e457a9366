package dev.anneal.tuner.pruner;

/** Pruner {@code none}: every trial trains all its epochs. */
final class NopPruner implements Pruner {

    @Override
    public Verdict judge(Report report) {
        return Verdict.NO_JUDGEMENT;
    }
}
