package dev.anneal.api.job;

import dev.anneal.spec.Algorithm;
import dev.anneal.spec.JobSpec;
import dev.anneal.tuner.sampler.GridSampler;
import dev.anneal.tuner.sampler.Samplers;
import dev.anneal.tuner.space.InvalidSearchSpaceException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What both kinds of job share: the search space (validated by {@link SearchSpaceParser} for the
 * model family), the sampler that must accept it, the seed, and the trial limits with their
 * defaults (a grid's size caps its trials).
 */
final class SearchRules {

    static final int MAX_TRIALS = 10_000;
    static final int MAX_PARALLELISM = 64;
    static final int DEFAULT_TRIALS = 20;
    static final int DEFAULT_PARALLELISM = 2;
    static final long MAX_SEED = (1L << 53) - 1;

    private final SecureRandom seeds = new SecureRandom();
    private final SearchSpaceParser.Limits spaceLimits;

    SearchRules(SearchSpaceParser.Limits spaceLimits) {
        this.spaceLimits = spaceLimits;
    }

    /** What both kinds of job share: the search space, the algorithm and the trial limits. */
    record Search(SearchSpaceParser.Parsed space, JobSpec.AlgorithmSpec algorithm, int maxTrials, int parallelism) {

        /** The parameters in the order the user wrote them: grid enumeration follows it. */
        List<String> order() {
            return List.copyOf(space.space().parameters().keySet());
        }
    }

    /** @param family the model family whose hyperparameters the space may use; {@code null} for external jobs */
    Search search(SpecNode root, String family) {
        Optional<SearchSpaceParser.Parsed> space =
                root.object("searchSpace", true).flatMap(s -> SearchSpaceParser.parse(s, family, spaceLimits));
        JobSpec.AlgorithmSpec algorithm = algorithm(root);
        space.ifPresent(s -> checkSampler(root, algorithm.type().spelling(), s));
        boolean grid = algorithm.type() == Algorithm.GRID;
        long gridSize = space.map(s -> s.space().gridSize()).orElse(Long.MAX_VALUE);
        int maxTrials = root.integer("maxTrials", false, 1, MAX_TRIALS)
                .map(Long::intValue)
                .orElse(grid ? (int) Math.min(gridSize, MAX_TRIALS) : DEFAULT_TRIALS);
        if (grid) {
            maxTrials = (int) Math.min(maxTrials, gridSize);
        }
        int parallelism = root.integer("parallelism", false, 1, MAX_PARALLELISM)
                .map(Long::intValue)
                .orElse(DEFAULT_PARALLELISM);
        return new Search(space.orElse(null), algorithm, maxTrials, parallelism);
    }

    private JobSpec.AlgorithmSpec algorithm(SpecNode root) {
        Optional<SpecNode> node = root.object("algorithm", false);
        node.ifPresent(a -> a.rejectUnknown(Set.of("type", "seed")));
        String type = node.flatMap(a -> a.choice("type", false, Samplers.NAMES)).orElse("random");
        long seed = node.flatMap(a -> a.integer("seed", false, 0, MAX_SEED))
                .orElseGet(() -> seeds.nextLong() & 0x7FFFFFFFL);
        return new JobSpec.AlgorithmSpec(Algorithm.of(type), seed);
    }

    private static void checkSampler(SpecNode root, String algorithm, SearchSpaceParser.Parsed space) {
        try {
            Samplers.create(algorithm, space.space());
        } catch (InvalidSearchSpaceException e) {
            String field = e.parameter() == null ? "searchSpace" : "searchSpace." + e.parameter() + "." + e.field();
            root.error(
                    field, e.getMessage() + (e.parameter() == null ? " (limit " + GridSampler.MAX_POINTS + ")" : ""));
        }
    }
}
