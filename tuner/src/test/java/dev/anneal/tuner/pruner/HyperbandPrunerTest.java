package dev.anneal.tuner.pruner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.tuner.study.Direction;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HyperbandPrunerTest {

    @Test
    void hasOneBracketPerRungThatFitsBelowTheMaximum() {
        assertThat(new HyperbandPruner(1, 27, 3, 7).bracketCount()).isEqualTo(4);
        assertThat(new HyperbandPruner(1, 26, 3, 7).bracketCount()).isEqualTo(3);
        assertThat(new HyperbandPruner(5, 5, 3, 7).bracketCount()).isEqualTo(1);
    }

    @Test
    void assignsBracketsDeterministicallyWeightedTowardsTheMostAggressive() {
        HyperbandPruner hyperband = new HyperbandPruner(1, 27, 3, 42);
        int[] counts = new int[4];
        IntStream.range(0, 4900).forEach(n -> counts[hyperband.bracketOf(n)]++);
        // weights 27, 12, 6, 4 of 49
        assertThat(counts[0]).isBetween(2500, 2900);
        assertThat(counts[1]).isBetween(1050, 1350);
        assertThat(counts[2]).isBetween(480, 720);
        assertThat(counts[3]).isBetween(300, 500);
        assertThat(new HyperbandPruner(1, 27, 3, 42).bracketOf(17)).isEqualTo(hyperband.bracketOf(17));
    }

    @Test
    void comparesOnlyWithinTheTrialsBracket() {
        HyperbandPruner hyperband = new HyperbandPruner(1, 9, 3, 1);
        int trial = IntStream.range(0, 100)
                .filter(n -> hyperband.bracketOf(n) == 0)
                .findFirst()
                .orElseThrow();
        List<Integer> sameBracket = IntStream.range(0, 100)
                .filter(n -> n != trial && hyperband.bracketOf(n) == 0)
                .boxed()
                .limit(2)
                .toList();
        List<Integer> otherBracket = IntStream.range(0, 100)
                .filter(n -> hyperband.bracketOf(n) != 0)
                .boxed()
                .limit(5)
                .toList();
        // far better trials of other brackets do not count; within the bracket it is the best
        List<Report.Peer> peers = new java.util.ArrayList<>();
        otherBracket.forEach(n -> peers.add(new Report.Peer(n, false, 0.99)));
        sameBracket.forEach(n -> peers.add(new Report.Peer(n, false, 0.5)));
        Report report = new Report(trial, 1, 0.6, 0.6, 9, Direction.MAXIMIZE, peers);

        Verdict v = hyperband.judge(report);
        assertThat(v.prune()).isFalse();
        assertThat(v.reason())
                .isEqualTo(
                        "hyperband bracket 0: asha rung 0 (epoch 1): 0.6 within top-1/3 cutoff 0.6 of 3 trials, promoted");

        Report worst = new Report(trial, 1, 0.4, 0.4, 9, Direction.MAXIMIZE, peers);
        assertThat(hyperband.judge(worst).prune()).isTrue();
    }

    @Test
    void theBracketWithTheLatestFirstRungNeverStopsEarlierThanItsRung() {
        HyperbandPruner hyperband = new HyperbandPruner(1, 9, 3, 1);
        int late = IntStream.range(0, 1000)
                .filter(n -> hyperband.bracketOf(n) == 2)
                .findFirst()
                .orElseThrow();
        // bracket 2's first rung is epoch 9, the maximum: it never prunes
        for (int epoch = 1; epoch <= 9; epoch++) {
            Report r = new Report(late, epoch, 0.0, 0.0, 9, Direction.MAXIMIZE, List.of());
            assertThat(hyperband.judge(r)).isEqualTo(Verdict.NO_JUDGEMENT);
        }
    }
}
