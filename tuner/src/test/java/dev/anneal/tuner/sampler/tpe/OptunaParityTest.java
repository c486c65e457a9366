package dev.anneal.tuner.sampler.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.anneal.tuner.space.Distribution;
import dev.anneal.tuner.space.FloatDistribution;
import dev.anneal.tuner.space.SearchSpace;
import dev.anneal.tuner.space.UnitSpace;
import dev.anneal.tuner.study.Direction;
import dev.anneal.tuner.study.StudyView;
import dev.anneal.tuner.study.TrialView;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The estimators agree with the peer: l(x) and g(x) for a recorded history equal what Optuna 3.1's
 * multivariate TPESampler computes (its {@code _ParzenEstimator.log_pdf}) for the same split.
 * The recorded history and Optuna's values are CSV files in {@code optuna31/} beside this
 * class's package in the test resources, with a README saying how they were produced.
 */
class OptunaParityTest {

    private static final int DIMENSIONS = 6;

    @Test
    void logDensitiesMatchOptuna31() throws IOException {
        // history.csv: number, x0..x5, value; log_densities.csv: x0..x5, log_l, log_g
        List<double[]> history = csv("history.csv");
        List<double[]> golden = csv("log_densities.csv");
        List<Distribution> dims = new ArrayList<>();
        for (int i = 0; i < DIMENSIONS; i++) {
            dims.add(new FloatDistribution("x" + i, 0, 1, false, null));
        }
        SearchSpace space = SearchSpace.of(dims.toArray(Distribution[]::new));
        List<TrialView> trials = new ArrayList<>();
        for (double[] row : history) {
            Map<String, Object> params = new LinkedHashMap<>();
            for (int i = 0; i < DIMENSIONS; i++) {
                params.put("x" + i, row[1 + i]);
            }
            trials.add(new TrialView(
                    (int) row[0], TrialView.Status.COMPLETE, params, OptionalDouble.of(row[1 + DIMENSIONS])));
        }
        assertThat(trials).hasSize(30);
        assertThat(golden).hasSize(2);
        UnitSpace unit = new UnitSpace(space);
        TrialSplit split = TrialSplit.of(new StudyView(space, Direction.MINIMIZE, trials), unit);
        assertThat(split.below()).hasNumberOfRows(3);
        Axis[] axes = Axis.of(unit);
        ParzenEstimator below = new ParzenEstimator(split.below(), axes, TpeSettings.optuna31());
        ParzenEstimator above = new ParzenEstimator(split.above(), axes, TpeSettings.optuna31());
        for (double[] row : golden) {
            double[] point = Arrays.copyOf(row, DIMENSIONS);
            assertThat(below.logDensity(point)).isCloseTo(row[DIMENSIONS], within(1e-5));
            assertThat(above.logDensity(point)).isCloseTo(row[DIMENSIONS + 1], within(1e-5));
        }
    }

    /** The numeric rows of a CSV file in {@code optuna31/}, header skipped. */
    private static List<double[]> csv(String name) throws IOException {
        try (InputStream in = OptunaParityTest.class.getResourceAsStream("optuna31/" + name)) {
            assertThat(in).as("test resource optuna31/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> Arrays.stream(line.split(","))
                            .mapToDouble(Double::parseDouble)
                            .toArray())
                    .toList();
        }
    }
}
